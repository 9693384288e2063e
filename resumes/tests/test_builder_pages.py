"""The resume builder pages: create, edit every section, reorder, preview, export, share,
publish, import, delete — as a signed-in user with the Django test client."""

import io

import pytest

from resumes.models import PublishedProfile, Resume, ShareLink
from resumes.tests.factories import ResumeFactory

pytestmark = pytest.mark.django_db


def _editor_post(resume, **overrides):
    data = {
        "meta-title": "Backend CV",
        "meta-template": "",
        "meta-status": "DRAFT",
        "meta-target_job_description": "",
        **{
            f"meta-show_{s}": "on"
            for s in ("personalInfo", "summary", "workExperience", "education", "skills", "projects")
        },
        "personal-name": "Ana Lima",
        "personal-title": "Backend Engineer",
        "personal-email": "ana@example.com",
        "personal-phone": "+55 11 91234 5678",
        "personal-location": "São Paulo",
        "personal-website": "",
        "personal-linkedin": "",
        "personal-github": "",
        "personal-summary": "Builds APIs.",
        "personal-skills": "Python, Django\nPostgreSQL",
        "personal-languages": "Portuguese (Native)\nEnglish (C1)",
        "personal-extracurricular": "Mentor at PyLadies",
        "work-TOTAL_FORMS": "2",
        "work-INITIAL_FORMS": "0",
        "work-MIN_NUM_FORMS": "0",
        "work-MAX_NUM_FORMS": "100",
        "work-0-position": "Engineer",
        "work-0-company": "Old Co",
        "work-0-start_date": "2015-01",
        "work-0-end_date": "2019-12",
        "work-0-ORDER": "2",
        "work-1-position": "Senior Engineer",
        "work-1-company": "New Co",
        "work-1-start_date": "2020-01",
        "work-1-end_date": "present",
        "work-1-highlights": "Cut latency 40%\nLed 3 people",
        "work-1-ORDER": "1",
        "edu-TOTAL_FORMS": "1",
        "edu-INITIAL_FORMS": "0",
        "edu-MIN_NUM_FORMS": "0",
        "edu-MAX_NUM_FORMS": "50",
        "edu-0-institution": "USP",
        "edu-0-degree": "BSc",
        "edu-0-field": "Computer Science",
        "edu-0-end_date": "2014",
        "proj-TOTAL_FORMS": "1",
        "proj-INITIAL_FORMS": "0",
        "proj-MIN_NUM_FORMS": "0",
        "proj-MAX_NUM_FORMS": "100",
    }
    data.update(overrides)
    return data


@pytest.fixture
def owner_client(client, recruiter, layouts):
    client.force_login(recruiter)
    return client


def test_create_then_edit_every_section_in_order(owner_client, recruiter):
    response = owner_client.post("/resumes/", {"action": "create", "title": "Backend CV"})
    resume = Resume.objects.get(owner=recruiter)
    assert response["Location"] == f"/resumes/{resume.pk}/"
    saved = owner_client.post(f"/resumes/{resume.pk}/", _editor_post(resume))
    assert saved.status_code == 302
    doc = Resume.objects.get(pk=resume.pk).document
    assert doc.personal.name == "Ana Lima"
    assert [w.company for w in doc.work] == ["New Co", "Old Co"]  # reordered by ORDER
    assert doc.work[0].is_current and doc.work[0].highlights == ["Cut latency 40%", "Led 3 people"]
    assert doc.skill_names == ["Python", "Django", "PostgreSQL"]
    assert [(lang.name, lang.level) for lang in doc.languages] == [
        ("Portuguese", "Native"),
        ("English", "C1"),
    ]
    assert doc.education[0].institution == "USP" and doc.projects == []
    page = owner_client.get(f"/resumes/{resume.pk}/").content.decode()
    assert "Ana Lima" in page and "New Co" in page


def test_bad_dates_are_shown_and_nothing_changes(owner_client, recruiter):
    owner_client.post("/resumes/", {"action": "create", "title": "CV"})
    resume = Resume.objects.get(owner=recruiter)
    page = owner_client.post(
        f"/resumes/{resume.pk}/", _editor_post(resume, **{"work-0-start_date": "Jan 2015"})
    )
    assert page.status_code == 200
    assert "must be a date" in page.content.decode()
    assert Resume.objects.get(pk=resume.pk).document.personal.name == ""


def test_deleting_an_entry_and_hiding_a_section(owner_client, recruiter):
    owner_client.post("/resumes/", {"action": "create", "title": "CV"})
    resume = Resume.objects.get(owner=recruiter)
    data = _editor_post(resume, **{"work-0-DELETE": "on"})
    del data["meta-show_education"]
    owner_client.post(f"/resumes/{resume.pk}/", data)
    resume.refresh_from_db()
    assert [w.company for w in resume.document.work] == ["New Co"]
    assert resume.sections_visibility["education"] is False
    preview = owner_client.get(f"/resumes/{resume.pk}/preview/").content.decode()
    assert "New Co" in preview and "USP" not in preview


def test_export_redirects_to_the_file(owner_client, recruiter):
    owner_client.post("/resumes/", {"action": "create", "title": "CV"})
    resume = Resume.objects.get(owner=recruiter)
    owner_client.post(f"/resumes/{resume.pk}/", _editor_post(resume))
    response = owner_client.post(
        f"/resumes/{resume.pk}/export/", {"format": "pdf", "page_size": "Letter"}
    )
    assert response.status_code == 302
    path = "/" + response["Location"].split("://", 1)[1].split("/", 1)[1]
    download = owner_client.get(path)
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


def test_share_then_update_and_publish(owner_client, recruiter):
    owner_client.post("/resumes/", {"action": "create", "title": "CV"})
    resume = Resume.objects.get(owner=recruiter)
    owner_client.post(
        f"/resumes/{resume.pk}/share/",
        {"is_enabled": "on", "password": "open sesame 1", "allow_comments": "on"},
    )
    link = ShareLink.objects.get(resume=resume)
    assert link.password_hash and link.allow_comments and not link.allow_download
    owner_client.post(
        f"/resumes/{resume.pk}/share/",
        {"is_enabled": "on", "remove_password": "on", "allow_download": "on"},
    )
    link.refresh_from_db()
    assert not link.password_hash and link.allow_download and not link.allow_comments
    owner_client.post(f"/resumes/{resume.pk}/publish/", {"action": "publish"})
    assert PublishedProfile.objects.get(user=recruiter).is_live
    owner_client.post(f"/resumes/{resume.pk}/publish/", {"action": "unpublish"})
    assert not PublishedProfile.objects.get(user=recruiter).is_live


def test_import_a_cv(owner_client, recruiter):
    cv = io.BytesIO(b"Maria Lopez\nData Analyst\nmaria@example.com\n\nSKILLS\nSQL, Python, Tableau\n")
    cv.name = "maria.txt"
    response = owner_client.post("/resumes/import/", {"file": cv})
    resume = Resume.objects.get(owner=recruiter)
    assert response["Location"] == f"/resumes/{resume.pk}/"
    assert resume.document.personal.email == "maria@example.com"


def test_someone_elses_resume_is_404_and_delete_is_soft(owner_client, recruiter, other_user, client):
    from resumes.services import resume_create

    theirs = resume_create(owner=other_user, title="Theirs")
    for url in (f"/resumes/{theirs.pk}/", f"/resumes/{theirs.pk}/preview/"):
        assert owner_client.get(url).status_code == 404
    assert owner_client.post(f"/resumes/{theirs.pk}/delete/").status_code == 404
    mine = resume_create(owner=recruiter, title="Mine")
    owner_client.post(f"/resumes/{mine.pk}/delete/")
    assert Resume.objects.get(pk=mine.pk).deleted_at is not None
    page = owner_client.get("/resumes/").content.decode()
    assert f"/resumes/{mine.pk}/" not in page  # gone from the list (the flash message names it)


def test_list_needs_sign_in(client):
    assert client.get("/resumes/")["Location"].startswith("/login/")


def test_preview_draws_the_sheet_at_its_real_size_scaled_to_the_frame(owner_client, recruiter):
    resume = ResumeFactory(owner=recruiter)

    response = owner_client.get(f"/resumes/{resume.pk}/preview/")

    html = response.content.decode()
    assert response.status_code == 200
    assert ".page { width: 210mm; max-width: none; min-height: 297mm;" in html
    assert "zoom: calc(100cqw / 210mm)" in html
    assert '<base target="_blank">' in html
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "style-src 'sha256-" in response["Content-Security-Policy"]
    assert "<script" not in html


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_resume_list_query_count_does_not_grow_with_resumes(owner_client, recruiter):
    ResumeFactory(owner=recruiter)
    few = _queries(owner_client, "/resumes/")
    for _ in range(15):
        ResumeFactory(owner=recruiter)

    assert _queries(owner_client, "/resumes/") == few
