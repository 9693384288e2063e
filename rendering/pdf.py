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

import functools
import io
import os
from pathlib import Path
from typing import Any

from xhtml2pdf import context as _pisa_context
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from rendering.context import RenderOptions
from rendering.fonts import allowed_font_paths, font_face_css
from rendering.html import RenderError, build_html, settings_css
from resumes.document import ResumeDocument


@functools.lru_cache(maxsize=64)
def _digest_of(name: str, size: int, mtime_ns: int) -> str | None:
    return _original_file_digest(name)


def _cached_file_digest(name: str | None) -> str | None:
    """xhtml2pdf's font-file digest, computed once per file version per process.

    xhtml2pdf MD5s the whole font file for every ``@font-face`` rule of every document (to
    tell two same-named files apart); with the 5 MB CJK face declared in four styles that
    was ~40% of a two-page PDF's time. Keyed on path, size and mtime, so a replaced file is
    hashed again; the result is exactly what the original function returns.
    """
    if name is None:
        return None
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return _digest_of(name, stat.st_size, stat.st_mtime_ns)


_original_file_digest = _pisa_context._file_digest
_pisa_context._file_digest = _cached_file_digest

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


def _used_css(css: str, options: RenderOptions) -> str:
    """The CSS whose font families the PDF draws with. A settings font replaces the body
    family, the only one layouts name, so the layout's own faces are then left undeclared:
    each ``@font-face`` costs xhtml2pdf a read of the font file per document."""
    rules = "\n".join(settings_css(options))
    return rules if options.font_style else f"{css}\n{rules}"


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
        head_css=font_face_css(_used_css(css, options or RenderOptions())) + _TITLE_CSS,
    )
    return html_to_pdf(html)
