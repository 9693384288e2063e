"""POST /api/resumes/import (CV file) and /api/resumes/import/json-resume."""

from __future__ import annotations

import json
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes.models import Resume

pytestmark = pytest.mark.django_db

JSON_RESUME = {
    "basics": {
        "name": "Richard Hendriks",
        "label": "Programmer",
        "email": "richard.hendriks@mail.com",
        "phone": "(912) 555-4321",
        "url": "http://richardhendricks.example.com",
        "summary": "Richard hails from Tulsa.",
        "location": {
            "address": "2712 Broadway St",
            "city": "San Francisco",
            "countryCode": "US",
            "region": "California",
        },
        "profiles": [
            {"network": "Twitter", "username": "neutralthoughts", "url": ""},
            {
                "network": "SoundCloud",
                "username": "dandymusicnl",
                "url": "https://soundcloud.example.com/dandymusicnl",
            },
        ],
    },
    "work": [
        {
            "name": "Pied Piper",
            "position": "CEO/President",
            "url": "http://piedpiper.example.com",
            "startDate": "2013-12-01",
            "summary": "Pied Piper is a multi-platform technology company.",
            "highlights": [
                "Build an algorithm for artist to detect if their music was violating copyright"
            ],
        }
    ],
    "education": [
        {
            "institution": "University of Oklahoma",
            "area": "Information Technology",
            "studyType": "Bachelor",
            "startDate": "2011-06-01",
            "endDate": "2014-01-01",
            "score": "4.0",
        }
    ],
    "awards": [
        {
            "title": "Digital Compression Pioneer Award",
            "date": "2014-11-01",
            "awarder": "Techcrunch",
            "summary": "There is no spoon.",
        }
    ],
    "skills": [
        {"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS", "Javascript"]}
    ],
    "languages": [{"language": "English", "fluency": "Native speaker"}],
    "interests": [{"name": "Wildlife", "keywords": ["Ferrets", "Unicorns"]}],
}


def test_json_resume_import_creates_a_draft(api_client, recruiter, layouts):
    response = api_client().post(
        "/api/resumes/import/json-resume", data=json.dumps(JSON_RESUME), content_type="application/json"
    )

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["title"] == "Richard Hendriks resume"
    assert data["status"] == "DRAFT"
    content = data["contentJson"]
    assert content["personalInfo"]["name"] == "Richard Hendriks"
    assert content["personalInfo"]["address"] == "2712 Broadway St, San Francisco, California, US"
    assert content["personalInfo"]["twitter"] == "https://x.com/neutralthoughts"
    assert content["personalInfo"]["links"] == [
        {"label": "SoundCloud", "url": "https://soundcloud.example.com/dandymusicnl"}
    ]
    assert content["workExperience"][0]["company"] == "Pied Piper"
    assert content["workExperience"][0]["endDate"] == "present"
    assert content["workExperience"][0]["isCurrent"] is True
    assert content["education"][0]["school"] == "University of Oklahoma"
    assert content["skills"] == ["HTML", "CSS", "Javascript"]
    assert content["skillDetails"][0] == {
        "name": "HTML",
        "category": "Web Development",
        "level": "Master",
    }
    assert content["customSections"][0]["title"] == "Awards"
    assert content["extracurricular"] == ["Wildlife: Ferrets, Unicorns"]
    assert Resume.objects.get(pk=data["id"]).owner == recruiter


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"basics": {"email": "nope"}}, "basics.email"),
        ({"work": [{"name": "X", "startDate": "December 2013"}]}, "work.0.startDate"),
        ({"work": "Pied Piper"}, "work"),
        ({"skills": [{"name": "Web", "keywords": "HTML"}]}, "skills.0.keywords"),
    ],
)
def test_invalid_json_resume_is_400_and_creates_nothing(api_client, body, field):
    response = api_client().post(
        "/api/resumes/import/json-resume", data=json.dumps(body), content_type="application/json"
    )

    assert response.status_code == 400
    assert field in response.json()["details"]
    assert Resume.objects.count() == 0


def test_cv_import_without_a_file_is_400(api_client):
    response = api_client().post("/api/resumes/import", {})

    assert response.status_code == 400
    assert response.json()["details"] == {"file": ["This field is required."]}


def test_cv_import_says_so_while_the_parser_is_not_installed(api_client, monkeypatch):
    # The state of a checkout without the parser: the module cannot be imported.
    monkeypatch.setitem(sys.modules, "parsing.pipeline", None)
    upload = SimpleUploadedFile("cv.txt", b"Jane Doe\njane@example.com\n", content_type="text/plain")

    response = api_client().post("/api/resumes/import", {"file": upload})

    assert response.status_code == 503
    assert response.json()["code"] == "IMPORT_UNAVAILABLE"
    assert Resume.objects.count() == 0


CV_TEXT = b"""Jane Doe
jane.doe@example.com | +44 20 7946 0000 | London

Experience
Software Engineer, Acme Ltd
2019 - present
Built billing services in Python.

Education
BSc Computer Science, University of Leeds, 2015 - 2019

Skills
Python, Django, PostgreSQL
"""


def _credits_used(user) -> int:
    from smartcv.services import usage_summary

    return usage_summary(user).credits_used


def test_cv_import_parses_a_text_cv_into_a_draft_and_charges_a_credit(api_client, recruiter):
    upload = SimpleUploadedFile("jane.txt", CV_TEXT, content_type="text/plain")
    before = _credits_used(recruiter)

    response = api_client().post("/api/resumes/import", {"file": upload})

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["status"] == "DRAFT"
    assert data["title"] == "Jane Doe resume"
    assert data["contentJson"]["personalInfo"]["email"] == "jane.doe@example.com"
    assert "Python" in data["contentJson"]["skills"]
    assert _credits_used(recruiter) == before + 1


def test_cv_import_of_an_unsupported_file_is_415_and_free(api_client, recruiter):
    upload = SimpleUploadedFile("cv.pdf", b"\x00\x01\x02 not a cv" * 10, content_type="application/pdf")
    before = _credits_used(recruiter)

    response = api_client().post("/api/resumes/import", {"file": upload})

    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert Resume.objects.count() == 0
    assert _credits_used(recruiter) == before


def test_cv_import_without_credits_is_402(make_user, api_client):
    from smartcv.services import api_key_create, credits_charge

    user = make_user("broke", plan="free")
    credits_charge(user=user, amount=10, operation="test")
    upload = SimpleUploadedFile("jane.txt", CV_TEXT, content_type="text/plain")

    response = api_client(api_key_create(user=user, name="k").raw).post(
        "/api/resumes/import", {"file": upload}
    )

    assert response.status_code == 402
    assert response.json()["code"] == "INSUFFICIENT_CREDITS"
    assert Resume.objects.count() == 0
