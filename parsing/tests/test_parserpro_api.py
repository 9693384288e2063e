"""parserpro: POST /api/v1/parse, /parse/url and the candidates API, end to end (eager tasks)."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage

from parsing.models import Candidate, ParseStatus
from smartcv.models import CreditLedgerEntry
from smartcv.services import api_key_create, credits_charge, credits_remaining

pytestmark = pytest.mark.django_db

RESUME_TXT = """Maria Gonzalez
Senior Backend Engineer
maria.gonzalez@example.com | +1 415 555 0134 | San Francisco, CA
linkedin.com/in/mariagonzalez | github.com/mgonzalez

SUMMARY
Backend engineer with eight years of experience building payment systems in Python.

EXPERIENCE
Senior Backend Engineer, Stripe Inc — San Francisco
Jan 2020 - Present
- Built the ledger service in Python and PostgreSQL.

Software Engineer, Square — San Francisco
Jun 2016 - Dec 2019
- Developed REST APIs with Django.

EDUCATION
University of California, Berkeley
B.S. Computer Science, 2012 - 2016

SKILLS
Python, Django, PostgreSQL, Docker, Kubernetes, AWS

LANGUAGES
English, Spanish
"""


def _upload(name: str, data: bytes, field: str = "files"):
    handle = io.BytesIO(data)
    handle.name = name
    return {field: handle}


@pytest.fixture
def parse(api_client, django_capture_on_commit_callbacks):
    """POST files to /api/v1/parse and run the queued parse tasks (eager Celery)."""

    def post(*files, client=None, field="files"):
        payload = {field: []}
        for name, data in files:
            handle = io.BytesIO(data)
            handle.name = name
            payload[field].append(handle)
        with django_capture_on_commit_callbacks(execute=True):
            return (client or api_client()).post("/api/v1/parse", payload, format="multipart")

    return post


def test_upload_answers_201_with_pending_candidates_and_credits(api_client, recruiter):
    response = api_client().post(
        "/api/v1/parse", _upload("maria.txt", RESUME_TXT.encode()), format="multipart"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["success"] is True
    assert body["credits_remaining"] == 1999
    (item,) = body["candidates"]
    assert item["filename"] == "maria.txt"
    assert item["status"] == "pending"
    assert Candidate.objects.get(id=item["id"]).owner == recruiter


def test_parsed_candidate_has_structured_fields(parse, api_client):
    response = parse(("maria.txt", RESUME_TXT.encode()))
    candidate_id = response.json()["candidates"][0]["id"]
    data = api_client().get(f"/api/v1/candidates/{candidate_id}").json()["data"]
    assert data["parsing_status"] == "completed"
    assert data["full_name"] == "Maria Gonzalez"
    assert data["email"] == "maria.gonzalez@example.com"
    assert data["phone"].replace(" ", "").replace("-", "").endswith("4155550134")
    assert {"Python", "Django", "PostgreSQL"} <= set(data["skills"])
    assert data["work_history"][0]["company"].startswith("Stripe")
    assert data["work_history"][0]["is_current"] is True
    assert 0 < data["parsing_confidence"] <= 1
    assert data["original_filename"] == "maria.txt"
    assert data["source"] == "api"
    assert data["tags"] == [] and data["jobs"] == []
    for key in ("parsing_errors", "metadata", "created_at", "parsed_at", "ai_summary", "linkedin_url"):
        assert key in data


def test_several_files_and_the_single_file_field(parse):
    response = parse(("a.txt", RESUME_TXT.encode()), ("b.txt", RESUME_TXT.encode()))
    assert len(response.json()["candidates"]) == 2
    single = parse(("c.txt", RESUME_TXT.encode()), field="file")
    assert single.status_code == 201
    assert len(single.json()["candidates"]) == 1


def test_no_file_is_a_400(api_client):
    response = api_client().post("/api/v1/parse", {}, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
    assert Candidate.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", b"<html><body>I am a web page</body></html>"),
        ("cv.docx", b"PK\x03\x04" + b"\x00" * 200),
        ("cv.pdf", b"\x00\x01\x02\x03" * 100),
    ],
)
def test_unsupported_type_is_a_415_and_changes_nothing(api_client, recruiter, name, data):
    response = api_client().post("/api/v1/parse", _upload(name, data), format="multipart")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert Candidate.objects.count() == 0
    assert credits_remaining(recruiter) == 2000


def test_file_over_10mb_is_a_413_and_changes_nothing(api_client, recruiter):
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10)
    response = api_client().post("/api/v1/parse", _upload("big.pdf", big), format="multipart")
    assert response.status_code == 413
    assert Candidate.objects.count() == 0
    assert CreditLedgerEntry.objects.count() == 0


def test_insufficient_credits_is_a_402_and_creates_nothing(make_user, api_client):
    user = make_user("broke", plan="free")
    credits_charge(user=user, amount=10, operation="parse")
    client = api_client(api_key_create(user=user).raw)
    response = client.post("/api/v1/parse", _upload("cv.txt", RESUME_TXT.encode()), format="multipart")
    assert response.status_code == 402
    assert response.json()["error"]["code"] == "insufficient_credits"
    assert Candidate.objects.count() == 0
    assert default_storage.listdir("cvs")[1] == [] if default_storage.exists("cvs") else True


def test_unparseable_file_fails_with_an_error_and_refunds(parse, api_client, recruiter):
    corrupt = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n%%EOF"
    response = parse(("broken.pdf", corrupt))
    candidate = Candidate.objects.get(id=response.json()["candidates"][0]["id"])
    assert candidate.parsing_status == ParseStatus.FAILED
    assert candidate.parsing_errors[0]["code"]
    assert candidate.parsing_errors[0]["message"]
    assert credits_remaining(recruiter) == 2000
    assert candidate.full_name == ""


def test_parsing_twice_is_harmless(parse, recruiter):
    from parsing.services import candidate_parse

    response = parse(("maria.txt", RESUME_TXT.encode()))
    candidate_id = response.json()["candidates"][0]["id"]
    assert candidate_parse(candidate_id=candidate_id) is None
    assert Candidate.objects.get(id=candidate_id).parsing_status == ParseStatus.COMPLETED
    assert credits_remaining(recruiter) == 1999


# --- parse by URL ---------------------------------------------------------------------------


def test_parse_url_validates_each_url(api_client, recruiter):
    urls = [
        "ftp://example.com/cv.pdf",
        "http://127.0.0.1/cv.pdf",
        "http://2130706433/x",
        "x" * 3000,
        "http://[::1]/cv.pdf",
        "http://localhost/cv",
    ]
    response = api_client().post("/api/v1/parse/url", {"urls": urls}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert (body["processed"], body["failed"], body["candidates"]) == (0, 6, [])
    assert [e["url"] for e in body["errors"]][:3] == urls[:3]
    assert all(e["error"] for e in body["errors"])
    assert body["credits_remaining"] == 2000


@pytest.mark.parametrize(
    "body", [{}, {"urls": []}, {"urls": "http://x"}, {"urls": ["https://a.example/"] * 51}]
)
def test_parse_url_bad_bodies_are_400(api_client, body):
    response = api_client().post("/api/v1/parse/url", body, format="json")
    assert response.status_code == 400
    assert Candidate.objects.count() == 0


def test_parse_url_fetches_and_parses_a_public_file(
    api_client, receiver, recruiter, monkeypatch, django_capture_on_commit_callbacks
):
    from smartcv import netguard
    from smartcv.tests.http_receiver import Reply

    receiver.reply(Reply(status=200, body=RESUME_TXT.encode(), headers={"Content-Type": "text/plain"}))
    # Let the loopback receiver stand in for a public host; the fetch itself stays real.
    real = netguard.is_public_address
    monkeypatch.setattr(netguard, "is_public_address", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    url = receiver.url("/files/maria.txt")
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().post("/api/v1/parse/url", {"urls": [url]}, format="json")
    body = response.json()
    assert (body["processed"], body["failed"]) == (1, 0)
    candidate = Candidate.objects.get(id=body["candidates"][0]["id"])
    assert candidate.parsing_status == ParseStatus.COMPLETED
    assert candidate.full_name == "Maria Gonzalez"
    assert candidate.source == "url" and candidate.original_filename == "maria.txt"
    assert credits_remaining(recruiter) == 1999


def test_parse_url_on_a_private_address_fails_and_is_not_charged(
    api_client, receiver, recruiter, django_capture_on_commit_callbacks
):
    # The name looks public to the syntax check but resolves to loopback: refused when fetched.
    url = receiver.url("/cv.txt", host="localhost.localdomain")
    with django_capture_on_commit_callbacks(execute=True):
        body = api_client().post("/api/v1/parse/url", {"urls": [url]}, format="json").json()
    if body["processed"]:
        candidate = Candidate.objects.get(id=body["candidates"][0]["id"])
        assert candidate.parsing_status == ParseStatus.FAILED
        assert candidate.parsing_errors[0]["code"] == "fetch_failed"
    assert receiver.received == []
    assert credits_remaining(recruiter) == 2000


# --- candidates -----------------------------------------------------------------------------


def test_list_is_paginated_and_filtered(parse, api_client):
    parse(("a.txt", RESUME_TXT.encode()), ("b.txt", RESUME_TXT.encode()), ("c.txt", b"just some words"))
    body = api_client().get("/api/v1/candidates?limit=2").json()
    assert body["meta"] == {
        "total": 3,
        "page": 1,
        "limit": 2,
        "total_pages": 2,
        "has_next": True,
        "has_prev": False,
    }
    assert "tags" not in body["data"][0] and "parsing_errors" not in body["data"][0]
    completed = api_client().get("/api/v1/candidates?status=completed&skills=python,Postgres").json()
    assert completed["meta"]["total"] == 2
    assert api_client().get("/api/v1/candidates?skills=cobol").json()["meta"]["total"] == 0


def test_list_bad_status_is_a_400(api_client):
    response = api_client().get("/api/v1/candidates?status=done")
    assert response.status_code == 400


def test_list_limit_is_capped_at_100(api_client):
    assert api_client().get("/api/v1/candidates?limit=500").json()["meta"]["limit"] == 100


def test_foreign_or_malformed_candidate_is_a_404(parse, api_client, other_user):
    response = parse(("a.txt", RESUME_TXT.encode()))
    candidate_id = response.json()["candidates"][0]["id"]
    foreign = api_client(api_key_create(user=other_user).raw)
    for url in (f"/api/v1/candidates/{candidate_id}", "/api/v1/candidates/not-a-uuid"):
        got = foreign.get(url)
        assert got.status_code == 404
        assert got.json()["error"]["code"] == "not_found"


def test_patch_changes_allowed_fields_only(parse, api_client):
    candidate_id = parse(("a.txt", RESUME_TXT.encode())).json()["candidates"][0]["id"]
    url = f"/api/v1/candidates/{candidate_id}"
    response = api_client().patch(
        url, {"full_name": "Maria Gonzalez-Smith", "skills": ["Go", "Rust"]}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["data"]["full_name"] == "Maria Gonzalez-Smith"
    assert response.json()["data"]["skills"] == ["Go", "Rust"]
    assert api_client().get("/api/v1/candidates?skills=rust").json()["meta"]["total"] == 1
    refused = api_client().patch(url, {"parsing_status": "failed", "full_name": "X"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["error"]["details"] == [
        {"field": "parsing_status", "message": "This field cannot be modified."}
    ]
    assert Candidate.objects.get(id=candidate_id).full_name == "Maria Gonzalez-Smith"


def test_delete_removes_the_candidate_and_its_file(
    parse, api_client, django_capture_on_commit_callbacks
):
    candidate_id = parse(("a.txt", RESUME_TXT.encode())).json()["candidates"][0]["id"]
    name = Candidate.objects.get(id=candidate_id).file_name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().delete(f"/api/v1/candidates/{candidate_id}")
    assert response.json() == {"success": True, "message": "Candidate deleted successfully"}
    assert not Candidate.objects.filter(id=candidate_id).exists()
    assert not default_storage.exists(name)


def test_file_url_is_signed_and_download_redirects(parse, api_client, client):
    candidate_id = parse(("maria.txt", RESUME_TXT.encode())).json()["candidates"][0]["id"]
    data = api_client().get(f"/api/v1/candidates/{candidate_id}/file").json()["data"]
    assert data["filename"] == "maria.txt"
    assert data["content_type"] == "text/plain"
    path = data["url"].split("://", 1)[1].split("/", 1)[1]
    downloaded = client.get("/" + path)
    assert downloaded.status_code == 200
    assert (
        b"".join(downloaded.streaming_content if downloaded.streaming else [downloaded.content])
        == RESUME_TXT.encode()
    )
    redirect = api_client().get(f"/api/v1/candidates/{candidate_id}/file?download=true")
    assert redirect.status_code == 302
    assert redirect["Location"] == data["url"].split("?")[0] or redirect["Location"].startswith("http")
