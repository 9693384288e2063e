"""The worker is real: a separate process, reached through Redis, sharing PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest
from django.db import connection
from django.test import Client

from smartcv.celery import QUEUES
from smartcv.models import UsagePeriod
from smartcv.services import api_key_create, user_create
from smartcv.tasks import usage_period_ensure_task, worker_ping_task

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

TIMEOUT = 30


def test_task_runs_in_a_separate_worker_process():
    token = uuid.uuid4().hex

    result = worker_ping_task.delay(token).get(timeout=TIMEOUT)

    assert result["token"] == token
    assert result["eager"] is False
    assert result["hostname"].startswith("ci@")
    assert result["pid"] != os.getpid()


@pytest.mark.parametrize("queue", QUEUES)
def test_the_worker_consumes_every_queue(queue):
    token = f"{queue}-{uuid.uuid4().hex}"

    result = worker_ping_task.apply_async(args=[token], queue=queue).get(timeout=TIMEOUT)

    assert result["token"] == token
    assert result["eager"] is False


def test_a_burst_of_tasks_all_complete_in_the_worker():
    results = [worker_ping_task.delay(str(n)) for n in range(8)]
    payloads = [r.get(timeout=TIMEOUT) for r in results]
    assert sorted(p["token"] for p in payloads) == sorted(str(n) for n in range(8))
    assert all(p["pid"] != os.getpid() for p in payloads)


def test_worker_sees_rows_the_test_committed():
    assert connection.vendor == "postgresql"
    user = user_create(username="integration-user", password=None, plan_code="starter")
    api_key_create(user=user, name="integration")
    assert not UsagePeriod.objects.filter(user=user).exists()

    period_id = usage_period_ensure_task.delay(str(user.pk)).get(timeout=TIMEOUT)

    assert period_id is not None
    period = UsagePeriod.objects.get(pk=period_id)
    assert period.user_id == user.pk
    # Idempotent: a second run finds the same period.
    assert usage_period_ensure_task.delay(str(user.pk)).get(timeout=TIMEOUT) == period_id


def test_worker_answers_none_for_an_unknown_user():
    assert usage_period_ensure_task.delay(str(uuid.uuid4())).get(timeout=TIMEOUT) is None


def test_healthz_reports_database_and_broker_ok():
    response = Client().get("/healthz")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] == "ok"
    assert body["status"] == "ok"


def test_api_key_works_against_the_postgresql_database():
    user = user_create(username="integration-api", password=None, plan_code="growth")
    key = api_key_create(user=user).raw

    response = Client().get("/api/v1/usage", HTTP_X_API_KEY=key)

    assert response.status_code == 200, response.content
    assert response.json()["plan"] == "growth"
