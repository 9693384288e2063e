"""Emitting and delivering webhooks to a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from smartcv.errors import ApplicationError
from smartcv.tests.http_receiver import Reply
from webhooks import selectors, services, signing, tasks
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from webhooks.tests.factories import WebhookEndpointFactory

PAYLOAD = {"id": "497f6eca-6276-4993-bfeb-53cbbbba6f08", "status": "SUCCESS", "name": "Zoë"}
RAW = '{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","status":"SUCCESS","name":"Zoë"}'


@pytest.fixture
def hook(recruiter, receiver, local_webhooks):
    """The recruiter's endpoint at the local receiver, subscribed to parser results only."""
    return WebhookEndpointFactory(owner=recruiter, url=receiver.url(), pdf_generated=False, scores=False)


@pytest.fixture
def scheduled(monkeypatch):
    """Retries queued with a countdown (with a broker), recorded instead of sent; other
    queueing (emit, the sweeper) goes through as usual."""
    calls: list[tuple[tuple, dict]] = []
    original = tasks.deliver_webhook_task.apply_async

    def apply_async(*args, **kwargs):
        if "countdown" not in kwargs:
            return original(*args, **kwargs)
        calls.append((args, kwargs))
        return None

    monkeypatch.setattr(tasks.deliver_webhook_task, "apply_async", apply_async)
    return calls


def _emit(django_capture_on_commit_callbacks, owner, event="PARSER_RESULTS", payload=PAYLOAD):
    with django_capture_on_commit_callbacks(execute=True):
        deliveries = services.emit(owner=owner, event=event, payload=payload, reference="batch-1")
    return [WebhookDelivery.objects.get(id=d.id) for d in deliveries]


def _make_due(delivery: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(id=delivery.id).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


# --- Emit and the signed request ------------------------------------------------------------


def test_emit_posts_the_signed_payload_to_each_subscribed_endpoint(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    [request] = receiver.received
    assert request.method == "POST"
    assert request.path == "/hook"
    assert request.body == RAW.encode("utf-8")
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    assert request.headers["x-webhook-id"] == str(delivery.id)
    assert request.headers["x-webhook-event"] == "PARSER_RESULTS"
    timestamp = request.headers["x-webhook-timestamp"]
    assert signing.verify(hook.secret, timestamp, request.body, request.headers["x-webhook-signature"])
    assert request.headers["x-webhook-signature"] == signing.sign(
        hook.secret, int(timestamp), request.body
    )
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.payload == RAW
    assert delivery.reference == "batch-1"
    assert delivery.attempt_count == 1
    assert delivery.response_status_code == 200
    assert delivery.response_body == "ok"
    assert delivery.delivered_at is not None
    assert delivery.next_attempt_at is None
    [attempt] = delivery.attempts.all()
    assert (attempt.number, attempt.response_status_code, attempt.error_message) == (1, 200, "")
    assert attempt.next_attempt_at is None


def test_emit_skips_inactive_unsubscribed_and_foreign_endpoints(
    django_capture_on_commit_callbacks, recruiter, other_user, receiver, local_webhooks
):
    listening = WebhookEndpointFactory(owner=recruiter, url=receiver.url("/a"), scores=True)
    WebhookEndpointFactory(owner=recruiter, url=receiver.url("/b"), scores=False)
    WebhookEndpointFactory(owner=recruiter, url=receiver.url("/c"), scores=True, is_active=False)
    WebhookEndpointFactory(owner=other_user, url=receiver.url("/d"), scores=True)

    deliveries = _emit(django_capture_on_commit_callbacks, recruiter, event=WebhookEvent.SCORES)

    assert [d.endpoint_id for d in deliveries] == [listening.id]
    assert [r.path for r in receiver.received] == ["/a"]


def test_emit_without_listening_endpoints_creates_nothing(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    deliveries = _emit(django_capture_on_commit_callbacks, recruiter, event="PDF_GENERATED")

    assert deliveries == []
    assert WebhookDelivery.objects.count() == 0
    assert receiver.received == []


def test_emit_rolled_back_sends_nothing(recruiter, receiver, hook, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
                raise RuntimeError("the operation failed after emitting")
        except RuntimeError:
            pass

    assert callbacks == []
    assert WebhookDelivery.objects.count() == 0
    assert receiver.received == []


# --- Outcomes and retries -------------------------------------------------------------------


def test_server_error_then_success_makes_two_attempts_with_the_same_bytes(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=500, body=b"boom"), Reply(status=204, body=b""))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempt_count == 1
    assert delivery.response_status_code == 500
    assert delivery.response_body == "boom"
    assert delivery.error_message == "HTTP 500 Internal Server Error"
    first = delivery.attempts.get()
    assert first.next_attempt_at == delivery.next_attempt_at
    assert timedelta(seconds=30) <= delivery.next_attempt_at - first.started_at <= timedelta(seconds=32)

    _make_due(delivery)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.retry_due_deliveries_task() == 1

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempt_count == 2
    assert (delivery.response_status_code, delivery.error_message) == (204, "")
    assert delivery.next_attempt_at is None
    assert [(a.number, a.response_status_code) for a in delivery.attempts.all()] == [(1, 500), (2, 204)]
    first_request, second_request = receiver.received
    assert first_request.body == second_request.body == RAW.encode("utf-8")
    assert first_request.headers["x-webhook-id"] == second_request.headers["x-webhook-id"]


def test_client_error_fails_at_once(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, scheduled
):
    receiver.reply(Reply(status=400, body=b'{"error":"bad"}'))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempt_count == 1
    assert delivery.next_attempt_at is None
    assert delivery.response_status_code == 400
    assert delivery.response_body == '{"error":"bad"}'
    assert delivery.error_message == "HTTP 400 Bad Request"
    assert delivery.attempts.get().next_attempt_at is None
    assert scheduled == []
    assert len(receiver.received) == 1


def test_redirect_is_not_followed_and_fails(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=302, headers={"Location": receiver.url("/elsewhere")}))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.response_status_code == 302
    assert delivery.error_message == (
        f"HTTP 302 Found: redirects are not followed (Location: {receiver.url('/elsewhere')})"
    )
    assert [r.path for r in receiver.received] == ["/hook"]


def test_timeout_schedules_a_retry(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, settings
):
    settings.SMARTCV_WEBHOOK_TIMEOUT = 0.3
    receiver.reply(Reply(delay=1.0))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.response_status_code is None
    assert delivery.error_message == f"Timed out talking to 127.0.0.1:{receiver.port}"
    attempt = delivery.attempts.get()
    assert attempt.error_message == delivery.error_message
    assert 250 <= attempt.duration_ms < 1000
    assert (
        timedelta(seconds=30) <= delivery.next_attempt_at - attempt.started_at <= timedelta(seconds=32)
    )


def test_retries_stop_after_the_last_delay(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, settings
):
    settings.SMARTCV_WEBHOOK_RETRY_DELAYS = [30, 120]
    receiver.reply(Reply(status=503, body=b"down"))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)
    for _ in range(2):
        _make_due(delivery)
        services.deliver(delivery_id=delivery.id)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempt_count == 3
    assert delivery.next_attempt_at is None
    waits = [
        (a.next_attempt_at - a.started_at).total_seconds() // 1 if a.next_attempt_at else None
        for a in delivery.attempts.all()
    ]
    assert waits == [30, 120, None]
    assert len(receiver.received) == 3
    _make_due(delivery)
    assert services.deliver(delivery_id=delivery.id) is None
    assert len(receiver.received) == 3


def test_too_many_requests_honours_a_longer_retry_after(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=429, headers={"Retry-After": "100"}))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.PENDING
    wait = delivery.next_attempt_at - delivery.attempts.get().started_at
    assert timedelta(seconds=100) <= wait <= timedelta(seconds=102)


def test_retry_delay_follows_the_schedule_and_caps_retry_after(settings):
    settings.SMARTCV_WEBHOOK_RETRY_DELAYS = [30, 120, 600]

    assert [services.retry_delay(n) for n in (1, 2, 3, 4)] == [30, 120, 600, None]
    assert services.retry_delay(1, retry_after=5) == 30
    assert services.retry_delay(1, retry_after=86400) == 600
    assert services.retry_delay(4, retry_after=10) is None


def test_private_address_without_allowlist_is_blocked_and_not_retried(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, settings, scheduled
):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = []

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error_message == "127.0.0.1 resolves to non-public address 127.0.0.1"
    assert delivery.next_attempt_at is None
    assert delivery.attempts.count() == 1
    assert receiver.received == []
    assert scheduled == []


def test_response_body_is_kept_to_two_kilobytes(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=500, body=b"e" * 10_000))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.response_body == "e" * 2048
    assert delivery.attempts.get().response_body == "e" * 2048


def test_disabled_endpoint_is_not_called(django_capture_on_commit_callbacks, recruiter, receiver, hook):
    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    services.endpoint_update(endpoint=hook, is_active=False)

    services.deliver(delivery_id=delivery.id)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error_message == "Webhook is disabled; not sent."
    assert receiver.received == []


def test_rotated_secret_signs_the_next_attempt(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=500), Reply(status=200))
    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)
    services.endpoint_rotate_secret(endpoint=hook)
    _make_due(delivery)

    services.deliver(delivery_id=delivery.id)

    retry = receiver.received[1]
    assert signing.verify(
        hook.secret,
        retry.headers["x-webhook-timestamp"],
        retry.body,
        retry.headers["x-webhook-signature"],
    )


# --- Scheduling and idempotency -------------------------------------------------------------


def test_running_deliver_twice_makes_one_attempt(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=500))
    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)

    first = services.deliver(delivery_id=delivery.id)
    second = services.deliver(delivery_id=delivery.id)

    assert first is not None
    assert second is None
    assert len(receiver.received) == 1
    assert delivery.attempts.count() == 1


def test_delivery_in_flight_elsewhere_is_not_sent_again(recruiter, receiver, hook):
    [delivery] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    WebhookDelivery.objects.filter(id=delivery.id).update(
        status=DeliveryStatus.SENDING, attempt_count=1, last_attempt_at=timezone.now()
    )

    assert services.deliver(delivery_id=delivery.id) is None
    assert services.retry_due_deliveries() == 0
    assert receiver.received == []
    assert delivery.attempts.count() == 0
    assert WebhookDelivery.objects.get(id=delivery.id).status == DeliveryStatus.SENDING


def test_with_a_broker_a_retry_is_queued_with_its_countdown(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, settings, scheduled
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    receiver.reply(Reply(status=502))
    with django_capture_on_commit_callbacks(execute=False):
        [delivery] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)

    with django_capture_on_commit_callbacks(execute=True):
        services.deliver(delivery_id=delivery.id)

    assert scheduled == [(((str(delivery.id),),), {"countdown": 30})]


def test_in_eager_mode_a_retry_waits_for_the_sweeper(
    django_capture_on_commit_callbacks, recruiter, receiver, hook, scheduled
):
    receiver.reply(Reply(status=502))

    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)

    assert delivery.status == DeliveryStatus.PENDING
    assert scheduled == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_due_deliveries() == 0  # not due yet
    assert len(receiver.received) == 1


def test_with_a_broker_the_sweeper_only_requeues_overdue_deliveries(
    django_capture_on_commit_callbacks, recruiter, hook, settings, monkeypatch
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queued: list[str] = []
    monkeypatch.setattr(
        tasks.deliver_webhook_task, "delay", lambda delivery_id: queued.append(delivery_id)
    )
    [just_due] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    [overdue] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    WebhookDelivery.objects.filter(id=overdue.id).update(
        next_attempt_at=timezone.now() - timedelta(seconds=services.SWEEP_GRACE_SECONDS + 5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_due_deliveries() == 1

    assert queued == [str(overdue.id)]
    assert WebhookDelivery.objects.get(id=just_due.id).status == DeliveryStatus.PENDING


def test_sweeper_rescues_an_attempt_lost_with_its_worker(recruiter, receiver, hook):
    [lost] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    [busy] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    long_ago = timezone.now() - services.stale_after() - timedelta(seconds=1)
    WebhookDelivery.objects.filter(id=lost.id).update(
        status=DeliveryStatus.SENDING, attempt_count=1, last_attempt_at=long_ago
    )
    WebhookDelivery.objects.filter(id=busy.id).update(
        status=DeliveryStatus.SENDING, attempt_count=1, last_attempt_at=timezone.now()
    )

    assert services.rescue_stale_deliveries() == 1

    lost.refresh_from_db()
    assert lost.status == DeliveryStatus.PENDING
    assert lost.error_message == "No result recorded: the attempt was interrupted."
    assert lost.next_attempt_at > timezone.now() + timedelta(seconds=25)
    assert [(a.number, a.started_at) for a in lost.attempts.all()] == [(1, long_ago)]
    busy.refresh_from_db()
    assert busy.status == DeliveryStatus.SENDING
    assert busy.attempts.count() == 0
    assert receiver.received == []


def test_redeliver_attempts_a_failed_delivery_again(
    django_capture_on_commit_callbacks, recruiter, receiver, hook
):
    receiver.reply(Reply(status=404), Reply(status=200))
    [delivery] = _emit(django_capture_on_commit_callbacks, recruiter)
    assert delivery.status == DeliveryStatus.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        services.redeliver(delivery=delivery)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert [a.response_status_code for a in delivery.attempts.all()] == [404, 200]


def test_redeliver_leaves_a_delivery_in_flight_alone(recruiter, hook):
    [delivery] = services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)
    WebhookDelivery.objects.filter(id=delivery.id).update(status=DeliveryStatus.SENDING)

    with pytest.raises(ApplicationError) as exc:
        services.redeliver(delivery=delivery)

    assert (exc.value.code, exc.value.status) == ("delivery_in_progress", 409)
    assert WebhookDelivery.objects.get(id=delivery.id).status == DeliveryStatus.SENDING


def test_pending_delivery_count_counts_unsettled_deliveries_of_the_owner(recruiter, other_user, hook):
    WebhookEndpointFactory(owner=other_user, parser_results=True)
    _pending, sending, delivered, failed = (
        services.emit(owner=recruiter, event="PARSER_RESULTS", payload=PAYLOAD)[0] for _ in range(4)
    )
    services.emit(owner=other_user, event="PARSER_RESULTS", payload=PAYLOAD)
    for delivery, status in ((sending, "sending"), (delivered, "delivered"), (failed, "failed")):
        WebhookDelivery.objects.filter(id=delivery.id).update(status=status)

    assert selectors.pending_delivery_count(owner=recruiter) == 2
    assert selectors.pending_delivery_count(owner=other_user) == 1
