"""The recruiter's candidate pages: upload, list, detail, edit, tags, delete."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from parsing.models import Candidate, ParseStatus, Tag
from smartcv.models import CreditLedgerEntry

pytestmark = pytest.mark.django_db

CV = """{name}
{title}
{email} | +44 20 7946 0{n:03d} | London, UK

EXPERIENCE
{title}, Acme Ltd — London
Jan 2018 - Present
- Built services in {skills}.

EDUCATION
University of Leeds
BSc Computer Science, 2012 - 2015

SKILLS
{skills}
"""


def cv_file(
    n: int, name: str, title: str = "Backend Engineer", skills: str = "Python, Django, PostgreSQL"
):
    email = name.lower().replace(" ", ".") + "@example.com"
    text = CV.format(name=name, title=title, email=email, skills=skills, n=n)
    return SimpleUploadedFile(f"cv-{n}.txt", text.encode(), content_type="text/plain")


def post(client, url, data=None, **extra):
    """POST like the browser does: with the CSRF token of the session (CSRF is enforced)."""
    client.get("/candidates/")
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)


def make_candidate(owner, **fields) -> Candidate:
    defaults = {
        "parsing_status": ParseStatus.COMPLETED,
        "full_name": "Ada Lovelace",
        "email": "ada@example.com",
        "current_title": "Analyst",
        "skills": ["Python"],
        "original_filename": "ada.txt",
        "file_kind": "txt",
    }
    return Candidate.objects.create(owner=owner, **{**defaults, **fields})


def test_upload_of_three_cvs_parses_them_and_charges_three_credits(
    recruiter, recruiter_client, django_capture_on_commit_callbacks
):
    files = [cv_file(1, "Maria Gonzalez"), cv_file(2, "Tom Baker"), cv_file(3, "Li Wei")]

    with django_capture_on_commit_callbacks(execute=True):
        response = post(recruiter_client, "/candidates/upload/", {"files": files})

    assert response.status_code == 302
    assert response["Location"] == "/candidates/"
    rows = Candidate.objects.filter(owner=recruiter).order_by("full_name")
    assert [(c.full_name, c.parsing_status, c.source) for c in rows] == [
        ("Li Wei", "completed", "upload"),
        ("Maria Gonzalez", "completed", "upload"),
        ("Tom Baker", "completed", "upload"),
    ]
    assert sum(e.amount for e in CreditLedgerEntry.objects.filter(user=recruiter)) == 3
    page = recruiter_client.get("/candidates/")
    assert "3 CVs uploaded" in page.content.decode()


def test_upload_by_script_answers_pending_rows_that_poll_until_parsed(
    recruiter, recruiter_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            recruiter_client,
            "/candidates/upload/",
            {"files": [cv_file(1, "Maria Gonzalez")]},
            headers={"X-Requested-With": "XMLHttpRequest"},
        )

    assert response.status_code == 200
    candidate = Candidate.objects.get(owner=recruiter)
    html = response.content.decode()
    assert f'id="candidate-{candidate.id}"' in html
    assert f'hx-get="/candidates/{candidate.id}/row/" hx-trigger="every 2s"' in html
    row = recruiter_client.get(f"/candidates/{candidate.id}/row/").content.decode()
    assert 'data-status="completed"' in row and "Maria Gonzalez" in row and "hx-trigger" not in row


def test_upload_of_an_unsupported_file_creates_nothing(recruiter, recruiter_client):
    bad = SimpleUploadedFile(
        "x.exe", b"MZ\x90\x00\x03\x00\x00\x00" * 20, content_type="application/octet-stream"
    )

    response = post(recruiter_client, "/candidates/upload/", {"files": [bad]}, follow=True)

    assert response.status_code == 200
    assert "is not a supported type" in response.content.decode()
    assert Candidate.objects.count() == 0
    assert CreditLedgerEntry.objects.filter(user=recruiter).count() == 0


def test_upload_failure_by_script_answers_the_reason(recruiter, recruiter_client):
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")

    response = post(
        recruiter_client,
        "/candidates/upload/",
        {"files": [empty]},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.status_code == 400
    assert response.content.decode() == "File 'empty.txt' is empty"
    assert Candidate.objects.count() == 0


def test_list_searches_name_email_and_title(recruiter, recruiter_client):
    make_candidate(recruiter, full_name="Ada Lovelace", email="ada@example.com", current_title="Analyst")
    make_candidate(
        recruiter, full_name="Alan Turing", email="alan@bletchley.uk", current_title="Cryptographer"
    )

    by_title = recruiter_client.get("/candidates/", {"q": "crypto"}).content.decode()
    by_email = recruiter_client.get("/candidates/", {"q": "ada@"}).content.decode()

    assert "Alan Turing" in by_title and "Ada Lovelace" not in by_title
    assert "Ada Lovelace" in by_email and "Alan Turing" not in by_email


def test_list_filters_by_status_skill_and_tag(recruiter, recruiter_client):
    ada = make_candidate(recruiter, full_name="Ada Lovelace")
    make_candidate(recruiter, full_name="Failed One", parsing_status=ParseStatus.FAILED)
    from parsing.services import candidate_update

    candidate_update(candidate=ada, data={"skills": ["Python", "Rust"]})
    make_candidate(recruiter, full_name="Grace Hopper", skills=["COBOL"])
    tag = Tag.objects.create(owner=recruiter, name="shortlist")
    ada.tags.add(tag)

    failed = recruiter_client.get("/candidates/", {"status": "failed"}).content.decode()
    rust = recruiter_client.get("/candidates/", {"skills": "rust"}).content.decode()
    tagged = recruiter_client.get("/candidates/", {"tag": "shortlist"}).content.decode()

    assert "Failed One" in failed and "Ada Lovelace" not in failed
    assert "Ada Lovelace" in rust and "Grace Hopper" not in rust
    assert "Ada Lovelace" in tagged and "Grace Hopper" not in tagged


def test_list_ignores_an_unknown_status_instead_of_failing(recruiter, recruiter_client):
    make_candidate(recruiter, full_name="Ada Lovelace")

    response = recruiter_client.get("/candidates/", {"status": "bogus", "sort": "nope"})

    assert response.status_code == 200
    assert "Ada Lovelace" in response.content.decode()


def test_list_sorts_by_name(recruiter, recruiter_client):
    make_candidate(recruiter, full_name="Zed Zane")
    make_candidate(recruiter, full_name="Amy Abbott")

    html = recruiter_client.get("/candidates/", {"sort": "name"}).content.decode()

    assert html.index("Amy Abbott") < html.index("Zed Zane")


def test_list_paginates_25_per_page(recruiter, recruiter_client):
    for n in range(27):
        make_candidate(recruiter, full_name=f"Person {n:02d}")

    first = recruiter_client.get("/candidates/", {"sort": "name"}).content.decode()
    second = recruiter_client.get("/candidates/", {"sort": "name", "page": 2}).content.decode()

    assert "Person 24" in first and "Person 25" not in first
    assert "Person 25" in second and "Person 26" in second and "Person 00" not in second
    assert "Page 2 of 2" in second


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/candidates/").status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_candidates(recruiter, recruiter_client):
    tag = Tag.objects.create(owner=recruiter, name="shortlist")
    make_candidate(recruiter).tags.add(tag)
    few = _list_queries(recruiter_client)
    for n in range(20):
        make_candidate(recruiter, full_name=f"P{n}").tags.add(tag)

    assert _list_queries(recruiter_client) == few


def test_list_shows_only_my_candidates(recruiter, other_user, recruiter_client):
    make_candidate(other_user, full_name="Someone Else")

    assert "Someone Else" not in recruiter_client.get("/candidates/").content.decode()


def test_detail_shows_fields_text_preview_and_confidence(
    recruiter, recruiter_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(recruiter_client, "/candidates/upload/", {"files": [cv_file(1, "Maria Gonzalez")]})
    candidate = Candidate.objects.get(owner=recruiter)
    candidate.metadata = {**candidate.metadata, "field_confidence": {"email": 0.97}}
    candidate.save()

    html = recruiter_client.get(f"/candidates/{candidate.id}/").content.decode()

    assert "<title>Maria Gonzalez · SmartCV</title>" in html
    assert 'value="maria.gonzalez@example.com"' in html
    assert '<pre class="text-preview"' in html and "University of Leeds" in html
    assert '<span class="conf" title="Parser confidence">0.97</span>' in html


def test_foreign_candidate_detail_is_404(other_user, recruiter_client):
    foreign = make_candidate(other_user)

    assert recruiter_client.get(f"/candidates/{foreign.id}/").status_code == 404


def test_original_file_is_served_inline_to_its_owner_only(recruiter, other_user, recruiter_client):
    post(recruiter_client, "/candidates/upload/", {"files": [cv_file(1, "Maria Gonzalez")]})
    candidate = Candidate.objects.get(owner=recruiter)

    response = recruiter_client.get(f"/candidates/{candidate.id}/file/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == "inline"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"Maria Gonzalez" in response.content
    candidate.owner = other_user
    candidate.save()
    assert recruiter_client.get(f"/candidates/{candidate.id}/file/").status_code == 404


def test_edit_saves_the_allowed_fields_and_reindexes_skills(recruiter, recruiter_client):
    candidate = make_candidate(recruiter)

    response = post(
        recruiter_client,
        f"/candidates/{candidate.id}/edit/",
        {
            "full_name": "Ada King",
            "email": "ada@king.uk",
            "skills": "Go, Rust, go",
            "years_of_experience": "7",
        },
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.full_name, candidate.email, candidate.skills, candidate.years_of_experience) == (
        "Ada King",
        "ada@king.uk",
        ["Go", "Rust"],
        7.0,
    )
    assert sorted(candidate.skill_rows.values_list("skill", flat=True)) == ["go", "rust"]


def test_invalid_edit_changes_nothing(recruiter, recruiter_client):
    candidate = make_candidate(recruiter, full_name="Ada Lovelace")

    response = post(
        recruiter_client,
        f"/candidates/{candidate.id}/edit/",
        {"full_name": "Changed", "years_of_experience": "-3", "linkedin_url": "not a url at all"},
    )

    assert response.status_code == 400
    candidate.refresh_from_db()
    assert candidate.full_name == "Ada Lovelace"
    assert candidate.years_of_experience is None


def test_tags_are_created_assigned_and_removed(recruiter, recruiter_client):
    candidate = make_candidate(recruiter)

    post(recruiter_client, f"/candidates/{candidate.id}/tags/", {"name": " shortlist "})
    post(recruiter_client, f"/candidates/{candidate.id}/tags/", {"name": "shortlist"})
    tag = Tag.objects.get(owner=recruiter)
    assert (tag.name, list(candidate.tags.all())) == ("shortlist", [tag])

    post(recruiter_client, f"/candidates/{candidate.id}/tags/{tag.id}/remove/")
    assert list(candidate.tags.all()) == []
    assert Tag.objects.filter(owner=recruiter).count() == 1


def test_delete_asks_then_deletes(recruiter, recruiter_client):
    candidate = make_candidate(recruiter, full_name="Ada Lovelace")

    confirm = recruiter_client.get(f"/candidates/{candidate.id}/delete/")
    assert "Delete Ada Lovelace?" in confirm.content.decode()
    assert Candidate.objects.filter(id=candidate.id).exists()

    response = post(recruiter_client, f"/candidates/{candidate.id}/delete/")
    assert response.status_code == 302
    assert not Candidate.objects.filter(id=candidate.id).exists()


def test_pending_row_polls_and_finished_row_stops(recruiter, recruiter_client):
    pending = make_candidate(recruiter, parsing_status=ParseStatus.PENDING)
    failed = make_candidate(
        recruiter,
        parsing_status=ParseStatus.FAILED,
        parsing_errors=[{"code": "no_text", "message": "No text could be extracted"}],
    )

    pending_html = recruiter_client.get(f"/candidates/{pending.id}/row/").content.decode()
    failed_html = recruiter_client.get(f"/candidates/{failed.id}/row/").content.decode()

    assert 'hx-trigger="every 2s"' in pending_html
    assert "hx-trigger" not in failed_html
    assert "No text could be extracted" in failed_html


def test_pages_need_sign_in(anon_client):
    response = anon_client.get("/candidates/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


# --- PDFs of a candidate ------------------------------------------------------------------------

DOCUMENT = {
    "personal": {
        "name": "Grace Hopper",
        "title": "Backend Engineer",
        "email": "grace.hopper@example.com",
        "phone": "+44 20 7946 0001",
        "location": "London, UK",
    },
    "summary": "Backend engineer building services in Python and Django.",
    "work": [
        {
            "company": "Acme Ltd",
            "position": "Backend Engineer",
            "start_date": "2018-01",
            "end_date": "present",
            "is_current": True,
            "highlights": ["Built services in Python."],
        }
    ],
    "skills": [{"name": "Python"}, {"name": "Django"}],
}


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _credits(user) -> int:
    return sum(e.amount for e in CreditLedgerEntry.objects.filter(user=user))


def test_detail_offers_both_pdf_downloads_once_parsed(recruiter, recruiter_client):
    parsed = make_candidate(recruiter, full_name="Grace Hopper", document=DOCUMENT)
    body = recruiter_client.get(f"/candidates/{parsed.id}/").content.decode()
    assert "Download standard PDF" in body and "Download anonymised PDF" in body
    pending = make_candidate(recruiter, parsing_status=ParseStatus.PENDING)
    body = recruiter_client.get(f"/candidates/{pending.id}/").content.decode()
    assert "Download anonymised PDF" not in body and "Available once the CV is parsed." in body


def test_standard_pdf_is_an_attachment_with_the_name_and_costs_one_credit(recruiter, recruiter_client):
    candidate = make_candidate(recruiter, full_name="Grace Hopper", document=DOCUMENT)
    response = post(recruiter_client, f"/candidates/{candidate.id}/pdf/standard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Grace_Hopper_Resume.pdf"'
    text = pdf_text(response.content)
    assert "Grace Hopper" in text and "grace.hopper@example.com" in text
    assert _credits(recruiter) == 1


def test_anonymised_pdf_hides_name_and_contacts_even_with_privacy_flags_off(recruiter, recruiter_client):
    from rendering.services import settings_get

    assert not settings_get(owner=recruiter).privacy  # nothing hidden by the saved settings
    candidate = make_candidate(recruiter, full_name="Grace Hopper", document=DOCUMENT)
    response = post(recruiter_client, f"/candidates/{candidate.id}/pdf/anonymised/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="Candidate_')
    text = pdf_text(response.content)
    for secret in ("Grace", "Hopper", "grace.hopper@example.com", "7946"):
        assert secret not in text
    assert "Backend Engineer" in text and "Acme Ltd" in text
    assert _credits(recruiter) == 1


def test_pdf_of_an_unparsed_candidate_says_why_and_charges_nothing(recruiter, recruiter_client):
    candidate = make_candidate(recruiter, parsing_status=ParseStatus.PENDING, document={})
    response = post(recruiter_client, f"/candidates/{candidate.id}/pdf/anonymised/")
    assert response.status_code == 302 and response["Location"] == f"/candidates/{candidate.id}/"
    page = recruiter_client.get(response["Location"]).content.decode()
    assert "This resume has not been parsed yet" in page
    assert _credits(recruiter) == 0


def test_pdf_of_a_foreign_candidate_or_unknown_variant_is_404(recruiter, other_user, recruiter_client):
    foreign = make_candidate(other_user, document=DOCUMENT)
    assert post(recruiter_client, f"/candidates/{foreign.id}/pdf/standard/").status_code == 404
    mine = make_candidate(recruiter, document=DOCUMENT)
    assert post(recruiter_client, f"/candidates/{mine.id}/pdf/docx/").status_code == 404
    assert recruiter_client.get(f"/candidates/{mine.id}/pdf/standard/").status_code == 405
    assert _credits(recruiter) == 0 and _credits(other_user) == 0
