"""reader dialect: score endpoints and the asynchronous scoring queue.

- ``GET /api/scores/jobs-for-resume/{resumeId}`` → ``[{jobId, totalScore}]`` best first
- ``GET /api/scores/resumes-for-job/{jobReference}`` → ``[{resumeId, totalScore}]`` best first
- ``POST /api/scores/match-job-resume/{resumeId}`` with job details → one score, nothing stored
- ``POST /api/jobs/queue`` with job references → 202; results go to the ``scores`` webhook
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from matching import selectors, services
from matching.api.reader import ReaderJobInput, to_job_fields
from matching.models import Job, JobStatus
from parsing.selectors import candidate_get
from smartcv.errors import ApplicationError

TAGS = ["reader: scores"]
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class ReaderJobScore(serializers.Serializer):
    jobId = serializers.UUIDField()
    totalScore = serializers.FloatField()


class ReaderResumeScore(serializers.Serializer):
    resumeId = serializers.UUIDField()
    totalScore = serializers.FloatField()


def _limit(request) -> int:
    raw = request.query_params.get("limit") or request.query_params.get("size")
    if raw is None:
        return DEFAULT_LIMIT
    try:
        value = int(raw)
    except ValueError:
        raise ApplicationError("validation_error", "limit must be an integer", status=400) from None
    if value < 1:
        raise ApplicationError("validation_error", "limit must be at least 1", status=400)
    return min(value, MAX_LIMIT)


class JobsForResumeView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Scores of one CV against my open jobs, best first",
        responses=ReaderJobScore(many=True),
    )
    def get(self, request, resume_id):
        candidate = candidate_get(owner=request.user, candidate_id=resume_id)
        jobs = Job.objects.filter(owner=request.user).exclude(status=JobStatus.CLOSED)
        scored = sorted(
            ((job.id, services.score_one(job=job, candidate=candidate).total) for job in jobs),
            key=lambda pair: (-pair[1], str(pair[0])),
        )
        return Response([{"jobId": str(job_id), "totalScore": total} for job_id, total in scored])


class ResumesForJobView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The best CVs for one of my jobs (by reference), best first",
        parameters=[
            OpenApiParameter("limit", int, description=f"default {DEFAULT_LIMIT}, max {MAX_LIMIT}")
        ],
        responses=ReaderResumeScore(many=True),
    )
    def get(self, request, job_reference):
        job = Job.objects.filter(owner=request.user, reference=job_reference).first()
        if job is None:
            raise ApplicationError("not_found", f"No job with reference {job_reference!r}", status=404)
        top = selectors.job_top_matches(job=job, limit=_limit(request))
        return Response([{"resumeId": str(cid), "totalScore": total} for cid, total in top])


class MatchJobResumeView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Score one CV against job details sent in the body (nothing stored)",
        request=ReaderJobInput,
        responses=inline_serializer(
            "ReaderMatchResult",
            {
                "resumeId": serializers.UUIDField(),
                "totalScore": serializers.FloatField(),
                "breakdown": serializers.DictField(),
                "explanation": serializers.DictField(),
            },
        ),
    )
    def post(self, request, resume_id):
        candidate = candidate_get(owner=request.user, candidate_id=resume_id)
        data = ReaderJobInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = to_job_fields(data.validated_data)
        if not fields.get("required_skills") and fields.get("description"):
            from parsing.jobparse import parse_job_text

            parsed = parse_job_text(fields["description"])
            fields["required_skills"] = parsed.weighted_required()
            fields["nice_to_have_skills"] = parsed.weighted_nice()
        clean = services.job_fields_validate(
            {k: v for k, v in fields.items() if k in services.JOB_FIELDS}
        )
        result = services.score_one(job=Job(owner=request.user, **clean), candidate=candidate)
        return Response(
            {
                "resumeId": str(candidate.id),
                "totalScore": result.total,
                "breakdown": result.breakdown,
                "explanation": result.explanation,
            }
        )


class JobsQueueView(APIView):
    rate_category = {"POST": "bulk"}

    @extend_schema(
        tags=TAGS,
        summary="Queue job references for scoring; results go to your scores webhook",
        request={"application/json": {"type": "array", "items": {"type": "string"}}},
        responses={
            202: inline_serializer(
                "ReaderQueueAccepted",
                {
                    "status": serializers.CharField(),
                    "references": serializers.ListField(child=serializers.CharField()),
                },
            ),
            404: OpenApiResponse(description="NOT_FOUND: references none of your jobs has"),
        },
    )
    def post(self, request):
        references = services.queue_submit(owner=request.user, references=request.data)
        return Response({"status": "QUEUED", "references": references}, status=202)
