"""OpenAPI schema, health check, Celery configuration and the admin."""

import pytest
from django.core.management import call_command

from smartcv.celery import app

pytestmark = pytest.mark.django_db


def test_openapi_schema_builds_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(out))
    text = out.read_text()
    assert "/api/v1/usage" in text
    assert "ApiKeyAuth" in text


def test_schema_and_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
    assert b"cdn" not in docs.content.lower()  # assets are vendored (sidecar), no CDN


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


def test_healthz_reports_a_broken_broker(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


def test_celery_is_configured_for_safe_background_work():
    conf = app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit > conf.task_soft_time_limit > 0
    assert {q.name for q in conf.task_queues} == {
        "default",
        "parsing",
        "matching",
        "rendering",
        "webhooks",
    }
    router = app.amqp.router
    for module in ("parsing", "matching", "rendering", "webhooks"):
        route = router.route({}, f"{module}.tasks.some_task", args=(), kwargs={})
        assert route["queue"].name == module


def test_admin_lists_platform_models(admin_client, recruiter, recruiter_key):
    from smartcv.services import credits_charge

    credits_charge(user=recruiter, amount=1, operation="parse")
    for url in [
        "/admin/smartcv/user/",
        "/admin/smartcv/apikey/",
        "/admin/smartcv/plan/",
        "/admin/smartcv/usageperiod/",
        "/admin/smartcv/creditledgerentry/",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_admin_revoke_action(admin_client, recruiter, recruiter_key):
    from smartcv.models import ApiKey

    key = ApiKey.objects.get(user=recruiter)
    admin_client.post("/admin/smartcv/apikey/", {"action": "revoke", "_selected_action": [str(key.pk)]})
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_admin_is_staff_only(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/admin/smartcv/apikey/").status_code == 302


@pytest.fixture
def eager_failures_captured():
    # Let eager apply() record failures and retries like a worker instead of raising.
    previous = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = previous


def test_transient_failures_are_retried_a_bounded_number_of_times(eager_failures_captured):
    from django.db import OperationalError

    from smartcv.celery import TRANSIENT_RETRY

    calls = {"n": 0}

    @app.task(bind=True, name="tests.flaky_task", **TRANSIENT_RETRY)
    def flaky_task(self, fail_times: int) -> int:
        calls["n"] += 1
        if calls["n"] <= fail_times:
            raise OperationalError("database restarting")
        return calls["n"]

    assert flaky_task.apply(args=(2,), throw=False).get() == 3
    calls["n"] = 0
    result = flaky_task.apply(args=(99,), throw=False)
    assert result.failed()
    assert calls["n"] == 1 + TRANSIENT_RETRY["max_retries"]
