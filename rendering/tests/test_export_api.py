"""POST /api/resumes/<id>/export, end to end: request → stored file → signed download."""

from __future__ import annotations

import base64
import io
import json
import math
import re
import time
import uuid
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit

import docx
import pytest
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image
from pypdf import PdfReader

from rendering.models import ResumeExport
from rendering.services import exports_purge_expired, photo_data_uri
from rendering.tests.conftest import load
from resumes.document import validate_document
from resumes.models import Template
from resumes.services import resume_create, resume_delete

pytestmark = pytest.mark.django_db


@pytest.fixture
def resume(recruiter):
    return resume_create(
        owner=recruiter,
        title="Senior Software Engineer",
        document=validate_document(load("full_resume.json")),
        template=Template.objects.get(slug="classic"),
    )


def export(client, resume_id, body, *, raw: str | None = None):
    return client.post(
        f"/api/resumes/{resume_id}/export",
        data=raw if raw is not None else json.dumps(body),
        content_type="application/json",
    )


def download(url: str) -> tuple[bytes, object]:
    response = Client().get(urlsplit(url).path)  # anonymous: the signed URL is the capability
    assert response.status_code == 200
    return b"".join(response.streaming_content), response


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_pdf_export_returns_a_signed_24h_url_to_the_file(api_client, resume):
    before = time.time()
    response = export(api_client(), resume.id, {"format": "pdf", "options": {"pageSize": "A4"}})
    assert response.status_code == 200
    body = response.json()
    data = body["data"]
    assert body["success"] is True
    assert set(data) == {"downloadUrl", "filename", "format", "fileSize", "expiresAt"}
    assert data["filename"] == "Amelie_Dubois_Laurent_Senior_Software_Engineer_Resume.pdf"
    assert data["format"] == "pdf"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["expiresAt"])  # as the spec writes it
    expires = datetime.fromisoformat(data["expiresAt"].replace("Z", "+00:00")).timestamp()
    assert before + 24 * 3600 - 2 <= expires <= time.time() + 24 * 3600 + 2

    content, download_response = download(data["downloadUrl"])
    assert len(content) == data["fileSize"]
    assert download_response["Content-Type"] == "application/pdf"
    assert download_response["Content-Disposition"] == f'attachment; filename="{data["filename"]}"'
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Amélie Dubois-Laurent" in text

    record = ResumeExport.objects.get()
    assert (record.resume_id, record.format, record.template_slug) == (resume.id, "pdf", "classic")
    assert record.file_size == data["fileSize"]
    assert default_storage.exists(record.file)


def test_export_is_a_bulk_request_for_rate_limits(api_client, resume, recruiter):
    response = export(api_client(), resume.id, {"format": "txt"})
    base = recruiter.plan.requests_per_minute
    assert response["X-RateLimit-Limit"] == str(max(1, math.ceil(base / 3)))


def test_docx_export_is_an_editable_word_file(api_client, resume):
    data = export(api_client(), resume.id, {"format": "docx"}).json()["data"]
    content, response = download(data["downloadUrl"])
    document = docx.Document(io.BytesIO(content))
    assert data["filename"].endswith("_Resume.docx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert document.paragraphs[0].style.name == "Title"
    assert {p.style.name for p in document.paragraphs} >= {"Heading 1", "Heading 2", "List Bullet"}
    assert document.styles["Normal"].font.name == "Times New Roman"  # the classic layout's face


def test_html_export_is_a_standalone_page(api_client, resume):
    data = export(
        api_client(), resume.id, {"format": "html", "options": {"colorScheme": "blue"}}
    ).json()["data"]
    content, response = download(data["downloadUrl"])
    html = content.decode()
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html.startswith("<!DOCTYPE html>")
    assert '<h1 class="name">Amélie Dubois-Laurent</h1>' in html
    assert ".c-accent { color: #1f5fa8; }" in html


def test_txt_export_is_readable_text(api_client, resume):
    data = export(api_client(), resume.id, {"format": "txt"}).json()["data"]
    text = download(data["downloadUrl"])[0].decode()
    assert text.startswith("AMÉLIE DUBOIS-LAURENT\nSenior Software Engineer\n")
    assert "\nEDUCATION\n=========\n" in text


def test_json_export_is_json_resume_without_hidden_sections(api_client, resume):
    resume.sections_visibility = {"skills": False, "projects": False}
    resume.save()
    data = export(api_client(), resume.id, {"format": "json"}).json()["data"]
    content, response = download(data["downloadUrl"])
    document = json.loads(content)
    assert response["Content-Type"] == "application/json"
    assert document["basics"]["name"] == "Amélie Dubois-Laurent"
    assert document["work"][0]["name"] == "Société Générale"
    assert "skills" not in document or document["skills"] == []
    assert "projects" not in document or document["projects"] == []


def test_hidden_sections_are_left_out_of_the_pdf(api_client, resume):
    resume.sections_visibility = {"workExperience": False, "personalInfo": False}
    resume.save()
    data = export(api_client(), resume.id, {"format": "pdf"}).json()["data"]
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download(data["downloadUrl"])[0])).pages
    )
    assert "Société Générale" not in text
    assert "Dubois" not in text and "Dubois" not in data["filename"]
    assert data["filename"] == "Senior_Software_Engineer_Resume.pdf"
    assert "INSA Lyon" in text


def test_letter_size_and_chinese_name(api_client, recruiter):
    resume = resume_create(
        owner=recruiter, title="软件工程师", document=validate_document(load("chinese_resume.json"))
    )
    data = export(api_client(), resume.id, {"format": "pdf", "options": {"pageSize": "letter"}}).json()[
        "data"
    ]
    content, response = download(data["downloadUrl"])
    page = PdfReader(io.BytesIO(content)).pages[0]
    assert data["filename"] == "张三_Zhang_San_软件工程师_Resume.pdf"
    assert response["Content-Disposition"] == (f"attachment; filename*=utf-8''{quote(data['filename'])}")
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert "张三 Zhang San" in page.extract_text()


def test_session_clients_export_with_csrf(recruiter, resume):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(recruiter)
    refused = export(browser, resume.id, {"format": "txt"})
    assert refused.status_code == 403
    browser.get("/api/docs/")  # any page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value if "csrftoken" in browser.cookies else None
    if token is None:
        pytest.skip("no page here sets a CSRF cookie")
    response = browser.post(
        f"/api/resumes/{resume.id}/export",
        data=json.dumps({"format": "txt"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200


# --- errors: nothing stored, nothing recorded ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"format": "pptx"}, "format"),
        ({"format": "pdf", "options": {"pageSize": "A3"}}, "options.pageSize"),
        ({"format": "pdf", "options": {"margin": "huge"}}, "options.margin"),
        ({"format": "pdf", "options": {"colorScheme": "neon"}}, "options.colorScheme"),
        ({"format": "pdf", "options": {"includePhoto": "maybe"}}, "options.includePhoto"),
        ({"format": "pdf", "options": {"fontSize": 12}}, "options.fontSize"),
        ({"format": "pdf", "options": "A4"}, "options"),
    ],
)
def test_bad_format_or_option_is_a_validation_error(api_client, resume, _media_in_tmp, body, field):
    response = export(api_client(), resume.id, body)
    assert response.status_code == 400
    error = response.json()
    assert error["success"] is False
    assert error["code"] == "VALIDATION_ERROR"
    assert list(error["details"]) == [field]
    assert ResumeExport.objects.count() == 0
    assert stored_files(_media_in_tmp) == []


def test_malformed_json_is_a_validation_error(api_client, resume):
    response = export(api_client(), resume.id, None, raw='{"format": "pdf",')
    assert response.status_code == 400
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert ResumeExport.objects.count() == 0


def test_someone_elses_resume_is_not_owned(api_client, other_user, _media_in_tmp):
    theirs = resume_create(owner=other_user, title="Theirs")
    response = export(api_client(), theirs.id, {"format": "pdf"})
    assert response.status_code == 403
    assert response.json()["code"] == "RESUME_NOT_OWNED"
    assert ResumeExport.objects.count() == 0
    assert stored_files(_media_in_tmp) == []


def test_deleted_or_unknown_resume_is_not_found(api_client, resume):
    unknown = export(api_client(), uuid.uuid4(), {"format": "pdf"})
    resume_delete(resume=resume)
    deleted = export(api_client(), resume.id, {"format": "pdf"})
    for response in (unknown, deleted):
        assert response.status_code == 404
        assert response.json()["code"] == "RESUME_NOT_FOUND"
    assert ResumeExport.objects.count() == 0


def test_anonymous_export_is_refused(anon_client, resume):
    response = export(anon_client, resume.id, {"format": "pdf"})
    assert response.status_code == 401
    assert ResumeExport.objects.count() == 0


def test_a_broken_layout_is_export_failed(api_client, resume, _media_in_tmp):
    resume.template = Template.objects.create(slug="broken", name="Broken", html_template="{% if %}")
    resume.save()
    response = export(api_client(), resume.id, {"format": "pdf"})
    assert response.status_code == 500
    assert response.json()["code"] == "EXPORT_FAILED"
    assert ResumeExport.objects.count() == 0
    assert stored_files(_media_in_tmp) == []


# --- photo -------------------------------------------------------------------------------------


def tiny_png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#336699").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_photo_sources_that_are_not_png_or_jpeg_or_public_are_dropped():
    uri = photo_data_uri(tiny_png())
    assert uri.startswith("data:image/jpeg;base64,")
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as image:
        assert (image.format, image.size) == ("JPEG", (4, 4))
    corrupt = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"junk" * 50).decode()
    assert photo_data_uri(corrupt) == ""
    assert photo_data_uri("data:text/html;base64,PHNjcmlwdD4=") == ""
    assert photo_data_uri("data:image/svg+xml;base64,PHN2Zz4=") == ""
    assert photo_data_uri("http://127.0.0.1:9/me.png") == ""  # refused before any connection
    assert photo_data_uri("") == ""


def test_photo_is_included_unless_turned_off(api_client, recruiter):
    document = validate_document(load("full_resume.json"))
    document.personal.image_url = tiny_png()
    resume = resume_create(owner=recruiter, title="CV", document=document)
    with_photo = export(api_client(), resume.id, {"format": "html"}).json()["data"]
    without = export(api_client(), resume.id, {"format": "html", "options": {"includePhoto": False}})
    assert (
        '<img class="photo" src="data:image/jpeg;base64,'
        in download(with_photo["downloadUrl"])[0].decode()
    )
    assert "data:image/png" not in download(without.json()["data"]["downloadUrl"])[0].decode()
    pdf = export(api_client(), resume.id, {"format": "pdf"}).json()["data"]
    page = PdfReader(io.BytesIO(download(pdf["downloadUrl"])[0])).pages[0]
    assert len(page.images) == 1
    word = export(api_client(), resume.id, {"format": "docx"}).json()["data"]
    assert len(docx.Document(io.BytesIO(download(word["downloadUrl"])[0])).inline_shapes) == 1
    no_word = export(api_client(), resume.id, {"format": "docx", "options": {"includePhoto": False}})
    assert (
        len(docx.Document(io.BytesIO(download(no_word.json()["data"]["downloadUrl"])[0])).inline_shapes)
        == 0
    )


# --- housekeeping ------------------------------------------------------------------------------


def test_expired_exports_are_purged_with_their_files(api_client, resume):
    data = export(api_client(), resume.id, {"format": "txt"}).json()["data"]
    record = ResumeExport.objects.get()
    assert exports_purge_expired(now=record.expires_at - timedelta(seconds=1)) == 0
    assert exports_purge_expired(now=record.expires_at) == 1
    assert not default_storage.exists(record.file)
    assert ResumeExport.objects.count() == 0
    assert Client().get(urlsplit(data["downloadUrl"]).path).status_code == 404


def test_a_corrupt_photo_is_left_out_and_the_export_still_works(api_client, recruiter):
    document = validate_document(load("full_resume.json"))
    document.personal.image_url = (
        "data:image/jpeg;base64," + base64.b64encode(b"\xff\xd8\xff" + b"x" * 99).decode()
    )
    resume = resume_create(owner=recruiter, title="CV", document=document)
    for fmt in ("pdf", "docx", "html"):
        response = export(api_client(), resume.id, {"format": fmt})
        assert response.status_code == 200, fmt
    html = download(response.json()["data"]["downloadUrl"])[0].decode()
    assert "<img" not in html


def test_expired_exports_are_purged_by_the_beat_task(api_client, resume):
    from datetime import timedelta

    from django.utils import timezone

    from rendering.models import ResumeExport
    from rendering.tasks import purge_expired_exports_task

    response = api_client().post(f"/api/resumes/{resume.id}/export", {"format": "txt"}, format="json")
    assert response.status_code == 200
    ResumeExport.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert purge_expired_exports_task.apply().get() == 1
    assert ResumeExport.objects.count() == 0
