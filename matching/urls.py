"""Recruiter pages of the matching app (jobs and pipelines), mounted at / by smartcv.urls."""

from django.urls import path

from matching import views

urlpatterns = [
    path("jobs/", views.job_list_page, name="jobs"),
    path("jobs/new/", views.job_create_page, name="job-create"),
    path("jobs/parse/", views.job_parse_page, name="job-parse"),
    path("jobs/<uuid:job_id>/", views.job_detail_page, name="job-detail"),
    path("jobs/<uuid:job_id>/edit/", views.job_edit_page, name="job-edit"),
    path("jobs/<uuid:job_id>/delete/", views.job_delete_page, name="job-delete"),
    path("jobs/<uuid:job_id>/pipeline/", views.job_pipeline_page, name="job-pipeline"),
    path(
        "jobs/<uuid:job_id>/candidates/<uuid:candidate_id>/status/",
        views.match_status_page,
        name="match-status",
    ),
    path("jobs/feeds/", views.feed_list_page, name="job-feeds"),
    path("jobs/feeds/<uuid:feed_id>/", views.feed_detail_page, name="job-feed-detail"),
    path("jobs/feeds/<uuid:feed_id>/toggle/", views.feed_toggle_page, name="job-feed-toggle"),
    path("jobs/feeds/<uuid:feed_id>/import/", views.feed_import_page, name="job-feed-import"),
    path("jobs/feeds/<uuid:feed_id>/delete/", views.feed_delete_page, name="job-feed-delete"),
]
