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
    assert '<h1 class="name">John Doe</h1>' in html  # the default layout, Modern Minimal
    assert "layout-modern-minimal" in html
    assert "<title>John Doe – Software Engineer · SmartCV</title>" in html
    assert '<meta property="og:title" content="John Doe – Software Engineer">' in html
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:description" content="Experienced software engineer...">' in html
    assert '<meta property="og:url" content="http://localhost:8000/u/recruiter">' in html
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


def _page(username: str = "recruiter"):
    return Client().get(f"/u/{username}")


def test_profile_published_from_the_builder_is_drawn_in_the_resume_layout(
    recruiter, layouts, make_resume
):
    owner = Client()
    owner.force_login(recruiter)
    resume = make_resume(template=layouts["creative"], sections_visibility={"summary": False})

    owner.post(f"/resumes/{resume.pk}/publish/", {"action": "publish"})
    html = _page().content.decode()

    assert "layout-creative" in html
    assert "Analytical Engines" in html
    assert "Analyst and programmer." not in html  # hidden in the resume, hidden on the profile
    assert "<title>Ada Lovelace · SmartCV</title>" in html


def test_republishing_through_the_api_keeps_the_chosen_layout(
    recruiter, layouts, make_resume, api_client
):
    owner = Client()
    owner.force_login(recruiter)
    resume = make_resume(template=layouts["classic"])
    owner.post(f"/resumes/{resume.pk}/publish/", {"action": "publish"})

    _publish(api_client(style="bearer"), {"resume": RESUME})
    html = _page().content.decode()

    assert "layout-classic" in html
    assert "John Doe" in html


def test_profile_of_a_deactivated_layout_falls_back_to_the_default(recruiter, layouts, make_resume):
    owner = Client()
    owner.force_login(recruiter)
    resume = make_resume(template=layouts["compact"])
    owner.post(f"/resumes/{resume.pk}/publish/", {"action": "publish"})
    layouts["compact"].is_active = False
    layouts["compact"].save()

    html = _page().content.decode()

    assert "layout-compact" not in html
    assert "layout-modern-minimal" in html


def test_profile_page_is_one_accessible_document_without_script(api_client):
    _publish(api_client(style="bearer"), {"resume": RESUME})

    response = _page()

    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert '<main class="page">' in html and "<footer" in html
    assert html.count("<h1") == 1
    assert '<link rel="canonical" href="http://localhost:8000/u/recruiter">' in html
    assert '<link rel="alternate" type="application/json" href="/u/recruiter.json">' in html
    assert "<script" not in html
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "style-src 'sha256-" in csp
    assert "frame-ancestors 'none'" in csp


def test_profile_description_falls_back_to_the_headline_and_is_shortened(api_client):
    resume = copy.deepcopy(RESUME)
    resume["summary"] = ""
    _publish(api_client(style="bearer"), {"resume": resume})
    short = _page().content.decode()
    resume["summary"] = "word " * 100
    _publish(api_client(style="bearer"), {"resume": resume})
    long = _page().content.decode()

    assert '<meta property="og:description" content="Resume of John Doe, Software Engineer">' in short
    description = long.split('<meta property="og:description" content="')[1].split('"')[0]
    assert len(description) == 200 and description.endswith("…")
