"""parserpro dialect: /api/v1/jobs (list, create, get with candidates, patch, delete)."""

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
from matching.models import EducationLevel, Job, JobStatus, PipelineStatus
from smartcv.api.pagination import ParserproPagination

TAGS = ["parserpro: jobs"]


class ParserproWeightedSkill(serializers.Serializer):
    skill = serializers.CharField(max_length=120)
    weight = serializers.FloatField(min_value=0.0, max_value=1.0, default=1.0)


SALARY_MAX = 2_000_000_000


class ParserproJobInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    description = serializers.CharField(allow_blank=True, required=False, max_length=100_000)
    reference = serializers.CharField(allow_blank=True, required=False, max_length=120)
    required_skills = ParserproWeightedSkill(many=True, required=False, max_length=200)
    nice_to_have_skills = ParserproWeightedSkill(many=True, required=False, max_length=200)
    min_experience_years = serializers.FloatField(
        min_value=0, max_value=60, allow_null=True, required=False
    )
    max_experience_years = serializers.FloatField(
        min_value=0, max_value=60, allow_null=True, required=False
    )
    education_level = serializers.ChoiceField(choices=EducationLevel.values, required=False)
    preferred_locations = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=50
    )
    # Bounded like the page form: the columns are 32-bit (a larger number was a 500).
    salary_min = serializers.IntegerField(
        min_value=0, max_value=SALARY_MAX, allow_null=True, required=False
    )
    salary_max = serializers.IntegerField(
        min_value=0, max_value=SALARY_MAX, allow_null=True, required=False
    )
    status = serializers.ChoiceField(choices=JobStatus.values, required=False)
    company = serializers.CharField(allow_blank=True, required=False, max_length=200)
    city = serializers.CharField(allow_blank=True, required=False, max_length=120)
    country = serializers.CharField(allow_blank=True, required=False, max_length=64)


class ParserproJob(serializers.ModelSerializer):
    candidate_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Job
        fields = [
            "id",
            "title",
            "reference",
            "description",
            "required_skills",
            "nice_to_have_skills",
            "min_experience_years",
            "max_experience_years",
            "education_level",
            "preferred_locations",
            "salary_min",
            "salary_max",
            "status",
            "company",
            "city",
            "country",
            "source",
            "candidate_count",
            "created_at",
            "updated_at",
        ]


class ParserproJobCandidate(serializers.Serializer):
    candidate_id = serializers.UUIDField(source="candidate.id")
    full_name = serializers.CharField(source="candidate.full_name")
    email = serializers.CharField(source="candidate.email")
    current_title = serializers.CharField(source="candidate.current_title")
    years_of_experience = serializers.FloatField(source="candidate.years_of_experience", allow_null=True)
    skills = serializers.ListField(source="candidate.skills", child=serializers.CharField())
    location = serializers.CharField(source="candidate.location")
    match_score = serializers.SerializerMethodField()
    score_breakdown = serializers.JSONField(source="breakdown")
    pipeline_status = serializers.CharField()

    def get_match_score(self, match) -> int:
        return round(match.total_score)


class ParserproJobDetail(ParserproJob):
    candidates = serializers.SerializerMethodField()

    class Meta(ParserproJob.Meta):
        fields = [*ParserproJob.Meta.fields, "candidates"]

    def get_candidates(self, job) -> list[dict]:
        matches = selectors.job_matches(
            job=job,
            candidate_fields=(
                "full_name",
                "email",
                "current_title",
                "years_of_experience",
                "skills",
                "location",
            ),
        )
        return ParserproJobCandidate(matches, many=True).data


def _detail(job: Job, status: int = 200) -> Response:
    job = selectors.job_get(owner=job.owner, job_id=job.id)  # with candidate_count
    return Response({"data": ParserproJobDetail(job).data}, status=status)


_REFERENCE_CONFLICT = OpenApiResponse(
    description="reference_conflict: another of your jobs has this reference"
)


class JobListView(APIView):
    pagination_class = ParserproPagination
    page_size = 50
    max_page_size = 100

    @extend_schema(
        tags=TAGS,
        summary="List jobs",
        parameters=[
            OpenApiParameter("page", int),
            OpenApiParameter("limit", int, description="default 50, max 100"),
            OpenApiParameter("status", str, enum=JobStatus.values),
            OpenApiParameter("search", str, description="title contains (case-insensitive)"),
            OpenApiParameter("sort", str, enum=sorted(selectors.SORTS)),
            OpenApiParameter("order", str, enum=["asc", "desc"]),
        ],
        responses=ParserproJob(many=True),
    )
    def get(self, request):
        params = request.query_params
        qs = selectors.job_list_parserpro(
            owner=request.user,
            status=params.get("status") or None,
            search=params.get("search") or None,
            sort=params.get("sort") or None,
            order=params.get("order") or None,
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(ParserproJob(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        summary="Create a job",
        request=ParserproJobInput,
        responses={
            201: inline_serializer("ParserproJobCreated", {"data": ParserproJobDetail()}),
            409: _REFERENCE_CONFLICT,
        },
    )
    def post(self, request):
        data = ParserproJobInput(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(services.job_create(owner=request.user, data=data.validated_data), status=201)


class JobDetailView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Get a job with its ranked candidates",
        responses=inline_serializer("ParserproJobEnvelope", {"data": ParserproJobDetail()}),
    )
    def get(self, request, job_id):
        return _detail(selectors.job_get(owner=request.user, job_id=job_id))

    @extend_schema(
        tags=TAGS,
        summary="Update a job (same fields as creation)",
        request=ParserproJobInput,
        responses={
            200: inline_serializer("ParserproJobUpdated", {"data": ParserproJobDetail()}),
            409: _REFERENCE_CONFLICT,
        },
    )
    def patch(self, request, job_id):
        job = selectors.job_get(owner=request.user, job_id=job_id)
        data = ParserproJobInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return _detail(services.job_update(job=job, data=data.validated_data))

    @extend_schema(
        tags=TAGS,
        summary="Delete a job and its candidate associations",
        responses={
            200: inline_serializer(
                "ParserproJobDeleted",
                {"success": serializers.BooleanField(), "message": serializers.CharField()},
            )
        },
    )
    def delete(self, request, job_id):
        services.job_delete(job=selectors.job_get(owner=request.user, job_id=job_id))
        return Response({"success": True, "message": "Job deleted successfully"})


class ParserproPipelineInput(serializers.Serializer):
    # Validated by the service (one message for API and pages), so any value is passed on.
    pipeline_status = serializers.CharField(max_length=20)


class JobCandidateView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Set a candidate's pipeline status for a job (SmartCV extension)",
        description=(
            "SmartCV extension: the parserpro contract says pipeline statuses are settable "
            "through the API without naming the path; this is it. `pipeline_status` is one of "
            f"{', '.join(PipelineStatus.values)}. Answers the job's candidate item as "
            "`GET /api/v1/jobs/{job_id}` lists it. A missing or foreign job or candidate, or a "
            "candidate never matched to the job, is a 404."
        ),
        request=ParserproPipelineInput,
        responses=inline_serializer("ParserproJobCandidateEnvelope", {"data": ParserproJobCandidate()}),
    )
    def patch(self, request, job_id, candidate_id):
        match = selectors.match_get(owner=request.user, job_id=job_id, candidate_id=candidate_id)
        data = ParserproPipelineInput(data=request.data)
        data.is_valid(raise_exception=True)
        match = services.match_set_status(match=match, status=data.validated_data["pipeline_status"])
        return Response({"data": ParserproJobCandidate(match).data})
