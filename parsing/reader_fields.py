"""The reader dialect's parse result (``resumeData``) and its two documented field sets.

``/api/v1/parser`` answers ``parserType=ADVANCED`` with 56 fields and ``PREMIUM`` with 96.
A *field* is a leaf path below: ``candidate.email`` is one field, ``experiences[].company``
is one field (present in every experience item). PREMIUM is a superset of ADVANCED. Fields
the CV does not state are ``null`` (lists: ``[]``) — present, never invented.

Pure: builds from the parserpro candidate fields and the canonical ResumeDocument dict.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

ADVANCED_FIELDS: tuple[str, ...] = (
    # document (6)
    "resumeId",
    "documentType",
    "documentLanguage",
    "parserType",
    "parsedAt",
    "confidence",
    # candidate (17)
    "candidate.firstName",
    "candidate.lastName",
    "candidate.fullName",
    "candidate.title",
    "candidate.email",
    "candidate.phone",
    "candidate.location",
    "candidate.city",
    "candidate.country",
    "candidate.linkedinUrl",
    "candidate.githubUrl",
    "candidate.portfolioUrl",
    "candidate.summary",
    "candidate.yearsOfExperience",
    "candidate.currentTitle",
    "candidate.currentCompany",
    "candidate.totalJobs",
    # experiences (8)
    "experiences[].company",
    "experiences[].title",
    "experiences[].location",
    "experiences[].startDate",
    "experiences[].endDate",
    "experiences[].isCurrent",
    "experiences[].description",
    "experiences[].durationMonths",
    # educations (6)
    "educations[].institution",
    "educations[].degree",
    "educations[].field",
    "educations[].startYear",
    "educations[].endYear",
    "educations[].level",
    # skills (3)
    "skills[].name",
    "skills[].category",
    "skills[].level",
    # languages (2)
    "languages[].name",
    "languages[].level",
    # certifications (3)
    "certifications[].name",
    "certifications[].issuer",
    "certifications[].date",
    # projects (4)
    "projects[].name",
    "projects[].description",
    "projects[].technologies",
    "projects[].url",
    # summary facts (7)
    "highestEducationLevel",
    "skillNames",
    "languageNames",
    "emails",
    "phones",
    "links",
    "sections",
)

PREMIUM_ONLY_FIELDS: tuple[str, ...] = (
    # candidate (10)
    "candidate.phoneE164",
    "candidate.phoneCountry",
    "candidate.emailDomain",
    "candidate.twitterUrl",
    "candidate.otherLinks",
    "candidate.birthDate",
    "candidate.nationality",
    "candidate.photoUrl",
    "candidate.headline",
    "candidate.seniority",
    # experiences (5)
    "experiences[].highlights",
    "experiences[].skills",
    "experiences[].startYear",
    "experiences[].endYear",
    "experiences[].index",
    # educations (4)
    "educations[].location",
    "educations[].grade",
    "educations[].description",
    "educations[].isCompleted",
    # skills (3)
    "skills[].canonicalName",
    "skills[].inSkillsSection",
    "skills[].mentions",
    # languages (1)
    "languages[].isNative",
    # certifications (2)
    "certifications[].url",
    "certifications[].year",
    # projects (4)
    "projects[].startDate",
    "projects[].endDate",
    "projects[].highlights",
    "projects[].id",
    # extra sections (4)
    "interests",
    "customSections[].title",
    "customSections[].items",
    "aiSummary",
    # analytics (7)
    "employmentGaps",
    "averageTenureMonths",
    "longestTenureMonths",
    "careerStartYear",
    "companies",
    "titles",
    "institutions",
)
PREMIUM_FIELDS: tuple[str, ...] = ADVANCED_FIELDS + PREMIUM_ONLY_FIELDS

PARSER_TYPES = {"ADVANCED": ADVANCED_FIELDS, "PREMIUM": PREMIUM_FIELDS}
# The parser's document types in the reader's words ("CV" as its example shows).
DOCUMENT_TYPES = {
    "resume": "CV",
    "cv": "CV",
    "job_description": "JOB_DESCRIPTION",
    "cover_letter": "COVER_LETTER",
    "other": "OTHER",
}

_LEVELS = (
    ("phd", re.compile(r"\b(ph\.?\s?d|doctor|doctorate|dphil|博士)", re.I)),
    (
        "masters",
        re.compile(r"\b(master|m\.?sc|m\.?s\.|mba|m\.?eng|m\.?a\.|msc|硕士|maîtrise|máster)", re.I),
    ),
    (
        "bachelors",
        re.compile(r"\b(bachelor|b\.?sc|b\.?s\.|b\.?a\.|b\.?eng|licence|licenciatura|学士|本科)", re.I),
    ),
    ("associate", re.compile(r"\b(associate|a\.?a\.|a\.?s\.|dut|bts)\b", re.I)),
    ("high_school", re.compile(r"\b(high school|baccalauréat|abitur|bachillerato|高中)", re.I)),
)
_LEVEL_RANK = {"high_school": 1, "associate": 2, "bachelors": 3, "masters": 4, "phd": 5}


@lru_cache(maxsize=16384)
def education_level(degree: str) -> str | None:
    for level, pattern in _LEVELS:
        if pattern.search(degree or ""):
            return level
    return None


def _year(value: str | None) -> int | None:
    match = re.match(r"^(\d{4})", value or "")
    return int(match.group(1)) if match else None


def _months(start: str | None, end: str | None, *, today: date) -> int | None:
    def parse(value: str | None) -> tuple[int, int] | None:
        if not value:
            return None
        if value == "present":
            return today.year, today.month
        match = re.match(r"^(\d{4})(?:-(\d{2}))?", value)
        return (int(match.group(1)), int(match.group(2) or 1)) if match else None

    a, b = parse(start), parse(end)
    if not a or not b:
        return None
    months = (b[0] - a[0]) * 12 + (b[1] - a[1]) + 1
    return months if months > 0 else None


def _split_name(full_name: str) -> tuple[str | None, str | None]:
    parts = full_name.split()
    if not parts:
        return None, None
    if len(parts) == 1:
        return parts[0], None
    return " ".join(parts[:-1]), parts[-1]


def build_premium(
    *,
    resume_id: str,
    candidate: dict[str, Any],
    document: dict[str, Any],
    parsed_at: str,
    parser_type: str,
    today: date | None = None,
) -> dict[str, Any]:
    """The complete PREMIUM ``resumeData`` (every field of ``PREMIUM_FIELDS``)."""
    today = today or date.today()
    personal = document.get("personal", {}) or {}
    work = candidate.get("work_history") or []
    schools = candidate.get("education") or []
    skills = candidate.get("skills") or []
    doc_skills = {s.get("name", "").lower(): s for s in document.get("skills", []) or []}
    first, last = _split_name(candidate.get("full_name") or "")
    location = candidate.get("location") or ""
    city, _, country = (part.strip() for part in location.partition(","))
    phone = candidate.get("phone") or ""
    email = candidate.get("email") or ""
    links = [
        url
        for url in (
            candidate.get("linkedin_url"),
            candidate.get("github_url"),
            candidate.get("portfolio_url"),
        )
        if url
    ]
    other_links = [link.get("url") for link in personal.get("links", []) if link.get("url")]
    tenures = [
        m for m in (_months(w.get("start_date"), w.get("end_date"), today=today) for w in work) if m
    ]
    levels = [lvl for lvl in (education_level(e.get("degree") or "") for e in schools) if lvl]
    years = candidate.get("years_of_experience")
    start_years = [y for y in (_year(w.get("start_date")) for w in work) if y]
    text_by_skill = " ".join((w.get("description") or "") for w in work).lower()

    def phone_e164() -> tuple[str | None, str | None]:
        import phonenumbers

        try:
            number = phonenumbers.parse(phone, None if phone.startswith("+") else "US")
        except phonenumbers.NumberParseException:
            return None, None
        if not phonenumbers.is_possible_number(number):
            return None, None
        return (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.region_code_for_number(number),
        )

    e164, phone_country = phone_e164() if phone else (None, None)
    seniority = None
    if isinstance(years, (int, float)):
        seniority = (
            "junior" if years < 3 else "mid" if years < 6 else "senior" if years < 12 else "principal"
        )
    gaps = []
    dated = sorted(
        (
            (w.get("start_date"), w.get("end_date"))
            for w in work
            if w.get("start_date") and w.get("end_date")
        ),
    )
    for (_, prev_end), (next_start, _) in pairwise(dated):
        gap = _months(prev_end, next_start, today=today)
        if prev_end != "present" and gap and gap > 3:
            gaps.append({"from": prev_end, "to": next_start, "months": gap - 2})
    return {
        "resumeId": resume_id,
        "documentType": DOCUMENT_TYPES.get(candidate.get("document_type") or "resume", "OTHER"),
        "documentLanguage": (candidate.get("document_language") or "").upper() or None,
        "parserType": parser_type,
        "parsedAt": parsed_at,
        "confidence": candidate.get("parsing_confidence"),
        "candidate": {
            "firstName": first,
            "lastName": last,
            "fullName": candidate.get("full_name") or None,
            "title": candidate.get("current_title") or personal.get("title") or None,
            "email": email or None,
            "phone": phone or None,
            "location": location or None,
            "city": city or None,
            "country": country or None,
            "linkedinUrl": candidate.get("linkedin_url") or None,
            "githubUrl": candidate.get("github_url") or None,
            "portfolioUrl": candidate.get("portfolio_url") or None,
            "summary": document.get("summary") or None,
            "yearsOfExperience": years,
            "currentTitle": next((w.get("title") for w in work if w.get("is_current")), None),
            "currentCompany": next((w.get("company") for w in work if w.get("is_current")), None),
            "totalJobs": len(work),
            "phoneE164": e164,
            "phoneCountry": phone_country,
            "emailDomain": email.rsplit("@", 1)[1].lower() if "@" in email else None,
            "twitterUrl": personal.get("twitter") or None,
            "otherLinks": other_links,
            "birthDate": personal.get("birth_date") or None,
            "nationality": personal.get("nationality") or None,
            "photoUrl": personal.get("image_url") or None,
            "headline": personal.get("title") or None,
            "seniority": seniority,
        },
        "experiences": [
            {
                "company": w.get("company") or None,
                "title": w.get("title") or None,
                "location": w.get("location") or None,
                "startDate": w.get("start_date") or None,
                "endDate": w.get("end_date") or None,
                "isCurrent": bool(w.get("is_current")),
                "description": w.get("description") or None,
                "durationMonths": _months(w.get("start_date"), w.get("end_date"), today=today),
                "highlights": w.get("highlights") or [],
                "skills": [s for s in skills if s.lower() in (w.get("description") or "").lower()],
                "startYear": _year(w.get("start_date")),
                "endYear": _year(w.get("end_date")) if w.get("end_date") != "present" else None,
                "index": index,
            }
            for index, w in enumerate(work)
        ],
        "educations": [
            {
                "institution": e.get("institution") or None,
                "degree": e.get("degree") or None,
                "field": e.get("field") or None,
                "startYear": e.get("start_year") or None,
                "endYear": e.get("end_year") or None,
                "level": education_level(e.get("degree") or ""),
                "location": e.get("location") or None,
                "grade": e.get("grade") or None,
                "description": e.get("description") or None,
                "isCompleted": bool(e.get("end_year"))
                and (_year(str(e.get("end_year"))) or 0) <= today.year,
            }
            for e in schools
        ],
        "skills": [
            {
                "name": name,
                "category": (doc_skills.get(name.lower()) or {}).get("category") or None,
                "level": (doc_skills.get(name.lower()) or {}).get("level") or None,
                "canonicalName": name,
                "inSkillsSection": name.lower() in doc_skills,
                "mentions": max(1, text_by_skill.count(name.lower())),
            }
            for name in skills
        ],
        "languages": [
            {
                "name": lang.get("name"),
                "level": lang.get("level") or None,
                "isNative": bool(
                    re.search(r"native|mother|matern|muttersprach|母语", lang.get("level") or "", re.I)
                ),
            }
            for lang in (
                document.get("languages") or [{"name": n} for n in candidate.get("languages") or []]
            )
        ],
        "certifications": [
            {
                "name": c.get("name"),
                "issuer": c.get("issuer") or None,
                "date": c.get("date") or None,
                "url": c.get("url") or None,
                "year": _year(c.get("date")),
            }
            for c in candidate.get("certifications") or []
        ],
        "projects": [
            {
                "name": p.get("name"),
                "description": p.get("description") or None,
                "technologies": p.get("technologies") or [],
                "url": p.get("url") or None,
                "startDate": p.get("start_date") or None,
                "endDate": p.get("end_date") or None,
                "highlights": p.get("highlights") or [],
                "id": p.get("id"),
            }
            for p in document.get("projects") or []
        ],
        "highestEducationLevel": max(levels, key=_LEVEL_RANK.__getitem__) if levels else None,
        "skillNames": list(skills),
        "languageNames": list(candidate.get("languages") or []),
        "emails": [email] if email else [],
        "phones": [phone] if phone else [],
        "links": links + other_links,
        "sections": [
            name
            for name, present in (
                ("summary", document.get("summary")),
                ("experience", work),
                ("education", schools),
                ("skills", skills),
                ("languages", candidate.get("languages")),
                ("certifications", candidate.get("certifications")),
                ("projects", document.get("projects")),
            )
            if present
        ],
        "interests": document.get("extracurricular") or [],
        "customSections": [
            {"title": s.get("title"), "items": s.get("items") or []}
            for s in document.get("custom_sections") or []
        ],
        "aiSummary": candidate.get("ai_summary") or None,
        "employmentGaps": gaps,
        "averageTenureMonths": round(sum(tenures) / len(tenures)) if tenures else None,
        "longestTenureMonths": max(tenures) if tenures else None,
        "careerStartYear": min(start_years) if start_years else None,
        "companies": [w.get("company") for w in work if w.get("company")],
        "titles": [w.get("title") for w in work if w.get("title")],
        "institutions": [e.get("institution") for e in schools if e.get("institution")],
    }


def project(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Keep only ``fields`` of a PREMIUM result (for ADVANCED), preserving the structure."""
    top: dict[str, set[str] | None] = {}
    for path in fields:
        head, _, leaf = path.partition(".")
        head = head.removesuffix("[]")
        if leaf:
            top.setdefault(head, set()).add(leaf)  # type: ignore[union-attr]
        else:
            top[head] = None
    result: dict[str, Any] = {}
    for key, leaves in top.items():
        value = data.get(key)
        if leaves is None:
            result[key] = value
        elif isinstance(value, list):
            result[key] = [{k: item.get(k) for k in item if k in leaves} for item in value]
        elif isinstance(value, dict):
            result[key] = {k: v for k, v in value.items() if k in leaves}
        else:
            result[key] = value
    return result
