"""ResumeDocument → plain text: for pasting into application forms and plain-text emails.

Upper-case section headings underlined with '=', entries as 'Position — Company (dates)',
bullets as '- ', wrapped at 90 columns (bullet continuation lines indented under their text).
Wrapping counts characters, so a line of CJK text may look wider than 90 columns; it is
never cut mid-word for Latin text. What is shown comes from ``build_context``.

Pure: no Django.
"""

from __future__ import annotations

import textwrap
from typing import Any

from rendering.context import RenderOptions, build_context
from resumes.document import ResumeDocument

WIDTH = 90


def _wrap(text: str, *, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def _bullets(items: list[str]) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines += _wrap(item, first="- ", indent="  ")
    return lines


def _heading(title: str) -> list[str]:
    text = title.upper()
    return ["", text, "=" * min(len(text), WIDTH)]


def _entry(title: str, dates: str, meta: str = "") -> list[str]:
    head = f"{title} ({dates})" if title and dates else title or dates
    lines = ["", *_wrap(head)]
    if meta:
        lines += _wrap(meta)
    return lines


def _join(*parts: str, sep: str = " — ") -> str:
    return sep.join(p for p in parts if p)


def render_txt(
    document: ResumeDocument,
    *,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """The resume as UTF-8 plain text with '\\n' line endings."""
    ctx = build_context(document, visibility=visibility, options=options)
    show, headings = ctx["show"], ctx["headings"]
    lines: list[str] = []

    if show["personalInfo"]:
        person = ctx["person"]
        if person["name"]:
            lines += [person["name"].upper()]
        if person["title"]:
            lines += _wrap(person["title"])
        for contact in ctx["contacts"]:
            lines += _wrap(f"{contact['label']}: {contact['value']}")

    if show["summary"]:
        lines += _heading(headings["summary"])
        for paragraph in ctx["summary_paragraphs"]:
            lines += _wrap(paragraph)

    if show["workExperience"]:
        lines += _heading(headings["workExperience"])
        for job in ctx["work"]:
            lines += _entry(_join(job["position"], job["company"]), job["dates"], job["location"])
            for paragraph in job["paragraphs"]:
                lines += _wrap(paragraph)
            lines += _bullets(job["highlights"])

    if show["education"]:
        lines += _heading(headings["education"])
        for ed in ctx["education"]:
            meta = _join(ed["location"], ed["grade"], sep=" · ")
            lines += _entry(_join(ed["degree_line"], ed["institution"]), ed["dates"], meta)
            for paragraph in ed["paragraphs"]:
                lines += _wrap(paragraph)

    if show["skills"]:
        lines += _heading(headings["skills"])
        for group in ctx["skill_groups"]:
            label = f"{group['category']}: " if group["category"] else ""
            lines += _wrap(label + group["text"])

    if show["projects"]:
        lines += _heading(headings["projects"])
        for project in ctx["projects"]:
            meta = _join(", ".join(project["technologies"]), project["url"], sep=" · ")
            lines += _entry(project["name"], project["dates"], meta)
            for paragraph in project["paragraphs"]:
                lines += _wrap(paragraph)
            lines += _bullets(project["highlights"])

    if show["certifications"]:
        lines += _heading(headings["certifications"])
        lines += _bullets(
            [_join(c["name"], c["issuer"], c["date"], sep=", ") for c in ctx["certifications"]]
        )

    if show["languages"]:
        lines += _heading(headings["languages"])
        lines += _bullets([_join(lang["name"], lang["level"], sep=": ") for lang in ctx["languages"]])

    if show["extracurricular"]:
        lines += _heading(headings["extracurricular"])
        lines += _bullets(ctx["extracurricular"])

    if show["customSections"]:
        for section in ctx["custom_sections"]:
            lines += _heading(section["title"])
            for item in section["items"]:
                lines += _entry(_join(item["title"], item["subtitle"]), item["date"])
                for paragraph in item["paragraphs"]:
                    lines += _wrap(paragraph)

    agency = ctx["agency"]
    if agency["name"] or agency["website"]:
        lines += ["", "--", " · ".join(p for p in (agency["name"], agency["website"]) if p)]

    text = "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"
    return text.encode("utf-8")
