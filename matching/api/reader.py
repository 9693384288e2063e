"""reader dialect: /api/jobs/api-key (create), /api/jobs/api-key/my (list, get, update).

The reader speaks ACTIVE/CLOSED/DRAFT (stored as active/closed/paused) and sends ``skills`` as
a JSON-encoded string array; ``experience`` and ``education`` stay as written, and the numbers
matching uses (years range, education level) are read from them."""

from __future__ import annotations

import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from matching import selectors, services
from matching.models import Job, JobSource, JobStatus
from smartcv.api.pagination import SpringPagination
from smartcv.errors import ApplicationError

TAGS = ["reader: jobs"]
TO_READER = {JobStatus.ACTIVE: "ACTIVE", JobStatus.CLOSED: "CLOSED", JobStatus.PAUSED: "DRAFT"}
FROM_READER = {value: key for key, value in TO_READER.items()}


@extend_schema_field(OpenApiTypes.STR)
class SkillsJsonField(serializers.Field):
    """A JSON-encoded array of skill names, e.g. ``"[\\"Java\\",\\"Docker\\"]"`` (a real array
    is accepted too)."""

    default_error_messages = {"invalid": 'Must be a JSON-encoded array of strings, e.g. "[\\"Java\\"]".'}

    def to_internal_value(self, data):
        value = data
        if isinstance(data, str):
            try:
                value = json.loads(data) if data.strip() else []
            except ValueError:
                self.fail("invalid")
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value) or len(value) > 200:
            self.fail("invalid")
        return [s.strip()[:120] for s in value if s.strip()]

    def to_representation(self, value):
        return json.dumps(value, ensure_ascii=False)


class ReaderJobInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    reference = serializers.CharField(max_length=120, allow_blank=True, required=False)
    description = serializers.CharField(allow_blank=True, required=False, max_length=100_000)
    profile = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    experience = serializers.CharField(allow_blank=True, required=False, max_length=120)
    education = serializers.CharField(allow_blank=True, required=False, max_length=200)
    skills = SkillsJsonField(required=False)
    company = serializers.CharField(allow_blank=True, required=False, max_length=200)
    country = serializers.CharField(allow_blank=True, required=False, max_length=64)
    city = serializers.CharField(allow_blank=True, required=False, max_length=120)
    status = serializers.ChoiceField(choices=list(FROM_READER), required=False)


def to_job_fields(data: dict) -> dict:
    """Reader fields → Job fields (the numbers matching needs are read from the texts)."""
    from parsing.jobparse import education_level_of, experience_range

    fields = {k: v for k, v in data.items() if k not in ("skills", "status")}
    if "skills" in data:
        fields["required_skills"] = [{"skill": s, "weight": 1.0} for s in data["skills"]]
    if "status" in data:
        fields["status"] = FROM_READER[data["status"]]
    if "experience" in data:
        _, low, high = experience_range(data["experience"], require_context=False)
        fields["min_experience_years"], fields["max_experience_years"] = low, high
    if "education" in data:
        fields["education_level"] = education_level_of(data["education"])
    return fields


class ReaderJob(serializers.ModelSerializer):
    skills = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    postedAt = serializers.DateTimeField(source="posted_at")
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Job
        fields = [
            "id",
            "title",
            "reference",
            "description",
            "profile",
            "experience",
            "education",
            "skills",
            "company",
            "country",
            "city",
            "status",
            "source",
            "postedAt",
            "createdAt",
            "updatedAt",
        ]

    def get_skills(self, job: Job) -> str:
        return json.dumps(job.skill_names, ensure_ascii=False)

    def get_status(self, job: Job) -> str:
        return TO_READER[JobStatus(job.status)]


_REFERENCE_CONFLICT = OpenApiResponse(
    description="REFERENCE_CONFLICT: another of your jobs has this reference"
)
_NOT_YOURS = OpenApiResponse(description="FORBIDDEN: Job does not belong to the API key owner")


class JobCreateView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Create a job",
        request=ReaderJobInput,
        responses={200: ReaderJob, 409: _REFERENCE_CONFLICT},
    )
    def post(self, request):
        data = ReaderJobInput(data=request.data)
        data.is_valid(raise_exception=True)
        job = services.job_create(
            owner=request.user, data=to_job_fields(data.validated_data), source=JobSource.API_KEY
        )
        return Response(ReaderJob(job).data)


class MyJobsView(APIView):
    pagination_class = SpringPagination

    @extend_schema(
        tags=TAGS,
        summary="List my jobs (Spring page, zero-based)",
        parameters=[
            OpenApiParameter("page", int),
            OpenApiParameter("size", int),
            OpenApiParameter("status", str, enum=list(FROM_READER)),
            OpenApiParameter("source", str),
            OpenApiParameter("reference", str),
            OpenApiParameter("title", str),
            OpenApiParameter("postedFrom", str, description="ISO date-time"),
            OpenApiParameter("postedTo", str, description="ISO date-time"),
        ],
        responses=ReaderJob(many=True),
    )
    def get(self, request):
        params = request.query_params
        status = params.get("status") or None
        if status is not None and status.upper() not in FROM_READER:
            raise ApplicationError(
                "validation_error",
                "status must be ACTIVE, CLOSED or DRAFT",
                status=400,
                details={"status": [f"Unknown status {status!r}"]},
            )
        qs = selectors.job_list_reader(
            owner=request.user,
            status=FROM_READER[status.upper()] if status else None,
            source=params.get("source") or None,
            reference=params.get("reference") or None,
            title=params.get("title") or None,
            posted_from=_datetime(params, "postedFrom"),
            posted_to=_datetime(params, "postedTo"),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(ReaderJob(page, many=True).data)


def _datetime(params, name: str):
    from datetime import datetime, time

    from django.utils.dateparse import parse_date, parse_datetime
    from django.utils.timezone import make_aware

    raw = params.get(name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
        if value is None and (day := parse_date(raw)):
            value = datetime.combine(day, time.max if name == "postedTo" else time.min)
    except ValueError:
        value = None
    if value is None:
        raise ApplicationError(
            "validation_error",
            f"{name} must be an ISO date-time",
            status=400,
            details={name: [f"Not an ISO date-time: {raw!r}"]},
        )
    return value if value.tzinfo else make_aware(value)


class MyJobDetailView(APIView):
    @extend_schema(tags=TAGS, summary="Get one of my jobs", responses={200: ReaderJob, 403: _NOT_YOURS})
    def get(self, request, job_id):
        return Response(
            ReaderJob(selectors.job_get(owner=request.user, job_id=job_id, foreign_status=403)).data
        )

    @extend_schema(
        tags=TAGS,
        summary="Update one of my jobs (only the fields sent change)",
        request=ReaderJobInput,
        responses={200: ReaderJob, 403: _NOT_YOURS, 409: _REFERENCE_CONFLICT},
    )
    def put(self, request, job_id):
        job = selectors.job_get(owner=request.user, job_id=job_id, foreign_status=403)
        data = ReaderJobInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(
            ReaderJob(services.job_update(job=job, data=to_job_fields(data.validated_data))).data
        )
