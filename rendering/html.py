"""Layout template + CSS + ResumeDocument → a standalone HTML page (and the PDF's source).

The same markup feeds the HTML export and xhtml2pdf, so what a user previews is what the PDF
holds. Layout templates are Django templates rendered by a private engine with autoescape on
and no loaders: a layout is one self-contained file (it cannot ``{% include %}`` anything),
and every value from the document is escaped — ``<script>`` in a field is printed as text.

Theming is a small generated stylesheet appended after the layout's: ``@page`` (size and
margins), and, for a named colour scheme, the ``c-accent`` / ``bc-accent`` / ``bg-accent`` /
``bg-soft`` classes layouts put on their coloured elements. Layout CSS therefore stays plain,
valid CSS that clients of ``/api/templates`` can use as is.

Pure: Django's template engine only, no ORM.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from django.template import Context, Engine, TemplateSyntaxError
from django.utils.html import escape

from rendering.context import RenderOptions, build_context
from resumes.document import ResumeDocument

Target = Literal["screen", "pdf"]


class RenderError(Exception):
    """A renderer could not produce the file (bad layout template, renderer failure)."""


@functools.cache
def _engine() -> Engine:
    # No dirs, no loaders, no app libraries: only the built-in tags and filters.
    return Engine(dirs=[], app_dirs=False, loaders=[], autoescape=True, libraries={}, builtins=[])


@functools.lru_cache(maxsize=64)
def _compile(source: str):
    try:
        return _engine().from_string(source)
    except TemplateSyntaxError as exc:
        raise RenderError(f"Layout template is invalid: {exc}") from exc


def theme_css(options: RenderOptions, *, target: Target) -> str:
    """@page rules and colour-scheme overrides for one export."""
    width, height = options.page_mm
    margin = options.margin_mm
    rules = [
        f"@page {{ size: {width}mm {height}mm; margin: {margin}mm; }}",
        # A word wider than its line is split rather than run off the page: long URLs, and
        # Chinese/Japanese text, which has no spaces to break at.
        "body { overflow-wrap: break-word; }",
    ]
    palette = options.palette
    if palette:
        accent, soft = palette["accent"], palette["soft"]
        rules += [
            f".c-accent {{ color: {accent}; }}",
            f".bc-accent {{ border-color: {accent}; }}",
            f".bg-accent {{ background-color: {accent}; }}",
            f".bg-soft {{ background-color: {soft}; }}",
        ]
    if target == "screen":
        # A sheet of paper on a grey desk on screens; the bare page when printed.
        rules += [
            "html { background: #eef0f2; }",
            "body { margin: 0; padding: 24px 12px; }",
            "table { border-collapse: collapse; border-spacing: 0; }",
            f".page {{ background: #ffffff; max-width: {width}mm; min-height: {height}mm;"
            f" margin: 0 auto; padding: {margin}mm; box-sizing: border-box;"
            " box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }",
            "@media print { html { background: none; } body { padding: 0; }"
            " .page { box-shadow: none; padding: 0; max-width: none; min-height: 0; } }",
        ]
    return "\n".join(rules)


def _safe_css(css: str) -> str:
    # A stylesheet cannot end the <style> element early.
    return css.replace("</", "<\\/")


def render_body(
    document: ResumeDocument,
    *,
    template_source: str,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> tuple[str, dict[str, Any]]:
    """The layout's markup for the document, and the context it was rendered with."""
    context = build_context(document, visibility=visibility, options=options)
    template = _compile(template_source)
    try:
        body = template.render(Context(context, autoescape=True))
    except RenderError:
        raise
    except Exception as exc:  # a layout that fails at render time is a renderer failure
        raise RenderError(f"Layout template failed to render: {exc}") from exc
    return body, context


def build_html(
    document: ResumeDocument,
    *,
    template_source: str,
    css: str,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
    target: Target = "screen",
    head_css: str = "",
) -> str:
    """The full HTML page. ``head_css`` goes first (the PDF renderer's @font-face rules)."""
    options = options or RenderOptions()
    body, context = render_body(
        document, template_source=template_source, visibility=visibility, options=options
    )
    show_person = context["show"]["personalInfo"]
    author = document.personal.name if show_person else ""
    styles = "\n".join(part for part in (head_css, css, theme_css(options, target=target)) if part)
    inner = f'<div class="page">{body}</div>' if target == "screen" else body
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(context['document_title'])}</title>\n"
        + (f'<meta name="author" content="{escape(author)}">\n' if author else "")
        + '<meta name="generator" content="SmartCV">\n'
        f"<style>\n{_safe_css(styles)}\n</style>\n</head>\n<body>\n{inner}\n</body>\n</html>\n"
    )


def render_html(
    document: ResumeDocument,
    *,
    template_source: str,
    css: str,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """A standalone HTML file (inline CSS, no external resources) as UTF-8 bytes."""
    html = build_html(
        document,
        template_source=template_source,
        css=css,
        visibility=visibility,
        options=options,
        target="screen",
    )
    return html.encode("utf-8")
