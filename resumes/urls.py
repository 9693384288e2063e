"""Public and recruiter pages of the resumes app, mounted at / by smartcv.urls."""

from django.urls import path

from resumes import builder_views, views

urlpatterns = [
    path("resumes/", builder_views.resume_list, name="resume-list"),
    path("resumes/import/", builder_views.resume_import, name="resume-import"),
    path("resumes/<str:pk>/", builder_views.resume_edit, name="resume-edit"),
    path("resumes/<str:pk>/preview/", builder_views.resume_preview, name="resume-preview"),
    path("resumes/<str:pk>/export/", builder_views.resume_export, name="resume-export"),
    path("resumes/<str:pk>/share/", builder_views.resume_share, name="resume-share"),
    path("resumes/<str:pk>/publish/", builder_views.resume_publish, name="resume-publish"),
    path("resumes/<str:pk>/delete/", builder_views.resume_delete, name="resume-delete"),
    path("share/<str:token>", views.share_page, name="share"),
    path("share/<str:token>/download", views.share_download, name="share-download"),
    path("share/<str:token>/resume", views.share_frame, name="share-frame"),
    # ".json" first: a username never contains a dot, so the two cannot be confused.
    path("u/<str:username>.json", views.profile_json, name="profile-json"),
    path("u/<str:username>", views.profile_page, name="profile"),
]
