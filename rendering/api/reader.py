"""reader dialect (cvreaderpro section 4, "Génération de CV"): render settings with canvas
previews, PDF by resume id, instant (1–10) and bulk (1–500) PDF batches, batch format.

The reader's ``resumeId`` is a candidate id. Errors are Spring bodies (the dialect of
``/api/resume-settings`` and ``/api/webhook``). Where the spec is silent: PUT bodies may be
partial (absent keys keep their value); id lists are a bare JSON array or
``{"resumeIds": [...]}``, de-duplicated in order; an id that is not one of your candidates —
missing or another account's — answers 403 in batches and 404 for a single PDF.
"""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from rendering import batches, services
from rendering.models import PdfBatch, RenderSettings
from rendering.selectors import batch_get
from webhooks import signing
from webhooks.selectors import deliveries_for_reference

TAGS = ["reader: resume settings"]
_RANGES = ", ".join(f"{key} {low:g}–{high:g}" for key, (low, high) in services.SETTINGS_RANGES.items())
_IDS = {"application/json": {"type": "array", "items": {"type": "string", "format": "uuid"}}}


class ResumeSettingsValues(serializers.Serializer):
    fontStyle = serializers.CharField(source="font_style")
    fontSize = serializers.FloatField(source="font_size")
    lineHeight = serializers.FloatField(source="line_height")
    marginTop = serializers.FloatField(source="margin_top")
    marginBottom = serializers.FloatField(source="margin_bottom")
    marginX = serializers.FloatField(source="margin_x")
    sectionSpacing = serializers.FloatField(source="section_spacing")
    agencyName = serializers.CharField(source="agency_name")
    agencyWebsite = serializers.CharField(source="agency_website")


class ResumeSettingsInput(serializers.Serializer):
    """Documentation only: ``services.settings_validate`` checks the body (ranges, flags)."""

    layout = serializers.ChoiceField(choices=list(services.LAYOUT_DIRS), required=False)
    fontStyle = serializers.CharField(required=False)
    fontSize = serializers.FloatField(required=False, min_value=8, max_value=16)
    lineHeight = serializers.FloatField(required=False, min_value=1.0, max_value=2.0)
    marginTop = serializers.FloatField(required=False, min_value=5, max_value=40)
    marginBottom = serializers.FloatField(required=False, min_value=5, max_value=40)
    marginX = serializers.FloatField(required=False, min_value=5, max_value=40)
    sectionSpacing = serializers.FloatField(required=False, min_value=0, max_value=40)
    agencyName = serializers.CharField(required=False, allow_blank=True)
    agencyWebsite = serializers.CharField(required=False, allow_blank=True)
    agencyLogo = serializers.CharField(
        required=False, allow_blank=True, help_text="PNG/JPEG data: URI; empty removes it."
    )
    privacy = serializers.DictField(
        required=False,
        help_text="Booleans "
        + ", ".join(services.PRIVACY_FLAGS)
        + '; nameMode "reference" (Candidate 8F3A, default) or "initials". Absent flags keep '
        "their value.",
    )


class ResumeSettingsResponse(serializers.Serializer):
    id = serializers.UUIDField()
    layout = serializers.CharField()
    settings = serializers.SerializerMethodField()
    privacy = serializers.SerializerMethodField()
    canvas_page_count = serializers.SerializerMethodField()
    canvas_pages = serializers.SerializerMethodField()

    def get_settings(self, obj: RenderSettings) -> dict:
        data = ResumeSettingsValues(obj).data
        # Whole numbers read as the client sent them (11, not 11.0).
        return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in data.items()}

    def get_privacy(self, obj: RenderSettings) -> dict:
        stored = obj.privacy or {}
        flags: dict = {key: bool(stored.get(key, False)) for key in services.PRIVACY_FLAGS}
        flags["nameMode"] = services.privacy_rules(obj).name_mode
        return flags

    def get_canvas_page_count(self, obj: RenderSettings) -> int:
        return len(obj.canvas_pages or [])

    def get_canvas_pages(self, obj: RenderSettings) -> list[dict]:
        return services.canvas_urls(obj)


_SETTINGS_DOC = (
    f"Ranges: {_RANGES} (font size and spacing in pt, margins in mm). Layouts: "
    f"{', '.join(services.LAYOUT_DIRS)}. Font families map to embedded metric-compatible "
    "faces (Calibri → Carlito, Arial → Liberation Sans, Times New Roman → Liberation Serif). "
    "The canvas pages are PNG previews of a built-in sample resume in these settings, "
    "anonymised by the privacy flags; their URLs are signed and valid for 7 days."
)


class ResumeSettingsView(APIView):
    @extend_schema(
        operation_id="reader_resume_settings_get",
        summary="Read your resume settings",
        description=_SETTINGS_DOC,
        responses=ResumeSettingsResponse,
        tags=TAGS,
    )
    def get(self, request):
        render_settings = services.settings_get(owner=request.user)
        if not render_settings.canvas_pages:
            render_settings = services.canvas_regenerate(render_settings=render_settings)
        return Response(ResumeSettingsResponse(render_settings).data)

    @extend_schema(
        operation_id="reader_resume_settings_put",
        summary="Update your resume settings (regenerates the canvas)",
        description=_SETTINGS_DOC,
        request=ResumeSettingsInput,
        responses={200: ResumeSettingsResponse, 400: OpenApiResponse(description="Out of range")},
        tags=TAGS,
    )
    def put(self, request):
        render_settings = services.settings_update(owner=request.user, data=request.data)
        return Response(ResumeSettingsResponse(render_settings).data)


class ResumeSettingsCanvasView(ResumeSettingsView):
    http_method_names = ["put", "options"]

    @extend_schema(
        operation_id="reader_resume_settings_update_with_canvas",
        summary="Update settings + regenerate canvas",
        description=_SETTINGS_DOC,
        request=ResumeSettingsInput,
        responses={200: ResumeSettingsResponse, 400: OpenApiResponse(description="Out of range")},
        tags=TAGS,
    )
    def put(self, request):
        return super().put(request)


class GeneratePdfView(APIView):
    @extend_schema(
        operation_id="reader_resume_generate_pdf",
        summary="Generate the PDF of one resume (1 credit)",
        request=None,
        responses={
            (200, "application/pdf"): OpenApiResponse(description="PDF bytes"),
            402: OpenApiResponse(description="insufficient_credits (NoMoreCreditException)"),
            404: OpenApiResponse(description="Resume not found for this user"),
            409: OpenApiResponse(description="The resume has not been parsed yet"),
        },
        tags=TAGS,
    )
    def post(self, request, resume_id):
        data = services.candidate_pdf(owner=request.user, candidate_id=resume_id)
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="resume_{resume_id}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


class InstantResultOutput(serializers.Serializer):
    resumeId = serializers.CharField()
    downloadUrl = serializers.CharField(allow_null=True)
    generatedAt = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField(allow_null=True)


def _instant_result(result: dict) -> dict:
    # Each item carries downloadUrl + generatedAt, or error (the spec's "or").
    if result["downloadUrl"]:
        return {
            "resumeId": result["resumeId"],
            "downloadUrl": result["downloadUrl"],
            "generatedAt": serializers.DateTimeField().to_representation(result["generatedAt"]),
        }
    return {"resumeId": result["resumeId"], "error": result["error"] or "PDF generation failed"}


class InstantGenerateView(APIView):
    @extend_schema(
        operation_id="reader_resume_generate_instant",
        summary="Instant PDF generation (1–10, 1 credit each)",
        description='Body: a JSON array of 1–10 resume UUIDs (or {"resumeIds": [...]}); '
        "duplicates are generated once. 429 when no credit remains before the batch starts; "
        "an item that fails (or meets exhausted credits mid-batch) carries `error` and is "
        "not charged. Download URLs are valid for 7 days.",
        request=_IDS,
        responses={
            200: inline_serializer(
                "ReaderInstantPdfBatch",
                {
                    "jobId": serializers.UUIDField(),
                    "status": serializers.ChoiceField(choices=["COMPLETED", "PARTIAL", "FAILED"]),
                    "progress": serializers.CharField(),
                    "results": InstantResultOutput(many=True),
                },
            ),
            400: OpenApiResponse(description="No ids, more than 10, or malformed UUIDs"),
            403: OpenApiResponse(description="One or more ids are not yours"),
            429: OpenApiResponse(description="No credits remaining"),
        },
        tags=TAGS,
    )
    def post(self, request):
        batch = batches.instant_batch_run(owner=request.user, data=request.data)
        counts = batches.batch_counts(batch)
        return Response(
            {
                "jobId": str(batch.id),
                "status": batch.status,
                "progress": f"{round(100 * counts['succeeded'] / batch.total)}%",
                "results": [_instant_result(r) for r in batches.batch_results(batch)],
            }
        )


def _webhook_security() -> dict:
    return {
        "algorithm": signing.ALGORITHM,
        "signatureHeader": signing.SIGNATURE_HEADER,
        "timestampHeader": signing.TIMESTAMP_HEADER,
        "signedPayload": signing.SIGNED_PAYLOAD,
    }


def _accepted(batch: PdfBatch, message: str) -> Response:
    status_url = f"/api/webhook/generate-pdfs/{batch.id}"
    response = Response(
        {
            "jobId": str(batch.id),
            "status": PdfBatch.Status.QUEUED.value,
            "statusUrl": status_url,
            "message": message,
            "webhookSecurity": _webhook_security(),
        },
        status=202,
    )
    response["Location"] = status_url
    return response


class BulkGenerateView(APIView):
    @extend_schema(
        operation_id="reader_webhook_generate_pdfs",
        summary="Bulk async PDF generation (1–500, 1 credit each)",
        description="Rendered in parallel chunks of 10 on the rendering queue; when every item "
        "is processed one PDF_GENERATED webhook carries {jobId, status, total, processed, "
        "succeeded, failed, results[{resumeId, downloadUrl, generatedAt, error}]}. "
        f"429 when more than {batches.MAX_PENDING_DELIVERIES} webhook deliveries are pending.",
        request=_IDS,
        responses={
            202: OpenApiResponse(
                description="jobId, status QUEUED, statusUrl, message, webhookSecurity"
            ),
            400: OpenApiResponse(description="Bad id list, or no webhook with pdfGenerated=true"),
            403: OpenApiResponse(description="One or more ids are not yours"),
            429: OpenApiResponse(description="Too many pending webhook deliveries"),
        },
        tags=TAGS,
    )
    def post(self, request):
        batch = batches.bulk_batch_create(owner=request.user, data=request.data)
        return _accepted(batch, "Processing started. Results will be sent to your webhook URL.")


class PdfJobDeliveryOutput(serializers.Serializer):
    deliveryId = serializers.UUIDField(source="id")
    type = serializers.CharField(source="event")
    delivered = serializers.BooleanField()
    attemptCount = serializers.IntegerField(source="attempt_count")
    lastAttempt = serializers.DateTimeField(source="last_attempt_at", allow_null=True)
    nextAttempt = serializers.DateTimeField(source="next_attempt_at", allow_null=True)
    responseStatusCode = serializers.IntegerField(source="response_status_code", allow_null=True)
    responseBody = serializers.CharField(source="response_body")
    errorMessage = serializers.CharField(source="error_message")


class PdfJobResultOutput(serializers.Serializer):
    resumeId = serializers.CharField()
    processed = serializers.BooleanField()
    downloadUrl = serializers.CharField(allow_null=True)
    generatedAt = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField(allow_null=True)


class BulkJobStatusView(APIView):
    @extend_schema(
        operation_id="reader_webhook_generate_pdfs_status",
        summary="PDF generation job status",
        responses={
            200: inline_serializer(
                "ReaderPdfJobStatus",
                {
                    "jobId": serializers.UUIDField(),
                    "status": serializers.ChoiceField(choices=["QUEUED", "PROCESSING", "COMPLETED"]),
                    "total": serializers.IntegerField(),
                    "processed": serializers.IntegerField(),
                    "results": PdfJobResultOutput(many=True),
                    "deliveries": PdfJobDeliveryOutput(many=True),
                },
            ),
            403: OpenApiResponse(description="This job does not belong to the current user"),
            404: OpenApiResponse(description="PDF generation job not found"),
        },
        tags=TAGS,
    )
    def get(self, request, job_id):
        batch = batch_get(owner=request.user, job_id=job_id)
        deliveries = deliveries_for_reference(owner=request.user, reference=str(batch.id))
        return Response(
            {
                "jobId": str(batch.id),
                "status": batch.status,
                "total": batch.total,
                "processed": batches.batch_counts(batch)["processed"],
                "results": PdfJobResultOutput(batches.batch_results(batch), many=True).data,
                "deliveries": PdfJobDeliveryOutput(deliveries, many=True).data,
            }
        )


class FormatBatchView(APIView):
    @extend_schema(
        operation_id="reader_resume_settings_format",
        summary="Batch format (standard or anonymised), delivered by webhook or e-mail",
        description="Body: a JSON array of 1–500 resume UUIDs. The CVs are rendered in your "
        "settings and anonymised per your privacy flags, then delivered by the PDF_GENERATED "
        "webhook when one is active, else by e-mail to the account address with download "
        "links (7 days). Poll statusUrl for progress. 1 credit per generated PDF.",
        request=_IDS,
        responses={
            202: OpenApiResponse(description="jobId, status QUEUED, statusUrl, delivery"),
            400: OpenApiResponse(description="Bad id list, or neither webhook nor e-mail"),
            403: OpenApiResponse(description="One or more ids are not yours"),
            429: OpenApiResponse(description="Too many pending webhook deliveries"),
        },
        tags=TAGS,
    )
    def post(self, request):
        batch = batches.format_batch_create(owner=request.user, data=request.data)
        how = "your webhook URL" if batch.delivery == PdfBatch.Delivery.WEBHOOK else "your e-mail"
        response = _accepted(batch, f"Processing started. The CVs will be sent to {how}.")
        response.data["delivery"] = batch.delivery.upper()
        return response
