"""GET/POST /api/resumes and GET/PUT/DELETE /api/resumes/<id> (smartcv dialect)."""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resumes.document import MAX_DOCUMENT_BYTES
from resumes.models import Resume, ShareLink
from resumes.services import share_link_create
from resumes.tests.factories import TemplateFactory

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def _put(client, url, body):
    return client.put(url, data=json.dumps(body), content_type="application/json")


def test_create_resume_with_the_spec_example_answers_201_with_content_and_template(
    api_client, recruiter, layouts, spec_content
):
    template = layouts["modern-minimal"]
    response = _post(
        api_client(),
        "/api/resumes",
        {
            "title": "Software Engineer Resume",
            "templateId": str(template.pk),
            "contentJson": spec_content,
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["success"] is True
    data = body["data"]
    assert data["title"] == "Software Engineer Resume"
    assert data["status"] == "DRAFT"
    assert data["templateId"] == str(template.pk)
    assert data["template"]["id"] == str(template.pk)
    assert data["template"]["name"] == "Modern Minimal"
    assert data["template"]["category"] == "MODERN"
    content = data["contentJson"]
    assert content["personalInfo"]["name"] == "Zhang San"
    assert content["personalInfo"]["address"] == "Chaoyang District, Beijing"
    assert content["personalInfo"]["summary"] == "5 years of software development experience..."
    assert content["workExperience"][0]["company"] == "ABC Technology Company"
    assert content["workExperience"][0]["endDate"] == "2024-12"
    assert content["education"][0]["school"] == "Peking University"
    assert content["skills"] == ["JavaScript", "React", "Node.js", "Python"]
    assert content["projects"][0]["name"] == "E-commerce Platform"
    assert content["projects"][0]["id"]  # a stable id is given to every project
    assert isinstance(data["atsScore"], int)
    resume = Resume.objects.get(pk=data["id"])
    assert resume.owner == recruiter
    assert resume.content["personal"]["name"] == "Zhang San"


def test_create_without_template_uses_the_default_template(api_client, layouts):
    response = _post(api_client(), "/api/resumes", {"title": "Plain"})

    assert response.status_code == 201
    assert response.json()["data"]["template"]["name"] == "Modern Minimal"


def test_list_is_newest_first_with_template_and_share_info(api_client, recruiter, make_resume, layouts):
    older = make_resume(title="Older", template=layouts["classic"])
    newer = make_resume(title="Newer")
    share_link_create(resume=older, password="s3cret!")

    response = api_client().get("/api/resumes")

    assert response.status_code == 200
    body = response.json()
    assert [item["title"] for item in body["data"]] == ["Newer", "Older"]
    assert body["meta"] == {"total": 2, "page": 1, "limit": 10, "totalPages": 1}
    first, second = body["data"]
    assert first["id"] == str(newer.pk)
    assert first["shareInfo"] is None
    assert second["template"] == {
        "id": str(layouts["classic"].pk),
        "name": "Classic",
        "category": "CLASSIC",
    }
    assert second["shareInfo"] == {
        "isEnabled": True,
        "viewCount": 0,
        "hasPassword": True,
        "lastViewedAt": None,
    }
    assert "contentJson" not in first


def test_list_filters_by_status_and_paginates(api_client, make_resume):
    for n in range(3):
        make_resume(title=f"Draft {n}")
    make_resume(title="Archived", status=Resume.Status.ARCHIVED)

    response = api_client().get("/api/resumes?status=DRAFT&page=2&limit=2")

    body = response.json()
    assert [item["title"] for item in body["data"]] == ["Draft 0"]
    assert body["meta"] == {"total": 3, "page": 2, "limit": 2, "totalPages": 2}


def test_list_with_unknown_status_is_a_400(api_client):
    response = api_client().get("/api/resumes?status=LOST")

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_list_makes_a_constant_number_of_queries(api_client, make_resume, layouts):
    client = api_client()
    make_resume(template=layouts["classic"])
    client.get("/api/resumes")  # first call of the key: plan and usage period rows are created
    with CaptureQueriesContext(connection) as one:
        client.get("/api/resumes")
    for _ in range(8):
        resume = make_resume(template=layouts["compact"])
        share_link_create(resume=resume)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/resumes")

    assert len(response.json()["data"]) == 9
    assert len(many) == len(one)


def test_list_shows_only_own_live_resumes(api_client, make_resume, other_user):
    mine = make_resume(title="Mine")
    make_resume(owner=other_user, title="Theirs")
    gone = make_resume(title="Gone")
    api_client().delete(f"/api/resumes/{gone.pk}")

    response = api_client().get("/api/resumes")

    assert [item["id"] for item in response.json()["data"]] == [str(mine.pk)]


def test_get_detail_includes_template_markup_visibility_and_scores(api_client, make_resume, layouts):
    resume = make_resume(template=layouts["classic"], sections_visibility={"education": False})

    response = api_client().get(f"/api/resumes/{resume.pk}")

    data = response.json()["data"]
    assert response.status_code == 200
    assert data["template"]["htmlTemplate"] == layouts["classic"].html_template
    assert data["template"]["cssStyles"] == layouts["classic"].css_styles
    assert data["sectionsVisibility"]["education"] is False
    assert data["sectionsVisibility"]["workExperience"] is True
    assert data["contentJson"]["personalInfo"]["name"] == "Ada Lovelace"
    assert data["targetJobDescription"] == ""
    assert set(data) >= {"atsScore", "keywordMatchScore", "createdAt", "updatedAt"}


def test_foreign_resume_is_403_not_owned_for_every_method(api_client, make_resume, other_user):
    theirs = make_resume(owner=other_user, title="Theirs")
    client = api_client()

    for response in (
        client.get(f"/api/resumes/{theirs.pk}"),
        _put(client, f"/api/resumes/{theirs.pk}", {"title": "Hijacked"}),
        client.delete(f"/api/resumes/{theirs.pk}"),
        client.get(f"/api/resumes/{theirs.pk}/projects"),
        _post(client, f"/api/resumes/{theirs.pk}/share", {}),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "RESUME_NOT_OWNED"
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"
    assert theirs.deleted_at is None
    assert not ShareLink.objects.filter(resume=theirs).exists()


def test_missing_and_malformed_ids_are_404_resume_not_found(api_client):
    client = api_client()
    missing = uuid.uuid4()

    response = client.get(f"/api/resumes/{missing}")
    malformed = client.get("/api/resumes/resume_123")

    assert response.status_code == 404
    assert response.json() == {
        "success": False,
        "error": "Resume does not exist or has been deleted",
        "code": "RESUME_NOT_FOUND",
        "details": {"resumeId": str(missing)},
    }
    assert malformed.status_code == 404
    assert malformed.json()["code"] == "RESUME_NOT_FOUND"


def test_delete_is_soft_and_the_resume_is_gone_afterwards(api_client, make_resume):
    resume = make_resume()
    client = api_client()

    response = client.delete(f"/api/resumes/{resume.pk}")

    assert response.status_code == 200
    assert response.json() == {"success": True, "message": "Resume deleted successfully"}
    resume.refresh_from_db()
    assert resume.deleted_at is not None
    assert client.get(f"/api/resumes/{resume.pk}").json()["code"] == "RESUME_NOT_FOUND"
    assert client.delete(f"/api/resumes/{resume.pk}").status_code == 404
    assert _put(client, f"/api/resumes/{resume.pk}", {"title": "x"}).status_code == 404


def test_put_is_partial(api_client, make_resume, layouts):
    resume = make_resume(title="Before", template=layouts["classic"])

    response = _put(
        api_client(),
        f"/api/resumes/{resume.pk}",
        {"status": "PUBLISHED", "sectionsVisibility": {"skills": False}},
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["title"] == "Before"
    assert data["status"] == "PUBLISHED"
    assert data["template"]["name"] == "Classic"
    assert data["sectionsVisibility"]["skills"] is False
    assert data["contentJson"]["personalInfo"]["name"] == "Ada Lovelace"


def test_put_with_everything_from_the_spec_example(api_client, make_resume, layouts, spec_content):
    resume = make_resume()
    body = {
        "title": "New Resume Title",
        "templateId": str(layouts["compact"].pk),
        "contentJson": spec_content,
        "sectionsVisibility": {
            "personalInfo": True,
            "workExperience": True,
            "education": False,
            "skills": True,
            "projects": True,
        },
        "status": "PUBLISHED",
    }

    data = _put(api_client(), f"/api/resumes/{resume.pk}", body).json()["data"]

    assert data["title"] == "New Resume Title"
    assert data["template"]["name"] == "Compact"
    assert data["contentJson"]["personalInfo"]["name"] == "Zhang San"
    assert data["sectionsVisibility"]["education"] is False
    assert data["status"] == "PUBLISHED"


def test_archiving_a_resume(api_client, make_resume):
    resume = make_resume()

    _put(api_client(), f"/api/resumes/{resume.pk}", {"status": "ARCHIVED"})

    resume.refresh_from_db()
    assert resume.status == "ARCHIVED"


def test_unknown_status_is_400_and_changes_nothing(api_client, make_resume):
    resume = make_resume(title="Same")

    response = _put(api_client(), f"/api/resumes/{resume.pk}", {"status": "DELETED", "title": "Changed"})

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert "status" in response.json()["details"]
    resume.refresh_from_db()
    assert (resume.status, resume.title) == ("DRAFT", "Same")


@pytest.mark.parametrize("template_id", ["5f0c7a52-1c1e-4c55-9d0e-2f6f1b6b0c11", "template_456", None])
def test_unknown_or_inactive_template_is_400_invalid_template(api_client, make_resume, template_id):
    resume = make_resume(title="Same")
    if template_id is None:
        template_id = str(TemplateFactory(is_active=False).pk)

    create = _post(api_client(), "/api/resumes", {"title": "New", "templateId": template_id})
    update = _put(
        api_client(), f"/api/resumes/{resume.pk}", {"title": "Changed", "templateId": template_id}
    )

    for response in (create, update):
        assert response.status_code == 400
        assert response.json()["code"] == "INVALID_TEMPLATE"
        assert response.json()["details"] == {"templateId": template_id}
    assert Resume.objects.count() == 1
    resume.refresh_from_db()
    assert resume.title == "Same"


@pytest.mark.parametrize("raw", ['{"title": ', '{"title": NaN}', "\xff\xfe", "[1, 2"])
def test_malformed_json_is_400(api_client, raw):
    response = api_client().post("/api/resumes", data=raw, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert Resume.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": 12}, "title"),
        ({"title": None}, "title"),
        ({"targetJobDescription": ["x"]}, "targetJobDescription"),
        ({"contentJson": {"personalInfo": {"name": 5}}}, "contentJson.personalInfo.name"),
        ({"contentJson": {"workExperience": {"company": "x"}}}, "contentJson.workExperience"),
        (
            {"contentJson": {"workExperience": [{"startDate": "Jan 2020"}]}},
            "contentJson.workExperience.0.startDate",
        ),
        ({"contentJson": {"personalInfo": {"email": "not-an-email"}}}, "contentJson.personalInfo.email"),
        ({"contentJson": {"skills": [["nested"]]}}, "contentJson.skills.0"),
        ({"contentJson": "a string"}, "contentJson"),
        ({"sectionsVisibility": {"hobbies": True}}, "sectionsVisibility.hobbies"),
        ({"sectionsVisibility": {"skills": "no"}}, "sectionsVisibility.skills"),
    ],
)
def test_wrong_types_are_400_with_field_details_and_create_nothing(api_client, body, field):
    response = _post(api_client(), "/api/resumes", body)

    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == "VALIDATION_ERROR"
    assert field in payload["details"]
    assert Resume.objects.count() == 0


def test_a_body_that_is_not_an_object_is_400(api_client):
    response = _post(api_client(), "/api/resumes", ["title"])

    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"


def test_content_over_the_document_limit_is_413_content_too_large(api_client, make_resume):
    resume = make_resume(title="Same")
    before = dict(resume.content)
    # Under the request cap, over the document limit: many long custom-section items.
    items = [{"title": "x", "description": "y" * 19_000} for _ in range(16)]
    content = {"customSections": [{"title": "Long", "items": items}]}
    assert len(json.dumps(content)) > MAX_DOCUMENT_BYTES

    response = _put(api_client(), f"/api/resumes/{resume.pk}", {"contentJson": content})

    assert response.status_code == 413
    assert response.json()["code"] == "CONTENT_TOO_LARGE"
    resume.refresh_from_db()
    assert resume.title == "Same"
    assert resume.content == before


def test_ten_megabytes_of_content_is_413_content_too_large(api_client):
    body = json.dumps({"title": "Huge", "contentJson": {"summary": "x" * (10 * 1024 * 1024)}})

    response = api_client().post("/api/resumes", data=body, content_type="application/json")

    assert response.status_code == 413
    assert response.json()["code"] == "CONTENT_TOO_LARGE"
    assert Resume.objects.count() == 0


def test_html_in_fields_is_stored_as_text(api_client):
    payload = "<script>alert(1)</script>"
    response = _post(
        api_client(),
        "/api/resumes",
        {"title": payload, "contentJson": {"personalInfo": {"name": payload}}},
    )

    data = response.json()["data"]
    assert data["title"] == payload
    assert data["contentJson"]["personalInfo"]["name"] == payload


def test_changing_content_or_job_description_recomputes_scores(api_client, make_resume):
    resume = make_resume()
    client = api_client()
    before = client.get(f"/api/resumes/{resume.pk}").json()["data"]

    with_jd = _put(
        client,
        f"/api/resumes/{resume.pk}",
        {"targetJobDescription": "Mathematics programmer, mathematics"},
    ).json()["data"]
    richer = _put(
        client,
        f"/api/resumes/{resume.pk}",
        {
            "contentJson": {
                "personalInfo": {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 1"},
                "skills": ["Mathematics", "Analysis", "Poetry", "Translation", "Algorithms"],
            }
        },
    ).json()["data"]

    assert before["keywordMatchScore"] is None
    assert with_jd["keywordMatchScore"] == 100
    assert with_jd["targetJobDescription"] == "Mathematics programmer, mathematics"
    assert richer["keywordMatchScore"] == 50  # "programmer" is gone with the work experience
    assert richer["atsScore"] != with_jd["atsScore"]


def test_unauthenticated_request_is_401(anon_client):
    response = anon_client.get("/api/resumes")

    assert response.status_code == 401
    assert response.json()["success"] is False


def test_session_clients_need_csrf_for_writes(recruiter_client):
    response = recruiter_client.post("/api/resumes", data="{}", content_type="application/json")

    assert response.status_code == 403
    assert Resume.objects.count() == 0
