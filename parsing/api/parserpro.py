"""parserpro dialect: POST /api/v1/parse, /api/v1/parse/url and the /api/v1/candidates API."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from parsing import selectors, services
from parsing.intake import check_upload_limits, install_upload_limits, read_upload
from parsing.models import PROFILE_FIELDS, Candidate, CandidateSource
from smartcv import files
from smartcv.api.pagination import ParserproPagination
from smartcv.errors import ApplicationError

TAGS = ["parserpro: parsing"]
CANDIDATE_TAGS = ["parserpro: candidates"]


class ParserproTag(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    color = serializers.CharField()


class ParserproCandidateSummary(serializers.ModelSerializer):
    """The list item: everything but tags, jobs, parsing_errors and metadata."""

    class Meta:
        model = Candidate
        fields = [
            "id",
            *PROFILE_FIELDS,
            "original_filename",
            "source",
            "parsing_status",
            "parsing_confidence",
            "created_at",
            "parsed_at",
        ]


class ParserproCandidate(ParserproCandidateSummary):
    tags = ParserproTag(many=True, read_only=True)
    jobs = serializers.SerializerMethodField()
    metadata = serializers.SerializerMethodField()

    class Meta(ParserproCandidateSummary.Meta):
        fields = [*ParserproCandidateSummary.Meta.fields, "parsing_errors", "tags", "jobs", "metadata"]

    def get_jobs(self, candidate: Candidate) -> list[dict]:
        return selectors.candidate_jobs(candidate)

    def get_metadata(self, candidate: Candidate) -> dict:
        return {
            **candidate.metadata,
            "file_kind": candidate.file_kind,
            "file_size": candidate.file_size,
            "document_language": candidate.document_language,
            "document_type": candidate.document_type,
            "source_url": candidate.source_url or None,
        }


def _data(candidate: Candidate) -> Response:
    return Response({"data": ParserproCandidate(candidate).data})


class ParseView(APIView):
    """POST /api/v1/parse: multipart ``files`` (several) or ``file``; 201 with pending candidates."""

    def initialize_request(self, request, *args, **kwargs):
        install_upload_limits(request)  # before anything reads the body
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Upload one or more CV files for parsing (1 credit each)",
        request={
            "multipart/form-data": inline_serializer(
                "ParserproParseUpload",
                {"files": serializers.ListField(child=serializers.FileField())},
            )
        },
        responses={
            201: inline_serializer(
                "ParserproParseResponse",
                {
                    "success": serializers.BooleanField(),
                    "candidates": inline_serializer(
                        "ParserproParsedItem",
                        {
                            "id": serializers.UUIDField(),
                            "filename": serializers.CharField(),
                            "status": serializers.CharField(),
                        },
                        many=True,
                    ),
                    "credits_remaining": serializers.IntegerField(),
                },
            )
        },
    )
    def post(self, request):
        uploads = request.FILES.getlist("files") + request.FILES.getlist("file")
        check_upload_limits(request._request)
        incoming = [read_upload(upload) for upload in uploads]
        candidates, remaining = services.candidates_create_from_files(
            owner=request.user, incoming=incoming, source=CandidateSource.API
        )
        return Response(
            {
                "success": True,
                "candidates": [
                    {"id": str(c.id), "filename": c.original_filename, "status": c.parsing_status}
                    for c in candidates
                ],
                "credits_remaining": remaining,
            },
            status=201,
        )


class ParseUrlInput(serializers.Serializer):
    urls = serializers.JSONField(help_text="1–50 http(s) URLs, each at most 2,048 characters.")


class ParseUrlView(APIView):
    rate_category = {"POST": "bulk"}

    @extend_schema(
        tags=TAGS,
        summary="Parse CVs from publicly accessible URLs (credits only for URLs fetched)",
        request=ParseUrlInput,
        responses={
            201: inline_serializer(
                "ParserproParseUrlResponse",
                {
                    "success": serializers.BooleanField(),
                    "processed": serializers.IntegerField(),
                    "failed": serializers.IntegerField(),
                    "candidates": inline_serializer(
                        "ParserproUrlItem",
                        {
                            "id": serializers.UUIDField(),
                            "filename": serializers.CharField(),
                            "status": serializers.CharField(),
                        },
                        many=True,
                    ),
                    "errors": inline_serializer(
                        "ParserproUrlError",
                        {"url": serializers.CharField(), "error": serializers.CharField()},
                        many=True,
                    ),
                    "credits_remaining": serializers.IntegerField(),
                },
            )
        },
    )
    def post(self, request):
        if not isinstance(request.data, dict) or "urls" not in request.data:
            raise ApplicationError(
                "validation_error",
                "urls is required",
                status=400,
                details=[{"field": "urls", "message": "This field is required."}],
            )
        candidates, errors, remaining = services.candidates_create_from_urls(
            owner=request.user, urls=request.data["urls"]
        )
        return Response(
            {
                "success": True,
                "processed": len(candidates),
                "failed": len(errors),
                "candidates": [
                    {"id": str(c.id), "filename": c.original_filename, "status": c.parsing_status}
                    for c in candidates
                ],
                "errors": [{"url": e.url, "error": e.error} for e in errors],
                "credits_remaining": remaining,
            },
            status=201,
        )


class CandidateListView(APIView):
    pagination_class = ParserproPagination
    page_size = 20
    max_page_size = 100

    @extend_schema(
        tags=CANDIDATE_TAGS,
        summary="List candidates",
        parameters=[
            OpenApiParameter("page", int, description="Page number (default 1)"),
            OpenApiParameter("limit", int, description="Results per page (default 20, max 100)"),
            OpenApiParameter("status", str, enum=["pending", "processing", "completed", "failed"]),
            OpenApiParameter("skills", str, description="Comma-separated skills; all must match"),
        ],
        responses=ParserproCandidateSummary(many=True),
    )
    def get(self, request):
        qs = selectors.candidate_list(
            owner=request.user,
            status=request.query_params.get("status") or None,
            skills=request.query_params.get("skills") or None,
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(ParserproCandidateSummary(page, many=True).data)


class ParserproCandidateUpdate(serializers.Serializer):
    full_name = serializers.CharField(max_length=300, allow_blank=True, required=False)
    email = serializers.EmailField(max_length=300, allow_blank=True, required=False)
    phone = serializers.CharField(max_length=64, allow_blank=True, required=False)
    location = serializers.CharField(max_length=300, allow_blank=True, required=False)
    current_title = serializers.CharField(max_length=300, allow_blank=True, required=False)
    years_of_experience = serializers.FloatField(
        min_value=0, max_value=80, allow_null=True, required=False
    )
    skills = serializers.ListField(
        child=serializers.CharField(max_length=120), max_length=500, required=False
    )
    languages = serializers.ListField(
        child=serializers.CharField(max_length=60), max_length=50, required=False
    )
    linkedin_url = serializers.URLField(max_length=2048, allow_blank=True, required=False)
    github_url = serializers.URLField(max_length=2048, allow_blank=True, required=False)
    portfolio_url = serializers.URLField(max_length=2048, allow_blank=True, required=False)
    ai_summary = serializers.CharField(max_length=5000, allow_blank=True, required=False)

    def validate(self, attrs):
        unknown = (
            set(self.initial_data) - set(self.fields) if isinstance(self.initial_data, dict) else set()
        )
        if unknown:
            raise serializers.ValidationError(
                {name: ["This field cannot be modified."] for name in sorted(unknown)}
            )
        return attrs


class CandidateDetailView(APIView):
    @extend_schema(
        tags=CANDIDATE_TAGS,
        summary="Get a candidate (full object)",
        responses=inline_serializer("ParserproCandidateEnvelope", {"data": ParserproCandidate()}),
    )
    def get(self, request, candidate_id):
        return _data(selectors.candidate_get(owner=request.user, candidate_id=candidate_id))

    @extend_schema(
        tags=CANDIDATE_TAGS,
        summary="Update a candidate's profile fields",
        request=ParserproCandidateUpdate,
        responses=inline_serializer("ParserproCandidateUpdated", {"data": ParserproCandidate()}),
    )
    def patch(self, request, candidate_id):
        candidate = selectors.candidate_get(owner=request.user, candidate_id=candidate_id)
        if not isinstance(request.data, dict):
            raise ApplicationError("validation_error", "Body must be a JSON object", status=400)
        data = ParserproCandidateUpdate(data=request.data)
        data.is_valid(raise_exception=True)
        return _data(services.candidate_update(candidate=candidate, data=data.validated_data))

    @extend_schema(
        tags=CANDIDATE_TAGS,
        summary="Delete a candidate and its CV file",
        responses={
            200: inline_serializer(
                "ParserproDeleted",
                {"success": serializers.BooleanField(), "message": serializers.CharField()},
            )
        },
    )
    def delete(self, request, candidate_id):
        candidate = selectors.candidate_get(owner=request.user, candidate_id=candidate_id)
        services.candidate_delete(candidate=candidate)
        return Response({"success": True, "message": "Candidate deleted successfully"})


class CandidateFileView(APIView):
    @extend_schema(
        tags=CANDIDATE_TAGS,
        summary="Signed URL for the original CV file (valid 1 hour); download=true redirects",
        parameters=[OpenApiParameter("download", bool)],
        responses={
            200: inline_serializer(
                "ParserproFileEnvelope",
                {
                    "data": inline_serializer(
                        "ParserproFile",
                        {
                            "url": serializers.URLField(),
                            "filename": serializers.CharField(),
                            "content_type": serializers.CharField(),
                            "expires_at": serializers.DateTimeField(),
                        },
                    )
                },
            ),
            302: OpenApiResponse(description="download=true: redirect (Location) to the signed URL"),
        },
    )
    def get(self, request, candidate_id):
        candidate = selectors.candidate_get(owner=request.user, candidate_id=candidate_id)
        if not candidate.file_name:
            raise ApplicationError("not_found", "This candidate has no stored file yet", status=404)
        url, expires_at = files.signed_url(
            candidate.file_name, expires_in=3600, filename=candidate.original_filename
        )
        if request.query_params.get("download", "").lower() in ("1", "true", "yes"):
            return HttpResponseRedirect(url)
        return Response(
            {
                "data": {
                    "url": url,
                    "filename": candidate.original_filename,
                    "content_type": candidate.content_type.split(";")[0],
                    "expires_at": expires_at,
                }
            }
        )
