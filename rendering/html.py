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
from rendering.fonts import font_stack
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


# The PDF's agency header: a static frame this tall at the top margin, repeated on every
# page, with the body starting this far below it. The body's top margin grows by both, so
# the header never overlaps the resume whatever margins the settings hold.
BRAND_FRAME_MM = 10.0
BRAND_GAP_MM = 3.0
BRAND_FRAME_ID = "agency_header"


def _page_rule(options: RenderOptions, *, target: Target) -> str:
    """``@page``: size and margins; in a branded PDF also the header frame.

    xhtml2pdf draws a ``-pdf-frame-content`` frame on every page with the element of that
    id (taken out of the flow); the page margins still make the body frame.
    """
    width, height = options.page_mm
    top, bottom, side = options.margins_mm
    if target != "pdf" or not options.has_branding:
        box = f"{top:g}mm {side:g}mm {bottom:g}mm {side:g}mm"  # CSS: top right bottom left
        return f"@page {{ size: {width:g}mm {height:g}mm; margin: {box}; }}"
    body_top = top + BRAND_FRAME_MM + BRAND_GAP_MM
    box = f"{body_top:g}mm {side:g}mm {bottom:g}mm {side:g}mm"
    return (
        f"@page {{ size: {width:g}mm {height:g}mm; margin: {box};"
        f" @frame {BRAND_FRAME_ID} {{ -pdf-frame-content: {BRAND_FRAME_ID};"
        f" top: {top:g}mm; left: {side:g}mm; width: {width - 2 * side:g}mm;"
        f" height: {BRAND_FRAME_MM:g}mm; }} }}"
    )


def theme_css(options: RenderOptions, *, target: Target) -> str:
    """@page rules and colour-scheme overrides for one export."""
    width, height = options.page_mm
    top, bottom, side = options.margins_mm
    box = f"{top:g}mm {side:g}mm {bottom:g}mm {side:g}mm"  # CSS order: top right bottom left
    rules = [
        _page_rule(options, target=target),
        # A word wider than its line is split rather than run off the page: long URLs, and
        # Chinese/Japanese text, which has no spaces to break at.
        "body { overflow-wrap: break-word; }",
    ]
    rules += settings_css(options)
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
            f" margin: 0 auto; padding: {box}; box-sizing: border-box;"
            " box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }",
            "@media print { html { background: none; } body { padding: 0; }"
            " .page { box-shadow: none; padding: 0; max-width: none; min-height: 0; } }",
            # On a phone the sheet's print margins would leave a column a few words wide:
            # the page fills the screen with small margins instead.
            "@media screen and (max-width: 640px) { body { padding: 0; }"
            " .page { padding: 20px 16px; min-height: 0; box-shadow: none; } }",
        ]
    return "\n".join(rules)


def settings_css(options: RenderOptions) -> list[str]:
    """Rules for the owner's render settings (font, size, line height, spacing, branding).

    Appended after the layout's stylesheet, so they win over its equally specific rules;
    the font stack always ends in the DejaVu and CJK faces so no glyph becomes a box.
    """
    body: list[str] = []
    if options.font_style:
        body.append(f"font-family: {font_stack(options.font_style)};")
    if options.font_size_pt is not None:
        body.append(f"font-size: {options.font_size_pt:g}pt;")
    if options.line_height is not None:
        body.append(f"line-height: {options.line_height:g};")
    rules = [f"body {{ {' '.join(body)} }}"] if body else []
    if options.section_spacing_pt is not None:
        rules.append(f".section {{ margin-top: {options.section_spacing_pt:g}pt; }}")
    if options.has_branding:
        rules += [
            ".agency-brand { border-bottom: 0.6pt solid #9aa3ad; padding: 0 0 3pt 0;"
            " margin: 0 0 6pt 0; font-size: 8.5pt; color: #4a4f55; }",
            ".agency-brand td { vertical-align: middle; padding: 0; }",
            ".agency-brand .agency-name { font-weight: bold; color: #222222; }",
            ".agency-brand .agency-site { text-align: right; }",
            ".agency-brand img { height: 7mm; }",
        ]
    return rules


def branding_html(context: dict[str, Any], *, target: Target = "screen") -> str:
    """The agency band (logo, name, website), or '' without branding.

    On screen it sits above the resume; in a PDF it is the content of the header frame
    that ``theme_css`` declares, so it is drawn at the top of every page.
    """
    agency = context.get("agency") or {}
    if not (agency.get("name") or agency.get("website") or agency.get("logo")):
        return ""
    logo = f'<img src="{escape(agency["logo"])}" alt="">' if agency.get("logo") else ""
    name = f'<span class="agency-name">{escape(agency["name"])}</span>' if agency.get("name") else ""
    site = ""
    if agency.get("website"):
        text = escape(agency["website"])
        href = agency.get("href")
        site = f'<a href="{escape(href)}">{text}</a>' if href else text
    band = (
        '<table class="agency-brand" width="100%"><tr>'
        f"<td>{logo}{' ' if logo and name else ''}{name}</td>"
        f'<td class="agency-site">{site}</td></tr></table>'
    )
    if target == "pdf":
        return f'<div id="{BRAND_FRAME_ID}">{band}</div>\n'
    return band + "\n"


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
    screen_css: str = "",
    head_html: str = "",
    foot_html: str = "",
    title: str = "",
) -> str:
    """The full HTML page. ``head_css`` goes first (the PDF renderer's @font-face rules),
    ``screen_css`` last (a web page's own rules win over the theme's). ``head_html`` and
    ``foot_html`` are trusted markup (already escaped by the caller) for the end of
    ``<head>`` and after the sheet; ``title`` replaces the document title."""
    options = options or RenderOptions()
    body, context = render_body(
        document, template_source=template_source, visibility=visibility, options=options
    )
    show_person = context["show"]["personalInfo"]
    author = document.personal.name if show_person else ""
    parts = (head_css, css, theme_css(options, target=target), screen_css)
    styles = "\n".join(part for part in parts if part)
    body = branding_html(context, target=target) + body
    inner = f'<main class="page">{body}</main>{foot_html}' if target == "screen" else body
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title or context['document_title'])}</title>\n"
        + (f'<meta name="author" content="{escape(author)}">\n' if author else "")
        + '<meta name="generator" content="SmartCV">\n'
        f"<style>\n{_safe_css(styles)}\n</style>\n{head_html}</head>\n<body>\n{inner}\n</body>\n</html>\n"
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
