"""``parsing_confidence`` and ``parsing_errors``.

The confidence is the weighted share of the fields a recruiter relies on that were found,
scaled by how CV-like the document is and by the quality of the text. The weights follow
how often each field was right in the corpus evaluation when present (name, email and phone
are near-certain when found; work history and education less so), so a CV with every core
field scores ~0.9 and a document that is not a CV stays below 0.3.
"""

from __future__ import annotations

from dataclasses import dataclass

WEIGHTS = {
    "name": 0.18,
    "email": 0.14,
    "phone": 0.10,
    "work_history": 0.20,
    "education": 0.14,
    "skills": 0.14,
    "location": 0.05,
    "current_title": 0.05,
}


@dataclass(frozen=True)
class Assessment:
    confidence: float
    errors: list[dict]


def assess(
    *,
    found: dict[str, bool],
    cv_score: float,
    document_type: str,
    text_chars: int,
    garbled_ratio: float,
    extraction_warnings: list[str],
) -> Assessment:
    errors: list[dict] = []
    if text_chars == 0:
        return Assessment(
            0.0, [{"code": "empty_text", "message": "The document contains no readable text."}]
        )
    coverage = sum(weight for key, weight in WEIGHTS.items() if found.get(key))
    quality = max(0.0, 1.0 - 2.0 * garbled_ratio)
    confidence = coverage * (0.4 + 0.6 * cv_score) * quality
    if document_type != "resume":
        errors.append(
            {
                "code": "not_a_resume",
                "message": f"The document looks like a {document_type.replace('_', ' ')}, not a CV.",
            }
        )
        confidence = min(confidence, 0.3)
    if garbled_ratio > 0.2:
        errors.append(
            {
                "code": "unreadable_text",
                "message": (
                    "Part of the text could not be decoded (fonts without a Unicode map); "
                    "fields from it were skipped."
                ),
            }
        )
    for key, code, message in (
        ("name", "name_not_found", "No candidate name was found."),
        ("email", "email_not_found", "No e-mail address was found."),
        ("work_history", "work_history_not_found", "No dated work experience was found."),
    ):
        if not found.get(key) and document_type == "resume":
            errors.append({"code": code, "message": message})
    for warning in extraction_warnings:
        errors.append({"code": "extraction_warning", "message": warning})
    return Assessment(round(min(1.0, max(0.0, confidence)), 2), errors)
