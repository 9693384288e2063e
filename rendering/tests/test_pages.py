"""The recruiter's render-settings and PDF-batch pages."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from rendering.models import PdfBatch, PdfBatchItem, RenderSettings
from rendering.services import settings_get
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

VALID = {
    "layout": "classic",
    "font_style": "Georgia",
    "font_size": "12",
    "line_height": "1.4",
    "margin_top": "15",
    "margin_bottom": "15",
    "margin_x": "20",
    "section_spacing": "12",
    "agency_name": "Acme Talent",
    "agency_website": "https://acme.example",
    "name_mode": "initials",
    "hide_name": "on",
    "hide_phone": "on",
}


def post(client, url, data=None, **extra):
    """POST like the browser does: with the CSRF token of the session (CSRF is enforced)."""
    client.get("/account/pdf-batches/")
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_first_visit_draws_the_preview_of_the_defaults(recruiter, recruiter_client):
    response = recruiter_client.get("/account/render-settings/")
    assert response.status_code == 200
    render_settings = RenderSettings.objects.get(owner=recruiter)
    assert len(render_settings.canvas_pages) >= 1
    images = re.findall(r'<img src="([^"]+)" alt="Preview page', response.content.decode())
    assert len(images) == len(render_settings.canvas_pages)
    assert recruiter_client.get(images[0].replace("&amp;", "&")).status_code == 200
    assert 'value="Calibri"' in response.content.decode()


def test_saving_updates_the_settings_and_redraws_the_preview(recruiter, recruiter_client):
    before = list(settings_get(owner=recruiter).canvas_pages)
    response = post(recruiter_client, "/account/render-settings/", VALID)
    assert response.status_code == 302 and response["Location"] == "/account/render-settings/"
    saved = RenderSettings.objects.get(owner=recruiter)
    assert (saved.layout, saved.font_style, saved.font_size, saved.margin_x) == (
        "classic",
        "Georgia",
        12,
        20,
    )
    assert (saved.agency_name, saved.agency_website) == ("Acme Talent", "https://acme.example")
    assert saved.privacy["hideName"] is True and saved.privacy["hidePhone"] is True
    assert saved.privacy["hideEmail"] is False and saved.privacy["nameMode"] == "initials"
    assert saved.canvas_pages and saved.canvas_pages != before
    page = recruiter_client.get("/account/render-settings/").content.decode()
    assert 'value="Georgia"' in page and '<option value="classic" selected>' in page


def test_out_of_range_value_is_shown_on_its_field_and_nothing_changes(recruiter, recruiter_client):
    response = post(recruiter_client, "/account/render-settings/", {**VALID, "font_size": "30"})
    assert response.status_code == 400
    body = response.content.decode()
    field = body[body.index('id="id_font_size"') :][:600]
    assert "Must be between 8 and 16" in field
    saved = RenderSettings.objects.get(owner=recruiter)
    assert (saved.layout, saved.font_size, saved.agency_name) == ("modern", 11, "")


def test_logo_upload_is_stored_and_a_fake_image_is_refused(recruiter, recruiter_client):
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    assert (
        post(recruiter_client, "/account/render-settings/", {**VALID, "agency_logo": logo}).status_code
        == 302
    )
    stored = RenderSettings.objects.get(owner=recruiter).agency_logo
    assert stored.startswith("logos/")
    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")
    response = post(recruiter_client, "/account/render-settings/", {**VALID, "agency_logo": fake})
    assert response.status_code == 400
    body = response.content.decode()
    assert "data:image/png;base64" in body[body.index('id="id_agency_logo"') :][:800]
    assert RenderSettings.objects.get(owner=recruiter).agency_logo == stored


def _batch(owner, candidates, done=0, failed=0) -> PdfBatch:
    batch = PdfBatch.objects.create(owner=owner, kind="bulk", delivery="webhook", total=len(candidates))
    for index, candidate in enumerate(candidates):
        status = "DONE" if index < done else "FAILED" if index < done + failed else "PENDING"
        PdfBatchItem.objects.create(
            batch=batch,
            candidate_id=candidate.id,
            position=index,
            status=status,
            file="pdfs/x.pdf" if status == "DONE" else "",
            error="This resume has not been parsed yet" if status == "FAILED" else "",
        )
    return batch


def test_batch_list_shows_my_batches_with_progress_only(
    recruiter, other_user, recruiter_client, make_candidate
):
    mine = [make_candidate(recruiter) for _ in range(3)]
    batch = _batch(recruiter, mine, done=1, failed=1)
    foreign = _batch(other_user, [make_candidate(other_user)])
    body = recruiter_client.get("/account/pdf-batches/").content.decode()
    assert f"/account/pdf-batches/{batch.id}/" in body
    assert f"/account/pdf-batches/{foreign.id}/" not in body
    assert "2/3" in body and "1 failed" in body


def test_batch_list_query_count_does_not_grow_with_batches(recruiter, recruiter_client, make_candidate):
    candidates = [make_candidate(recruiter) for _ in range(3)]
    _batch(recruiter, candidates, done=1)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get("/account/pdf-batches/").status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(5):
        _batch(recruiter, candidates, done=2, failed=1)
    assert queries() == few


def test_bulk_batch_without_a_pdf_webhook_is_refused_and_creates_nothing(
    recruiter, recruiter_client, make_candidate
):
    candidate = make_candidate(recruiter)
    response = post(
        recruiter_client, "/account/pdf-batches/", {"kind": "bulk", "candidates": [str(candidate.id)]}
    )
    assert response.status_code == 400
    assert "Configure a webhook with pdfGenerated=true" in response.content.decode()
    assert PdfBatch.objects.count() == 0


def test_format_batch_starts_and_its_detail_lists_each_candidate(
    recruiter, recruiter_client, make_candidate
):
    first, second = make_candidate(recruiter), make_candidate(recruiter)
    response = post(
        recruiter_client,
        "/account/pdf-batches/",
        {"kind": "format", "candidates": [str(first.id), str(second.id)]},
    )
    batch = PdfBatch.objects.get(owner=recruiter)
    assert response.status_code == 302 and response["Location"] == f"/account/pdf-batches/{batch.id}/"
    assert (batch.kind, batch.delivery, batch.total, batch.items.count()) == ("format", "email", 2, 2)
    body = recruiter_client.get(response["Location"]).content.decode()
    assert body.count("/candidates/") >= 2 and f"/candidates/{first.id}/" in body
    assert "0/2 processed" in body and 'hx-trigger="every 3s"' in body


def test_a_foreign_candidate_cannot_be_chosen(recruiter, other_user, recruiter_client, make_candidate):
    foreign = make_candidate(other_user)
    response = post(
        recruiter_client, "/account/pdf-batches/", {"kind": "format", "candidates": [str(foreign.id)]}
    )
    assert response.status_code == 400
    assert PdfBatch.objects.count() == 0


def test_batch_detail_shows_downloads_errors_and_webhook_deliveries(
    recruiter, recruiter_client, make_candidate
):
    candidates = [make_candidate(recruiter), make_candidate(recruiter)]
    batch = _batch(recruiter, candidates, done=1, failed=1)
    batch.status, batch.completed_at = "PARTIAL", batch.created_at
    batch.save()
    endpoint = WebhookEndpoint.objects.create(
        owner=recruiter, url="https://hooks.example/pdf", secret="s" * 32
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        owner=recruiter,
        event="PDF_GENERATED",
        payload="{}",
        reference=str(batch.id),
        status="delivered",
        attempt_count=1,
        response_status_code=200,
    )
    body = recruiter_client.get(f"/account/pdf-batches/{batch.id}/").content.decode()
    assert body.count(">Download</a>") == 1 and "/files/" in body
    assert "This resume has not been parsed yet" in body
    assert "PDF_GENERATED" in body and "2/2 processed" in body
    assert "hx-trigger" not in body  # a finished batch stops polling


def test_foreign_batch_detail_is_404(other_user, recruiter_client, make_candidate):
    batch = _batch(other_user, [make_candidate(other_user)])
    assert recruiter_client.get(f"/account/pdf-batches/{batch.id}/").status_code == 404


def test_rendering_pages_need_sign_in(anon_client):
    for url in ("/account/render-settings/", "/account/pdf-batches/"):
        response = anon_client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_live_preview_renders_unsaved_values_and_saves_nothing(recruiter, recruiter_client):
    recruiter_client.get("/account/render-settings/")
    before = RenderSettings.objects.get(owner=recruiter)
    response = post(
        recruiter_client,
        "/account/render-settings/preview/",
        {**VALID, "font_size": "15"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('<img src="data:image/png;base64,') >= 1 and "Unsaved changes" in body
    after = RenderSettings.objects.get(owner=recruiter)
    assert (after.font_size, after.layout, after.canvas_pages) == (11, "modern", before.canvas_pages)


def test_live_preview_with_a_bad_value_keeps_the_saved_pages_and_says_why(recruiter, recruiter_client):
    recruiter_client.get("/account/render-settings/")
    saved = RenderSettings.objects.get(owner=recruiter)
    response = post(recruiter_client, "/account/render-settings/preview/", {**VALID, "margin_x": "90"})
    body = response.content.decode()
    assert "Preview not updated — Side margins (mm): Must be between 5 and 40" in body
    assert "data:image" not in body and body.count('class="canvas-page"') == len(saved.canvas_pages)
    assert RenderSettings.objects.get(owner=recruiter).margin_x == 18


def test_batch_detail_query_count_does_not_grow_with_items(recruiter, recruiter_client, make_candidate):
    def queries(batch) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get(f"/account/pdf-batches/{batch.id}/").status_code == 200
        return len(ctx.captured_queries)

    small = _batch(recruiter, [make_candidate(recruiter) for _ in range(2)], done=1, failed=1)
    large = _batch(recruiter, [make_candidate(recruiter) for _ in range(8)], done=4, failed=2)
    assert queries(large) == queries(small)


# --- the candidate list's "PDFs of the selected" -----------------------------------------------


def _stored_pdf_text(item: PdfBatchItem) -> str:
    from django.core.files.storage import default_storage
    from pypdf import PdfReader

    with default_storage.open(item.file) as stored:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages)


def test_candidate_list_has_a_checkbox_per_parsed_candidate_and_the_batch_buttons(
    recruiter, recruiter_client, make_candidate
):
    parsed = make_candidate(recruiter)
    pending = make_candidate(recruiter, parsing_status="pending")

    body = recruiter_client.get("/candidates/?q=&sort=newest").content.decode()

    assert 'action="/candidates/pdf-batch/"' in body
    assert f'name="candidates" value="{parsed.id}"' in body
    assert f'value="{pending.id}"' not in body  # nothing to render until it is parsed
    assert 'name="variant" value="standard"' in body and 'name="variant" value="anonymised"' in body
    assert 'name="next" value="/candidates/?q=&amp;sort=newest"' in body


def test_ticked_candidates_start_an_anonymised_batch_that_hides_their_names(
    recruiter, recruiter_client, make_candidate
):
    from rendering.batches import batch_items_process

    first, second = make_candidate(recruiter), make_candidate(recruiter)
    response = post(
        recruiter_client,
        "/candidates/pdf-batch/",
        {"candidates": [str(first.id), str(second.id)], "variant": "anonymised"},
    )

    batch = PdfBatch.objects.get(owner=recruiter)
    assert response.status_code == 302 and response["Location"] == f"/account/pdf-batches/{batch.id}/"
    assert (batch.kind, batch.total, batch.anonymised, batch.force_anonymised) == (
        "format",
        2,
        True,
        True,
    )
    assert "This batch goes by e-mail" in recruiter_client.get(response["Location"]).content.decode()
    assert batch_items_process(batch_id=batch.id) == 2
    texts = [_stored_pdf_text(item) for item in batch.items.order_by("position")]
    assert all("Dubois" not in text and "amelie@example.com" not in text for text in texts)
    assert all("Senior Software Engineer" in text for text in texts)


def test_ticked_candidates_start_a_standard_batch_with_their_names(
    recruiter, recruiter_client, make_candidate
):
    from rendering.batches import batch_items_process

    candidate = make_candidate(recruiter)
    post(
        recruiter_client,
        "/candidates/pdf-batch/",
        {"candidates": [str(candidate.id)], "variant": "standard"},
    )

    batch = PdfBatch.objects.get(owner=recruiter)
    assert (batch.anonymised, batch.force_anonymised) == (False, False)
    assert batch_items_process(batch_id=batch.id) == 1
    assert "Amélie Dubois-Laurent" in _stored_pdf_text(batch.items.get())


def test_batch_without_a_tick_goes_back_to_the_filtered_list_with_the_reason(
    recruiter, recruiter_client, make_candidate
):
    make_candidate(recruiter)
    response = post(
        recruiter_client,
        "/candidates/pdf-batch/",
        {"variant": "standard", "next": "/candidates/?status=completed"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/candidates/?status=completed"
    assert "Select at least one parsed candidate." in response.content.decode()
    assert PdfBatch.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"candidates": ["not-a-uuid"], "variant": "standard"},
        {"candidates": ["c7c7c7c7-0000-4000-8000-000000000000"], "variant": "shiny"},
        {"candidates": [], "variant": ""},
    ],
)
def test_bad_batch_requests_change_nothing(recruiter, recruiter_client, data):
    response = post(
        recruiter_client, "/candidates/pdf-batch/", {**data, "next": "https://evil.example/"}
    )

    assert response.status_code == 302 and response["Location"] == "/candidates/"
    assert PdfBatch.objects.count() == 0


def test_a_foreign_candidate_cannot_be_ticked_into_a_batch(
    recruiter, other_user, recruiter_client, make_candidate
):
    foreign = make_candidate(other_user)
    response = post(
        recruiter_client,
        "/candidates/pdf-batch/",
        {"candidates": [str(foreign.id)], "variant": "anonymised"},
        follow=True,
    )

    assert "do not belong to the current user" in response.content.decode()
    assert PdfBatch.objects.count() == 0


def test_candidate_batch_needs_sign_in_and_post(anon_client, recruiter_client):
    response = anon_client.post("/candidates/pdf-batch/", {})
    assert response.status_code in (302, 403)
    assert recruiter_client.get("/candidates/pdf-batch/").status_code == 405


def test_batch_page_offers_anonymised_pdfs(recruiter, recruiter_client, make_candidate):
    candidate = make_candidate(recruiter)
    post(
        recruiter_client,
        "/account/pdf-batches/",
        {"kind": "anonymised", "candidates": [str(candidate.id)]},
    )

    batch = PdfBatch.objects.get(owner=recruiter)
    assert (batch.kind, batch.force_anonymised) == ("format", True)
