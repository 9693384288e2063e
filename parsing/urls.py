"""Recruiter pages of the parsing app (candidates), mounted at / by smartcv.urls."""

from django.urls import path

from parsing import views

urlpatterns = [
    path("candidates/", views.candidate_list_page, name="candidates"),
    path("candidates/upload/", views.candidate_upload_page, name="candidate-upload"),
    path("candidates/<uuid:candidate_id>/", views.candidate_detail_page, name="candidate-detail"),
    path("candidates/<uuid:candidate_id>/row/", views.candidate_row_page, name="candidate-row"),
    path("candidates/<uuid:candidate_id>/file/", views.candidate_file_page, name="candidate-file"),
    path("candidates/<uuid:candidate_id>/edit/", views.candidate_edit_page, name="candidate-edit"),
    path("candidates/<uuid:candidate_id>/tags/", views.candidate_tag_add_page, name="candidate-tag-add"),
    path(
        "candidates/<uuid:candidate_id>/tags/<uuid:tag_id>/remove/",
        views.candidate_tag_remove_page,
        name="candidate-tag-remove",
    ),
    path("candidates/<uuid:candidate_id>/delete/", views.candidate_delete_page, name="candidate-delete"),
    path(
        "candidates/<uuid:candidate_id>/pdf/<str:variant>/",
        views.candidate_pdf_page,
        name="candidate-pdf",
    ),
]
