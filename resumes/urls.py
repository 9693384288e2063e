"""Public and recruiter pages of the resumes app, mounted at / by smartcv.urls."""

from django.urls import path

from resumes import views

urlpatterns = [
    path("share/<str:token>", views.share_page, name="share"),
    path("share/<str:token>/download", views.share_download, name="share-download"),
    # ".json" first: a username never contains a dot, so the two cannot be confused.
    path("u/<str:username>.json", views.profile_json, name="profile-json"),
    path("u/<str:username>", views.profile_page, name="profile"),
]
