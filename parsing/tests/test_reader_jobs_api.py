"""reader: POST /api/job/parse/api-key and /api/job/parse/text/api-key."""

import io
import json

import pytest

from matching.models import Job

pytestmark = pytest.mark.django_db

TEXT = """Senior React Developer
We are looking for a Senior React Developer with 5+ years of experience.
Requirements: React, TypeScript, Node.js and GraphQL. Bachelor's degree preferred."""


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (json.dumps(TEXT), "application/json"),
        (json.dumps({"description": TEXT}), "application/json"),
        (json.dumps({"job_description": TEXT}), "application/json"),
        (json.dumps({"text": TEXT}), "application/json"),
        (TEXT, "text/plain"),
        (json.dumps(TEXT), "text/plain"),
    ],
)
def test_text_parse_accepts_every_documented_body(api_client, body, content_type):
    response = api_client(style="apikey").post(
        "/api/job/parse/text/api-key", data=body, content_type=content_type
    )
    assert response.status_code == 200
    data = response.json()
    assert list(data) == [
        "jobTitle",
        "jobDescription",
        "profileRecherche",
        "experienceRequired",
        "educationLevel",
        "skills",
    ]
    assert data["jobTitle"] == "Senior React Developer"
    assert data["experienceRequired"] == "5+ years"
    assert {"React", "TypeScript", "Node.js", "GraphQL"} <= set(data["skills"])
    assert Job.objects.count() == 0  # nothing persisted


@pytest.mark.parametrize("body", ['""', '{"title": "x"}', "{}", "[]", "null"])
def test_text_parse_without_a_description_is_a_400(api_client, body):
    response = api_client(style="apikey").post(
        "/api/job/parse/text/api-key", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Job description is required"


def test_text_parse_needs_a_key(anon_client):
    response = anon_client.post(
        "/api/job/parse/text/api-key", data='"x"', content_type="application/json"
    )
    assert response.status_code == 401
    assert response.json()["message"] == "Invalid Api Key"


def _file(name, data):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_file_parse_persists_a_job(api_client, recruiter):
    response = api_client(style="apikey").post(
        "/api/job/parse/api-key", {"file": _file("jd.txt", TEXT.encode())}, format="multipart"
    )
    assert response.status_code == 200
    data = response.json()
    job = Job.objects.get(id=data["id"])
    assert job.owner == recruiter and job.source == "parsed"
    assert data["title"] == "Senior React Developer"
    assert set(data) == {
        "id",
        "title",
        "description",
        "profile",
        "experience",
        "education",
        "skills",
        "company",
        "country",
        "city",
    }
    assert isinstance(data["skills"], str)
    assert "React" in json.loads(data["skills"])


@pytest.mark.parametrize(
    ("files", "status"),
    [({}, 400), ({"file": _file("x.bin", b"\x00\x01\x02" * 50)}, 415)],
)
def test_file_parse_errors(api_client, files, status):
    response = api_client(style="apikey").post("/api/job/parse/api-key", files, format="multipart")
    assert response.status_code == status
    assert Job.objects.count() == 0
