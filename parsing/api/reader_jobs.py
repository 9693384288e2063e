"""reader dialect: job descriptions → structured jobs.

``POST /api/job/parse/api-key`` (file → persisted Job) and ``POST /api/job/parse/text/api-key``
(text → DTO, nothing persisted)."""

from __future__ import annotations

import json

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from matching.services import job_create_from_parsed
from parsing.intake import check_upload_limits, install_upload_limits, read_upload
from parsing.jobparse import parse_job_text
from smartcv.errors import ApplicationError

TAGS = ["reader: jobs"]
MAX_TEXT = 100_000
TEXT_FIELDS = ("description", "job_description", "text")


class PlainTextParser(BaseParser):
    media_type = "text/plain"

    def parse(self, stream, media_type=None, parser_context=None) -> str:
        return stream.read().decode("utf-8", errors="replace")


class ReaderParsedJob(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    description = serializers.CharField()
    profile = serializers.CharField()
    experience = serializers.CharField()
    education = serializers.CharField()
    skills = serializers.SerializerMethodField(
        help_text='JSON-encoded array, e.g. "[\\"Java\\",\\"Docker\\"]"'
    )
    company = serializers.CharField()
    country = serializers.CharField()
    city = serializers.CharField()

    def get_skills(self, job) -> str:
        names = job.skill_names + [
            s["skill"] for s in job.nice_to_have_skills if s["skill"] not in job.skill_names
        ]
        return json.dumps(names, ensure_ascii=False)


class JobParseFileView(APIView):
    def initialize_request(self, request, *args, **kwargs):
        install_upload_limits(request)  # before anything reads the body
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Parse a job description file into a persisted Job",
        request={
            "multipart/form-data": inline_serializer(
                "ReaderJobUpload", {"file": serializers.FileField()}
            )
        },
        responses={200: ReaderParsedJob},
    )
    def post(self, request):
        from parsing.extract import ExtractionError, extract

        check_upload_limits(request._request)
        uploads = request.FILES.getlist("file")
        if len(uploads) != 1:
            raise ApplicationError(
                "validation_error",
                "No file provided",
                status=400,
                details={"file": ["Send one job description as the field 'file'."]},
            )
        incoming = read_upload(uploads[0])
        try:
            extracted = extract(incoming.data, filename=incoming.filename)
        except ExtractionError as exc:
            raise ApplicationError(
                "unsupported_file", f"Could not read the file: {exc.message}", status=400
            ) from None
        parsed = parse_job_text(extracted.text)
        if not parsed.description:
            raise ApplicationError("validation_error", "The file contains no text", status=400)
        job = job_create_from_parsed(owner=request.user, parsed=parsed)
        return Response(ReaderParsedJob(job).data)


class ReaderJobText(serializers.Serializer):
    jobTitle = serializers.CharField()
    jobDescription = serializers.CharField()
    profileRecherche = serializers.CharField()
    experienceRequired = serializers.CharField()
    educationLevel = serializers.CharField()
    skills = serializers.ListField(child=serializers.CharField())


def _description_from_body(data) -> str:
    if isinstance(data, str):
        text = data
        # A quoted string sent as text/plain ('"We are…"') is unquoted like a JSON string.
        if len(text) >= 2 and text[0] == text[-1] == '"':
            try:
                text = json.loads(text)
            except ValueError:
                text = text[1:-1]
    elif isinstance(data, dict):
        text = next(
            (data[k] for k in TEXT_FIELDS if isinstance(data.get(k), str) and data[k].strip()), ""
        )
    else:
        text = ""
    if not isinstance(text, str) or not text.strip():
        raise ApplicationError(
            "validation_error",
            "Job description is required",
            status=400,
            details={
                "description": [
                    "Send a JSON string, a raw string, or an object with description, "
                    "job_description or text."
                ]
            },
        )
    if len(text) > MAX_TEXT:
        raise ApplicationError(
            "payload_too_large", f"Job description is longer than {MAX_TEXT} characters", status=413
        )
    return text


class JobParseTextView(APIView):
    parser_classes = [JSONParser, PlainTextParser]

    @extend_schema(
        tags=TAGS,
        summary="Parse a job description text (nothing is stored)",
        request={
            "application/json": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "properties": {
                            "description": {"type": "string"},
                            "job_description": {"type": "string"},
                            "text": {"type": "string"},
                        },
                    },
                ]
            },
            "text/plain": {"type": "string"},
        },
        responses={200: ReaderJobText, 400: OpenApiResponse(description="Job description is required")},
        examples=[
            OpenApiExample(
                "plain JSON string",
                value="We are looking for a Senior React Developer…",
                request_only=True,
            )
        ],
    )
    def post(self, request):
        parsed = parse_job_text(_description_from_body(request.data))
        return Response(
            {
                "jobTitle": parsed.title,
                "jobDescription": parsed.description,
                "profileRecherche": parsed.profile,
                "experienceRequired": parsed.experience,
                "educationLevel": parsed.education,
                "skills": parsed.skills,
            }
        )
