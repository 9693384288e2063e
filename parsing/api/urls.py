"""Parsing API URLs, mounted under /api/ by smartcv.urls."""

from django.urls import path

from parsing.api import parserpro, reader, reader_jobs

urlpatterns = [
    path("v1/parse", parserpro.ParseView.as_view(), name="parserpro-parse"),
    path("v1/parse/url", parserpro.ParseUrlView.as_view(), name="parserpro-parse-url"),
    path("v1/candidates", parserpro.CandidateListView.as_view(), name="parserpro-candidates"),
    path(
        "v1/candidates/<str:candidate_id>",
        parserpro.CandidateDetailView.as_view(),
        name="parserpro-candidate",
    ),
    path(
        "v1/candidates/<str:candidate_id>/file",
        parserpro.CandidateFileView.as_view(),
        name="parserpro-candidate-file",
    ),
    path("v1/parser", reader.ParserView.as_view(), name="reader-parser"),
    path("v1/parser/async", reader.ParserAsyncView.as_view(), name="reader-parser-async"),
    path("v1/parser/<str:resume_id>", reader.ParserDetailView.as_view(), name="reader-parser-detail"),
    path("job/parse/api-key", reader_jobs.JobParseFileView.as_view(), name="reader-job-parse-file"),
    path("job/parse/text/api-key", reader_jobs.JobParseTextView.as_view(), name="reader-job-parse-text"),
]
