"""Webhook endpoints and deliveries: every write of the webhooks app goes through here.

Other apps call ``emit(owner=…, event=WebhookEvent.…, payload={…}, reference=…)`` when
something happened; this creates one delivery per subscribed endpoint and queues it. Each
delivery is then attempted by ``deliver`` (one HTTP POST per call), retried on a schedule,
and every attempt is recorded.

An attempt is one POST through ``smartcv.netguard`` (public addresses only, unless the host is
in ``SMARTCV_WEBHOOK_ALLOWED_HOSTS``; no redirects), given ``SMARTCV_WEBHOOK_TIMEOUT`` seconds
in all — connect, send and read together.

Retry policy (``SMARTCV_WEBHOOK_RETRY_DELAYS``, default 30 s, 2 min, 10 min, 1 h, 6 h):

- 2xx: delivered.
- 5xx, 429, timeouts, connection and TLS errors: the receiver may recover — wait the next
  delay (or the receiver's ``Retry-After``, if longer, capped at the longest delay) and try
  again; after the last delay has been used, failed.
- any other status (4xx, and 3xx because redirects are not followed) and refused addresses or
  URLs: retrying would get the same answer — failed at once.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from smartcv import netguard
from smartcv.errors import ApplicationError
from smartcv.models import User
from webhooks import signing
from webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

MAX_ENDPOINTS_PER_OWNER = 20
MAX_DESCRIPTION_LENGTH = 255
# What we keep of a receiver's answer, per attempt and on the delivery.
RESPONSE_BODY_LIMIT = 2048
USER_AGENT = "SmartCV-Webhooks/1.0"
# A delivery still "sending" this long after its attempt started lost its worker (see
# ``rescue_stale_deliveries``); an attempt never lasts longer than the timeout.
STALE_MARGIN_SECONDS = 60
# With a real broker, each retry is queued with a countdown; the sweeper only picks up
# deliveries overdue by this much (lost messages), so it does not double every retry.
SWEEP_GRACE_SECONDS = 120
SWEEP_BATCH = 500

_RETRYABLE_FETCH_ERRORS = frozenset({netguard.TIMEOUT, netguard.CONNECTION_ERROR, netguard.TLS_ERROR})


# --- Endpoints ------------------------------------------------------------------------------


def _new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(
        "validation_error", f"{field}: {message}", status=400, details={field: [message]}
    )


def endpoint_url_validate(url: str) -> str:
    """The URL as it will be stored, or a validation error.

    Only the shape and literal addresses are checked here (http/https, a host, ≤ 2048
    characters, no private IP literal or ``localhost`` unless allowlisted): names are
    resolved — and checked again — at every delivery, since DNS answers change.
    """
    url = (url or "").strip()
    try:
        target = netguard.parse_target(url)
        netguard.check_host_syntax(
            target.host, allowed_private_hosts=settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS
        )
    except netguard.FetchError as exc:
        raise _invalid("url", exc.message) from None
    return url


def _description_validate(description: str) -> str:
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise _invalid("description", f"At most {MAX_DESCRIPTION_LENGTH} characters.")
    return description


@transaction.atomic
def endpoint_create(
    *,
    owner: User,
    url: str,
    description: str = "",
    is_active: bool = True,
    pdf_generated: bool = False,
    parser_results: bool = False,
    scores: bool = False,
) -> WebhookEndpoint:
    """A new endpoint with a fresh secret (read it from the result: shown once)."""
    url = endpoint_url_validate(url)
    description = _description_validate(description)
    # Lock the owner row so two concurrent creations cannot both pass the limit.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    if WebhookEndpoint.objects.filter(owner=owner).count() >= MAX_ENDPOINTS_PER_OWNER:
        raise ApplicationError(
            "webhook_limit_reached",
            f"At most {MAX_ENDPOINTS_PER_OWNER} webhooks per account; delete one first.",
            status=400,
        )
    return WebhookEndpoint.objects.create(
        owner=owner,
        url=url,
        secret=_new_secret(),
        description=description,
        is_active=is_active,
        pdf_generated=pdf_generated,
        parser_results=parser_results,
        scores=scores,
    )


@transaction.atomic
def endpoint_update(
    *,
    endpoint: WebhookEndpoint,
    url: str | None = None,
    description: str | None = None,
    is_active: bool | None = None,
    pdf_generated: bool | None = None,
    parser_results: bool | None = None,
    scores: bool | None = None,
) -> WebhookEndpoint:
    """Change the given fields (None: unchanged). Deliveries already queued keep going to
    the endpoint as it is when they are attempted."""
    changes: dict[str, Any] = {}
    if url is not None:
        changes["url"] = endpoint_url_validate(url)
    if description is not None:
        changes["description"] = _description_validate(description)
    flags = {
        "is_active": is_active,
        "pdf_generated": pdf_generated,
        "parser_results": parser_results,
        "scores": scores,
    }
    changes.update({name: bool(value) for name, value in flags.items() if value is not None})
    for name, value in changes.items():
        setattr(endpoint, name, value)
    if changes:
        endpoint.save(update_fields=[*changes, "updated_at"])
    return endpoint


@transaction.atomic
def endpoint_rotate_secret(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """A new secret, effective at once: attempts are signed when they are made, so even
    deliveries queued before the rotation are signed with the new secret."""
    endpoint.secret = _new_secret()
    endpoint.save(update_fields=["secret", "updated_at"])
    return endpoint


@transaction.atomic
def endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Delete the endpoint with its deliveries (pending ones are dropped, not sent)."""
    endpoint.delete()


# --- Emitting -------------------------------------------------------------------------------


def payload_serialize(payload: dict[str, Any]) -> str:
    """The JSON body, built once per event: compact, UTF-8, datetimes/UUIDs/decimals as text."""
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


@transaction.atomic
def emit(
    *, owner: User, event: WebhookEvent | str, payload: dict[str, Any], reference: str = ""
) -> list[WebhookDelivery]:
    """Queue ``payload`` for each of the owner's active endpoints subscribed to ``event``.

    Returns the deliveries created (none when no endpoint listens). They are sent after the
    surrounding transaction commits, so a rolled-back operation never announces itself.
    """
    from webhooks.tasks import deliver_webhook_task  # tasks import this module

    event = WebhookEvent(event)
    if len(reference) > WebhookDelivery._meta.get_field("reference").max_length:
        raise ValueError("reference is longer than 100 characters")
    body = payload_serialize(payload)
    now = timezone.now()
    endpoints = WebhookEndpoint.objects.filter(owner=owner, is_active=True, **{event.flag: True})
    deliveries = WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=endpoint,
                owner=owner,
                event=event,
                payload=body,
                reference=reference,
                status=DeliveryStatus.PENDING,
                next_attempt_at=now,
                created_at=now,
            )
            for endpoint in endpoints
        ]
    )
    from smartcv.celery import enqueue_on_commit

    for delivery in deliveries:
        enqueue_on_commit(deliver_webhook_task, str(delivery.id))
    return deliveries


# --- Delivering -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    status_code: int | None
    response_body: str
    error_message: str
    retryable: bool
    delivered: bool
    retry_after: int | None = None


def _clean_text(raw: bytes | str, limit: int = RESPONSE_BODY_LIMIT) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return text.replace("\x00", "")[:limit]  # PostgreSQL text cannot hold NUL


def _retry_after_seconds(value: str | None) -> int | None:
    if value and value.strip().isdigit():
        return int(value.strip())
    return None


def _outcome_of_response(response: netguard.FetchResponse) -> _Outcome:
    code = response.status
    body = _clean_text(response.body)
    if 200 <= code < 300:
        return _Outcome(code, body, "", retryable=False, delivered=True)
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = "Unknown status"
    error = f"HTTP {code} {phrase}"
    if 300 <= code < 400:
        location = response.headers.get("location", "")
        error += f": redirects are not followed (Location: {location})" if location else ""
    retryable = code == 429 or 500 <= code < 600
    retry_after = _retry_after_seconds(response.headers.get("retry-after"))
    return _Outcome(code, body, _clean_text(error), retryable, False, retry_after)


def retry_delay(attempt_number: int, *, retry_after: int | None = None) -> int | None:
    """Seconds to wait after failed attempt ``attempt_number`` (1-based), or None when that
    was the last one allowed. A receiver's Retry-After can lengthen the wait, never shorten
    it, and never beyond the longest configured delay."""
    delays: list[int] = list(settings.SMARTCV_WEBHOOK_RETRY_DELAYS)
    if attempt_number > len(delays):
        return None
    delay = delays[attempt_number - 1]
    if retry_after is not None:
        delay = max(delay, min(retry_after, max(delays)))
    return delay


def _celery_eager() -> bool:
    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False))


def _record_attempt(
    *, delivery_id: uuid.UUID, number: int, started_at: datetime, duration_ms: int, outcome: _Outcome
) -> WebhookDelivery | None:
    """Write attempt ``number`` and settle the delivery; None if the delivery is gone or
    was taken over meanwhile (then this result is dropped, never double-recorded)."""
    from webhooks.tasks import deliver_webhook_task

    now = timezone.now()
    delay = retry_delay(number, retry_after=outcome.retry_after) if outcome.retryable else None
    next_at = now + timedelta(seconds=delay) if delay is not None else None
    if outcome.delivered:
        status = DeliveryStatus.DELIVERED
    elif next_at is not None:
        status = DeliveryStatus.PENDING
    else:
        status = DeliveryStatus.FAILED
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .filter(id=delivery_id, status=DeliveryStatus.SENDING, attempt_count=number)
            .first()
        )
        if delivery is None:
            return None
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            started_at=started_at,
            duration_ms=duration_ms,
            response_status_code=outcome.status_code,
            response_body=outcome.response_body,
            error_message=outcome.error_message,
            next_attempt_at=next_at,
        )
        delivery.status = status
        delivery.next_attempt_at = next_at
        delivery.delivered_at = now if outcome.delivered else None
        delivery.response_status_code = outcome.status_code
        delivery.response_body = outcome.response_body
        delivery.error_message = outcome.error_message
        delivery.save(
            update_fields=[
                "status",
                "next_attempt_at",
                "delivered_at",
                "response_status_code",
                "response_body",
                "error_message",
            ]
        )
        # Eager mode has no countdowns (it would block here); the sweeper or a redeliver
        # picks the delivery up once it is due.
        if delay is not None and not _celery_eager():
            deliver_webhook_task.apply_async_on_commit((str(delivery.id),), countdown=delay)
    return delivery


def deliver(*, delivery_id: uuid.UUID | str) -> WebhookDelivery | None:
    """Make ONE attempt of a due pending delivery; returns it settled, or None if it was not
    due (already delivered, failed, in flight elsewhere, not yet due, or deleted).

    Safe to run twice: the delivery is claimed with a conditional UPDATE (pending → sending)
    and only the caller that changed the row sends, so a duplicated task message sends
    nothing. The POST is made outside any transaction; the result is recorded afterwards.
    """
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        id=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).update(status=DeliveryStatus.SENDING, last_attempt_at=now, attempt_count=F("attempt_count") + 1)
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(id=delivery_id).first()
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    number = delivery.attempt_count
    if not endpoint.is_active:
        outcome = _Outcome(None, "", "Webhook is disabled; not sent.", retryable=False, delivered=False)
        return _record_attempt(
            delivery_id=delivery.id, number=number, started_at=now, duration_ms=0, outcome=outcome
        )

    timeout = float(settings.SMARTCV_WEBHOOK_TIMEOUT)
    body = delivery.payload.encode("utf-8")
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        signing.SIGNATURE_HEADER: signing.sign(endpoint.secret, timestamp, body),
        signing.TIMESTAMP_HEADER: str(timestamp),
        signing.ID_HEADER: str(delivery.id),
        signing.EVENT_HEADER: delivery.event,
    }
    started_at = timezone.now()
    clock = time.monotonic()
    try:
        response = netguard.fetch(
            endpoint.url,
            method="POST",
            body=body,
            headers=headers,
            timeout=timeout,
            deadline=timeout,
            max_bytes=RESPONSE_BODY_LIMIT,
            truncate=True,
            follow_redirects=0,
            allowed_private_hosts=settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS,
        )
    except netguard.FetchError as exc:
        retryable = exc.code in _RETRYABLE_FETCH_ERRORS
        outcome = _Outcome(None, "", _clean_text(exc.message), retryable, delivered=False)
    else:
        outcome = _outcome_of_response(response)
    duration_ms = int((time.monotonic() - clock) * 1000)
    return _record_attempt(
        delivery_id=delivery.id,
        number=number,
        started_at=started_at,
        duration_ms=duration_ms,
        outcome=outcome,
    )


def redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Attempt a delivery again now, whatever its state (admin "redeliver", pages).

    A delivery in flight is left alone (409). Its attempt count carries on, so a failure
    after the retry schedule was used up fails again at once rather than restarting it.
    """
    from webhooks.tasks import deliver_webhook_task

    with transaction.atomic():
        updated = (
            WebhookDelivery.objects.filter(id=delivery.id)
            .exclude(status=DeliveryStatus.SENDING)
            .update(status=DeliveryStatus.PENDING, next_attempt_at=timezone.now())
        )
        if not updated:
            raise ApplicationError(
                "delivery_in_progress", "This delivery is being attempted right now.", status=409
            )
        deliver_webhook_task.delay_on_commit(str(delivery.id))
    delivery.refresh_from_db()
    return delivery


def stale_after() -> timedelta:
    """How long a delivery may stay "sending" before its worker is presumed lost."""
    return timedelta(seconds=2 * float(settings.SMARTCV_WEBHOOK_TIMEOUT) + STALE_MARGIN_SECONDS)


def rescue_stale_deliveries(*, limit: int = SWEEP_BATCH) -> int:
    """Settle deliveries whose worker died mid-attempt (claimed, never recorded).

    The lost attempt is recorded as failed-with-retry, so the normal schedule applies: a
    delivery that kills its worker every time still ends up failed rather than looping.
    """
    cutoff = timezone.now() - stale_after()
    stale = list(
        WebhookDelivery.objects.filter(status=DeliveryStatus.SENDING, last_attempt_at__lt=cutoff)
        .order_by("last_attempt_at")
        .values_list("id", "attempt_count", "last_attempt_at")[:limit]
    )
    lost = _Outcome(
        None, "", "No result recorded: the attempt was interrupted.", retryable=True, delivered=False
    )
    rescued = 0
    for delivery_id, number, started_at in stale:
        if _record_attempt(
            delivery_id=delivery_id,
            number=number,
            started_at=started_at,
            duration_ms=0,
            outcome=lost,
        ):
            rescued += 1
    return rescued


def retry_due_deliveries(*, limit: int = SWEEP_BATCH) -> int:
    """The periodic sweep: rescue lost attempts, then queue due pending deliveries (at most
    ``limit``, most overdue first). Returns how many were queued.

    With a broker, retries already have their own countdown task; only deliveries overdue by
    SWEEP_GRACE_SECONDS (a lost message) are queued again. In eager mode there are no
    countdowns, so everything due is attempted.
    """
    from webhooks.tasks import deliver_webhook_task

    rescue_stale_deliveries(limit=limit)
    due_before = timezone.now()
    if not _celery_eager():
        due_before -= timedelta(seconds=SWEEP_GRACE_SECONDS)
    due = list(
        WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=due_before)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:limit]
    )
    for delivery_id in due:
        deliver_webhook_task.delay_on_commit(str(delivery_id))
    return len(due)
