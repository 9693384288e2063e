"""Rendering endpoints mounted under /api/ before resumes.api.urls: the smartcv export and
the reader's resume settings. The two /api/webhook/generate-pdfs routes live in
smartcv/urls.py, above the /api/webhook include (``bulk_urlpatterns`` below)."""

from django.urls import path

from rendering.api import reader
from rendering.api.smartcv import ResumeExportView

urlpatterns = [
    path("resumes/<uuid:id>/export", ResumeExportView.as_view(), name="smartcv-resume-export"),
    path("resume-settings", reader.ResumeSettingsView.as_view(), name="reader-resume-settings"),
    path(
        "resume-settings/api-key/update-with-canvas",
        reader.ResumeSettingsCanvasView.as_view(),
        name="reader-resume-settings-canvas",
    ),
    path(
        "resume-settings/api-key/resumes/<uuid:resume_id>/generate-pdf",
        reader.GeneratePdfView.as_view(),
        name="reader-resume-generate-pdf",
    ),
    path(
        "resume-settings/v1/generate-pdf",
        reader.InstantGenerateView.as_view(),
        name="reader-resume-generate-instant",
    ),
    path("resume-settings/format", reader.FormatBatchView.as_view(), name="reader-resume-format"),
]
