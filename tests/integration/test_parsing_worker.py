"""CVs uploaded through the API are parsed by the real worker, once, and charged once."""

import io
import time
import uuid

import pytest
from rest_framework.test import APIClient

from parsing.models import Candidate, ParseStatus
from parsing.tests.test_parserpro_api import RESUME_TXT
from smartcv.services import api_key_create, credits_remaining, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _wait(candidate_ids, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = set(
            Candidate.objects.filter(id__in=candidate_ids).values_list("parsing_status", flat=True)
        )
        if statuses <= {ParseStatus.COMPLETED, ParseStatus.FAILED}:
            return
        time.sleep(0.3)
    raise AssertionError(f"candidates still {statuses} after {timeout}s")


def test_uploaded_cvs_are_parsed_by_the_worker():
    user = user_create(username=f"parse-{uuid.uuid4().hex[:8]}", password=None, plan_code="starter")
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=api_key_create(user=user).raw)
    good = io.BytesIO(RESUME_TXT.encode())
    good.name = "maria.txt"
    bad = io.BytesIO(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n%%EOF")
    bad.name = "broken.pdf"
    response = client.post("/api/v1/parse", {"files": [good, bad]}, format="multipart")
    assert response.status_code == 201
    body = response.json()
    assert body["credits_remaining"] == 498
    ids = [c["id"] for c in body["candidates"]]
    assert {c["status"] for c in body["candidates"]} == {"pending"}
    _wait(ids)
    parsed = Candidate.objects.get(id=ids[0])
    failed = Candidate.objects.get(id=ids[1])
    assert parsed.parsing_status == ParseStatus.COMPLETED
    assert parsed.full_name == "Maria Gonzalez"
    assert failed.parsing_status == ParseStatus.FAILED
    assert failed.parsing_errors
    # One credit for the parsed CV; the failed one was given back.
    assert credits_remaining(user) == 499
