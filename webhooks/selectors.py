"""Reads of the webhooks app: endpoints and deliveries as their owner sees them."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, QuerySet

from smartcv.errors import ApplicationError
from smartcv.models import User
from webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint


def endpoint_list(*, owner: User) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(owner=owner).order_by("created_at", "id")


def endpoint_get(*, owner: User, endpoint_id: uuid.UUID | str) -> WebhookEndpoint:
    """The owner's endpoint; another owner's answers exactly like a missing one (404)."""
    endpoint = WebhookEndpoint.objects.filter(owner=owner, id=endpoint_id).first()
    if endpoint is None:
        raise ApplicationError("not_found", "Webhook not found", status=404)
    return endpoint


def _with_attempts(deliveries: QuerySet[WebhookDelivery]) -> QuerySet[WebhookDelivery]:
    return deliveries.prefetch_related(
        Prefetch("attempts", queryset=WebhookAttempt.objects.order_by("number"))
    )


def delivery_list(*, endpoint: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    """Newest first, attempts prefetched: a page costs the same queries however long."""
    return _with_attempts(endpoint.deliveries.order_by("-created_at", "id"))


def deliveries_for_reference(*, owner: User, reference: str) -> QuerySet[WebhookDelivery]:
    """Deliveries another app tagged with ``reference`` (e.g. a PDF batch id), oldest first."""
    return _with_attempts(
        WebhookDelivery.objects.filter(owner=owner, reference=reference).order_by("created_at", "id")
    )


def pending_delivery_count(*, owner: User) -> int:
    """Deliveries not yet settled (waiting or in flight), to refuse new work past a limit."""
    return WebhookDelivery.objects.filter(
        owner=owner, status__in=(DeliveryStatus.PENDING, DeliveryStatus.SENDING)
    ).count()
