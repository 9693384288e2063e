"""Share links, projects, templates and analysis endpoints of the smartcv dialect."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import check_password
from django.utils import timezone

from resumes.models import ShareComment, ShareLink
from resumes.services import SHARE_LINK_LIMITS, share_link_create
from resumes.tests.factories import TemplateFactory
from smartcv.services import api_key_create

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def _put(client, url, body):
    return client.put(url, data=json.dumps(body), content_type="application/json")


# --- Share links ----------------------------------------------------------------------------


def test_create_share_link_as_documented(api_client, make_resume, settings):
    settings.SITE_URL = "https://smartcv.example"
    resume = make_resume()
    expires = (timezone.now() + timedelta(days=30)).replace(microsecond=0)

    response = _post(
        api_client(),
        f"/api/resumes/{resume.pk}/share",
        {
            "isEnabled": True,
            "password": "optional-password",
            "expiresAt": expires.isoformat(),
            "allowDownload": True,
            "allowComments": False,
        },
    )

    assert response.status_code == 201
    data = response.json()["data"]
    link = ShareLink.objects.get(resume=resume)
    assert data["id"] == str(link.pk)
    assert data["token"] == link.token
    assert len(link.token) >= 32
    assert data["shareUrl"] == f"https://smartcv.example/share/{link.token}"
    assert data["isEnabled"] is True
    assert data["hasPassword"] is True
    assert data["allowDownload"] is True
    assert data["allowComments"] is False
    assert data["viewCount"] == 0
    assert data["expiresAt"].startswith(expires.strftime("%Y-%m-%dT%H:%M:%S"))
    assert "password" not in data
    assert link.password_hash != "optional-password"
    assert check_password("optional-password", link.password_hash)


def test_creating_again_keeps_the_token_and_answers_200(api_client, make_resume):
    resume = make_resume()
    first = _post(api_client(), f"/api/resumes/{resume.pk}/share", {}).json()["data"]

    again = _post(api_client(), f"/api/resumes/{resume.pk}/share", {"allowComments": True})

    assert again.status_code == 200
    assert again.json()["data"]["token"] == first["token"]
    assert again.json()["data"]["allowComments"] is True
    assert ShareLink.objects.count() == 1


def test_update_share_settings_as_documented(api_client, make_resume):
    resume = make_resume()
    link, _ = share_link_create(resume=resume, password="pw", allow_download=True)

    response = _put(
        api_client(),
        f"/api/resumes/{resume.pk}/share",
        {
            "isEnabled": False,
            "password": None,
            "expiresAt": None,
            "allowDownload": False,
            "allowComments": True,
        },
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["token"] == link.token
    assert (data["isEnabled"], data["hasPassword"], data["allowDownload"], data["allowComments"]) == (
        False,
        False,
        False,
        True,
    )
    link.refresh_from_db()
    assert link.password_hash == ""


def test_update_is_partial(api_client, make_resume):
    resume = make_resume()
    share_link_create(resume=resume, password="pw", allow_download=True)

    data = _put(api_client(), f"/api/resumes/{resume.pk}/share", {"allowComments": True}).json()["data"]

    assert (data["hasPassword"], data["allowDownload"], data["allowComments"]) == (True, True, True)


def test_update_without_a_link_is_404(api_client, make_resume):
    resume = make_resume()

    response = _put(api_client(), f"/api/resumes/{resume.pk}/share", {"isEnabled": False})

    assert response.status_code == 404
    assert response.json()["code"] == "SHARE_LINK_NOT_FOUND"
    assert ShareLink.objects.count() == 0


def test_owner_reads_share_settings_with_visitor_comments(api_client, make_resume):
    resume = make_resume()
    link, _ = share_link_create(resume=resume, allow_comments=True)
    ShareComment.objects.create(share_link=link, author_name="Grace", text="<b>Great</b>")

    data = api_client().get(f"/api/resumes/{resume.pk}/share").json()["data"]

    assert [(c["name"], c["text"]) for c in data["comments"]] == [("Grace", "<b>Great</b>")]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"isEnabled": "yes"}, "isEnabled"),
        ({"allowDownload": 1}, "allowDownload"),
        ({"expiresAt": "tomorrow"}, "expiresAt"),
        ({"expiresAt": "2020-01-01T00:00:00Z"}, "expiresAt"),
        ({"password": "x" * 200}, "password"),
    ],
)
def test_bad_share_settings_are_400_and_create_nothing(api_client, make_resume, body, field):
    resume = make_resume()

    response = _post(api_client(), f"/api/resumes/{resume.pk}/share", body)

    assert response.status_code == 400
    assert field in response.json()["details"]
    assert ShareLink.objects.count() == 0


def test_share_limit_per_plan_is_429(make_user, make_resume, api_client):
    user = make_user("freebie", plan="free")
    client = api_client(api_key_create(user=user, name="t").raw)
    limit = SHARE_LINK_LIMITS["free"]
    resumes = [make_resume(owner=user) for _ in range(limit + 1)]
    for resume in resumes[:limit]:
        assert _post(client, f"/api/resumes/{resume.pk}/share", {}).status_code == 201

    response = _post(client, f"/api/resumes/{resumes[-1].pk}/share", {})

    assert response.status_code == 429
    assert response.json()["code"] == "SHARE_LIMIT_EXCEEDED"
    assert response.json()["details"] == {"limit": 3}
    assert ShareLink.objects.filter(resume=resumes[-1]).count() == 0


def test_disabled_links_do_not_count_against_the_limit(make_user, make_resume, api_client):
    user = make_user("freebie", plan="free")
    client = api_client(api_key_create(user=user, name="t").raw)
    resumes = [make_resume(owner=user) for _ in range(4)]
    for resume in resumes[:3]:
        _post(client, f"/api/resumes/{resume.pk}/share", {})
    assert _post(client, f"/api/resumes/{resumes[3].pk}/share", {"isEnabled": False}).status_code == 201
    _put(client, f"/api/resumes/{resumes[0].pk}/share", {"isEnabled": False})

    response = _put(client, f"/api/resumes/{resumes[3].pk}/share", {"isEnabled": True})

    assert response.status_code == 200
    over = _put(client, f"/api/resumes/{resumes[0].pk}/share", {"isEnabled": True})
    assert over.status_code == 429
    assert ShareLink.objects.get(resume=resumes[0]).is_enabled is False


def test_growth_plan_has_no_share_limit(api_client, make_resume):
    client = api_client()
    for _ in range(5):
        resume = make_resume()
        assert _post(client, f"/api/resumes/{resume.pk}/share", {}).status_code == 201


# --- Projects -------------------------------------------------------------------------------


def test_add_project_stores_it_in_the_document_with_a_stable_id(api_client, make_resume):
    resume = make_resume()
    project = {
        "name": "New Project",
        "description": "Project description",
        "technologies": ["Technology stack"],
        "url": "https://github.com/example/project",
        "startDate": "2024-01",
        "endDate": "2024-12",
        "highlights": ["Main achievement 1", "Main achievement 2"],
    }

    response = _post(api_client(), f"/api/resumes/{resume.pk}/projects", project)

    assert response.status_code == 201
    data = response.json()["data"]
    assert data == {"id": data["id"], **project}
    listed = api_client().get(f"/api/resumes/{resume.pk}/projects").json()["data"]
    assert listed == [data]
    detail = api_client().get(f"/api/resumes/{resume.pk}").json()["data"]
    assert detail["contentJson"]["projects"] == [data]
    resume.refresh_from_db()
    assert resume.content["projects"][0]["id"] == data["id"]


def test_project_ids_survive_a_round_trip_through_put(api_client, make_resume):
    resume = make_resume()
    client = api_client()
    added = _post(client, f"/api/resumes/{resume.pk}/projects", {"name": "Kept"}).json()["data"]
    content = client.get(f"/api/resumes/{resume.pk}").json()["data"]["contentJson"]

    _put(client, f"/api/resumes/{resume.pk}", {"contentJson": content})

    assert client.get(f"/api/resumes/{resume.pk}/projects").json()["data"][0]["id"] == added["id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": "x", "startDate": "soon"}, "startDate"),
        ({"name": "x", "technologies": "py"}, "technologies"),
    ],
)
def test_bad_project_is_400_and_adds_nothing(api_client, make_resume, body, field):
    resume = make_resume()

    response = _post(api_client(), f"/api/resumes/{resume.pk}/projects", body)

    assert response.status_code == 400
    assert any(key.endswith(field) or key == field for key in response.json()["details"])
    resume.refresh_from_db()
    assert resume.content.get("projects", []) == []


# --- Templates ------------------------------------------------------------------------------


def test_templates_list_in_order_with_category_filter(api_client, layouts):
    TemplateFactory(slug="retired", is_active=False)

    all_templates = api_client().get("/api/templates").json()
    creative = api_client().get("/api/templates?category=CREATIVE").json()

    assert [t["slug"] for t in all_templates["data"]] == [
        "modern-minimal",
        "classic",
        "compact",
        "creative",
    ]
    assert all_templates["meta"] == {"total": 4, "page": 1, "limit": 10, "totalPages": 1}
    assert all_templates["success"] is True
    assert [t["name"] for t in creative["data"]] == ["Creative"]
    assert "htmlTemplate" not in creative["data"][0]


def test_template_detail_has_markup_and_unknown_is_404(api_client, layouts):
    template = layouts["compact"]

    detail = api_client().get(f"/api/templates/{template.pk}")
    missing = api_client().get(f"/api/templates/{uuid.uuid4()}")
    malformed = api_client().get("/api/templates/nope")

    assert detail.json()["data"]["htmlTemplate"] == template.html_template
    assert detail.json()["data"]["cssStyles"] == template.css_styles
    assert missing.status_code == 404
    assert missing.json()["code"] == "TEMPLATE_NOT_FOUND"
    assert malformed.status_code == 404


def test_unknown_template_category_is_400(api_client, layouts):
    response = api_client().get("/api/templates?category=FUNKY")

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"


# --- Analysis -------------------------------------------------------------------------------


def test_analysis_lists_keywords_checks_and_suggestions(api_client, make_resume):
    resume = make_resume(target_job_description="Python developer. Python, Django and Kubernetes.")

    response = _post(api_client(), f"/api/resumes/{resume.pk}/analysis", {})

    data = response.json()["data"]
    assert response.status_code == 200
    assert data["keywordsFound"] == []
    assert data["keywordsMissing"] == ["python", "developer", "django", "kubernetes"]
    assert data["keywordMatchScore"] == 0
    assert {c["id"] for c in data["sectionChecks"]} >= {"contact.email", "skills", "education"}
    skills = next(c for c in data["sectionChecks"] if c["id"] == "skills")
    assert (skills["passed"], skills["earned"], skills["weight"]) == (False, 5.0, 10)
    assert "List at least 5 relevant skills." in data["suggestions"]
    assert data["atsScore"] == round(
        sum(c["earned"] for c in data["sectionChecks"] + data["formattingChecks"])
    )


def test_analysis_with_a_job_description_in_the_body(api_client, make_resume):
    resume = make_resume()

    data = _post(
        api_client(), f"/api/resumes/{resume.pk}/analysis", {"jobDescription": "Mathematics programmer"}
    ).json()["data"]

    assert data["keywordsFound"] == ["mathematics", "programmer"]
    assert data["keywordMatchScore"] == 100
    resume.refresh_from_db()
    assert resume.target_job_description == ""
