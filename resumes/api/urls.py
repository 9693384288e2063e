"""API URLs of this app, mounted under /api/ by smartcv.urls.

Resume ids are matched as plain strings so that a malformed id answers 404
RESUME_NOT_FOUND in the smartcv envelope (the selector decides), never a generic 404.
"""

from django.urls import path

from resumes.api import profile, smartcv

urlpatterns = [
    path("resumes", smartcv.ResumeListView.as_view(), name="smartcv-resumes"),
    path("resumes/import", smartcv.ResumeImportView.as_view(), name="smartcv-resume-import"),
    path(
        "resumes/import/json-resume",
        smartcv.JsonResumeImportView.as_view(),
        name="smartcv-resume-import-json-resume",
    ),
    path("resumes/<str:pk>", smartcv.ResumeDetailView.as_view(), name="smartcv-resume"),
    path(
        "resumes/<str:pk>/projects", smartcv.ResumeProjectsView.as_view(), name="smartcv-resume-projects"
    ),
    path("resumes/<str:pk>/share", smartcv.ResumeShareView.as_view(), name="smartcv-resume-share"),
    path(
        "resumes/<str:pk>/analysis", smartcv.ResumeAnalysisView.as_view(), name="smartcv-resume-analysis"
    ),
    path("templates", smartcv.TemplateListView.as_view(), name="smartcv-templates"),
    path("templates/<str:pk>", smartcv.TemplateDetailView.as_view(), name="smartcv-template"),
    path("user/publish-resume", profile.PublishResumeView.as_view(), name="profile-publish-resume"),
]
