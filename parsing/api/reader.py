"""reader dialect: POST /api/v1/parser (sync), PUT/DELETE /api/v1/parser/{resumeId},
POST /api/v1/parser/async. The reader's ``resumeId`` is a candidate id."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from parsing import selectors, services
from parsing.intake import check_upload_limits, install_upload_limits, read_upload
from parsing.reader_fields import ADVANCED_FIELDS, PREMIUM_FIELDS
from smartcv.api.renderers import FormatNegotiation, XMLRenderer
from smartcv.errors import ApplicationError

TAGS = ["reader: parser"]
PARSER_DOC = (
    "parserType ADVANCED answers these 56 fields: "
    + ", ".join(ADVANCED_FIELDS)
    + ". PREMIUM (default) adds: "
    + ", ".join(PREMIUM_FIELDS[len(ADVANCED_FIELDS) :])
    + "."
)


class ReaderParseUpload(serializers.Serializer):
    file = serializers.FileField()
    parserType = serializers.ChoiceField(choices=["ADVANCED", "PREMIUM"], required=False)


def _parser_type(request) -> str:
    value = (request.data.get("parserType") or "PREMIUM").strip().upper()
    if value not in ("ADVANCED", "PREMIUM"):
        raise ApplicationError(
            "validation_error",
            "parserType must be ADVANCED or PREMIUM",
            status=400,
            details={"parserType": [f"Unknown parser type {value!r}"]},
        )
    return value


def _incoming(request):
    check_upload_limits(request._request)
    uploads = request.FILES.getlist("file")
    if len(uploads) != 1:
        raise ApplicationError(
            "validation_error",
            "Send exactly one CV as the multipart field 'file'",
            status=400,
            details={
                "file": ["This field is required." if not uploads else "Only one file per request."]
            },
        )
    return read_upload(uploads[0])


class _UploadView(APIView):
    def initialize_request(self, request, *args, **kwargs):
        install_upload_limits(request)  # before anything reads the body
        return super().initialize_request(request, *args, **kwargs)


class ParserView(_UploadView):
    renderer_classes = [JSONRenderer, XMLRenderer]
    content_negotiation_class = FormatNegotiation
    xml_root = "resumeData"

    @extend_schema(
        tags=TAGS,
        summary="Parse a CV synchronously (1 credit)",
        description=PARSER_DOC,
        request={"multipart/form-data": ReaderParseUpload},
        responses={
            200: OpenApiResponse(description="resumeData (JSON, or XML with Accept: application/xml)")
        },
    )
    def post(self, request):
        parser_type = _parser_type(request)
        candidate = services.candidate_parse_now(
            owner=request.user, incoming=_incoming(request), parser_type=parser_type
        )
        return Response(services.reader_result(candidate=candidate, parser_type=parser_type))


class ReaderResumeUpdate(serializers.Serializer):
    candidate = serializers.DictField(required=False)
    skills = serializers.ListField(required=False)
    languages = serializers.ListField(required=False)
    experiences = serializers.ListField(child=serializers.DictField(), required=False)
    educations = serializers.ListField(child=serializers.DictField(), required=False)
    certifications = serializers.ListField(child=serializers.DictField(), required=False)
    aiSummary = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ParserDetailView(APIView):
    renderer_classes = [JSONRenderer, XMLRenderer]
    content_negotiation_class = FormatNegotiation
    xml_root = "resumeData"

    @extend_schema(
        tags=TAGS,
        summary="Update the data of a parsed CV",
        request=ReaderResumeUpdate,
        responses={200: OpenApiResponse(description="the updated resumeData")},
    )
    def put(self, request, resume_id):
        candidate = selectors.candidate_get(owner=request.user, candidate_id=resume_id)
        if not isinstance(request.data, dict):
            raise ApplicationError("validation_error", "Body must be a JSON object", status=400)
        data = ReaderResumeUpdate(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = services.candidate_update_from_reader(candidate=candidate, data=data.validated_data)
        parser_type = candidate.metadata.get("parser_type", "PREMIUM")
        return Response(services.reader_result(candidate=candidate, parser_type=parser_type))

    @extend_schema(tags=TAGS, summary="Delete a parsed CV and its file", responses={204: None})
    def delete(self, request, resume_id):
        candidate = selectors.candidate_get(owner=request.user, candidate_id=resume_id)
        services.candidate_delete(candidate=candidate)
        return Response(status=204)


class ParserAsyncView(_UploadView):
    @extend_schema(
        tags=TAGS,
        summary="Parse a CV asynchronously; the result goes to your parserResults webhook",
        description="Needs a webhook with parserResults=true (POST /api/webhook). The webhook "
        'receives {"id", "status": "SUCCESS"|"FAILED", "resumeData"} signed with '
        "X-Webhook-Signature = hex HMAC-SHA256(secret, '<timestamp>.<raw body>'). " + PARSER_DOC,
        request={"multipart/form-data": ReaderParseUpload},
        responses={202: inline_serializer("ReaderAsyncAccepted", {"id": serializers.UUIDField()})},
    )
    def post(self, request):
        parser_type = _parser_type(request)
        candidate = services.candidate_parse_async(
            owner=request.user, incoming=_incoming(request), parser_type=parser_type
        )
        return Response({"id": str(candidate.id)}, status=202)
