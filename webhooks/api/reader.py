"""Webhook configuration in the reader dialect: ``/api/webhook…`` (cvreaderpro).

The spec documents ``POST /api/webhook`` with the event flags ``pdfGenerated`` (and, by the
async parser and the matching queue, parser results and scores) but not the rest; SmartCV
adds listing, reading, updating, deleting, secret rotation and the delivery history, in the
same style (camelCase keys, Spring pages, Spring error bodies).
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from smartcv.api.pagination import SpringPagination
from webhooks import selectors, services, signing
from webhooks.models import DeliveryStatus, WebhookDelivery

TAGS = ["reader: webhook"]
_SIGNING_NOTE = (
    f"Deliveries are POSTed with `{signing.SIGNATURE_HEADER}` = hex HMAC-SHA256(secret, "
    f"`<timestamp>.<raw body>`), `{signing.TIMESTAMP_HEADER}` (Unix seconds), "
    f"`{signing.ID_HEADER}` (the delivery id, the same on every retry) and "
    f"`{signing.EVENT_HEADER}`."
)


class WebhookEndpointInput(serializers.Serializer):
    url = serializers.CharField(
        max_length=2048,
        help_text="http:// or https:// URL on a public address; redirects are not followed.",
    )
    description = serializers.CharField(max_length=255, required=False, allow_blank=True)
    pdfGenerated = serializers.BooleanField(
        source="pdf_generated", required=False, help_text="Receive PDF_GENERATED events."
    )
    parserResults = serializers.BooleanField(
        source="parser_results", required=False, help_text="Receive PARSER_RESULTS events."
    )
    scores = serializers.BooleanField(required=False, help_text="Receive SCORES events.")
    active = serializers.BooleanField(
        source="is_active", required=False, help_text="Inactive webhooks receive nothing."
    )


class WebhookEndpointOutput(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.CharField()
    description = serializers.CharField()
    pdfGenerated = serializers.BooleanField(source="pdf_generated")
    parserResults = serializers.BooleanField(source="parser_results")
    scores = serializers.BooleanField()
    active = serializers.BooleanField(source="is_active")
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")


class WebhookEndpointSecretOutput(WebhookEndpointOutput):
    secret = serializers.CharField(
        help_text="Signing secret. Shown only in this response: store it now."
    )


class WebhookAttemptOutput(serializers.Serializer):
    number = serializers.IntegerField()
    startedAt = serializers.DateTimeField(source="started_at")
    durationMs = serializers.IntegerField(source="duration_ms")
    responseStatusCode = serializers.IntegerField(source="response_status_code", allow_null=True)
    responseBody = serializers.CharField(source="response_body")
    errorMessage = serializers.CharField(source="error_message")
    nextAttempt = serializers.DateTimeField(source="next_attempt_at", allow_null=True)


class WebhookDeliveryOutput(serializers.Serializer):
    deliveryId = serializers.UUIDField(source="id")
    type = serializers.CharField(source="event", help_text="PDF_GENERATED, PARSER_RESULTS or SCORES")
    status = serializers.SerializerMethodField()
    delivered = serializers.BooleanField()
    attemptCount = serializers.IntegerField(source="attempt_count")
    lastAttempt = serializers.DateTimeField(source="last_attempt_at", allow_null=True)
    nextAttempt = serializers.DateTimeField(
        source="next_attempt_at", allow_null=True, help_text="Null once delivered or failed."
    )
    responseStatusCode = serializers.IntegerField(source="response_status_code", allow_null=True)
    responseBody = serializers.CharField(
        source="response_body", help_text="First 2 KB of the last response."
    )
    errorMessage = serializers.CharField(source="error_message")
    createdAt = serializers.DateTimeField(source="created_at")
    attempts = WebhookAttemptOutput(many=True)

    @extend_schema_field(serializers.ChoiceField(choices=[s.value.upper() for s in DeliveryStatus]))
    def get_status(self, delivery: WebhookDelivery) -> str:
        return delivery.status.upper()


_NOT_FOUND = OpenApiResponse(description="No webhook with this id for this account.")
_INVALID = OpenApiResponse(
    description="Invalid field (e.g. a URL that is not http(s) or points to a private address): "
    "Spring error body with `errors` [{field, message}]."
)


class WebhookEndpointCollectionView(APIView):
    pagination_class = SpringPagination

    @extend_schema(
        operation_id="reader_webhook_list",
        summary="List your webhooks",
        responses=WebhookEndpointOutput(many=True),
        tags=TAGS,
    )
    def get(self, request):
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            selectors.endpoint_list(owner=request.user), request, view=self
        )
        return paginator.get_paginated_response(WebhookEndpointOutput(page, many=True).data)

    @extend_schema(
        operation_id="reader_webhook_create",
        summary="Configure a webhook",
        description="The response is the only time the signing secret is shown (see also "
        "rotate-secret). " + _SIGNING_NOTE,
        request=WebhookEndpointInput,
        responses={201: WebhookEndpointSecretOutput, 400: _INVALID},
        tags=TAGS,
    )
    def post(self, request):
        data = WebhookEndpointInput(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = services.endpoint_create(owner=request.user, **data.validated_data)
        return Response(WebhookEndpointSecretOutput(endpoint).data, status=201)


class WebhookEndpointDetailView(APIView):
    @extend_schema(
        operation_id="reader_webhook_retrieve",
        summary="Read a webhook",
        responses={200: WebhookEndpointOutput, 404: _NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, pk):
        endpoint = selectors.endpoint_get(owner=request.user, endpoint_id=pk)
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        operation_id="reader_webhook_update",
        summary="Update a webhook",
        description="Only the fields sent change (PUT behaves like PATCH).",
        request=WebhookEndpointInput(partial=True),
        responses={200: WebhookEndpointOutput, 400: _INVALID, 404: _NOT_FOUND},
        tags=TAGS,
    )
    def put(self, request, pk):
        endpoint = selectors.endpoint_get(owner=request.user, endpoint_id=pk)
        data = WebhookEndpointInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        endpoint = services.endpoint_update(endpoint=endpoint, **data.validated_data)
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        operation_id="reader_webhook_partial_update",
        summary="Update some fields of a webhook",
        request=WebhookEndpointInput(partial=True),
        responses={200: WebhookEndpointOutput, 400: _INVALID, 404: _NOT_FOUND},
        tags=TAGS,
    )
    def patch(self, request, pk):
        return self.put(request, pk)

    @extend_schema(
        operation_id="reader_webhook_destroy",
        summary="Delete a webhook",
        description="Deliveries not yet made are dropped with it.",
        responses={204: None, 404: _NOT_FOUND},
        tags=TAGS,
    )
    def delete(self, request, pk):
        endpoint = selectors.endpoint_get(owner=request.user, endpoint_id=pk)
        services.endpoint_delete(endpoint=endpoint)
        return Response(status=204)


class WebhookEndpointRotateSecretView(APIView):
    @extend_schema(
        operation_id="reader_webhook_rotate_secret",
        summary="Replace a webhook's signing secret",
        description="The new secret signs every attempt from now on, including retries of "
        "earlier deliveries. It is shown only in this response.",
        request=None,
        responses={200: WebhookEndpointSecretOutput, 404: _NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, pk):
        endpoint = selectors.endpoint_get(owner=request.user, endpoint_id=pk)
        endpoint = services.endpoint_rotate_secret(endpoint=endpoint)
        return Response(WebhookEndpointSecretOutput(endpoint).data)


class WebhookDeliveryListView(APIView):
    pagination_class = SpringPagination

    @extend_schema(
        operation_id="reader_webhook_deliveries",
        summary="Delivery history of a webhook",
        description="Newest first, each with all its attempts. Failed attempts on 5xx, 429, "
        "timeouts and connection errors are retried (by default after 30 s, 2 min, 10 min, "
        "1 h and 6 h); any other answer (4xx, 3xx: redirects are not followed) fails the "
        "delivery at once.",
        responses={200: WebhookDeliveryOutput(many=True), 404: _NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, pk):
        endpoint = selectors.endpoint_get(owner=request.user, endpoint_id=pk)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            selectors.delivery_list(endpoint=endpoint), request, view=self
        )
        return paginator.get_paginated_response(WebhookDeliveryOutput(page, many=True).data)
