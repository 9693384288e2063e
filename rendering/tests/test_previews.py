"""Canvas previews: one PNG per PDF page (pypdfium2)."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from rendering.context import RenderOptions
from rendering.previews import pdf_pages_to_png
from rendering.services import render_resume, settings_layout


def _pdf(doc) -> bytes:
    return render_resume(
        doc, fmt="pdf", layout=settings_layout("modern"), visibility=None, options=RenderOptions()
    )


def test_one_png_per_page_at_a4_proportions(full_doc):
    pdf = _pdf(full_doc)
    pngs = pdf_pages_to_png(pdf)
    assert len(pngs) == len(PdfReader(io.BytesIO(pdf)).pages) == 2
    with Image.open(io.BytesIO(pngs[0])) as image:
        assert image.format == "PNG"
        assert image.size == (893, 1263)


def test_page_cap_bounds_the_work(full_doc):
    assert len(pdf_pages_to_png(_pdf(full_doc), max_pages=1)) == 1
