"""Webhook pages: create (secret shown once), edit, rotate, delivery log, redeliver, delete."""

import pytest

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import endpoint_create

pytestmark = pytest.mark.django_db


def test_create_shows_the_secret_once(client, recruiter):
    client.force_login(recruiter)
    page = client.post(
        "/account/webhooks/",
        {"url": "https://hooks.example.com/smartcv", "scores": "on", "is_active": "on"},
    ).content.decode()
    endpoint = WebhookEndpoint.objects.get(owner=recruiter)
    assert endpoint.secret in page and endpoint.scores and not endpoint.pdf_generated
    assert endpoint.secret not in client.get("/account/webhooks/").content.decode()
    assert endpoint.secret not in client.get(f"/account/webhooks/{endpoint.pk}/").content.decode()


def test_private_address_is_refused_with_a_message(client, recruiter):
    client.force_login(recruiter)
    page = client.post("/account/webhooks/", {"url": "http://127.0.0.1/hook"}).content.decode()
    assert WebhookEndpoint.objects.count() == 0
    assert "errors" in page or "error" in page


def test_edit_rotate_and_delete(client, recruiter):
    endpoint = endpoint_create(owner=recruiter, url="https://hooks.example.com/a")
    old = endpoint.secret
    client.force_login(recruiter)
    client.post(
        f"/account/webhooks/{endpoint.pk}/",
        {"url": "https://hooks.example.com/b", "pdf_generated": "on"},
    )
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.pdf_generated, endpoint.is_active) == (
        "https://hooks.example.com/b",
        True,
        False,
    )
    rotated = client.post(f"/account/webhooks/{endpoint.pk}/rotate/").content.decode()
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret in rotated
    client.post(f"/account/webhooks/{endpoint.pk}/delete/")
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def test_delivery_log_and_redeliver(
    client, recruiter, receiver, settings, django_capture_on_commit_callbacks
):
    from webhooks.models import WebhookEvent
    from webhooks.services import emit

    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    endpoint = endpoint_create(owner=recruiter, url=receiver.url(), scores=True)
    with django_capture_on_commit_callbacks(execute=True):
        emit(owner=recruiter, event=WebhookEvent.SCORES, payload={"n": 1})
    delivery = WebhookDelivery.objects.get()
    client.force_login(recruiter)
    page = client.get(f"/account/webhooks/{endpoint.pk}/").content.decode()
    assert "SCORES" in page and "delivered" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/account/deliveries/{delivery.pk}/redeliver/")
    assert len(receiver.received) == 2


def test_pages_of_another_account_are_404(client, recruiter, other_user):
    endpoint = endpoint_create(owner=other_user, url="https://hooks.example.com/a")
    client.force_login(recruiter)
    assert client.get(f"/account/webhooks/{endpoint.pk}/").status_code == 404
    assert client.post(f"/account/webhooks/{endpoint.pk}/rotate/").status_code == 404
    assert client.post(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 404
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _delivery(endpoint) -> WebhookDelivery:
    return WebhookDelivery.objects.create(
        endpoint=endpoint, owner=endpoint.owner, event="PDF_GENERATED", payload="{}", status="delivered"
    )


def test_webhook_list_and_log_query_counts_do_not_grow(client, recruiter):
    client.force_login(recruiter)
    endpoint = endpoint_create(owner=recruiter, url="https://hooks.example.com/a")
    _delivery(endpoint)
    few_list = _queries(client, "/account/webhooks/")
    few_log = _queries(client, f"/account/webhooks/{endpoint.pk}/")
    for n in range(10):
        endpoint_create(owner=recruiter, url=f"https://hooks.example.com/{n}")
        _delivery(endpoint)

    assert _queries(client, "/account/webhooks/") == few_list
    assert _queries(client, f"/account/webhooks/{endpoint.pk}/") == few_log
