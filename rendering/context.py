"""A ResumeDocument + section visibility + export options → the context a layout renders.

Every renderer (HTML, PDF, DOCX, TXT) starts here, so what is shown, hidden, and how dates
and contacts read is decided once. Layout templates only place what this module prepared:
they never format dates or decide visibility themselves.

A section appears only when it is visible (``sections_visibility`` — missing keys mean
visible) AND has content, so an empty "Projects" heading is never printed.

Pure: no Django, no ORM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from resumes.document import PRESENT, SECTIONS, ResumeDocument, skill_category_label

PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}

# Page margins in millimetres. "normal" is the usual 18–20 mm of a word processor's default;
# "narrow" is Word's 0.5 in, "wide" its 1 in.
MARGINS_MM: dict[str, float] = {"narrow": 12.7, "normal": 18.0, "wide": 25.4}

# Named colour schemes: ``accent`` (headings, rules, header band) and ``soft`` (a light tint
# of it for shaded bars). "default" keeps the layout's own colours (its style.css).
COLOR_SCHEMES: dict[str, dict[str, str] | None] = {
    "default": None,
    "blue": {"accent": "#1f5fa8", "soft": "#e3ecf7"},
    "green": {"accent": "#2e7d4f", "soft": "#e3f1e8"},
    "gray": {"accent": "#4a4f55", "soft": "#eceef0"},
    "red": {"accent": "#b03a2e", "soft": "#f6e4e2"},
    "purple": {"accent": "#6a3ea1", "soft": "#eee6f6"},
    "teal": {"accent": "#0f766e", "soft": "#e0f2f0"},
    "orange": {"accent": "#c05621", "soft": "#fbeadf"},
    "black": {"accent": "#111111", "soft": "#ececec"},
}
COLOR_ALIASES = {"grey": "gray"}

HEADINGS: dict[str, str] = {
    "personalInfo": "Personal Information",
    "summary": "Summary",
    "workExperience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
    "certifications": "Certifications",
    "languages": "Languages",
    "extracurricular": "Activities",
    "customSections": "Additional Information",
}

# Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/F):
# DOCX (lxml) refuses them and xhtml2pdf chokes on some, so they are dropped before rendering.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BULLET_PREFIX = re.compile(r"^\s*(?:[-*•·▪‣–]|\d+[.)])\s+")


@dataclass(frozen=True)
class RenderOptions:
    """Export options, already validated (``rendering.api.smartcv`` checks client input)."""

    page_size: str = "A4"
    margin: str = "normal"
    include_photo: bool = True
    color_scheme: str = "default"
    # The photo as a ``data:image/…;base64,…`` URI, resolved by the service beforehand: the
    # renderers never fetch anything from the network.
    photo_data_uri: str = ""
    # Render settings (``RenderSettings``, ``PUT /api/resume-settings``); None/'' keeps the
    # layout's own value. Ranges are validated by ``rendering.settings_rules``.
    font_style: str = ""
    font_size_pt: float | None = None
    line_height: float | None = None
    margin_top_mm: float | None = None
    margin_bottom_mm: float | None = None
    margin_x_mm: float | None = None
    section_spacing_pt: float | None = None
    # Agency branding, printed in a band above the resume (HTML/PDF), a header (DOCX) and a
    # footer line (TXT). The logo is a data: URI resolved by the service, like the photo.
    agency_name: str = ""
    agency_website: str = ""
    agency_logo_data_uri: str = ""

    @property
    def margin_mm(self) -> float:
        return MARGINS_MM[self.margin]

    @property
    def margins_mm(self) -> tuple[float, float, float]:
        """(top, bottom, left/right) in mm: the settings' values, else the named margin."""
        base = self.margin_mm
        return (
            base if self.margin_top_mm is None else self.margin_top_mm,
            base if self.margin_bottom_mm is None else self.margin_bottom_mm,
            base if self.margin_x_mm is None else self.margin_x_mm,
        )

    @property
    def has_branding(self) -> bool:
        return bool(self.agency_name or self.agency_website or self.agency_logo_data_uri)

    @property
    def page_mm(self) -> tuple[float, float]:
        return PAGE_SIZES_MM[self.page_size]

    @property
    def palette(self) -> dict[str, str] | None:
        return COLOR_SCHEMES[COLOR_ALIASES.get(self.color_scheme, self.color_scheme)]


def normalise_color_scheme(value: str) -> str | None:
    """The canonical scheme name for a client's value, or None when unknown."""
    key = str(value).strip().lower()
    key = COLOR_ALIASES.get(key, key)
    return key if key in COLOR_SCHEMES else None


def visible_sections(visibility: dict[str, Any] | None) -> dict[str, bool]:
    """Every known section → shown?; a section not mentioned is shown."""
    visibility = visibility or {}
    return {section: visibility.get(section, True) is not False for section in SECTIONS}


def format_date(value: str) -> str:
    """'2021-03' → 'Mar 2021', '2021' → '2021', 'present' → 'Present', '' → ''."""
    if not value:
        return ""
    if value == PRESENT:
        return "Present"
    parts = value.split("-")
    if len(parts) >= 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def format_range(start: str, end: str) -> str:
    first, last = format_date(start), format_date(end)
    if first and last:
        return first if first == last else f"{first} – {last}"
    return first or last


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a free-text field, each one paragraph, list markers dropped."""
    lines = (_BULLET_PREFIX.sub("", line).strip() for line in (text or "").splitlines())
    return [line for line in lines if line]


def display_url(url: str) -> str:
    """A URL as printed on a CV: no scheme, no 'www.', no trailing slash."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    return re.sub(r"^www\.", "", text, flags=re.IGNORECASE).rstrip("/")


_SAFE_HREF = re.compile(r"^(?:https?://[^\s/]+|mailto:[^\s@]+@[^\s@]+|tel:\+?\d+)", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)


def safe_href(url: str) -> str:
    """A link target fit for a clickable CV, or '' — never ``javascript:`` or ``data:``.

    'amelie.dev' becomes 'https://amelie.dev'; only http(s), mailto and tel survive.
    """
    url = (url or "").strip()
    if _SAFE_HREF.match(url):
        return url
    if _BARE_DOMAIN.match(url):
        return f"https://{url}"
    return ""


def contacts(document: ResumeDocument) -> list[dict[str, str]]:
    """The header's contact items in reading order: {kind, label, value, href}."""
    person = document.personal
    items: list[dict[str, str]] = []

    def add(kind: str, label: str, value: str, href: str = "") -> None:
        if value:
            items.append({"kind": kind, "label": label, "value": value, "href": safe_href(href)})

    add("email", "Email", person.email, f"mailto:{person.email}")
    add("phone", "Phone", person.phone, "tel:" + re.sub(r"[^\d+]", "", person.phone))
    add("location", "Location", person.location)
    for kind, label in (("website", "Website"), ("linkedin", "LinkedIn"), ("github", "GitHub")):
        url = getattr(person, kind)
        add(kind, label, display_url(url), url)
    add("twitter", "Twitter", display_url(person.twitter), person.twitter)
    for link in person.links:
        add("link", link.label or "Link", display_url(link.url), link.url)
    return items


def skill_groups(document: ResumeDocument) -> list[dict[str, Any]]:
    """Skills grouped by category in first-appearance order; uncategorised ones first."""
    groups: dict[str, list[str]] = {}
    for skill in document.skills:
        label = f"{skill.name} ({skill.level})" if skill.level else skill.name
        groups.setdefault(skill.category, []).append(label)
    ordered = sorted(groups.items(), key=lambda item: item[0] != "")
    return [
        {"category": skill_category_label(category), "skills": names, "text": ", ".join(names)}
        for category, names in ordered
    ]


def _degree_line(degree: str, field: str) -> str:
    if degree and field:
        return f"{degree}, {field}" if field.lower() not in degree.lower() else degree
    return degree or field


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value


def clean_document(document: ResumeDocument) -> ResumeDocument:
    """The document without characters no output format can carry."""
    data = document.model_dump()
    cleaned = _clean(data)
    return document if cleaned == data else ResumeDocument.model_validate(cleaned)


def build_context(
    document: ResumeDocument,
    *,
    visibility: dict[str, Any] | None = None,
    options: RenderOptions | None = None,
) -> dict[str, Any]:
    """The template context every layout receives (see templates/resume_layouts/*)."""
    options = options or RenderOptions()
    document = clean_document(document)
    visible = visible_sections(visibility)
    person = document.personal

    work = [
        {
            "position": job.position,
            "company": job.company,
            "location": job.location,
            "dates": format_range(job.start_date, job.end_date),
            "paragraphs": paragraphs(job.description),
            "highlights": [h for h in job.highlights if h],
        }
        for job in document.work
    ]
    education = [
        {
            "institution": ed.institution,
            "degree": ed.degree,
            "field": ed.field,
            "degree_line": _degree_line(ed.degree, ed.field),
            "location": ed.location,
            "grade": ed.grade,
            "dates": format_range(ed.start_date, ed.end_date),
            "paragraphs": paragraphs(ed.description),
        }
        for ed in document.education
    ]
    projects = [
        {
            "name": project.name,
            "url": display_url(project.url) if project.url else "",
            "href": safe_href(project.url),
            "dates": format_range(project.start_date, project.end_date),
            "technologies": list(project.technologies),
            "paragraphs": paragraphs(project.description),
            "highlights": [h for h in project.highlights if h],
        }
        for project in document.projects
    ]
    certifications = [
        {"name": c.name, "issuer": c.issuer, "date": format_date(c.date), "url": c.url}
        for c in document.certifications
    ]
    custom_sections = [
        {
            "title": section.title,
            "items": [
                {
                    "title": item.title,
                    "subtitle": item.subtitle,
                    "date": item.date,
                    "paragraphs": paragraphs(item.description),
                }
                for item in section.items
            ],
        }
        for section in document.custom_sections
    ]
    contact_items = contacts(document)
    has_content = {
        "personalInfo": bool(person.name or person.title or contact_items),
        "summary": bool(document.summary.strip()),
        "workExperience": bool(work),
        "education": bool(education),
        "skills": bool(document.skills),
        "projects": bool(projects),
        "certifications": bool(certifications),
        "languages": bool(document.languages),
        "extracurricular": any(item.strip() for item in document.extracurricular),
        "customSections": bool(custom_sections),
    }
    show = {section: visible[section] and has_content[section] for section in SECTIONS}
    photo = options.photo_data_uri if options.include_photo and show["personalInfo"] else ""
    return {
        "person": person.model_dump(),
        "contacts": contact_items,
        "photo": photo,
        "show": show,
        "headings": dict(HEADINGS),
        "summary_paragraphs": paragraphs(document.summary),
        "work": work,
        "education": education,
        "skill_groups": skill_groups(document),
        "projects": projects,
        "certifications": certifications,
        "languages": [{"name": lang.name, "level": lang.level} for lang in document.languages],
        "extracurricular": [item for item in document.extracurricular if item.strip()],
        "custom_sections": custom_sections,
        "options": {
            "page_size": options.page_size,
            "margin": options.margin,
            "margin_mm": options.margin_mm,
            "color_scheme": options.color_scheme,
        },
        "agency": {
            "name": options.agency_name,
            "website": display_url(options.agency_website) if options.agency_website else "",
            "href": safe_href(options.agency_website),
            "logo": options.agency_logo_data_uri,
        },
        "document_title": document_title(document, visible=visible),
    }


def document_title(document: ResumeDocument, *, visible: dict[str, bool]) -> str:
    """'<Name> – <Headline>' for the HTML <title> / PDF metadata; never the hidden name."""
    if not visible.get("personalInfo", True):
        return "Resume"
    parts = [p for p in (document.personal.name, document.personal.title) if p]
    return " – ".join(parts) or "Resume"


# ResumeDocument fields emptied when a section is hidden (personalInfo empties the whole
# personal block, name included: hiding it is how a user makes an anonymous CV).
_SECTION_FIELDS = {
    "personalInfo": "personal",
    "summary": "summary",
    "workExperience": "work",
    "education": "education",
    "skills": "skills",
    "projects": "projects",
    "certifications": "certifications",
    "languages": "languages",
    "extracurricular": "extracurricular",
    "customSections": "custom_sections",
}


def apply_visibility(document: ResumeDocument, visibility: dict[str, Any] | None) -> ResumeDocument:
    """A copy of the document without its hidden sections (for data exports like JSON)."""
    visible = visible_sections(visibility)
    hidden = {_SECTION_FIELDS[s] for s, shown in visible.items() if not shown}
    if not hidden:
        return document
    empty = ResumeDocument()
    return document.model_copy(update={field: getattr(empty, field) for field in hidden}, deep=True)
