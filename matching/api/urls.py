"""Jobs and matching API URLs, mounted under /api/ by smartcv.urls."""

from django.urls import path

from matching.api import parserpro, reader, reader_feeds, reader_scores

urlpatterns = [
    path("v1/jobs", parserpro.JobListView.as_view(), name="parserpro-jobs"),
    path("v1/jobs/<str:job_id>", parserpro.JobDetailView.as_view(), name="parserpro-job"),
    path(
        "v1/jobs/<str:job_id>/candidates/<str:candidate_id>",
        parserpro.JobCandidateView.as_view(),
        name="parserpro-job-candidate",
    ),
    path("jobs/api-key", reader.JobCreateView.as_view(), name="reader-job-create"),
    path("jobs/feeds", reader_feeds.JobFeedListView.as_view(), name="reader-job-feeds"),
    path("jobs/feeds/<str:feed_id>", reader_feeds.JobFeedDetailView.as_view(), name="reader-job-feed"),
    path(
        "jobs/feeds/<str:feed_id>/import",
        reader_feeds.JobFeedImportView.as_view(),
        name="reader-job-feed-import",
    ),
    path(
        "jobs/feeds/<str:feed_id>/runs",
        reader_feeds.JobFeedRunsView.as_view(),
        name="reader-job-feed-runs",
    ),
    path("jobs/queue", reader_scores.JobsQueueView.as_view(), name="reader-jobs-queue"),
    path(
        "scores/jobs-for-resume/<str:resume_id>",
        reader_scores.JobsForResumeView.as_view(),
        name="reader-jobs-for-resume",
    ),
    path(
        "scores/resumes-for-job/<str:job_reference>",
        reader_scores.ResumesForJobView.as_view(),
        name="reader-resumes-for-job",
    ),
    path(
        "scores/match-job-resume/<str:resume_id>",
        reader_scores.MatchJobResumeView.as_view(),
        name="reader-match-job-resume",
    ),
    path("jobs/api-key/my", reader.MyJobsView.as_view(), name="reader-my-jobs"),
    path("jobs/api-key/my/<str:job_id>", reader.MyJobDetailView.as_view(), name="reader-my-job"),
]
