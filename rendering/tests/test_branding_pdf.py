"""Agency branding in PDFs: a header frame repeated on every page, clear of the resume."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from rendering.context import RenderOptions
from rendering.html import build_html
from rendering.pdf import render_pdf
from rendering.services import LAYOUT_DIRS, settings_layout

BRANDED = RenderOptions(
    agency_name="Acme Talent Partners",
    agency_website="https://acme.example",
    margin_top_mm=5,
    margin_bottom_mm=10,
    margin_x_mm=12,
)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _lines_from_top(pdf: bytes, page_index: int) -> list[tuple[str, float]]:
    """Each text run of a page with its baseline's distance from the top edge, in points."""
    page = PdfReader(io.BytesIO(pdf)).pages[page_index]
    top = float(page.mediabox.top)
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), top - (cm[5] + tm[5])))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("layout", list(LAYOUT_DIRS))
def test_agency_name_and_website_are_on_every_page_of_a_branded_pdf(layout, full_doc):
    chosen = settings_layout(layout)
    long_doc = full_doc.model_copy(update={"work": full_doc.work * 3})
    pdf = render_pdf(
        long_doc, template_source=chosen.html_template, css=chosen.css_styles, options=BRANDED
    )
    pages = _pages(pdf)
    assert len(pages) >= 2
    assert all("Acme Talent Partners" in text for text in pages)
    assert all("acme.example" in text for text in pages)


def test_the_header_sits_above_the_resume_body(full_doc):
    chosen = settings_layout("modern")
    pdf = render_pdf(
        full_doc, template_source=chosen.html_template, css=chosen.css_styles, options=BRANDED
    )
    # The header frame spans 5–15 mm from the top edge (14–43 pt); the body starts at 18 mm.
    frame_bottom = 15 * 72 / 25.4
    for index in range(len(_pages(pdf))):
        runs = _lines_from_top(pdf, index)
        header = [text for text, depth in runs if depth < frame_bottom]
        body = [depth for text, depth in runs if text not in header]
        assert header == ["Acme Talent Partners", "acme.example"]
        assert min(body) > frame_bottom + 3


def test_an_unbranded_pdf_has_no_header_frame(full_doc):
    chosen = settings_layout("modern")
    html = build_html(
        full_doc,
        template_source=chosen.html_template,
        css=chosen.css_styles,
        options=RenderOptions(margin_top_mm=5),
        target="pdf",
    )
    assert "@frame" not in html
    assert "agency_header" not in html
    assert "@page { size: 210mm 297mm; margin: 5mm" in html


def test_the_html_export_keeps_the_band_above_the_resume(full_doc):
    chosen = settings_layout("modern")
    html = build_html(
        full_doc, template_source=chosen.html_template, css=chosen.css_styles, options=BRANDED
    )
    assert '<table class="agency-brand"' in html
    assert "@frame" not in html
    assert html.index("Acme Talent Partners") < html.index("Amélie Dubois-Laurent</h1>")


@pytest.mark.django_db
def test_warm_up_renders_every_layout_without_touching_the_database(django_assert_num_queries, caplog):
    from rendering.services import warm_up

    with django_assert_num_queries(0):
        warm_up()
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []
