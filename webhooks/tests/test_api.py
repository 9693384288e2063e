"""/api/webhook… in the reader dialect: configuration of one's own webhooks."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smartcv.services import api_key_create
from webhooks import services
from webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from webhooks.tests.factories import WebhookEndpointFactory

ENDPOINT_KEYS = {
    "id",
    "url",
    "description",
    "pdfGenerated",
    "parserResults",
    "scores",
    "active",
    "createdAt",
    "updatedAt",
}


@pytest.fixture
def other_client(api_client, other_user):
    return api_client(api_key_create(user=other_user, name="other").raw)


def _snapshot(endpoint: WebhookEndpoint) -> dict:
    endpoint.refresh_from_db()
    return {f.name: getattr(endpoint, f.name) for f in endpoint._meta.concrete_fields}


# --- Create ---------------------------------------------------------------------------------


def test_create_returns_the_webhook_with_its_secret(api_client, recruiter):
    response = api_client(style="apikey").post(
        "/api/webhook",
        {
            "url": "https://hooks.example.com/smartcv",
            "description": "ATS",
            "pdfGenerated": True,
            "scores": True,
        },
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert set(body) == ENDPOINT_KEYS | {"secret"}
    endpoint = WebhookEndpoint.objects.get(id=body["id"])
    assert endpoint.owner == recruiter
    assert body["secret"] == endpoint.secret
    assert body["secret"].startswith("whsec_")
    assert len(body["secret"]) == 49
    assert (body["url"], body["description"]) == ("https://hooks.example.com/smartcv", "ATS")
    assert (body["pdfGenerated"], body["parserResults"], body["scores"], body["active"]) == (
        True,
        False,
        True,
        True,
    )


def test_create_with_only_a_url_subscribes_to_nothing(api_client):
    response = api_client().post("/api/webhook", {"url": "http://hooks.example.com"}, format="json")

    assert response.status_code == 201
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.pdf_generated, endpoint.parser_results, endpoint.scores) == (False, False, False)
    assert endpoint.is_active is True
    assert endpoint.description == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://hooks.example.com/x", "url: Only http:// and https:// URLs are allowed"),
        ("hooks.example.com/x", "url: Only http:// and https:// URLs are allowed"),
        ("not a url", "url: URL contains spaces or control characters"),
        ("http://127.0.0.1:8000/hook", "url: 127.0.0.1 is not a public address"),
        ("http://2130706433/hook", "url: 2130706433 is not a public address"),
        ("http://10.0.0.8/hook", "url: 10.0.0.8 is not a public address"),
        ("http://[::1]/hook", "url: ::1 is not a public address"),
        ("http://169.254.169.254/latest", "url: 169.254.169.254 is not a public address"),
        ("http://localhost:8000/hook", "url: localhost is not a public address"),
        ("https://hooks.example.com:0/", "url: URL port must be between 1 and 65535"),
        ("", "url: This field may not be blank."),
        (
            "https://hooks.example.com/" + "a" * 2030,
            "url: Ensure this field has no more than 2048 characters.",
        ),
    ],
)
def test_create_refuses_bad_urls_in_the_reader_envelope(api_client, url, message):
    response = api_client().post("/api/webhook", {"url": url, "scores": True}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["error"] == "Bad Request"
    assert body["code"] == "VALIDATION_ERROR"
    assert body["message"] == message
    assert body["path"] == "/api/webhook"
    assert body["errors"] == [{"field": "url", "message": message.removeprefix("url: ")}]
    assert WebhookEndpoint.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({}, [{"field": "url", "message": "This field is required."}]),
        (
            {"url": "https://h.example.com", "scores": "maybe"},
            [{"field": "scores", "message": "Must be a valid boolean."}],
        ),
        (
            {"url": "https://h.example.com", "description": "d" * 256},
            [{"field": "description", "message": "Ensure this field has no more than 255 characters."}],
        ),
        (
            ["https://h.example.com"],
            [
                {
                    "field": "non_field_errors",
                    "message": "Invalid data. Expected a dictionary, but got list.",
                }
            ],
        ),
    ],
)
def test_create_refuses_invalid_fields(api_client, payload, errors):
    response = api_client().post("/api/webhook", payload, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == errors
    assert WebhookEndpoint.objects.count() == 0


def test_malformed_json_is_a_400(api_client):
    response = api_client().post("/api/webhook", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert WebhookEndpoint.objects.count() == 0


def test_allowlisted_private_host_can_be_configured(api_client, settings):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]

    response = api_client().post("/api/webhook", {"url": "http://127.0.0.1:9000/h"}, format="json")

    assert response.status_code == 201
    assert WebhookEndpoint.objects.get().url == "http://127.0.0.1:9000/h"


def test_create_stops_at_the_per_account_limit(api_client, recruiter):
    WebhookEndpointFactory.create_batch(services.MAX_ENDPOINTS_PER_OWNER, owner=recruiter)

    response = api_client().post("/api/webhook", {"url": "https://h.example.com"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "WEBHOOK_LIMIT_REACHED"
    assert WebhookEndpoint.objects.count() == services.MAX_ENDPOINTS_PER_OWNER


@pytest.mark.parametrize("method", ["get", "post"])
def test_webhooks_need_an_api_key(db, anon_client, method):
    response = getattr(anon_client, method)(
        "/api/webhook", {"url": "https://h.example.com"}, format="json"
    )

    assert response.status_code == 401
    assert response.json()["message"] == "Invalid Api Key"
    assert WebhookEndpoint.objects.count() == 0


def test_a_wrong_api_key_is_refused(api_client, recruiter):
    response = api_client("not-a-key", style="apikey").get("/api/webhook")

    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_API_KEY"


# --- Read -----------------------------------------------------------------------------------


def test_list_is_a_spring_page_of_own_webhooks_without_secrets(api_client, recruiter, other_user):
    mine = [WebhookEndpointFactory(owner=recruiter) for _ in range(3)]
    WebhookEndpointFactory(owner=other_user)

    response = api_client().get("/api/webhook", {"page": 0, "size": 2})

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["content"]] == [str(e.id) for e in mine[:2]]
    assert all(set(item) == ENDPOINT_KEYS for item in body["content"])
    assert (body["totalElements"], body["totalPages"], body["number"], body["size"]) == (3, 2, 0, 2)

    second = api_client().get("/api/webhook", {"page": 1, "size": 2}).json()
    assert [item["id"] for item in second["content"]] == [str(mine[2].id)]


def test_list_costs_the_same_queries_however_many_webhooks(api_client, recruiter):
    client = api_client()
    WebhookEndpointFactory(owner=recruiter)
    client.get("/api/webhook")  # first call of the period: usage bookkeeping
    with CaptureQueriesContext(connection) as one:
        client.get("/api/webhook")
    WebhookEndpointFactory.create_batch(6, owner=recruiter)
    with CaptureQueriesContext(connection) as seven:
        response = client.get("/api/webhook")

    assert len(response.json()["content"]) == 7
    assert len(seven) == len(one)


def test_get_returns_the_webhook_without_its_secret(api_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter, description="main")

    response = api_client().get(f"/api/webhook/{endpoint.id}")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == ENDPOINT_KEYS
    assert (body["id"], body["url"], body["description"]) == (str(endpoint.id), endpoint.url, "main")


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_accounts_webhook_answers_404(other_client, recruiter, method):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    before = _snapshot(endpoint)

    response = getattr(other_client, method)(
        f"/api/webhook/{endpoint.id}", {"description": "mine now"}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert response.json()["message"] == "Webhook not found"
    assert _snapshot(endpoint) == before


@pytest.mark.parametrize("suffix", ["/rotate-secret", "/deliveries"])
def test_another_accounts_webhook_subresources_answer_404(other_client, recruiter, suffix):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    before = _snapshot(endpoint)

    call = other_client.post if suffix == "/rotate-secret" else other_client.get
    response = call(f"/api/webhook/{endpoint.id}{suffix}")

    assert response.status_code == 404
    assert _snapshot(endpoint) == before


def test_unknown_webhook_id_answers_404(api_client):
    response = api_client().get(f"/api/webhook/{uuid.uuid4()}")

    assert response.status_code == 404
    assert response.json()["message"] == "Webhook not found"


def test_non_uuid_id_answers_404_in_the_reader_envelope(api_client):
    response = api_client().get("/api/webhook/123")

    assert response.status_code == 404
    assert response.json()["status"] == 404


# --- Update, delete, rotate -----------------------------------------------------------------


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_changes_only_the_fields_sent(api_client, recruiter, method):
    endpoint = WebhookEndpointFactory(owner=recruiter, pdf_generated=False, description="old")
    secret = endpoint.secret

    response = getattr(api_client(), method)(
        f"/api/webhook/{endpoint.id}", {"pdfGenerated": True, "active": False}, format="json"
    )

    assert response.status_code == 200
    body = response.json()
    assert set(body) == ENDPOINT_KEYS
    assert (body["pdfGenerated"], body["active"], body["description"]) == (True, False, "old")
    endpoint.refresh_from_db()
    assert (endpoint.pdf_generated, endpoint.is_active, endpoint.description) == (True, False, "old")
    assert endpoint.secret == secret


def test_update_with_a_private_url_changes_nothing(api_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    before = _snapshot(endpoint)

    response = api_client().patch(
        f"/api/webhook/{endpoint.id}",
        {"url": "http://192.168.0.10/hook", "description": "new"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "url", "message": "192.168.0.10 is not a public address"}
    ]
    assert _snapshot(endpoint) == before


def test_delete_removes_the_webhook_and_its_deliveries(api_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    services.emit(owner=recruiter, event="SCORES", payload={"a": 1})

    response = api_client().delete(f"/api/webhook/{endpoint.id}")

    assert response.status_code == 204
    assert response.content == b""
    assert WebhookEndpoint.objects.count() == 0
    assert WebhookDelivery.objects.count() == 0


def test_rotate_secret_shows_a_new_secret_once(api_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    old = endpoint.secret

    response = api_client().post(f"/api/webhook/{endpoint.id}/rotate-secret")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == ENDPOINT_KEYS | {"secret"}
    endpoint.refresh_from_db()
    assert body["secret"] == endpoint.secret
    assert endpoint.secret != old
    assert "secret" not in api_client().get(f"/api/webhook/{endpoint.id}").json()


# --- Deliveries -----------------------------------------------------------------------------


def _delivery_with_attempts(endpoint, attempts: int, *, status=DeliveryStatus.PENDING):
    now = timezone.now()
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        owner=endpoint.owner,
        event="PDF_GENERATED",
        payload='{"jobId":"x"}',
        status=status,
        attempt_count=attempts,
        last_attempt_at=now,
        next_attempt_at=now + timedelta(minutes=5) if status == DeliveryStatus.PENDING else None,
        response_status_code=500,
        response_body="Internal Server Error",
        error_message="HTTP 500 Internal Server Error",
    )
    for number in range(1, attempts + 1):
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            started_at=now,
            duration_ms=12,
            response_status_code=500,
            response_body="Internal Server Error",
            error_message="HTTP 500 Internal Server Error",
            next_attempt_at=delivery.next_attempt_at,
        )
    return delivery


def test_deliveries_list_the_spec_keys_with_attempts(api_client, recruiter):
    endpoint = WebhookEndpointFactory(owner=recruiter)
    delivery = _delivery_with_attempts(endpoint, 2)

    response = api_client().get(f"/api/webhook/{endpoint.id}/deliveries")

    assert response.status_code == 200
    body = response.json()
    assert body["totalElements"] == 1
    [item] = body["content"]
    assert item["deliveryId"] == str(delivery.id)
    assert item["type"] == "PDF_GENERATED"
    assert item["status"] == "PENDING"
    assert item["delivered"] is False
    assert item["attemptCount"] == 2
    assert item["responseStatusCode"] == 500
    assert item["responseBody"] == "Internal Server Error"
    assert item["errorMessage"] == "HTTP 500 Internal Server Error"
    assert item["lastAttempt"] is not None
    assert item["nextAttempt"] is not None
    assert [a["number"] for a in item["attempts"]] == [1, 2]
    assert set(item["attempts"][0]) == {
        "number",
        "startedAt",
        "durationMs",
        "responseStatusCode",
        "responseBody",
        "errorMessage",
        "nextAttempt",
    }


def test_deliveries_list_costs_the_same_queries_however_long(api_client, recruiter):
    client = api_client()
    endpoint = WebhookEndpointFactory(owner=recruiter)
    _delivery_with_attempts(endpoint, 1)
    client.get(f"/api/webhook/{endpoint.id}/deliveries")  # first call: usage bookkeeping
    with CaptureQueriesContext(connection) as one:
        client.get(f"/api/webhook/{endpoint.id}/deliveries")
    for _ in range(5):
        _delivery_with_attempts(endpoint, 3, status=DeliveryStatus.FAILED)
    with CaptureQueriesContext(connection) as six:
        response = client.get(f"/api/webhook/{endpoint.id}/deliveries")

    assert response.json()["totalElements"] == 6
    assert len(six) == len(one)
