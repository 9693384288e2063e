"""The reader's scoring queue end to end: POST /api/jobs/queue answers at once, the real
worker scores every parsed candidate on the ``matching`` queue and the ``scores`` webhook
reaches a live receiver, signed."""

import json
import time
import uuid

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from matching.models import Job, Match
from parsing.models import Candidate, ParseStatus
from smartcv.services import api_key_create, user_create
from webhooks import signing
from webhooks.services import endpoint_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait_for_request(receiver, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if receiver.received:
            return receiver.received[0]
        time.sleep(0.2)
    raise AssertionError(f"no scores webhook after {timeout}s")


def test_worker_scores_the_queue_and_delivers_a_scores_webhook(receiver):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    user = user_create(username=f"match-{uuid.uuid4().hex[:8]}", password=None)
    endpoint = endpoint_create(owner=user, url=receiver.url(), scores=True)
    job = Job.objects.create(
        owner=user,
        title="Python Developer",
        reference="JOB-42",
        required_skills=[{"skill": "Python", "weight": 1.0}, {"skill": "Django", "weight": 1.0}],
        min_experience_years=2,
    )
    fit = Candidate.objects.create(
        owner=user,
        full_name="Ann Fit",
        current_title="Python Developer",
        skills=["Python", "Django", "PostgreSQL"],
        years_of_experience=5,
        parsing_status=ParseStatus.COMPLETED,
    )
    unrelated = Candidate.objects.create(
        owner=user,
        full_name="Bob Other",
        current_title="Accountant",
        skills=["Excel", "Bookkeeping"],
        years_of_experience=8,
        parsing_status=ParseStatus.COMPLETED,
    )
    Candidate.objects.create(owner=user, full_name="Not parsed yet", parsing_status=ParseStatus.PENDING)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"ApiKey {api_key_create(user=user).raw}")

    response = client.post("/api/jobs/queue", ["JOB-42"], format="json")
    assert response.status_code == 202
    assert response.json() == {"status": "QUEUED", "references": ["JOB-42"]}

    request = _wait_for_request(receiver)
    payload = json.loads(request.body)
    assert (payload["jobId"], payload["jobReference"]) == (str(job.id), "JOB-42")
    assert [s["resumeId"] for s in payload["scores"]] == [str(fit.id), str(unrelated.id)]
    assert payload["scores"][0]["totalScore"] > payload["scores"][1]["totalScore"]
    assert signing.verify(
        endpoint.secret,
        request.headers[signing.TIMESTAMP_HEADER.lower()],
        request.body,
        request.headers[signing.SIGNATURE_HEADER.lower()],
    )
    stored = dict(Match.objects.filter(job=job).values_list("candidate_id", "total_score"))
    assert set(stored) == {fit.id, unrelated.id}
    assert stored[fit.id] == payload["scores"][0]["totalScore"]
