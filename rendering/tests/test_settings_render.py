"""Render settings reach every format: font, size, line height, margins, spacing, branding."""

from __future__ import annotations

import io
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from rendering.batches import batches_requeue_stale
from rendering.models import PdfBatch, PdfBatchItem, RenderSettings
from rendering.services import document_render


def _settings(**extra) -> RenderSettings:
    values = dict(
        layout="classic",
        font_style="Calibri",
        font_size=12,
        line_height=1.6,
        margin_top=30,
        margin_bottom=12,
        margin_x=22,
        section_spacing=20,
        agency_name="Acme Recruiting",
        agency_website="https://acme.example/jobs",
    )
    return RenderSettings(**{**values, **extra})


def test_html_carries_the_settings(full_doc):
    html = document_render(full_doc, render_settings=_settings(), fmt="html", fetch_photo=False).decode()
    assert '"Carlito", "DejaVu Sans", "WenQuanYi Micro Hei"' in html
    assert "font-size: 12pt;" in html
    assert "line-height: 1.6;" in html
    assert "padding: 30mm 22mm 12mm 22mm" in html
    assert ".section { margin-top: 20pt; }" in html
    assert '<span class="agency-name">Acme Recruiting</span>' in html
    assert '<a href="https://acme.example/jobs">acme.example/jobs</a>' in html


def test_without_branding_there_is_no_agency_band(full_doc):
    settings = _settings(agency_name="", agency_website="")
    html = document_render(full_doc, render_settings=settings, fmt="html", fetch_photo=False).decode()
    assert "agency-brand" not in html


def test_docx_carries_the_settings(full_doc):
    data = document_render(full_doc, render_settings=_settings(), fmt="docx", fetch_photo=False)
    doc = Document(io.BytesIO(data))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Calibri"
    assert normal.font.size == Pt(12)
    assert normal.paragraph_format.line_spacing == 1.6
    section = doc.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin)
    assert tuple(round(m.mm) for m in margins) == (30, 12, 22)
    assert section.header.paragraphs[0].text == "Acme Recruiting · acme.example/jobs"


def test_txt_ends_with_the_agency_line(full_doc):
    text = document_render(full_doc, render_settings=_settings(), fmt="txt", fetch_photo=False).decode()
    assert text.endswith("--\nAcme Recruiting · acme.example/jobs\n")


def test_stale_claims_are_requeued(db, recruiter):
    old = timezone.now() - timedelta(seconds=settings.SMARTCV_PDF_STALE_SECONDS + 5)
    batch = PdfBatch.objects.create(owner=recruiter, kind="bulk", total=2, status="PROCESSING")
    PdfBatch.objects.filter(id=batch.id).update(created_at=old)
    stale = PdfBatchItem.objects.create(
        batch=batch,
        candidate_id="00000000-0000-0000-0000-000000000001",
        position=0,
        status="PROCESSING",
        claimed_at=old,
    )
    fresh = PdfBatchItem.objects.create(
        batch=batch,
        candidate_id="00000000-0000-0000-0000-000000000002",
        position=1,
        status="PROCESSING",
        claimed_at=timezone.now(),
    )
    assert batches_requeue_stale() == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    # Eager Celery ran the requeued chunk at once: the missing candidate failed, not stuck.
    assert (stale.status, stale.error) == ("FAILED", "Resume not found")
    assert fresh.status == "PROCESSING"
    assert PdfBatch.objects.get(id=batch.id).completed_at is None


def test_a_batch_left_uncompleted_is_completed_by_the_sweep(db, recruiter):
    old = timezone.now() - timedelta(seconds=settings.SMARTCV_PDF_STALE_SECONDS + 5)
    batch = PdfBatch.objects.create(owner=recruiter, kind="bulk", total=1, status="PROCESSING")
    PdfBatch.objects.filter(id=batch.id).update(created_at=old)
    PdfBatchItem.objects.create(
        batch=batch, candidate_id="00000000-0000-0000-0000-000000000001", position=0, status="DONE"
    )
    assert batches_requeue_stale() == 0
    assert PdfBatch.objects.get(id=batch.id).status == "COMPLETED"


def test_a_recent_batch_is_left_alone(db, recruiter):
    batch = PdfBatch.objects.create(owner=recruiter, kind="bulk", total=1, status="QUEUED")
    item = PdfBatchItem.objects.create(
        batch=batch, candidate_id="00000000-0000-0000-0000-000000000001", position=0
    )
    assert batches_requeue_stale() == 0
    item.refresh_from_db()
    assert item.status == "PENDING"
