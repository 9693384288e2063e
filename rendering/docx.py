"""ResumeDocument → an editable Word document (python-docx).

A DOCX is for editing, so it uses Word's own structure rather than imitating the layout:
the name is a ``Title``, sections are ``Heading 1``, entries ``Heading 2`` (with the dates on
a right tab stop), bullets the real ``List Bullet`` style. Navigation pane, ATS parsers and
restyling in Word all work on that. From the layout it takes the body font (named as Word
knows it: Liberation Sans → Arial, Carlito → Calibri) and the accent colour; from the options
the page size, margins and the photo.

What is shown comes from ``rendering.context.build_context``, exactly as for HTML and PDF.

Pure: no ORM.
"""

from __future__ import annotations

import base64
import io
import re
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from rendering.context import RenderOptions, build_context
from rendering.fonts import first_family, word_family
from rendering.html import RenderError
from resumes.document import ResumeDocument

_ACCENT_RULE = re.compile(r"\.c-accent\s*\{[^}]*?color\s*:\s*(#[0-9a-fA-F]{6})", re.IGNORECASE)


def accent_color(css: str, options: RenderOptions) -> str:
    """The accent colour (#rrggbb): the colour scheme's, else the layout's ``.c-accent``."""
    if options.palette:
        return options.palette["accent"]
    match = _ACCENT_RULE.search(css)
    return match.group(1) if match else "#1f3a5f"


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _setup_styles(doc: Any, *, font: str, accent: RGBColor) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(2)
    # East Asian text uses its own font slot; name it too so CJK does not fall back oddly.
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), font)
    rfonts.set(qn("w:eastAsia"), "Microsoft YaHei")
    for name, size, color in (
        ("Title", 24, None),
        ("Heading 1", 12.5, accent),
        ("Heading 2", 11, None),
    ):
        style = doc.styles[name]
        style.font.name = font
        style.font.size = Pt(size)
        style.font.color.rgb = color or RGBColor(0x1A, 0x1A, 0x1A)
        style.font.bold = name != "Title"
        style.paragraph_format.space_before = Pt({"Title": 0, "Heading 1": 10, "Heading 2": 5}[name])
        style.paragraph_format.space_after = Pt(2)
    doc.styles["List Bullet"].font.name = font


def _photo_bytes(data_uri: str) -> bytes:
    """The image of a ``data:image/png|jpeg;base64,…`` URI (built by the export service)."""
    if not data_uri.startswith(("data:image/png;base64,", "data:image/jpeg;base64,")):
        return b""
    try:
        return base64.b64decode(data_uri.split(",", 1)[1], validate=False)
    except ValueError:
        return b""


def _entry_heading(doc: Any, text: str, dates: str, *, tab_at: Mm) -> None:
    paragraph = doc.add_paragraph(style="Heading 2")
    paragraph.paragraph_format.tab_stops.add_tab_stop(tab_at, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(text)
    if dates:
        run = paragraph.add_run(f"\t{dates}")
        run.bold = False
        run.font.size = Pt(9.5)


def _meta(doc: Any, text: str) -> None:
    if text:
        run = doc.add_paragraph().add_run(text)
        run.italic = True
        run.font.size = Pt(9.5)


def _paragraphs_and_bullets(doc: Any, paragraphs: list[str], bullets: list[str]) -> None:
    for text in paragraphs:
        doc.add_paragraph(text)
    for text in bullets:
        doc.add_paragraph(text, style="List Bullet")


def _join(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def render_docx(
    document: ResumeDocument,
    *,
    css: str = "",
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """The resume as a .docx file."""
    options = options or RenderOptions()
    ctx = build_context(document, visibility=visibility, options=options)
    show, headings = ctx["show"], ctx["headings"]
    try:
        doc = Document()
        font = word_family(options.font_style or first_family(css))
        _setup_styles(doc, font=font, accent=_rgb(accent_color(css, options)))
        normal = doc.styles["Normal"]
        if options.font_size_pt is not None:
            normal.font.size = Pt(options.font_size_pt)
        if options.line_height is not None:
            normal.paragraph_format.line_spacing = options.line_height
        if options.section_spacing_pt is not None:
            doc.styles["Heading 1"].paragraph_format.space_before = Pt(options.section_spacing_pt)

        width, height = options.page_mm
        top, bottom, margin = options.margins_mm
        for section in doc.sections:
            section.page_width, section.page_height = Mm(width), Mm(height)
            section.left_margin = section.right_margin = Mm(margin)
            section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
            if options.has_branding:
                agency = ctx["agency"]
                header = section.header.paragraphs[0]
                logo = _photo_bytes(agency["logo"])
                if logo:
                    header.add_run().add_picture(io.BytesIO(logo), height=Mm(8))
                    header.add_run(" ")
                header.add_run(" · ".join(p for p in (agency["name"], agency["website"]) if p))
        tab_at = Mm(width - 2 * margin)

        props = doc.core_properties
        props.title = ctx["document_title"][:255]  # the core-properties limit
        props.author = ctx["person"]["name"][:255] if show["personalInfo"] else ""
        props.comments = "Generated by SmartCV"
        # python-docx's blank template says it was made by "python-docx" in 2013.
        props.last_modified_by = "SmartCV"
        props.created = props.modified = datetime.now(UTC).replace(tzinfo=None)
        props.revision = 1

        if show["personalInfo"]:
            person = ctx["person"]
            photo = _photo_bytes(ctx["photo"])
            if photo:
                doc.add_picture(io.BytesIO(photo), width=Mm(28))
            doc.add_paragraph(person["name"] or "Resume", style="Title")
            if person["title"]:
                run = doc.add_paragraph().add_run(person["title"])
                run.font.size = Pt(12)
            if ctx["contacts"]:
                doc.add_paragraph(" | ".join(c["value"] for c in ctx["contacts"]))

        if show["summary"]:
            doc.add_heading(headings["summary"], level=1)
            _paragraphs_and_bullets(doc, ctx["summary_paragraphs"], [])

        if show["workExperience"]:
            doc.add_heading(headings["workExperience"], level=1)
            for job in ctx["work"]:
                _entry_heading(
                    doc, _join(job["position"], job["company"], sep=" — "), job["dates"], tab_at=tab_at
                )
                _meta(doc, job["location"])
                _paragraphs_and_bullets(doc, job["paragraphs"], job["highlights"])

        if show["education"]:
            doc.add_heading(headings["education"], level=1)
            for ed in ctx["education"]:
                _entry_heading(
                    doc,
                    _join(ed["degree_line"], ed["institution"], sep=" — "),
                    ed["dates"],
                    tab_at=tab_at,
                )
                _meta(doc, _join(ed["location"], ed["grade"]))
                _paragraphs_and_bullets(doc, ed["paragraphs"], [])

        if show["skills"]:
            doc.add_heading(headings["skills"], level=1)
            for group in ctx["skill_groups"]:
                paragraph = doc.add_paragraph()
                if group["category"]:
                    paragraph.add_run(f"{group['category']}: ").bold = True
                paragraph.add_run(group["text"])

        if show["projects"]:
            doc.add_heading(headings["projects"], level=1)
            for project in ctx["projects"]:
                _entry_heading(doc, project["name"], project["dates"], tab_at=tab_at)
                _meta(doc, _join(", ".join(project["technologies"]), project["url"]))
                _paragraphs_and_bullets(doc, project["paragraphs"], project["highlights"])

        if show["certifications"]:
            doc.add_heading(headings["certifications"], level=1)
            for cert in ctx["certifications"]:
                doc.add_paragraph(
                    _join(cert["name"], cert["issuer"], cert["date"], sep=", "), style="List Bullet"
                )

        if show["languages"]:
            doc.add_heading(headings["languages"], level=1)
            doc.add_paragraph(
                " | ".join(
                    _join(lang["name"], f"({lang['level']})" if lang["level"] else "", sep=" ")
                    for lang in ctx["languages"]
                )
            )

        if show["extracurricular"]:
            doc.add_heading(headings["extracurricular"], level=1)
            _paragraphs_and_bullets(doc, [], ctx["extracurricular"])

        if show["customSections"]:
            for section in ctx["custom_sections"]:
                doc.add_heading(section["title"], level=1)
                for item in section["items"]:
                    _entry_heading(
                        doc,
                        _join(item["title"], item["subtitle"], sep=" — "),
                        item["date"],
                        tab_at=tab_at,
                    )
                    _paragraphs_and_bullets(doc, item["paragraphs"], [])

        out = io.BytesIO()
        doc.save(out)
    except Exception as exc:  # python-docx/lxml failures are renderer failures
        raise RenderError(f"DOCX rendering failed: {exc}") from exc
    return out.getvalue()
