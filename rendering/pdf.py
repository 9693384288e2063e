"""ResumeDocument → PDF: the layout's HTML through xhtml2pdf, with real fonts embedded.

The HTML is exactly what ``rendering.html`` produces for the page (``target="pdf"``: no screen
chrome), preceded by ``@font-face`` rules for the families the layout names, so text in any
script draws with an embedded face (see ``rendering.fonts``).

The renderer fetches nothing: xhtml2pdf runs under a server resource policy with the network
off and local reads confined to the font directories. The only image a resume carries, the
photo, arrives as a ``data:`` URI the service built after a guarded download.

Pure: no ORM.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from rendering.context import RenderOptions
from rendering.fonts import allowed_font_paths, font_face_css
from rendering.html import RenderError, build_html
from resumes.document import ResumeDocument

# xhtml2pdf measures the <title> text too; without a face it warns about every CJK glyph.
_TITLE_CSS = '\ntitle { font-family: "DejaVu Sans", "WenQuanYi Micro Hei"; }'


def _policy() -> ResourceAccessPolicy:
    roots = sorted({Path(p).parent for p in allowed_font_paths()})
    return ResourceAccessPolicy.server(
        base_dir=None,
        extra_roots=tuple(roots),
        allow_remote=False,
        max_render_seconds=30,
        max_image_pixels=16_000_000,
    )


def html_to_pdf(html: str) -> bytes:
    """xhtml2pdf over an HTML string; RenderError when it reports errors."""
    out = io.BytesIO()
    try:
        result = pisa.CreatePDF(
            src=html, dest=out, encoding="utf-8", resource_policy=_policy(), raise_exception=True
        )
    except Exception as exc:  # xhtml2pdf/reportlab raise many kinds (LayoutError, …)
        raise RenderError(f"PDF rendering failed: {exc}") from exc
    if result.err:
        raise RenderError(f"PDF rendering failed with {result.err} error(s)")
    data = out.getvalue()
    if not data.startswith(b"%PDF-"):
        raise RenderError("PDF rendering produced no document")
    return data


def render_pdf(
    document: ResumeDocument,
    *,
    template_source: str,
    css: str,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """The resume as PDF bytes in the layout, page size and margins of ``options``."""
    html = build_html(
        document,
        template_source=template_source,
        css=css,
        visibility=visibility,
        options=options,
        target="pdf",
        head_css=font_face_css(css) + _TITLE_CSS,
    )
    return html_to_pdf(html)
