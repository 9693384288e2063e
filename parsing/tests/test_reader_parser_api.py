"""reader: POST /api/v1/parser (sync, JSON or XML), PUT/DELETE /api/v1/parser/{id}, /async."""

import io
import json
from xml.etree import ElementTree as ET

import pytest

from parsing.models import Candidate, ParseStatus
from parsing.reader_fields import ADVANCED_FIELDS, PREMIUM_FIELDS
from parsing.tests.test_parserpro_api import RESUME_TXT
from smartcv.services import credits_remaining
from webhooks import signing
from webhooks.models import WebhookDelivery
from webhooks.services import endpoint_create

pytestmark = pytest.mark.django_db


def _file(name="cv.txt", data: bytes | None = None):
    handle = io.BytesIO(RESUME_TXT.encode() if data is None else data)
    handle.name = name
    return handle


def _leaves(data: dict) -> set[str]:
    out = set()
    for key, value in data.items():
        if isinstance(value, dict):
            out |= {f"{key}.{leaf}" for leaf in value}
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out |= {f"{key}[].{leaf}" for item in value for leaf in item}
        elif (
            isinstance(value, list)
            and not value
            and f"{key}[]" in {f.split(".")[0] for f in PREMIUM_FIELDS}
        ):
            continue  # an empty list of objects: no item, so no item fields
        else:
            out.add(key)
    return out


def test_field_lists_have_the_documented_sizes():
    assert len(ADVANCED_FIELDS) == len(set(ADVANCED_FIELDS)) == 56
    assert len(PREMIUM_FIELDS) == len(set(PREMIUM_FIELDS)) == 96
    assert set(ADVANCED_FIELDS) < set(PREMIUM_FIELDS)


@pytest.mark.parametrize(
    ("parser_type", "fields"), [("ADVANCED", ADVANCED_FIELDS), ("PREMIUM", PREMIUM_FIELDS)]
)
def test_sync_parse_answers_the_parser_types_fields(api_client, recruiter, parser_type, fields):
    response = api_client(style="apikey").post(
        "/api/v1/parser", {"file": _file(), "parserType": parser_type}, format="multipart"
    )
    assert response.status_code == 200
    data = response.json()
    leaves = _leaves(data)
    # Items present in this CV carry every field of their list; empty lists carry none.
    assert leaves <= set(fields)
    assert {f for f in fields if "[]" not in f} <= leaves
    assert data["resumeId"] == str(Candidate.objects.get().id)
    assert data["documentType"] == "CV"
    assert data["parserType"] == parser_type
    assert (data["candidate"]["firstName"], data["candidate"]["lastName"]) == ("Maria", "Gonzalez")
    assert credits_remaining(recruiter) == 1999


def test_sync_parse_answers_xml_when_asked(api_client):
    response = api_client(style="apikey").post(
        "/api/v1/parser",
        {"file": _file(), "parserType": "ADVANCED"},
        format="multipart",
        HTTP_ACCEPT="application/xml",
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's answer)
    assert root.tag == "resumeData"
    assert root.findtext("candidate/lastName") == "Gonzalez"


def test_unknown_parser_type_is_a_400(api_client):
    response = api_client(style="apikey").post(
        "/api/v1/parser", {"file": _file(), "parserType": "ULTRA"}, format="multipart"
    )
    assert response.status_code == 400
    assert Candidate.objects.count() == 0


def test_unparseable_cv_is_a_400_and_leaves_nothing(api_client, recruiter):
    corrupt = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n%%EOF"
    response = api_client(style="apikey").post(
        "/api/v1/parser", {"file": _file("x.pdf", corrupt)}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "PARSE_FAILED"
    assert Candidate.objects.count() == 0
    assert credits_remaining(recruiter) == 2000


def test_put_updates_and_delete_removes(api_client):
    client = api_client(style="apikey")
    resume_id = client.post("/api/v1/parser", {"file": _file()}, format="multipart").json()["resumeId"]
    body = {
        "candidate": {"firstName": "María", "lastName": "González", "email": "maria@example.org"},
        "skills": ["Go", {"name": "Rust"}],
    }
    updated = client.put(f"/api/v1/parser/{resume_id}", body, format="json")
    assert updated.status_code == 200
    assert updated.json()["candidate"]["fullName"] == "María González"
    assert updated.json()["candidate"]["email"] == "maria@example.org"
    assert updated.json()["skillNames"] == ["Go", "Rust"]
    assert client.delete(f"/api/v1/parser/{resume_id}").status_code == 204
    assert client.put(f"/api/v1/parser/{resume_id}", body, format="json").status_code == 404


def test_put_on_a_foreign_resume_is_a_404(api_client, other_user):
    from smartcv.services import api_key_create

    resume_id = (
        api_client().post("/api/v1/parser", {"file": _file()}, format="multipart").json()["resumeId"]
    )
    foreign = api_client(api_key_create(user=other_user).raw, style="apikey")
    assert (
        foreign.put(f"/api/v1/parser/{resume_id}", {"aiSummary": "x"}, format="json").status_code == 404
    )
    assert foreign.delete(f"/api/v1/parser/{resume_id}").status_code == 404
    assert Candidate.objects.filter(id=resume_id).exists()


def test_async_needs_a_parser_results_webhook(api_client):
    response = api_client(style="apikey").post(
        "/api/v1/parser/async", {"file": _file()}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "WEBHOOK_NOT_CONFIGURED"
    assert Candidate.objects.count() == 0


def test_async_answers_an_id_and_delivers_the_result_signed(
    api_client, recruiter, receiver, settings, django_capture_on_commit_callbacks
):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    endpoint = endpoint_create(owner=recruiter, url=receiver.url(), parser_results=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client(style="apikey").post(
            "/api/v1/parser/async", {"file": _file(), "parserType": "ADVANCED"}, format="multipart"
        )
    assert response.status_code == 202
    candidate_id = response.json()["id"]
    assert Candidate.objects.get(id=candidate_id).parsing_status == ParseStatus.COMPLETED
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "delivered"
    (request,) = receiver.received
    payload = json.loads(request.body)
    assert (payload["id"], payload["status"]) == (candidate_id, "SUCCESS")
    assert payload["resumeData"]["candidate"]["lastName"] == "Gonzalez"
    assert signing.verify(
        endpoint.secret,
        request.headers["x-webhook-timestamp"],
        request.body,
        request.headers["x-webhook-signature"],
    )
