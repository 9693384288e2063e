"""The resume as a web page: the share page's frame, the public profile and the builder's preview.

All three go one way: rendering's HTML renderer in the resume's layout (the same markup as the
HTML export and the PDF's source) plus a few rules for the screen. Each is a self-contained
document with one inline stylesheet and no script; ``WebPage.csp`` is the
Content-Security-Policy to serve it with, which allows exactly that stylesheet (by its hash)
and nothing that runs, so a layout or a field cannot bring in script or load anything.

Pure apart from reading the layout: no ORM queries (the caller passes the template row).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.html import escape

from rendering.context import RenderOptions, apply_visibility
from rendering.html import build_html
from resumes.document import ResumeDocument
from resumes.layouts import LAYOUT_SLUGS, layout_read, layouts_dir
from resumes.models import Template

Mode = Literal["screen", "fit"]
PROFILE_DESCRIPTION_MAX = 200

# A public profile's footer (outside the sheet), in the layout's stylesheet.
PROFILE_CSS = (
    ".profile-foot { max-width: 210mm; margin: 16px auto 0; font: 13px/1.5 sans-serif;"
    " padding: 0 12px 16px; color: #4a5561; text-align: center; }\n"
    ".profile-foot a { color: #1d4ed8; }\n"
    "a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }"
)


@dataclass(frozen=True)
class WebPage:
    html: str
    csp: str


def _fit_css(options: RenderOptions) -> str:
    """The builder's preview: the sheet at its real size, zoomed to the frame's width.

    Lines then break where they break in the PDF (a sheet merely squeezed into a narrow frame
    re-wraps every line and draws the print margins at full size). Browsers without CSS typed
    arithmetic ignore the zoom and show the squeezed sheet, as before.
    """
    width, height = options.page_mm
    top, bottom, side = options.margins_mm
    return (
        "body { padding: 12px; container-type: inline-size; }\n"
        f".page {{ width: {width:g}mm; max-width: none; min-height: {height:g}mm;"
        f" padding: {top:g}mm {side:g}mm {bottom:g}mm {side:g}mm;"
        " box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }\n"
        f"@supports (zoom: calc(100cqw / 1mm)) {{ .page {{ zoom: calc(100cqw / {width:g}mm); }} }}"
    )


def _layout(template: Template | None) -> tuple[str, str]:
    if template is not None and template.html_template:
        return template.html_template, template.css_styles
    layout = layout_read(layouts_dir() / LAYOUT_SLUGS[0])  # no template rows yet
    return (layout.html_template, layout.css_styles) if layout else ("", "")


def style_hash(html: str) -> str:
    """The CSP source for the page's one ``<style>`` element ('' when it has none)."""
    match = re.search(r"<style>(.*?)</style>", html, re.S)
    if match is None:
        return ""
    digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def page_csp(html: str, *, frame_ancestors: str) -> str:
    style = style_hash(html) or "'none'"
    return (
        f"default-src 'none'; style-src {style}; img-src data:; font-src data:;"
        f" base-uri 'none'; form-action 'none'; frame-ancestors {frame_ancestors}"
    )


def resume_web_page(
    document: ResumeDocument,
    *,
    template: Template | None,
    visibility: dict[str, Any] | None,
    mode: Mode = "screen",
    head_html: str = "",
    foot_html: str = "",
    extra_css: str = "",
    title: str = "",
    frame_ancestors: str = "'self'",
) -> WebPage:
    """The document in its layout as a page. ``mode="fit"`` draws the sheet at its real size
    scaled to the window (the builder's preview); ``"screen"`` reflows it on small screens.
    RenderError when the layout cannot be rendered."""
    source, css = _layout(template)
    options = RenderOptions()
    fit = _fit_css(options) if mode == "fit" else ""
    screen_css = "\n".join(part for part in (fit, extra_css) if part)
    html = build_html(
        document,
        template_source=source,
        css=css,
        visibility=visibility,
        options=options,
        target="screen",
        screen_css=screen_css,
        head_html=head_html,
        foot_html=foot_html,
        title=title,
    )
    return WebPage(html=html, csp=page_csp(html, frame_ancestors=frame_ancestors))


def framed_head() -> str:
    """For a page shown in a sandboxed frame: links open outside it, and it is not indexed."""
    return '<base target="_blank">\n<meta name="robots" content="noindex, nofollow">\n'


def _https_href(url: str) -> str:
    url = (url or "").strip()
    return url if url.lower().startswith("https://") else ""


def profile_meta(document: ResumeDocument, *, username: str) -> dict[str, str]:
    """The profile page's title and description, for ``<title>`` and Open Graph."""
    person = document.personal
    name = person.name or username
    title = f"{name} – {person.title}" if person.title else name
    description = " ".join((document.summary or "").split())
    if len(description) > PROFILE_DESCRIPTION_MAX:
        description = description[: PROFILE_DESCRIPTION_MAX - 1].rstrip() + "…"
    if not description:
        description = f"Resume of {name}" + (f", {person.title}" if person.title else "")
    return {"name": name, "title": title, "description": description}


def profile_web_page(
    document: ResumeDocument,
    *,
    template: Template | None,
    visibility: dict[str, Any] | None,
    username: str,
    page_url: str,
    json_url: str,
    home_url: str,
) -> WebPage:
    """``/u/<username>``: the published resume in its layout, as a whole page that may be
    indexed, with Open Graph tags for link previews (made from the visible sections only)."""
    visible = apply_visibility(document, visibility)
    meta = profile_meta(visible, username=username)
    title = f"{meta['title']} · SmartCV"
    tags = [
        f'<meta name="description" content="{escape(meta["description"])}">',
        f'<link rel="canonical" href="{escape(page_url)}">',
        f'<link rel="alternate" type="application/json" href="{escape(json_url)}">',
        '<meta property="og:type" content="profile">',
        f'<meta property="og:title" content="{escape(meta["title"])}">',
        f'<meta property="og:description" content="{escape(meta["description"])}">',
        f'<meta property="og:url" content="{escape(page_url)}">',
        '<meta property="og:site_name" content="SmartCV">',
        '<meta name="twitter:card" content="summary">',
    ]
    image = _https_href(visible.personal.image_url)
    if image:
        tags.append(f'<meta property="og:image" content="{escape(image)}">')
    foot = (
        '\n<footer class="profile-foot">'
        f'Published with <a href="{escape(home_url)}">SmartCV</a>'
        f' · <a href="{escape(json_url)}" type="application/json">JSON</a></footer>'
    )
    return resume_web_page(
        document,
        template=template,
        visibility=visibility,
        head_html="\n".join(tags) + "\n",
        foot_html=foot,
        extra_css=PROFILE_CSS,
        title=title,
        frame_ancestors="'none'",
    )
