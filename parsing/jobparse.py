"""Job descriptions → structured jobs (pure; English, French, Spanish, German headings).

Deterministic rules, no external AI: the title from an explicit label, the first title-like
line or a "looking for a … to" phrase; required and nice-to-have skills found with the shared
skills vocabulary (``matching.skills``) in the requirement and bonus parts of the text; the
experience asked ("5+ years", "3 à 5 ans", "al menos 4 años"); the education level; company
and location from labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matching.skills import find_skills

_LABEL = r"^\s*(?:\*\*)?\s*{names}\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(?P<value>.+?)\s*(?:\*\*)?\s*$"


def _label(*names: str) -> re.Pattern[str]:
    return re.compile(_LABEL.format(names="(?:" + "|".join(names) + ")"), re.I | re.M)


TITLE_LABEL = _label(
    "job title",
    "title",
    "position",
    "role",
    "poste",
    "intitulé du poste",
    "puesto de trabajo",
    "puesto",
    "stelle",
    "stellenbezeichnung",
    "job description",
    "job posting",
    "vacancy",
    "offre",
)
COMPANY_LABEL = _label("company", "employer", "entreprise", "société", "empresa", "unternehmen", "firma")
LOCATION_LABEL = _label(
    "location", "lieu", "localisation", "ubicación", "ubicacion", "ort", "standort", "city", "ville"
)
REFERENCE_LABEL = _label("reference", "ref", "job id", "requisition id", "référence", "referencia")

_LOOKING_FOR = re.compile(
    r"(?:looking for|seeking|hiring|recherchons|recrutons|buscamos|suchen)\s+"
    r"(?:an?|un|une|una|einen|eine)?\s*"
    r"(?P<title>[A-Z][\w/+#.\- ]{2,60}?)\s+(?:to|who|with|for|pour|qui|para|que|mit|der|die|,|\.)",
)
_REQ_HEAD = re.compile(
    r"^\W*(requirements?|qualifications?|must[- ]haves?|what you(?:'ll)? (?:need|bring)|who you are|"
    r"you have|your profile|required skills|skills|profil recherché|profil|compétences|exigences|"
    r"requisitos|perfil|qué buscamos|anforderungen|ihr profil|dein profil)\b.*$",
    re.I,
)
_NICE_HEAD = re.compile(
    r"(nice[- ]to[- ]have|bonus|preferred|a plus|is a plus|desirable|atouts?|serait un plus|"
    r"valorable|se valorará|wünschenswert|von vorteil|plus:)",
    re.I,
)
_YEARS = re.compile(
    r"(?P<min>\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to|à|a|bis)\s*(?P<max>\d{1,2})\s*)?"
    r"(?:\+\s*)?(?:years?|yrs?|ans|années|años|jahre)",
    re.I,
)
_EDUCATION = (
    ("phd", re.compile(r"\b(ph\.?d|doctorate|doctoral degree|doctorat|doctorado)\b", re.I)),
    ("masters", re.compile(r"\b(master'?s?|msc|m\.s\.|mba|bac\s*\+\s*5|máster|diplom)\b", re.I)),
    (
        "bachelors",
        re.compile(
            r"\b(bachelor'?s?|b\.?sc|b\.s\.|b\.a\.|undergraduate degree|licence|bac\s*\+\s*3|"
            r"grado|licenciatura|degree in|university degree)\b",
            re.I,
        ),
    ),
    ("associate", re.compile(r"\b(associate'?s? degree|bac\s*\+\s*2|bts|dut)\b", re.I)),
    ("high_school", re.compile(r"\b(high school|ged|baccalauréat|bachillerato|abitur)\b", re.I)),
)
_EDU_PHRASE = re.compile(
    r"[^.\n;]*\b(degree|bachelor|master|ph\.?d|diploma|diplôme|bac\s*\+|licence|grado|título|abschluss)\b[^.\n;]*",
    re.I,
)


@dataclass
class ParsedJob:
    title: str = ""
    description: str = ""
    profile: str = ""
    experience: str = ""
    education: str = ""
    education_level: str = "any"
    min_experience_years: float | None = None
    max_experience_years: float | None = None
    required_skills: list[str] = field(default_factory=list)
    nice_to_have_skills: list[str] = field(default_factory=list)
    company: str = ""
    city: str = ""
    country: str = ""
    reference: str = ""

    @property
    def skills(self) -> list[str]:
        return self.required_skills + [
            s for s in self.nice_to_have_skills if s not in self.required_skills
        ]


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    # Drop provenance lines like "[Source: …]" that some exports carry.
    lines = [line for line in lines if not re.match(r"^\s*\[source:.*\]\s*$", line, re.I)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_GENERIC_HEADINGS = re.compile(
    r"^(about( us| the (role|job|company|team))?|job description|description|overview|summary|the role|"
    r"who we are|à propos|a propos|sobre nosotros|descripción|acerca de|über uns|company|position)$",
    re.I,
)


def _unquote(value: str) -> str:
    return value.strip().strip("\"'“”‘’«»").strip()


def _title(text: str) -> str:
    for match in TITLE_LABEL.finditer(text):
        value = _unquote(match.group("value"))
        if 0 < len(value) <= 100 and len(value.split()) <= 12:
            return value[:200]
    for line in text.split("\n")[:8]:
        candidate = _unquote(line.strip().strip("#*").strip())
        words = candidate.split()
        if (
            1 <= len(words) <= 10
            and not candidate.endswith((".", ":", ",", ";"))
            and not re.search(r"[:@]|https?://", candidate)
            and candidate.count(",") < 2
            and not _GENERIC_HEADINGS.match(candidate)
            and re.search(r"[A-Za-zÀ-ÿ]", candidate)
            and candidate[0].isupper()
        ):
            return candidate[:200]
    match = _LOOKING_FOR.search(text)
    return match.group("title").strip()[:200] if match else ""


def _split_parts(text: str) -> tuple[str, str]:
    """(requirement text, nice-to-have text); with no headings, everything is requirements."""
    required: list[str] = []
    nice: list[str] = []
    mode = "body"
    for line in text.split("\n"):
        stripped = line.strip()
        if _NICE_HEAD.search(stripped) and len(stripped) < 160:
            mode = "nice"
            # "Bonus: Kafka, Redis" — the rest of the line belongs to the nice-to-have part.
            nice.append(stripped)
            continue
        if _REQ_HEAD.match(stripped) and len(stripped) < 120:
            mode = "required"
        if mode == "nice":
            if _REQ_HEAD.match(stripped) and len(stripped) < 60:
                mode = "required"
                required.append(stripped)
            else:
                nice.append(stripped)
        else:
            required.append(stripped)
    return "\n".join(required), "\n".join(nice)


def _profile(text: str) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _REQ_HEAD.match(line.strip()) and len(line.strip()) < 60:
            block: list[str] = []
            for follow in lines[index + 1 :]:
                if not follow.strip() and block:
                    break
                if follow.strip():
                    block.append(follow.strip())
            if block:
                return "\n".join(block)[:2000]
    sentences = re.split(r"(?<=[.;])\s+", text)
    wanted = [
        s
        for s in sentences
        if re.search(r"\b(experience|you have|you are|requirements?|expérience|experiencia)\b", s, re.I)
    ]
    return " ".join(wanted[:3])[:2000]


def experience_range(
    text: str, *, require_context: bool = True
) -> tuple[str, float | None, float | None]:
    """("5+ years", 5.0, None) from "5+ years of experience"; the largest minimum wins.

    In a whole description a number of years only counts next to words about experience
    ("we are 25 years old" does not); a field that only holds the requirement ("5+ years")
    needs no such context."""
    best: tuple[str, float | None, float | None] = ("", None, None)
    for match in _YEARS.finditer(text or ""):
        window = text[max(0, match.start() - 60) : match.end() + 60].lower()
        # "5+ years" and "at least 3 years" state a requirement on their own; a bare number of
        # years needs words about experience nearby ("we are 25 years old" does not count).
        stated = "+" in match.group(0) or re.search(
            r"(at least|minimum|min\.|over|more than|au moins|al menos|mindestens)\s*$",
            text[max(0, match.start() - 20) : match.start()].lower(),
        )
        if (
            require_context
            and not stated
            and not re.search(r"experi|expérience|experiencia|erfahrung|professional|working", window)
        ):
            continue
        low = float(match.group("min"))
        high = float(match.group("max")) if match.group("max") else None
        if low > 40 or (high is not None and high < low):
            continue
        phrase = f"{int(low)}–{int(high)} years" if high else f"{int(low)}+ years"
        if best[1] is None or low > best[1]:
            best = (phrase, low, high)
    return best


def education_level_of(text: str) -> str:
    """The education level an education requirement names ("any" when none)."""
    return _education(text or "")[1]


def _education(text: str) -> tuple[str, str]:
    for level, pattern in _EDUCATION:
        if pattern.search(text):
            phrase = next(
                (m.group(0).strip() for m in _EDU_PHRASE.finditer(text) if pattern.search(m.group(0))),
                "",
            )
            return (phrase or pattern.search(text).group(0))[:200], level
    return "", "any"


def _location(text: str) -> tuple[str, str]:
    match = LOCATION_LABEL.search(text)
    if not match:
        return "", ""
    value = _unquote(match.group("value").strip().strip("*"))
    if not value or value.lower() in {"tbd", "n/a", "-"}:
        return "", ""
    city, _, rest = value.partition(",")
    return city.strip()[:120], rest.strip()[:64]


def parse_job_text(text: str) -> ParsedJob:
    """Structure one job description; empty text gives an empty ParsedJob."""
    text = _clean(text or "")
    if not text:
        return ParsedJob()
    required_text, nice_text = _split_parts(text)
    required = find_skills(required_text)
    nice = [skill for skill in find_skills(nice_text) if skill not in required]
    experience, low, high = experience_range(text)
    education, level = _education(text)
    city, country = _location(text)
    company = COMPANY_LABEL.search(text)
    reference = REFERENCE_LABEL.search(text)
    return ParsedJob(
        title=_title(text),
        description=text,
        profile=_profile(text),
        experience=experience,
        education=education,
        education_level=level,
        min_experience_years=low,
        max_experience_years=high,
        required_skills=required,
        nice_to_have_skills=nice,
        company=company.group("value")[:200] if company else "",
        city=city,
        country=country,
        reference=reference.group("value")[:120] if reference else "",
    )
