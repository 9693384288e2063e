"""Webhook endpoints, the deliveries of events to them, and every attempt of each delivery."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class WebhookEvent(models.TextChoices):
    """What happened; each event goes to the endpoints whose matching flag is set."""

    PDF_GENERATED = "PDF_GENERATED", "PDF generated"
    PARSER_RESULTS = "PARSER_RESULTS", "Parser results"
    SCORES = "SCORES", "Scores"

    @property
    def flag(self) -> str:
        """The WebhookEndpoint boolean field that subscribes to this event."""
        return EVENT_FLAGS[self.value]


EVENT_FLAGS: dict[str, str] = {
    WebhookEvent.PDF_GENERATED: "pdf_generated",
    WebhookEvent.PARSER_RESULTS: "parser_results",
    WebhookEvent.SCORES: "scores",
}


class WebhookEndpoint(models.Model):
    """Where one owner's events go. The secret is kept (not hashed) because every delivery is
    signed with it; it is shown to the owner only when created or rotated."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.CharField(max_length=2048)
    secret = models.CharField(max_length=100)
    description = models.CharField(max_length=255, blank=True)
    is_active = models.BooleanField(default=True)
    pdf_generated = models.BooleanField(default=False)
    parser_results = models.BooleanField(default=False)
    scores = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["owner", "is_active"], name="webhook_endpoint_owner")]

    def __str__(self) -> str:
        return self.url

    def subscribes_to(self, event: str) -> bool:
        return bool(getattr(self, EVENT_FLAGS[event]))


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"  # waiting for its next attempt (next_attempt_at)
    SENDING = "sending", "Sending"  # claimed by a worker, attempt in flight
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"  # gave up: refused, 4xx, or retries exhausted


class WebhookDelivery(models.Model):
    """One event for one endpoint. ``payload`` is the exact JSON body, serialised once at emit
    time, so every retry sends the same bytes (and the receiver can dedupe on X-Webhook-Id)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    # Denormalised from the endpoint: the pending-deliveries count per owner is one index scan.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    event = models.CharField(max_length=32, choices=WebhookEvent.choices)
    payload = models.TextField()
    # What the event is about, for other apps to find their deliveries (e.g. a PDF batch id).
    reference = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempt_count = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    response_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error_message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [
            # The sweeper: due pending deliveries, stale sending ones.
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due"),
            models.Index(fields=["status", "last_attempt_at"], name="webhook_delivery_stale"),
            models.Index(fields=["owner", "status"], name="webhook_delivery_owner"),
            models.Index(fields=["endpoint", "-created_at"], name="webhook_delivery_endpoint"),
            models.Index(fields=["reference"], name="webhook_delivery_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"

    @property
    def delivered(self) -> bool:
        return self.status == DeliveryStatus.DELIVERED


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery, successful or not."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    response_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error_message = models.TextField(blank=True)
    # When the next attempt was scheduled after this one; null when this one was the last.
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="webhook_attempt_number"),
        ]

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.delivery_id}"
