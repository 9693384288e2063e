"""File bytes → parsed candidate: extraction, structuring, and the two output shapes.

Pure (no ORM): ``parse_bytes`` is what the Celery task, the synchronous reader endpoint, the
``parse_files`` command and the benchmark all call. ``ParseResult.candidate`` is the full
parserpro candidate object (the fields the parser fills; ids, tags and timestamps belong to
the stored Candidate), ``ParseResult.document`` the canonical ResumeDocument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from matching.skills import category as skill_category
from matching.vocab_extra import MENTIONED_KEY, mentioned_skills
from parsing.extract import Extracted, extract
from parsing.structure import ParsedResume, structure
from resumes.document import ResumeDocument

_DATE_OK_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")


@dataclass
class ParseResult:
    candidate: dict[str, Any]
    document: ResumeDocument
    parsed: ParsedResume
    extracted: Extracted
    metadata: dict[str, Any] = field(default_factory=dict)


def _date(value: str) -> str:
    return value if _DATE_OK_RE.match(value or "") else ""


def to_candidate(parsed: ParsedResume) -> dict[str, Any]:
    """The parserpro candidate fields the parser fills (see "The Candidate Object")."""
    contact = parsed.contact
    return {
        "full_name": contact.name,
        "email": contact.email,
        "phone": contact.phone,
        "location": contact.location,
        "current_title": parsed.current_title,
        "years_of_experience": parsed.years_of_experience,
        "skills": list(parsed.skills),
        "languages": list(parsed.languages),
        "work_history": [
            {
                "company": w.company,
                "title": w.title,
                "start_date": w.start_date,
                "end_date": w.end_date,
                "is_current": w.is_current,
                "description": w.description,
            }
            for w in parsed.work
        ],
        "education": [
            {
                "institution": e.institution,
                "degree": e.degree,
                "field": e.field,
                "start_year": e.start_year,
                "end_year": e.end_year,
            }
            for e in parsed.education
        ],
        "certifications": [
            {"name": c.name, "issuer": c.issuer, "date": c.date} for c in parsed.certifications
        ],
        "linkedin_url": contact.linkedin,
        "github_url": contact.github,
        "portfolio_url": contact.portfolio,
        # Every profile link found, so links the three named fields cannot hold are not lost.
        "links": list(contact.links),
        "ai_summary": parsed.ai_summary,
        "parsing_confidence": parsed.parsing_confidence,
        "parsing_errors": list(parsed.parsing_errors) or None,
        "document_language": parsed.document_language or "",
        "document_type": parsed.document_type,
    }


def to_document(parsed: ParsedResume) -> ResumeDocument:
    contact = parsed.contact
    named = {contact.linkedin, contact.github, contact.portfolio}
    data = {
        "personal": {
            "name": contact.name,
            "title": parsed.current_title,
            "email": contact.email if "@" in contact.email else "",
            "phone": contact.phone,
            "location": contact.location,
            "website": contact.portfolio,
            "linkedin": contact.linkedin,
            "github": contact.github,
            "links": [{"label": "", "url": url} for url in contact.links if url not in named][:30],
        },
        "summary": parsed.profile,
        "work": [
            {
                "company": w.company,
                "position": w.title,
                "start_date": _date(w.start_date),
                "end_date": "present" if w.is_current else _date(w.end_date),
                "is_current": w.is_current,
                "description": w.description,
            }
            for w in parsed.work[:200]
        ],
        "education": [
            {
                "institution": e.institution,
                "degree": e.degree,
                "field": e.field,
                "start_date": _date(e.start_year),
                "end_date": _date(e.end_year),
            }
            for e in parsed.education[:100]
        ],
        "skills": [{"name": s[:300], "category": skill_category(s)} for s in parsed.skills[:500]],
        "certifications": [
            {"name": c.name, "issuer": c.issuer, "date": _date(c.date)}
            for c in parsed.certifications[:200]
            if c.name
        ],
        "languages": [{"name": name} for name in parsed.languages[:50]],
    }
    return ResumeDocument.model_validate(data)


def parse_text(
    text: str, *, kind: str = "txt", language_hint: str | None = None, warnings: list[str] | None = None
):
    parsed = structure(text, kind=kind, language_hint=language_hint, warnings=warnings)
    return parsed, to_candidate(parsed), to_document(parsed)


def parse_bytes(data: bytes, *, filename: str = "", timeout: float = 30.0) -> ParseResult:
    """Extract and structure one file. Raises ``ExtractionError`` when no text can be had."""
    extracted = extract(data, filename=filename, timeout=timeout)
    parsed, candidate, document = parse_text(
        extracted.text,
        kind=extracted.kind,
        language_hint=extracted.language_hint,
        warnings=extracted.warnings,
    )
    metadata = {
        "extraction": {"kind": extracted.kind, "method": extracted.method, "pages": extracted.pages},
        # Matching reads the whole CV, not only its skills list (matching.scoring: mentioned).
        MENTIONED_KEY: mentioned_skills(extracted.text, candidate["skills"]),
    }
    return ParseResult(
        candidate=candidate, document=document, parsed=parsed, extracted=extracted, metadata=metadata
    )
