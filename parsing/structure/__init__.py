"""Structuring: plain CV text → the fields of a parsed resume (pure, no Django imports).

``structure(text, kind=..., language_hint=...)`` runs every step once over the cleaned
lines: sections, contact details, work history, education, skills (through the shared
vocabulary in ``matching.skills``), spoken languages, certifications, document language and
type, an extractive summary, and a calibrated confidence with the problems found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .certifications import CertificationEntry, parse_certifications
from .confidence import assess
from .contact import Contact, find_contact, looks_like_name
from .dates import find_ranges
from .doctype import classify
from .education import DEGREE_RE, INSTITUTION_RE, EducationEntry, parse_education
from .experience import TITLE_WORDS, WorkEntry, parse_experience, years_of_experience
from .language import detect_language
from .languages import has_spoken_language, parse_languages
from .sections import lines_of, split_sections
from .skills import parse_skills
from .summary import build_summary
from .text import Line, fold, to_lines

__all__ = [
    "CertificationEntry",
    "Contact",
    "EducationEntry",
    "ParsedResume",
    "WorkEntry",
    "structure",
    "warm_up",
]

MAX_TEXT_CHARS = 200_000
_SPACE_RE = re.compile(r"\s")
_GARBLED_RE = re.compile("[\u0530-\u058f\u0700-\u08ff\u0980-\u0dff\u0f00-\u1dff\ufffd\ue000-\uf8ff]")


@dataclass
class ParsedResume:
    contact: Contact
    headline: str = ""
    current_title: str = ""
    profile: str = ""
    work: list[WorkEntry] = field(default_factory=list)
    education: list[EducationEntry] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    certifications: list[CertificationEntry] = field(default_factory=list)
    years_of_experience: float | None = None
    ai_summary: str = ""
    document_language: str | None = None
    document_type: str = "other"
    parsing_confidence: float = 0.0
    parsing_errors: list[dict] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


def warm_up() -> None:
    """Load the language model and the skills vocabulary (call once per worker process)."""
    from matching.skills import vocabulary_size

    from .language import warm_up as load_language_model

    load_language_model()
    vocabulary_size()


def _headline(header: list[Line], name: str) -> str:
    seen_name = not name or not any(fold(name) in fold(line.flat) for line in header[:8])
    for line in header[:8]:
        cell = line.cells[0]
        if name and fold(name) in fold(line.flat):
            seen_name = True
            rest = [c for c in line.cells[1:] if TITLE_WORDS.search(fold(c))]
            if rest and len(rest[0].split()) <= 10:
                return rest[0]
            following = header[header.index(line) + 1] if header.index(line) + 1 < len(header) else None
            if (
                following is not None
                and len(following.cells) == 1
                and 2 <= len(following.flat.split()) <= 8
                and not re.search(r"[@\d|:/]", following.flat)
                and not looks_like_name(following.flat)
                and "," not in following.flat
                and following.flat[:1].isupper()
            ):
                return following.flat  # the tagline printed right under the name
            continue
        if not seen_name:
            continue
        if "@" in cell or re.search(r"\d{3}", cell) or len(cell.split()) > 10:
            continue
        if TITLE_WORDS.search(fold(cell)) and not looks_like_name(cell):
            return re.split(r"\s+[|·•]\s+", cell)[0].strip(" -–|")
    return ""


_SIDE_ROLE_RE = re.compile(
    r"\b(?:intern|internship|trainee|volunteer|member|student|praktikant|praxissemester|stagiaire|"
    r"stage|becario|practicante|werkstudent|alternant)\b|实习",
    re.IGNORECASE,
)


def _main_current_job(work: list[WorkEntry]) -> WorkEntry | None:
    """The ongoing job a recruiter means by "current title": the latest start, and a real
    position rather than an internship or a membership held at the same time."""
    current = [w for w in work if w.is_current and w.title]
    if not current:
        return None
    return max(current, key=lambda w: (not _SIDE_ROLE_RE.search(fold(w.title)), w.start_date[:7]))


def _looks_like_studies(entry: WorkEntry) -> bool:
    text = fold(f"{entry.company} {entry.title}")
    return bool(INSTITUTION_RE.search(text) or DEGREE_RE.search(text)) and not TITLE_WORDS.search(
        fold(entry.title)
    )


def _dedupe(entries: list[EducationEntry]) -> list[EducationEntry]:
    seen, out = set(), []
    for item in entries:
        key = (fold(item.institution), fold(item.degree), item.end_year)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _garbled_ratio(text: str) -> float:
    visible = len(text) - len(_SPACE_RE.findall(text))
    return len(_GARBLED_RE.findall(text)) / visible if visible else 0.0


def structure(
    text: str, *, kind: str = "", language_hint: str | None = None, warnings: list[str] | None = None
) -> ParsedResume:
    truncated = len(text or "") > MAX_TEXT_CHARS
    if truncated:
        # Far beyond any CV (a dense 5-page CV is ~20,000 characters): bound the work.
        text = text[:MAX_TEXT_CHARS]

    lines = to_lines(text)
    if not lines:
        parsed = ParsedResume(contact=Contact())
        result = assess(
            found={},
            cv_score=0.0,
            document_type="other",
            text_chars=0,
            garbled_ratio=0.0,
            extraction_warnings=[],
        )
        parsed.parsing_confidence, parsed.parsing_errors = result.confidence, result.errors
        return parsed
    sections = split_sections(lines)
    language, _probability = detect_language(text)
    language = language or language_hint
    contact = find_contact(sections, lines, language=language)

    experience_lines = lines_of(sections, "experience")
    work = parse_experience(experience_lines)
    if work:
        # Two-column layouts interleave columns: entries can spill into the section that
        # follows the experience heading in reading order (skills, languages, contacts).
        first = next(i for i, s in enumerate(sections) if s.name == "experience")
        spill = [
            ln
            for s in sections[first + 1 :]
            if s.name in {"skills", "languages", "contact", "interests", "references"}
            for ln in s.lines
        ]
        known = {(w.start_date, w.end_date) for w in work}
        work += [
            w
            for w in parse_experience(spill)
            if w.company
            and w.title
            and TITLE_WORDS.search(fold(w.title))
            and (w.start_date, w.end_date) not in known
        ]
    if not work:
        # Headings detached from their bodies (some two-column PDFs): read dated entries
        # wherever they are, except in education.
        other = [
            ln
            for s in sections
            if s.name not in {"education", "projects", "awards", "publications"}
            for ln in s.lines
        ]
        work = [w for w in parse_experience(other) if w.company and w.title]
    # Studies listed under experience ("Faculty of Mathematics, MSU 2005 – 2009") are not jobs.
    work = [w for w in work if not _looks_like_studies(w)]
    education = _dedupe(parse_education(lines_of(sections, "education")))

    language_lines = lines_of(sections, "languages")
    spoken_lines = [ln for ln in language_lines if has_spoken_language(ln.flat)]
    skill_lines = lines_of(sections, "skills") + [ln for ln in language_lines if ln not in spoken_lines]
    skills = parse_skills(skill_lines, text)
    languages = parse_languages(spoken_lines, lines)
    certifications = parse_certifications(lines_of(sections, "certifications"))

    # A sidebar can put the name, headline or place right after the certificates (LinkedIn).
    identity = {fold(x) for x in (contact.name, contact.location) if x}
    certifications = [
        c
        for c in certifications
        if fold(c.name) not in identity
        and fold(f"{c.name}, {c.issuer}") not in identity
        and not (TITLE_WORDS.search(fold(c.name)) and " at " in c.name)
    ]
    header = [ln for s in sections if s.name == "header" for ln in s.lines]
    headline = _headline(header or lines[:8], contact.name)
    ongoing = _main_current_job(work)
    current_title = ongoing.title if ongoing else headline or (work[0].title if work else "")
    years = years_of_experience(work) if work else None
    profile = " ".join(ln.flat for ln in lines_of(sections, "summary"))

    garbled = _garbled_ratio(text)
    names = {s.name for s in sections}
    date_ranges = sum(1 for ln in lines if find_ranges(ln.flat))
    doc = classify(
        text=text,
        sections=names,
        has_email=bool(contact.email),
        has_phone=bool(contact.phone),
        date_ranges=date_ranges,
        work_entries=sum(1 for w in work if w.company and w.title),
    )
    found = {
        "name": bool(contact.name),
        "email": bool(contact.email),
        "phone": bool(contact.phone),
        "work_history": bool(work),
        "education": bool(education),
        "skills": bool(skills),
        "location": bool(contact.location),
        "current_title": bool(current_title),
    }
    verdict = assess(
        found=found,
        cv_score=doc.cv_score,
        document_type=doc.kind,
        text_chars=len(text.strip()),
        garbled_ratio=garbled,
        extraction_warnings=list(warnings or []),
    )
    if truncated:
        verdict.errors.append(
            {
                "code": "text_truncated",
                "message": f"Only the first {MAX_TEXT_CHARS} characters were read.",
            }
        )
    ai_summary = build_summary(
        profile_text=profile,
        name=contact.name,
        title=current_title,
        years=years,
        skills=skills,
        companies=[w.company for w in work if w.company],
    )
    return ParsedResume(
        contact=contact,
        headline=headline,
        current_title=current_title,
        profile=profile,
        work=work,
        education=education,
        skills=skills,
        languages=languages,
        certifications=certifications,
        years_of_experience=years,
        ai_summary=ai_summary,
        document_language=language,
        document_type=doc.kind,
        parsing_confidence=verdict.confidence,
        parsing_errors=verdict.errors,
        sections=[s.name for s in sections if s.name != "header"],
    )
