"""A webhook emitted by the app is delivered by the real worker, signed, to a live receiver."""

import json
import time
import uuid

import pytest
from django.conf import settings
from django.db import transaction

from smartcv.services import user_create
from smartcv.tests.http_receiver import Reply
from webhooks import signing
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from webhooks.services import emit, endpoint_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait_for(delivery_id, statuses, timeout=30.0) -> WebhookDelivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivery = WebhookDelivery.objects.get(pk=delivery_id)
        if delivery.status in statuses:
            return delivery
        time.sleep(0.2)
    raise AssertionError(f"delivery still {delivery.status} after {timeout}s")


def test_worker_delivers_a_signed_webhook(receiver):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert "127.0.0.1" in settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS
    user = user_create(username=f"hook-{uuid.uuid4().hex[:8]}", password=None)
    endpoint = endpoint_create(owner=user, url=receiver.url(), parser_results=True)
    with transaction.atomic():
        (delivery,) = emit(
            owner=user, event=WebhookEvent.PARSER_RESULTS, payload={"id": "abc", "status": "SUCCESS"}
        )
    delivered = _wait_for(delivery.pk, {DeliveryStatus.DELIVERED, DeliveryStatus.FAILED})
    assert delivered.status == DeliveryStatus.DELIVERED
    assert delivered.attempt_count == 1
    assert delivered.response_status_code == 200
    (request,) = receiver.received
    assert json.loads(request.body) == {"id": "abc", "status": "SUCCESS"}
    assert request.headers[signing.ID_HEADER.lower()] == str(delivery.pk)
    assert signing.verify(
        endpoint.secret,
        request.headers[signing.TIMESTAMP_HEADER.lower()],
        request.body,
        request.headers[signing.SIGNATURE_HEADER.lower()],
    )


def test_worker_records_a_refused_delivery_without_retrying(receiver):
    receiver.reply(Reply(status=410, body=b"gone"))
    user = user_create(username=f"hook-{uuid.uuid4().hex[:8]}", password=None)
    endpoint_create(owner=user, url=receiver.url(), scores=True)
    with transaction.atomic():
        (delivery,) = emit(owner=user, event=WebhookEvent.SCORES, payload={"scores": []})
    failed = _wait_for(delivery.pk, {DeliveryStatus.FAILED, DeliveryStatus.DELIVERED})
    assert failed.status == DeliveryStatus.FAILED
    assert (failed.attempt_count, failed.response_status_code, failed.response_body) == (1, 410, "gone")
    assert len(receiver.received) == 1
