"""Rendering endpoints of the smartcv dialect, mounted under /api/ before resumes.api.urls."""

from django.urls import path

from rendering.api.smartcv import ResumeExportView

urlpatterns = [
    path("resumes/<uuid:id>/export", ResumeExportView.as_view(), name="smartcv-resume-export"),
]
