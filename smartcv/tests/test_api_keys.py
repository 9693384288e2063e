"""API keys: shown once, stored hashed, revocable, last use recorded, every header form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from smartcv.models import ApiKey
from smartcv.services import api_key_authenticate, api_key_create, api_key_revoke

pytestmark = pytest.mark.django_db


def test_key_is_stored_only_as_a_hash(recruiter):
    new = api_key_create(user=recruiter, name="ATS")
    stored = ApiKey.objects.get(pk=new.api_key.pk)
    assert new.raw.startswith("ts_") and len(new.raw) == 43
    assert new.raw not in (stored.key_hash, stored.prefix)
    assert stored.prefix == new.raw[:11]
    assert len(stored.key_hash) == 64


@pytest.mark.parametrize("style", ["x-api-key", "apikey", "bearer"])
def test_every_header_form_authenticates(api_client, style):
    response = api_client(style=style).get("/api/v1/usage")
    assert response.status_code == 200


def test_scheme_name_is_case_insensitive(anon_client, recruiter_key):
    response = anon_client.get("/api/v1/usage", HTTP_AUTHORIZATION=f"apikey {recruiter_key}")
    assert response.status_code == 200


def test_revoked_key_is_refused(api_client, recruiter):
    new = api_key_create(user=recruiter)
    api_key_revoke(api_key=new.api_key)
    response = api_client(new.raw).get("/api/v1/usage")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"


def test_key_of_a_deactivated_user_is_refused(api_client, recruiter, recruiter_key):
    recruiter.is_active = False
    recruiter.save()
    assert api_client().get("/api/v1/usage").status_code == 401


@pytest.mark.parametrize("raw", ["", "ts_", "x" * 500, "ts_ünïcode", "ts_" + "A" * 40])
def test_garbage_keys_do_not_authenticate(raw):
    assert api_key_authenticate(raw) is None


def test_last_use_is_recorded_at_most_once_a_minute(api_client, recruiter):
    new = api_key_create(user=recruiter)
    client = api_client(new.raw)
    client.get("/api/v1/usage")
    first = ApiKey.objects.get(pk=new.api_key.pk).last_used_at
    assert first is not None and timezone.now() - first < timedelta(seconds=5)
    client.get("/api/v1/usage")
    assert ApiKey.objects.get(pk=new.api_key.pk).last_used_at == first
    ApiKey.objects.filter(pk=new.api_key.pk).update(last_used_at=first - timedelta(minutes=5))
    client.get("/api/v1/usage")
    assert ApiKey.objects.get(pk=new.api_key.pk).last_used_at > first


def test_session_cookie_works_for_safe_methods(recruiter_client):
    assert recruiter_client.get("/api/v1/usage").status_code == 200


@pytest.mark.urls("smartcv.tests.probe_urls")
def test_session_without_csrf_token_cannot_write(recruiter_client):
    body = {"name": "ab", "count": 1}
    response = recruiter_client.post("/api/resumes/_probe", body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"
    assert "CSRF" in response.json()["error"]


@pytest.mark.urls("smartcv.tests.probe_urls")
def test_session_with_csrf_token_can_write(recruiter_client):
    recruiter_client.get("/dashboard/")  # sets the csrftoken cookie
    token = recruiter_client.cookies["csrftoken"].value
    response = recruiter_client.post(
        "/api/resumes/_probe",
        {"name": "ab", "count": 1},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201
