"""smartcv dialect: ``POST /api/resumes/<id>/export``."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rendering.context import (
    COLOR_SCHEMES,
    MARGINS_MM,
    PAGE_SIZES_MM,
    RenderOptions,
    normalise_color_scheme,
)
from rendering.services import FORMATS, resume_export

EXPORT_TAGS = ["Resumes"]


class _CaseInsensitiveChoice(serializers.ChoiceField):
    """A choice matched without regard to case ('a4' → 'A4'), answered in canonical form."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str):
            for choice in self.choices:
                if str(choice).lower() == data.strip().lower():
                    return choice
        return super().to_internal_value(data)


class ResumeExportOptionsInput(serializers.Serializer):
    pageSize = _CaseInsensitiveChoice(choices=list(PAGE_SIZES_MM), default="A4", source="page_size")
    margin = _CaseInsensitiveChoice(choices=list(MARGINS_MM), default="normal")
    includePhoto = serializers.BooleanField(default=True, source="include_photo")
    colorScheme = serializers.CharField(default="default", max_length=32, source="color_scheme")

    def validate_colorScheme(self, value: str) -> str:
        scheme = normalise_color_scheme(value)
        if scheme is None:
            raise serializers.ValidationError(f"Must be one of: {', '.join(COLOR_SCHEMES)}")
        return scheme

    def to_internal_value(self, data: Any) -> Any:
        # A misspelt option must not be silently ignored: the user would get a default they
        # did not ask for.
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({key: ["Unknown option."] for key in unknown})
        return super().to_internal_value(data)


class ResumeExportInput(serializers.Serializer):
    format = _CaseInsensitiveChoice(choices=list(FORMATS), default="pdf")
    options = ResumeExportOptionsInput(required=False)


class ResumeExportOutput(serializers.Serializer):
    downloadUrl = serializers.URLField(source="download_url")
    filename = serializers.CharField()
    format = serializers.CharField()
    fileSize = serializers.IntegerField(source="file_size")
    expiresAt = serializers.DateTimeField(
        source="expires_at", format="%Y-%m-%dT%H:%M:%SZ", default_timezone=UTC
    )


class ResumeExportView(APIView):
    rate_category = {"POST": "bulk"}

    @extend_schema(
        tags=EXPORT_TAGS,
        summary="Export resume",
        description=(
            "Renders the resume in its template as PDF, Word (DOCX), HTML, plain text or JSON "
            "Resume, stores the file and returns a download URL valid for 24 hours. Sections "
            "hidden in `sectionsVisibility` are left out of every format. Where the spec is "
            "silent: `format` defaults to `pdf`; options default to A4, normal margins, photo "
            "included, default colours; `pageSize` and `margin` are matched case-insensitively; "
            "an unknown option key is a 400 VALIDATION_ERROR; `colorScheme` is one of "
            f"{', '.join(COLOR_SCHEMES)} (`grey` = `gray`). The filename is the person's name "
            "and the resume title joined by `_` (accented Latin letters folded to ASCII, other "
            "scripts kept), ending in `Resume`. Counted as a bulk request for rate limits."
        ),
        request=ResumeExportInput,
        responses={
            200: inline_serializer(
                "ResumeExportEnvelope",
                {"success": serializers.BooleanField(), "data": ResumeExportOutput()},
            ),
            400: OpenApiResponse(description="VALIDATION_ERROR: unknown format or option"),
            403: OpenApiResponse(description="RESUME_NOT_OWNED"),
            404: OpenApiResponse(description="RESUME_NOT_FOUND"),
            500: OpenApiResponse(description="EXPORT_FAILED"),
        },
    )
    def post(self, request: Request, id) -> Response:
        serializer = ResumeExportInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        raw = serializer.validated_data.get("options") or {}
        options = RenderOptions(
            page_size=raw.get("page_size", "A4"),
            margin=raw.get("margin", "normal"),
            include_photo=raw.get("include_photo", True),
            color_scheme=raw.get("color_scheme", "default"),
        )
        result = resume_export(
            user=request.user, resume_id=id, fmt=serializer.validated_data["format"], options=options
        )
        return Response({"success": True, "data": ResumeExportOutput(result).data})
