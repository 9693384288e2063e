"""Recruiter pages of the rendering app, mounted at / by smartcv.urls."""

from django.urls import path

from rendering import views

urlpatterns = [
    path("account/render-settings/", views.render_settings_page, name="render-settings"),
    path(
        "account/render-settings/preview/",
        views.render_settings_preview_page,
        name="render-settings-preview",
    ),
    path("account/pdf-batches/", views.batch_list_page, name="pdf-batches"),
    path("account/pdf-batches/<uuid:batch_id>/", views.batch_detail_page, name="pdf-batch-detail"),
    path("candidates/pdf-batch/", views.candidate_batch_page, name="candidate-pdf-batch"),
]
