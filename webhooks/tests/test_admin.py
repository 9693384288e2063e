from __future__ import annotations

import pytest
from django.test import Client

from smartcv.tests.http_receiver import Reply
from webhooks import services
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tests.factories import WebhookEndpointFactory


@pytest.fixture
def staff_client(make_user) -> Client:
    client = Client()
    client.force_login(make_user("staffer", is_staff=True, is_superuser=True))
    return client


def test_admin_pages_render_without_showing_secrets(staff_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    [delivery] = services.emit(owner=recruiter, event="SCORES", payload={"score": 87})

    pages = [
        "/admin/webhooks/webhookendpoint/",
        f"/admin/webhooks/webhookendpoint/{endpoint.id}/change/",
        "/admin/webhooks/webhookdelivery/",
        f"/admin/webhooks/webhookdelivery/{delivery.id}/change/",
    ]
    for page in pages:
        response = staff_client.get(page)
        assert response.status_code == 200, page
        assert endpoint.secret not in response.content.decode(), page


def test_admin_can_switch_an_endpoint_off(staff_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter, description="ats", scores=True)

    response = staff_client.post(
        f"/admin/webhooks/webhookendpoint/{endpoint.id}/change/",
        {"description": "ats", "scores": "on"},  # is_active unticked
    )

    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.scores, endpoint.pdf_generated) == (False, True, False)


def test_redeliver_action_sends_the_selected_deliveries_again(
    django_capture_on_commit_callbacks, staff_client, recruiter, receiver, local_webhooks
):
    receiver.reply(Reply(status=410), Reply(status=200))
    WebhookEndpointFactory(owner=recruiter, url=receiver.url())
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = services.emit(owner=recruiter, event="SCORES", payload={"score": 87})
    assert WebhookDelivery.objects.get(id=delivery.id).status == DeliveryStatus.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/webhooks/webhookdelivery/",
            {"action": "redeliver", "_selected_action": [str(delivery.id)]},
        )

    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert [a.response_status_code for a in delivery.attempts.all()] == [410, 200]
