"""Is this document a CV? A weighted vote of cheap signals: CV section headings, contact
details and date ranges for; job-ad and letter phrasing against. ``document_type`` is
"resume", "job_description", "cover_letter" or "other"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_JOB_AD_RE = re.compile(
    r"\b(?:we are looking for|we're looking for|you will|you'll|about the role|about you|"
    r"what you'll do|responsibilities|requirements|qualifications|nice to have|we offer|"
    r"benefits|apply now|how to apply|job description|the ideal candidate|equal opportunity|"
    r"salary|nous recherchons|vos missions|votre profil|nous offrons|wir suchen|ihre aufgaben|"
    r"ihr profil|wir bieten|buscamos|requisitos|ofrecemos|funciones|岗位职责|任职要求|职位描述)\b",
    re.IGNORECASE,
)
_LETTER_RE = re.compile(
    r"^(?:dear|to whom it may concern|madame|monsieur|sehr geehrte|estimad[oa]s?)\b|"
    r"\b(?:sincerely|yours faithfully|kind regards|cordialement|mit freundlichen gr[üu]ßen|"
    r"atentamente)\b",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class DocType:
    kind: str
    cv_score: float  # 0..1, how CV-like the document is


def classify(
    *,
    text: str,
    sections: set[str],
    has_email: bool,
    has_phone: bool,
    date_ranges: int,
    work_entries: int = 0,
) -> DocType:
    """``work_entries``: dated entries with an employer and a title — job ads and letters
    have none, a LinkedIn paste without headings has several."""
    cv = 0.0
    cv += 0.1 * min(3, work_entries)
    cv += 0.2 * min(3, len(sections & {"experience", "education", "skills"}))
    cv += 0.05 * min(3, len(sections & {"summary", "languages", "certifications", "projects", "awards"}))
    cv += 0.1 if has_email else 0.0
    cv += 0.1 if has_phone else 0.0
    cv += min(0.2, 0.05 * date_ranges)
    job = min(1.0, 0.12 * len(_JOB_AD_RE.findall(text[:20000])))
    letter = min(1.0, 0.35 * len(_LETTER_RE.findall(text[:20000])))
    cv = min(1.0, cv)
    if cv >= 0.45 and cv >= job and cv >= letter * 0.8:
        return DocType("resume", cv)
    if job >= 0.5 and job > cv:
        return DocType("job_description", cv)
    if letter >= 0.7 and letter > cv:
        return DocType("cover_letter", cv)
    if cv >= 0.35:
        return DocType("resume", cv)
    return DocType("other", cv)
