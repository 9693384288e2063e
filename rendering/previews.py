"""PDF bytes → one PNG per page (the canvas previews of the render settings).

pypdfium2 rasterises in-process (no poppler subprocess per page); 1.5× scale draws an A4
page at ~893×1263 px, sharp enough for a settings preview and ~100–200 kB per page.
``MAX_PAGES`` bounds the work a very long resume can cause.

Pure: no Django, no ORM.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

PREVIEW_SCALE = 1.5
MAX_PAGES = 10


def pdf_pages_to_png(
    data: bytes, *, scale: float = PREVIEW_SCALE, max_pages: int = MAX_PAGES
) -> list[bytes]:
    """PNG bytes of the first ``max_pages`` pages of a PDF, in page order."""
    pdf = pdfium.PdfDocument(data)
    try:
        pages: list[bytes] = []
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            try:
                bitmap = page.render(scale=scale)
                image = bitmap.to_pil()
                out = io.BytesIO()
                image.save(out, "PNG", optimize=False)
                pages.append(out.getvalue())
            finally:
                page.close()
        return pages
    finally:
        pdf.close()
