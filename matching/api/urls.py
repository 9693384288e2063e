"""Jobs and matching API URLs, mounted under /api/ by smartcv.urls."""

from django.urls import path

from matching.api import parserpro, reader, reader_scores

urlpatterns = [
    path("v1/jobs", parserpro.JobListView.as_view(), name="parserpro-jobs"),
    path("v1/jobs/<str:job_id>", parserpro.JobDetailView.as_view(), name="parserpro-job"),
    path("jobs/api-key", reader.JobCreateView.as_view(), name="reader-job-create"),
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
