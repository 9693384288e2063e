"""Bulk PDF batches rendered by the real worker: fan-out over the rendering queue, one signed
PDF_GENERATED webhook at the end, the status endpoint showing it all.

``SMARTCV_BULK_SIZE`` (default 25) sets the batch size; with 500 and two worker processes
the printed wall time is the issue's "202 to COMPLETED with every webhook delivered".
"""

import json
import os
import time
import uuid

import pytest
from rest_framework.test import APIClient

from parsing.models import Candidate, ParseStatus
from rendering.tests.conftest import load
from smartcv.services import api_key_create, credits_remaining, user_create
from smartcv.tests.http_receiver import Reply
from webhooks import signing
from webhooks.services import endpoint_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _owner_with_candidates(count: int, receiver_url: str):
    user = user_create(username=f"pdf-{uuid.uuid4().hex[:8]}", password=None, plan_code="growth")
    endpoint = endpoint_create(owner=user, url=receiver_url, pdf_generated=True)
    document = load("full_resume.json")
    candidates = Candidate.objects.bulk_create(
        [
            Candidate(owner=user, parsing_status=ParseStatus.COMPLETED, document=document)
            for _ in range(count)
        ]
    )
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=api_key_create(user=user).raw)
    return user, endpoint, client, [str(c.id) for c in candidates]


def _wait_completed(client, job_id: str, *, delivered: bool, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    status: dict = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/webhook/generate-pdfs/{job_id}").json()
        if (
            status["status"] == "COMPLETED"
            and status["deliveries"]
            and (not delivered or status["deliveries"][0]["delivered"])
        ):
            return status
        time.sleep(0.2)
    raise AssertionError(
        f"batch not done after {timeout}s: {status.get('status')} {status.get('processed')}"
    )


def test_worker_renders_a_bulk_batch_and_delivers_one_signed_webhook(receiver):
    size = int(os.environ.get("SMARTCV_BULK_SIZE", "25"))
    user, endpoint, client, ids = _owner_with_candidates(size, receiver.url())
    before = credits_remaining(user)
    started = time.monotonic()
    response = client.post("/api/webhook/generate-pdfs", ids, format="json")
    assert response.status_code == 202
    job = response.json()["jobId"]
    status = _wait_completed(client, job, delivered=True, timeout=max(60.0, size * 0.5))
    elapsed = time.monotonic() - started
    print(f"\nbulk batch of {size}: 202 → COMPLETED with webhook delivered in {elapsed:.1f} s")
    assert (status["total"], status["processed"]) == (size, size)
    assert all(r["downloadUrl"] for r in status["results"])
    assert credits_remaining(user) == before - size
    (request,) = receiver.received
    assert signing.verify(
        endpoint.secret,
        request.headers[signing.TIMESTAMP_HEADER.lower()],
        request.body,
        request.headers[signing.SIGNATURE_HEADER.lower()],
    )
    payload = json.loads(request.body)
    assert (payload["jobId"], payload["status"], payload["succeeded"]) == (job, "COMPLETED", size)


def test_batch_completes_when_the_receiver_answers_500(receiver):
    receiver.reply(Reply(status=500, body=b"boom"))
    _, _, client, ids = _owner_with_candidates(3, receiver.url())
    job = client.post("/api/webhook/generate-pdfs", ids, format="json").json()["jobId"]
    status = _wait_completed(client, job, delivered=False, timeout=60.0)
    deadline = time.monotonic() + 15
    while not status["deliveries"][0]["attemptCount"] and time.monotonic() < deadline:
        time.sleep(0.2)
        status = client.get(f"/api/webhook/generate-pdfs/{job}").json()
    delivery = status["deliveries"][0]
    assert status["processed"] == 3
    assert delivery["delivered"] is False
    assert delivery["attemptCount"] >= 1
    assert delivery["responseStatusCode"] == 500
