"""reader section 4: resume settings, PDF by id, instant/bulk/format batches."""

from __future__ import annotations

import io
import json
import uuid

import pytest
from pypdf import PdfReader

from rendering.batches import MAX_PENDING_DELIVERIES
from rendering.models import PdfBatch, PdfBatchItem, RenderSettings
from smartcv.models import CreditLedgerEntry
from smartcv.services import credits_charge, credits_remaining
from smartcv.tests.http_receiver import Reply
from webhooks import signing
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tests.factories import WebhookEndpointFactory

SETTINGS = {
    "layout": "modern",
    "fontStyle": "Calibri",
    "fontSize": 11,
    "lineHeight": 1.35,
    "marginTop": 20,
    "marginBottom": 18,
    "marginX": 18,
    "sectionSpacing": 10,
    "agencyName": "Acme Recruiting",
    "agencyWebsite": "https://acme.example",
}


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _download(client, url: str) -> bytes:
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _exhaust_credits(user) -> None:
    credits_charge(user=user, amount=credits_remaining(user), operation="test")


# --- settings --------------------------------------------------------------------------------


def test_update_with_canvas_answers_the_documented_shape(api_client, recruiter):
    response = api_client().put(
        "/api/resume-settings/api-key/update-with-canvas", SETTINGS, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id", "layout", "settings", "privacy", "canvas_page_count", "canvas_pages"}
    assert body["layout"] == "modern"
    assert body["settings"] == {k: v for k, v in SETTINGS.items() if k != "layout"}
    assert body["privacy"]["hideName"] is False
    assert {"hidePhoto", "hideEmail", "hidePhone", "hideName"} <= set(body["privacy"])
    assert body["canvas_page_count"] == len(body["canvas_pages"]) >= 1
    assert [p["index"] for p in body["canvas_pages"]] == list(range(body["canvas_page_count"]))
    png = _download(api_client(), body["canvas_pages"][0]["url"])
    assert png.startswith(b"\x89PNG")
    assert str(RenderSettings.objects.get(owner=recruiter).id) == body["id"]


def test_get_settings_creates_defaults_with_a_canvas(api_client):
    body = api_client().get("/api/resume-settings").json()
    assert body["layout"] == "modern"
    assert body["settings"]["fontStyle"] == "Calibri"
    assert body["canvas_page_count"] >= 1


def test_changing_settings_replaces_the_canvas_files(api_client, recruiter, _media_in_tmp):
    first = api_client().put("/api/resume-settings", SETTINGS, format="json").json()
    old_names = RenderSettings.objects.get(owner=recruiter).canvas_pages
    second = (
        api_client()
        .put("/api/resume-settings", {**SETTINGS, "layout": "classic", "fontSize": 9}, format="json")
        .json()
    )
    assert second["layout"] == "classic"
    assert second["settings"]["fontSize"] == 9
    assert first["canvas_pages"][0]["url"] != second["canvas_pages"][0]["url"]
    new_names = RenderSettings.objects.get(owner=recruiter).canvas_pages
    assert not set(old_names) & set(new_names)


@pytest.mark.parametrize(
    "field,value",
    [
        ("fontSize", 7),
        ("fontSize", 17),
        ("lineHeight", 0.9),
        ("lineHeight", 2.5),
        ("marginTop", 4),
        ("marginBottom", 41),
        ("marginX", -1),
        ("sectionSpacing", 41),
        ("fontSize", "big"),
        ("fontSize", True),
        ("layout", "fancy"),
        ("agencyWebsite", "javascript:alert(1)"),
        ("fontStyle", "<b>x</b>"),
    ],
)
def test_settings_out_of_range_are_refused_and_nothing_changes(api_client, recruiter, field, value):
    api_client().put("/api/resume-settings", SETTINGS, format="json")
    before = RenderSettings.objects.get(owner=recruiter)
    response = api_client().put("/api/resume-settings", {**SETTINGS, field: value}, format="json")
    assert response.status_code == 400
    assert response.json()["status"] == 400
    after = RenderSettings.objects.get(owner=recruiter)
    assert (after.font_size, after.line_height, after.layout, after.canvas_pages) == (
        before.font_size,
        before.line_height,
        before.layout,
        before.canvas_pages,
    )


def test_unknown_privacy_flag_is_refused(api_client):
    response = api_client().put(
        "/api/resume-settings", {"privacy": {"hideShoeSize": True}}, format="json"
    )
    assert response.status_code == 400


def test_settings_need_an_api_key(anon_client):
    assert anon_client.get("/api/resume-settings").status_code == 401


# --- PDF by id -------------------------------------------------------------------------------


def test_generate_pdf_by_id_returns_the_pdf_and_charges_one_credit(
    api_client, recruiter, make_candidate
):
    candidate = make_candidate(recruiter)
    before = credits_remaining(recruiter)
    response = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="resume_{candidate.id}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "Amélie Dubois-Laurent" in _pdf_text(response.content)
    assert credits_remaining(recruiter) == before - 1


def test_generate_pdf_shows_agency_branding_and_settings_font(api_client, recruiter, make_candidate):
    api_client().put("/api/resume-settings", SETTINGS, format="json")
    candidate = make_candidate(recruiter)
    data = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf").content
    text = _pdf_text(data)
    assert "Acme Recruiting" in text
    assert "acme.example" in text
    fonts = {
        str(font.get("/BaseFont"))
        for page in PdfReader(io.BytesIO(data)).pages
        for font in (page["/Resources"].get("/Font") or {}).values()
        for font in [font.get_object()]
    }
    assert any("Carlito" in name for name in fonts), fonts


def test_generate_pdf_of_a_foreign_or_missing_candidate_is_404(
    api_client, recruiter, other_user, make_candidate
):
    foreign = make_candidate(other_user)
    before = credits_remaining(recruiter)
    for resume_id in (foreign.id, uuid.uuid4()):
        response = api_client().post(f"/api/resume-settings/api-key/resumes/{resume_id}/generate-pdf")
        assert response.status_code == 404
    assert credits_remaining(recruiter) == before


def test_generate_pdf_without_credits_is_402_and_renders_nothing(api_client, recruiter, make_candidate):
    candidate = make_candidate(recruiter)
    _exhaust_credits(recruiter)
    entries = CreditLedgerEntry.objects.count()
    response = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf")
    assert response.status_code == 402
    assert response.json()["status"] == 402
    assert CreditLedgerEntry.objects.count() == entries


def test_generate_pdf_of_an_unparsed_resume_is_409_and_not_charged(
    api_client, recruiter, make_candidate
):
    candidate = make_candidate(recruiter, document={}, parsing_status="pending")
    before = credits_remaining(recruiter)
    response = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf")
    assert response.status_code == 409
    assert credits_remaining(recruiter) == before


def test_layout_breaking_content_renders(api_client, recruiter, make_candidate):
    word = "Supercalifragilistic" * 20
    document = {
        "personal": {"name": "Long Word", "email": f"{word[:60]}@example.com"},
        "summary": word,
        "work": [
            {"company": f"Company {i}", "position": f"Engineer {word[:80]}", "description": word}
            for i in range(30)
        ],
    }
    candidate = make_candidate(recruiter, document=document)
    response = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) > 2
    assert "Company 29" in _pdf_text(response.content)


# --- instant batch ---------------------------------------------------------------------------


def test_instant_batch_accepts_a_bare_array(api_client, recruiter, make_candidate):
    a, b = make_candidate(recruiter), make_candidate(recruiter)
    before = credits_remaining(recruiter)
    response = api_client().post(
        "/api/resume-settings/v1/generate-pdf", [str(a.id), str(b.id), str(a.id)], format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "COMPLETED"
    assert body["progress"] == "100%"
    assert [r["resumeId"] for r in body["results"]] == [str(a.id), str(b.id)]
    assert all(set(r) == {"resumeId", "downloadUrl", "generatedAt"} for r in body["results"])
    assert _download(api_client(), body["results"][0]["downloadUrl"]).startswith(b"%PDF-")
    assert credits_remaining(recruiter) == before - 2
    assert PdfBatch.objects.get(id=body["jobId"]).kind == "instant"


def test_instant_batch_accepts_resume_ids_object(api_client, recruiter, make_candidate):
    a = make_candidate(recruiter)
    response = api_client().post(
        "/api/resume-settings/v1/generate-pdf", {"resumeIds": [str(a.id)]}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "COMPLETED"


def test_instant_batch_partial_when_one_resume_is_unparsed(api_client, recruiter, make_candidate):
    good = make_candidate(recruiter)
    bad = make_candidate(recruiter, document={}, parsing_status="pending")
    before = credits_remaining(recruiter)
    body = (
        api_client()
        .post("/api/resume-settings/v1/generate-pdf", [str(good.id), str(bad.id)], format="json")
        .json()
    )
    assert body["status"] == "PARTIAL"
    assert body["progress"] == "50%"
    assert body["results"][1] == {
        "resumeId": str(bad.id),
        "error": "This resume has not been parsed yet",
    }
    assert credits_remaining(recruiter) == before - 1


def test_instant_batch_failed_when_none_render(api_client, recruiter, make_candidate):
    bad = make_candidate(recruiter, document={}, parsing_status="pending")
    body = api_client().post("/api/resume-settings/v1/generate-pdf", [str(bad.id)], format="json").json()
    assert body["status"] == "FAILED"
    assert body["progress"] == "0%"


@pytest.mark.parametrize(
    "payload",
    [[], {}, {"resumeIds": []}, "nope", [123], ["not-a-uuid"], {"resumeIds": "x"}],
)
def test_instant_batch_bad_lists_are_400(api_client, recruiter, payload):
    response = api_client().post("/api/resume-settings/v1/generate-pdf", payload, format="json")
    assert response.status_code == 400
    assert PdfBatch.objects.count() == 0


def test_instant_batch_of_eleven_is_400(api_client, recruiter, make_candidate):
    ids = [
        str(make_candidate(recruiter, document={"personal": {"name": f"P {i}"}}).id) for i in range(11)
    ]
    before = credits_remaining(recruiter)
    response = api_client().post("/api/resume-settings/v1/generate-pdf", ids, format="json")
    assert response.status_code == 400
    assert "at most 10" in response.json()["message"]
    assert credits_remaining(recruiter) == before
    assert PdfBatch.objects.count() == 0


def test_instant_batch_with_a_foreign_id_is_403(api_client, recruiter, other_user, make_candidate):
    mine, theirs = make_candidate(recruiter), make_candidate(other_user)
    before = credits_remaining(recruiter)
    response = api_client().post(
        "/api/resume-settings/v1/generate-pdf", [str(mine.id), str(theirs.id)], format="json"
    )
    assert response.status_code == 403
    assert credits_remaining(recruiter) == before
    assert PdfBatch.objects.count() == 0


def test_instant_batch_without_credits_is_429(api_client, recruiter, make_candidate):
    candidate = make_candidate(recruiter)
    _exhaust_credits(recruiter)
    response = api_client().post(
        "/api/resume-settings/v1/generate-pdf", [str(candidate.id)], format="json"
    )
    assert response.status_code == 429
    assert PdfBatch.objects.count() == 0


# --- bulk batch ------------------------------------------------------------------------------


@pytest.fixture
def pdf_hook(recruiter, receiver, local_webhooks):
    return WebhookEndpointFactory(
        owner=recruiter, url=receiver.url(), parser_results=False, scores=False
    )


def test_bulk_batch_renders_and_sends_one_signed_webhook(
    api_client, recruiter, make_candidate, pdf_hook, receiver, django_capture_on_commit_callbacks
):
    ids = [str(make_candidate(recruiter).id) for _ in range(12)]
    before = credits_remaining(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().post("/api/webhook/generate-pdfs", ids, format="json")
    assert response.status_code == 202
    body = response.json()
    job = body["jobId"]
    assert body == {
        "jobId": job,
        "status": "QUEUED",
        "statusUrl": f"/api/webhook/generate-pdfs/{job}",
        "message": "Processing started. Results will be sent to your webhook URL.",
        "webhookSecurity": {
            "algorithm": "HmacSHA256",
            "signatureHeader": "X-Webhook-Signature",
            "timestampHeader": "X-Webhook-Timestamp",
            "signedPayload": "<timestamp>.<raw-json-body>",
        },
    }
    assert len(receiver.received) == 1
    sent = receiver.received[0]
    assert signing.verify(
        pdf_hook.secret,
        sent.headers["x-webhook-timestamp"],
        sent.body,
        sent.headers["x-webhook-signature"],
    )
    payload = json.loads(sent.body)
    assert payload["jobId"] == job
    assert payload["status"] == "COMPLETED"
    assert (payload["total"], payload["processed"], payload["succeeded"], payload["failed"]) == (
        12,
        12,
        12,
        0,
    )
    assert [r["resumeId"] for r in payload["results"]] == ids
    assert credits_remaining(recruiter) == before - 12

    status = api_client().get(f"/api/webhook/generate-pdfs/{job}").json()
    assert status["status"] == "COMPLETED"
    assert (status["total"], status["processed"]) == (12, 12)
    assert all(r["processed"] and r["downloadUrl"] and r["generatedAt"] for r in status["results"])
    assert len(status["deliveries"]) == 1
    delivery = status["deliveries"][0]
    assert set(delivery) == {
        "deliveryId",
        "type",
        "delivered",
        "attemptCount",
        "lastAttempt",
        "nextAttempt",
        "responseStatusCode",
        "responseBody",
        "errorMessage",
    }
    assert (delivery["type"], delivery["delivered"], delivery["attemptCount"]) == (
        "PDF_GENERATED",
        True,
        1,
    )
    assert delivery["responseStatusCode"] == 200


def test_bulk_batch_completes_when_the_receiver_answers_500(
    api_client, recruiter, make_candidate, pdf_hook, receiver, django_capture_on_commit_callbacks
):
    receiver.reply(Reply(status=500, body=b"Internal Server Error"))
    ids = [str(make_candidate(recruiter).id) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        job = api_client().post("/api/webhook/generate-pdfs", ids, format="json").json()["jobId"]
    status = api_client().get(f"/api/webhook/generate-pdfs/{job}").json()
    assert status["status"] == "COMPLETED"
    assert status["processed"] == 3
    delivery = status["deliveries"][0]
    assert delivery["delivered"] is False
    assert delivery["attemptCount"] == 1
    assert delivery["responseStatusCode"] == 500
    assert delivery["responseBody"] == "Internal Server Error"
    assert delivery["nextAttempt"] is not None


def test_bulk_batch_is_queued_until_the_worker_runs(api_client, recruiter, make_candidate, pdf_hook):
    ids = [str(make_candidate(recruiter).id) for _ in range(2)]
    job = api_client().post("/api/webhook/generate-pdfs", ids, format="json").json()["jobId"]
    status = api_client().get(f"/api/webhook/generate-pdfs/{job}").json()
    assert status["status"] == "QUEUED"
    assert status["processed"] == 0
    assert status["results"][0] == {
        "resumeId": ids[0],
        "processed": False,
        "downloadUrl": None,
        "generatedAt": None,
        "error": None,
    }
    assert status["deliveries"] == []


def test_chunk_task_run_twice_renders_and_charges_once(
    api_client, recruiter, make_candidate, pdf_hook, django_capture_on_commit_callbacks
):
    from rendering.tasks import render_pdf_chunk_task

    ids = [str(make_candidate(recruiter).id) for _ in range(2)]
    job = api_client().post("/api/webhook/generate-pdfs", ids, format="json").json()["jobId"]
    item_ids = list(PdfBatchItem.objects.filter(batch_id=job).values_list("id", flat=True))
    before = credits_remaining(recruiter)
    with django_capture_on_commit_callbacks(execute=False):
        assert render_pdf_chunk_task(job, item_ids) == 2
        assert render_pdf_chunk_task(job, item_ids) == 0
    assert credits_remaining(recruiter) == before - 2
    assert WebhookDelivery.objects.filter(reference=job).count() == 1


def test_bulk_batch_without_pdf_webhook_is_400(api_client, recruiter, make_candidate):
    WebhookEndpointFactory(owner=recruiter, pdf_generated=False)
    candidate = make_candidate(recruiter)
    response = api_client().post("/api/webhook/generate-pdfs", [str(candidate.id)], format="json")
    assert response.status_code == 400
    assert PdfBatch.objects.count() == 0


def test_bulk_batch_of_501_is_400(api_client, recruiter, pdf_hook):
    ids = [str(uuid.uuid4()) for _ in range(501)]
    response = api_client().post("/api/webhook/generate-pdfs", ids, format="json")
    assert response.status_code == 400
    assert "at most 500" in response.json()["message"]


def test_bulk_batch_with_foreign_id_is_403(api_client, recruiter, other_user, make_candidate, pdf_hook):
    response = api_client().post(
        "/api/webhook/generate-pdfs", [str(make_candidate(other_user).id)], format="json"
    )
    assert response.status_code == 403
    assert PdfBatch.objects.count() == 0


def test_bulk_batch_with_malformed_uuid_is_400(api_client, recruiter, pdf_hook):
    response = api_client().post("/api/webhook/generate-pdfs", ["12345"], format="json")
    assert response.status_code == 400


def test_bulk_batch_refused_when_deliveries_pile_up(api_client, recruiter, make_candidate, pdf_hook):
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=pdf_hook,
                owner=recruiter,
                event="PDF_GENERATED",
                payload="{}",
                status=DeliveryStatus.PENDING,
            )
            for _ in range(MAX_PENDING_DELIVERIES + 1)
        ]
    )
    response = api_client().post(
        "/api/webhook/generate-pdfs", [str(make_candidate(recruiter).id)], format="json"
    )
    assert response.status_code == 429
    assert PdfBatch.objects.count() == 0


def test_job_status_of_another_owner_is_403_and_unknown_404(
    api_client, recruiter, other_user, make_candidate, make_user
):
    from smartcv.services import api_key_create

    batch = PdfBatch.objects.create(owner=other_user, kind="bulk", total=0)
    assert api_client().get(f"/api/webhook/generate-pdfs/{batch.id}").status_code == 403
    assert api_client().get(f"/api/webhook/generate-pdfs/{uuid.uuid4()}").status_code == 404
    other_key = api_key_create(user=other_user).raw
    assert api_client(other_key).get(f"/api/webhook/generate-pdfs/{batch.id}").status_code == 200


# --- batch format ----------------------------------------------------------------------------


def test_format_batch_is_emailed_when_no_webhook(
    api_client, recruiter, make_candidate, mailoutbox, django_capture_on_commit_callbacks
):
    api_client().put(
        "/api/resume-settings", {"privacy": {"hideName": True, "hideEmail": True}}, format="json"
    )
    ids = [str(make_candidate(recruiter).id) for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().post("/api/resume-settings/format", ids, format="json")
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "QUEUED"
    assert body["delivery"] == "EMAIL"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["recruiter@example.com"]
    assert "(anonymised per your CV settings)" in mail.body
    url = next(line.split(": ", 1)[1] for line in mail.body.splitlines() if line.startswith("- resume_"))
    text = _pdf_text(_download(api_client(), url))
    assert "Amélie" not in text
    assert "amelie@example.com" not in text
    assert "Candidate " in text


def test_format_batch_goes_to_the_webhook_when_configured(
    api_client,
    recruiter,
    make_candidate,
    pdf_hook,
    receiver,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    ids = [str(make_candidate(recruiter).id)]
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client().post("/api/resume-settings/format", ids, format="json")
    assert response.status_code == 202
    assert response.json()["delivery"] == "WEBHOOK"
    assert len(receiver.received) == 1
    assert mailoutbox == []


def test_format_batch_with_foreign_id_is_403(api_client, recruiter, other_user, make_candidate):
    response = api_client().post(
        "/api/resume-settings/format", [str(make_candidate(other_user).id)], format="json"
    )
    assert response.status_code == 403
    assert PdfBatch.objects.count() == 0


def _png_data_uri(size=(40, 20), color=(200, 30, 30, 0)) -> str:
    import base64

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", size, color).save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def test_agency_logo_is_printed_in_generated_pdfs(api_client, recruiter, make_candidate):
    response = api_client().put(
        "/api/resume-settings", {**SETTINGS, "agencyLogo": _png_data_uri()}, format="json"
    )
    assert response.status_code == 200
    assert RenderSettings.objects.get(owner=recruiter).agency_logo.endswith(".png")
    candidate = make_candidate(recruiter, document={"personal": {"name": "No Photo"}})
    data = api_client().post(f"/api/resume-settings/api-key/resumes/{candidate.id}/generate-pdf").content
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert len(page.images) == 1
    # Transparent pixels were flattened onto white, not black.
    assert page.images[0].image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)


def test_bad_logo_is_400_and_empty_removes_it(api_client, recruiter):
    api_client().put("/api/resume-settings", {"agencyLogo": _png_data_uri()}, format="json")
    stored = RenderSettings.objects.get(owner=recruiter).agency_logo
    bad = api_client().put(
        "/api/resume-settings", {"agencyLogo": "data:image/png;base64,AAAA"}, format="json"
    )
    assert bad.status_code == 400
    assert RenderSettings.objects.get(owner=recruiter).agency_logo == stored
    api_client().put("/api/resume-settings", {"agencyLogo": ""}, format="json")
    assert RenderSettings.objects.get(owner=recruiter).agency_logo == ""


def test_format_batch_without_webhook_or_email_is_400(api_client, make_user, make_candidate):
    from smartcv.services import api_key_create

    user = make_user("noemail", email="")
    key = api_key_create(user=user).raw
    response = api_client(key).post(
        "/api/resume-settings/format", [str(make_candidate(user).id)], format="json"
    )
    assert response.status_code == 400
    assert PdfBatch.objects.count() == 0
