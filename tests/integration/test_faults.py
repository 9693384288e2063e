"""Fast fault tests with the real worker (the slow ones are in benchmarks/fault_bench.py).

scripts/integration.sh runs the worker with SMARTCV_WEBHOOK_TIMEOUT=2 and
SMARTCV_WEBHOOK_RETRY_DELAYS=1,2, so a failing receiver uses up its schedule in seconds.
"""

import itertools
import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from parsing.models import Candidate, ParseStatus
from parsing.services import candidates_requeue_stale, stale_after
from parsing.tests.test_parserpro_api import RESUME_TXT
from smartcv import files
from smartcv.models import CreditLedgerEntry
from smartcv.services import credits_charge, user_create
from smartcv.tests.http_receiver import Reply
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from webhooks.services import emit, endpoint_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {timeout}s")


def _emit(user, payload) -> WebhookDelivery:
    with transaction.atomic():
        (delivery,) = emit(owner=user, event=WebhookEvent.SCORES, payload=payload)
    return delivery


def test_failing_and_slow_receivers_use_their_schedule_and_block_nothing(receiver):
    from smartcv.tests.http_receiver import Receiver

    assert settings.SMARTCV_WEBHOOK_RETRY_DELAYS == [1, 2], "run through scripts/integration.sh"
    slow = Receiver().start()
    slow.reply(Reply(status=200, delay=settings.SMARTCV_WEBHOOK_TIMEOUT + 2))
    receiver.reply(Reply(status=500, body=b"boom"))
    healthy = Receiver().start()
    try:
        users = [user_create(username=f"f{n}-{uuid.uuid4().hex[:6]}", password=None) for n in range(3)]
        for user, target in zip(users, (receiver, slow, healthy), strict=True):
            endpoint_create(owner=user, url=target.url(), scores=True)
        failing, too_slow = _emit(users[0], {"n": 0}), _emit(users[1], {"n": 1})
        started = time.monotonic()
        ok = _emit(users[2], {"n": 2})
        _until(
            lambda: WebhookDelivery.objects.filter(pk=ok.pk, status=DeliveryStatus.DELIVERED).exists(),
            15,
            "the healthy delivery",
        )
        assert time.monotonic() - started < 10
        for delivery in (failing, too_slow):
            done = _until(
                lambda d=delivery: WebhookDelivery.objects.filter(
                    pk=d.pk, status=DeliveryStatus.FAILED
                ).first(),
                40,
                "failed after the schedule",
            )
            attempts = list(done.attempts.order_by("number"))
            assert [a.number for a in attempts] == [1, 2, 3]
            # Attempt n+1 starts no earlier than the delay after attempt n started.
            gaps = [
                (b.started_at - a.started_at).total_seconds() for a, b in itertools.pairwise(attempts)
            ]
            assert gaps[0] >= 1 and gaps[1] >= 2
            assert attempts[-1].next_attempt_at is None
        assert len(receiver.received) == 3
        assert {r.headers["x-webhook-id"] for r in receiver.received} == {str(failing.pk)}
        assert WebhookDelivery.objects.get(pk=too_slow.pk).error_message.startswith("Timed out")
        assert len(healthy.received) == 1
    finally:
        slow.stop()
        healthy.stop()


def _stuck_candidate(user, status: str) -> Candidate:
    name = files.store(data=RESUME_TXT.encode(), name="cvs/maria.txt", content_type="text/plain")
    with transaction.atomic():
        candidate = Candidate.objects.create(
            owner=user,
            file_name=name,
            original_filename="maria.txt",
            file_kind="txt",
            content_type="text/plain",
            parsing_status=status,
            credits_charged=1,
        )
        credits_charge(user=user, amount=1, operation="parse", reference=str(candidate.id))
    old = timezone.now() - stale_after() - timedelta(seconds=5)
    Candidate.objects.filter(id=candidate.id).update(updated_at=old)
    return candidate


def test_candidates_of_a_dead_worker_are_parsed_once_after_the_sweep(receiver):
    """A worker killed mid-parse leaves its candidate "processing" (its message is gone or
    comes back only after the visibility timeout); a lost message leaves one "pending".
    Beat's sweep hands both to the live worker: parsed once, charged once, one webhook each."""
    user = user_create(username=f"stale-{uuid.uuid4().hex[:8]}", password=None, plan_code="starter")
    endpoint_create(owner=user, url=receiver.url(), parser_results=True)
    stuck = [_stuck_candidate(user, ParseStatus.PROCESSING), _stuck_candidate(user, ParseStatus.PENDING)]
    Candidate.objects.filter(id__in=[c.id for c in stuck]).update(source="reader_async")
    assert candidates_requeue_stale() == 2
    assert candidates_requeue_stale() == 0  # queued once per period, not once per sweep
    _until(
        lambda: Candidate.objects.filter(owner=user, parsing_status=ParseStatus.COMPLETED).count() == 2,
        30,
        "both parsed",
    )
    _until(lambda: len(receiver.received) >= 2, 20, "two webhooks")
    time.sleep(1)
    assert len(receiver.received) == 2
    ledger = CreditLedgerEntry.objects.filter(user=user)
    assert ledger.aggregate(total=Sum("amount"))["total"] == 2
    assert WebhookDelivery.objects.filter(owner=user).count() == 2
    assert {c.full_name for c in Candidate.objects.filter(owner=user)} == {"Maria Gonzalez"}
