"""Every hostile file of the corpus, uploaded through the API: a clear 415, or a candidate that
ends ``failed`` with an explanation and costs nothing — never a 500, a hang or a charge."""

import io
import time
from pathlib import Path

import pytest

from parsing.models import Candidate, ParseStatus
from smartcv.services import credits_remaining

pytestmark = pytest.mark.django_db
ADVERSARIAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "adversarial"
FILES = sorted(p for p in ADVERSARIAL.glob("*") if p.is_file() and not p.name.endswith((".md", ".json")))


@pytest.mark.skipif(not FILES, reason="the shared corpus is not beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_hostile_file_is_refused_or_fails_cleanly(
    api_client, recruiter, path, django_capture_on_commit_callbacks
):
    handle = io.BytesIO(path.read_bytes())
    handle.name = path.name
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().post("/api/v1/parse", {"files": [handle]}, format="multipart")
    assert time.monotonic() - started < 60
    if response.status_code in (400, 413, 415):
        assert response.json()["error"]["message"]
        assert Candidate.objects.count() == 0
        assert credits_remaining(recruiter) == 2000
        return
    assert response.status_code == 201
    candidate = Candidate.objects.get()
    assert candidate.parsing_status in (ParseStatus.COMPLETED, ParseStatus.FAILED)
    if candidate.parsing_status == ParseStatus.FAILED:
        assert candidate.parsing_errors[0]["code"] and candidate.parsing_errors[0]["message"]
        assert credits_remaining(recruiter) == 2000
    else:
        assert credits_remaining(recruiter) == 1999
