"""Reliability fixes: outages answer 503 in the dialect's envelope; candidates whose worker died
or whose message was lost are queued again; the bench-only view is off by default."""

import json
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from parsing.models import Candidate, ParseStatus
from parsing.services import candidates_requeue_stale, stale_after
from parsing.tests.test_parserpro_api import RESUME_TXT
from smartcv import files
from smartcv.api.errors import server_error


def _handled(path: str, exc: Exception):
    """What handler500 answers when ``exc`` escaped a view (it runs inside Django's except)."""
    request = RequestFactory().get(path)
    try:
        raise exc
    except Exception:
        return server_error(request)


@pytest.mark.parametrize(
    ("path", "check"),
    [
        ("/api/resumes", lambda b: b["code"] == "SERVICE_UNAVAILABLE" and b["success"] is False),
        ("/api/user/publish-resume", lambda b: set(b) == {"msg"}),
        ("/api/v1/candidates", lambda b: b["error"]["code"] == "service_unavailable"),
        ("/api/jobs/api-key/my", lambda b: (b["status"], b["error"]) == (503, "Service Unavailable")),
    ],
)
def test_a_database_outage_is_a_503_in_the_dialect_envelope(path, check):
    response = _handled(path, OperationalError("connection to server at 127.0.0.1 failed"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert check(json.loads(response.content))


def test_a_redis_outage_wrapped_in_another_error_is_a_503():
    try:
        raise RedisConnectionError("Connection refused")
    except RedisConnectionError as cause:
        wrapped = RuntimeError("cache failed")
        wrapped.__cause__ = cause
    response = _handled("/api/v1/candidates", wrapped)
    assert response.status_code == 503


def test_a_bug_is_still_a_500():
    response = _handled("/api/v1/candidates", ZeroDivisionError("bug"))
    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "internal_error"


def _candidate(owner, status: str, age: timedelta) -> Candidate:
    name = files.store(data=RESUME_TXT.encode(), name="cvs/maria.txt", content_type="text/plain")
    candidate = Candidate.objects.create(
        owner=owner,
        file_name=name,
        original_filename="maria.txt",
        file_kind="txt",
        content_type="text/plain",
        parsing_status=status,
        credits_charged=1,
    )
    Candidate.objects.filter(id=candidate.id).update(updated_at=timezone.now() - age)
    return candidate


@pytest.mark.django_db
def test_candidates_left_by_a_dead_worker_or_a_lost_message_are_parsed(
    recruiter, django_capture_on_commit_callbacks
):
    old = stale_after() + timedelta(seconds=5)
    lost_worker = _candidate(recruiter, ParseStatus.PROCESSING, old)
    lost_message = _candidate(recruiter, ParseStatus.PENDING, old)
    running = _candidate(recruiter, ParseStatus.PROCESSING, timedelta(seconds=1))
    queued = _candidate(recruiter, ParseStatus.PENDING, timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert candidates_requeue_stale() == 2
    # One parse task each (run eagerly here), then each parse queues its matching.
    assert sum("parse_candidate_task" in repr(callback) for callback in callbacks) == 2
    for candidate in (lost_worker, lost_message):
        candidate.refresh_from_db()
        assert candidate.parsing_status == ParseStatus.COMPLETED
        assert candidate.full_name == "Maria Gonzalez"
        assert candidate.credits_charged == 1
    running.refresh_from_db()
    queued.refresh_from_db()
    assert running.parsing_status == ParseStatus.PROCESSING
    assert queued.parsing_status == ParseStatus.PENDING


@pytest.mark.django_db
def test_a_requeued_candidate_is_not_queued_again_by_the_next_sweep(
    recruiter, django_capture_on_commit_callbacks
):
    _candidate(recruiter, ParseStatus.PENDING, stale_after() + timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=False) as first:
        assert candidates_requeue_stale() == 1
    with django_capture_on_commit_callbacks(execute=False) as second:
        assert candidates_requeue_stale() == 0
    assert (len(first), len(second)) == (1, 0)


@pytest.mark.django_db
def test_the_bench_view_is_off_by_default(client):
    assert client.get("/bench/bare").status_code == 404
