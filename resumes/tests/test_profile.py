"""POST /api/user/publish-resume (profile dialect) and the public /u/<username> pages."""

from __future__ import annotations

import copy
import json

import pytest
from django.test import Client

from resumes.models import PublishedProfile

pytestmark = pytest.mark.django_db

RESUME = {
    "personalInfo": {
        "name": "John Doe",
        "title": "Software Engineer",
        "email": "john@example.com",
        "location": "San Francisco, CA",
        "phone": "+1 (555) 123-4567",
        "website": "https://johndoe.com",
        "linkedin": "https://linkedin.com/in/johndoe",
        "github": "https://github.com/johndoe",
        "twitter": "",
        "imageUrl": "",
    },
    "summary": "Experienced software engineer...",
    "skills": {
        "languages": ["JavaScript", "TypeScript"],
        "frameworksAndTools": ["React", "Next.js"],
        "softSkills": ["Leadership"],
    },
    "experience": [],
    "projects": [],
    "education": [],
    "extracurricular": [],
    "customSections": [],
}


def _publish(client, body):
    return client.post(
        "/api/user/publish-resume", data=json.dumps(body), content_type="application/json"
    )


def test_publish_answers_the_documented_user_object(api_client, recruiter):
    response = _publish(api_client(style="bearer"), {"resume": RESUME})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "id",
        "clerk_user_id",
        "email",
        "username",
        "resume",
        "islive",
        "created_at",
        "updated_at",
    }
    assert body["id"] == str(recruiter.pk)
    assert body["clerk_user_id"] == str(recruiter.pk)
    assert body["email"] == "recruiter@example.com"
    assert body["username"] == "recruiter"
    assert body["islive"] is True
    assert body["resume"] == RESUME
    profile = PublishedProfile.objects.get(user=recruiter)
    assert profile.is_live is True
    assert profile.content["personal"]["name"] == "John Doe"
    assert [s["category"] for s in profile.content["skills"]] == [
        "languages",
        "languages",
        "frameworksAndTools",
        "frameworksAndTools",
        "softSkills",
    ]


def test_unpublish_with_null(api_client, recruiter):
    client = api_client(style="bearer")
    _publish(client, {"resume": RESUME})

    response = _publish(client, {"resume": None})

    assert response.status_code == 200
    assert response.json()["resume"] is None
    assert response.json()["islive"] is False
    profile = PublishedProfile.objects.get(user=recruiter)
    assert (profile.is_live, profile.content) == (False, None)
    assert Client().get("/u/recruiter").status_code == 404
    assert Client().get("/u/recruiter.json").status_code == 404


def test_experience_items_keep_their_shape(api_client):
    resume = copy.deepcopy(RESUME)
    resume["experience"] = [
        {
            "id": "exp1",
            "company": "Acme",
            "title": "Engineer",
            "location": "Remote",
            "startDate": "2020-01",
            "endDate": "present",
            "description": "Built things",
            "highlights": ["Shipped v2"],
        }
    ]

    body = _publish(api_client(style="bearer"), {"resume": resume}).json()

    assert body["resume"]["experience"] == resume["experience"]


def test_unauthenticated_is_401_with_msg(anon_client):
    response = _publish(anon_client, {"resume": RESUME})

    assert response.status_code == 401
    assert response.json() == {"msg": "User not authenticated"}
    assert PublishedProfile.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"resume": "text"},
        {"resume": {"personalInfo": {"email": "nope"}}},
        {"resume": {"experience": [{"startDate": "last year"}]}},
        {"resume": {"skills": ["flat", "list"]}},
        ["resume"],
    ],
)
def test_bad_bodies_are_400_with_msg_and_publish_nothing(api_client, body):
    response = _publish(api_client(style="bearer"), body)

    assert response.status_code == 400
    assert set(response.json()) == {"msg"}
    assert PublishedProfile.objects.count() == 0


def test_malformed_json_is_400_with_msg(api_client):
    response = api_client(style="bearer").post(
        "/api/user/publish-resume", data="{", content_type="application/json"
    )

    assert response.status_code == 400
    assert set(response.json()) == {"msg"}


def test_public_profile_page_and_json(api_client):
    _publish(api_client(style="bearer"), {"resume": RESUME})

    page = Client().get("/u/recruiter")
    page_other_case = Client().get("/u/Recruiter")
    data = Client().get("/u/recruiter.json")

    html = page.content.decode()
    assert page.status_code == 200
    assert '<h1 itemprop="name">John Doe</h1>' in html
    assert '<meta property="og:title" content="John Doe – Software Engineer">' in html
    assert 'href="https://github.com/johndoe"' in html
    assert "noindex" not in html
    assert page_other_case.status_code == 200
    assert data.status_code == 200
    assert data.json() == RESUME


def test_unknown_or_never_published_profile_is_404(recruiter):
    assert Client().get("/u/recruiter").status_code == 404
    assert Client().get("/u/nobody-here").status_code == 404
    assert Client().get("/u/nobody-here.json").status_code == 404


def test_profile_page_escapes_html_and_drops_javascript_links(api_client):
    resume = copy.deepcopy(RESUME)
    resume["personalInfo"]["name"] = "<script>alert(1)</script>"
    resume["personalInfo"]["website"] = "javascript:alert(1)"
    resume["summary"] = '<img src=x onerror="alert(1)">'

    _publish(api_client(style="bearer"), {"resume": resume})
    html = Client().get("/u/recruiter").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
