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
    skill_weights: dict[str, float] = field(default_factory=dict)  # where the ad names each skill
    company: str = ""
    city: str = ""
    country: str = ""
    reference: str = ""

    def weighted_required(self) -> list[dict]:
        return [{"skill": s, "weight": self.skill_weights.get(s, 1.0)} for s in self.required_skills]

    def weighted_nice(self) -> list[dict]:
        return [{"skill": s, "weight": self.skill_weights.get(s, 0.5)} for s in self.nice_to_have_skills]

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


# Where a skill is named says how much the job needs it: a requirement list is what a recruiter
# screens on, the duties describe the work around it, and benefits, "about us", salary and
# how-to-apply text name things (insurance, childcare, a savings plan) that are not asked of
# anyone. Headings are recognised at the start of a short line or inline before a colon, since
# many postings arrive flattened into one paragraph ("… Minimum Required Skills: Java, C# …").
_SECTION_KINDS: tuple[tuple[str, str], ...] = (
    (
        "nice",
        r"nice[- ]to[- ]haves?|bonus(?: points)?|preferred(?: qualifications| skills| experience)?|"
        r"desired(?: qualifications| skills)?|(?:it'?s |is )?a plus|optional(?: \(not required\))?|"
        r"desirable|atouts?|serait un plus|valorable|se valorar[aá]|deseable|w[üu]nschenswert|"
        r"von vorteil|plus:",
    ),
    (
        "skip",
        r"benefits?|perks|what'?s in it for you|why (?:join|work)[\w ]{0,20}|top reasons[\w ]{0,30}|"
        r"about (?:us|the company|our company)|who we are|our company|company overview|"
        r"how to apply|to apply|application process|application evaluation|evaluations?|"
        r"salary(?: range)?|compensation(?: and benefits)?|pay|basic information|who may apply|"
        r"employment requirements|job summary|quick links[\w ]{0,30}|equal (?:employment )?opportunity"
        r"|eeo|work schedule|travel requirement|security clearance|appointment type|location|"
        r"beneficios|sobre nosotros|c[oó]mo aplicar|qui(?: sommes| sont)[\w -]{0,12}|avantages|"
        r"à propos|a propos|über uns|wir bieten|unser angebot|ce que nous offrons|"
        r"lo que ofrecemos|ofrecemos",
    ),
    (
        "required",
        r"requirements?|(?:minimum |basic |key |required |essential )?qualifications?|"
        r"minimum (?:required )?skills(?: and competencies)?|required (?:skills|experience)|"
        r"skills required(?: for the position)?|must[- ]haves?|specialized experience(?: requirements)?|"
        r"what you(?:'ll| will)? (?:need|bring)(?: for this position| to the table)?|"
        r"what we(?:'re| are) looking for|who you are|you have|your profile|skill ?set|"
        r"(?:required |technical |key )?skills|competencies|experience required|"
        r"profil recherch[ée]|profil|comp[ée]tences(?: requises)?|exigences|requisitos|perfil|"
        r"qu[ée] buscamos|anforderungen|ihr profil|dein profil|voraussetzungen",
    ),
    (
        "duties",
        r"(?:essential |key |main )?(?:duties|responsibilities)(?: and responsibilities)?|"
        r"what you(?:'ll| will) (?:do|be doing)|you will|key objectives?|role summary|"
        r"position summary|primary purpose|job description|the role|about the (?:role|job|position)|"
        r"descripci[oó]n del (?:trabajo|puesto)|responsabilidades|funciones|missions?|vos missions|"
        r"aufgaben|deine aufgaben|ihre aufgaben|description du poste",
    ),
)
_KIND_OF = [(kind, re.compile(rf"(?:{pattern})", re.I)) for kind, pattern in _SECTION_KINDS]
_ANY_HEADING = "|".join(f"(?:{pattern})" for _, pattern in _SECTION_KINDS)
# A heading line: markup, the heading words, maybe a few more words, then a colon or nothing.
_HEADING_LINE = re.compile(
    rf"^[\s#*_>•●▪\-–]*(?P<head>(?:{_ANY_HEADING}))\b(?P<tail>[^.:!?]{{0,40}}?)[\s*_]*"
    rf"(?:[:：][\s*_]*(?P<rest>.*))?$",
    re.I,
)
# An inline heading in a flattened paragraph: the words right before a colon, or the few
# distinctive phrases postings use without one.
_INLINE_HEADING = re.compile(
    rf"(?:(?<=[\s.!?;)])|^)(?P<head>(?:[A-Z][\w'’]*\s+){{0,3}}(?:{_ANY_HEADING}))\s*[:：]"
    r"|(?:(?<=[\s.!?;)])|^)(?P<bare>What You Need for this Position|What You Will Be Doing|"
    r"What'?s In It for You|Nice To Haves?|Must have|Top Reasons to Work with Us)\b",
    re.I,
)
_BENEFITS = re.compile(r"\b(benefits?|perks|salary|compensation|beneficios|avantages)\b", re.I)
SECTION_WEIGHT = {"title": 1.0, "required": 1.0, "duties": 0.5, "body": 0.5, "nice": 0.5}


def _kind(heading: str) -> str | None:
    """The section kind a heading names; an inline match may have picked up the words before
    it ("… of the job Minimum Skills"), so the shortest tail that is a heading decides."""
    words = heading.strip().strip("#*_ ").lower().split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        for kind, pattern in _KIND_OF:
            if pattern.fullmatch(tail):
                return kind
    head = " ".join(words)
    if _BENEFITS.search(head):
        return "skip"  # "You will have access to many benefits including:"
    for kind, pattern in _KIND_OF:  # "Requirements for this role", "Key objective #1"
        found = pattern.match(head)
        if found and len(head[found.end() :].split()) <= 3:
            return kind
    return None


def _segments(text: str) -> list[tuple[str, str]]:
    """(kind, text) runs of the posting: required, nice, duties, skip, or body (before any
    heading)."""
    out: list[tuple[str, str]] = []
    mode = "body"
    for line in text.split("\n"):
        stripped = line.strip()
        head = _HEADING_LINE.match(stripped) if len(stripped) <= 90 else None
        if head and (head.group("rest") is not None or len(stripped.split()) <= 8):
            kind = _kind(head.group("head") + (head.group("tail") or ""))
            if kind == "skip" and (head.group("rest") or "").strip():
                continue  # a one-line field ("Location: Lyon", "Salary: 50k"), not a section
            if kind:
                mode = kind
                stripped = head.group("rest") or ""
        pos = 0
        for match in _INLINE_HEADING.finditer(stripped):
            kind = _kind(match.group("head") or match.group("bare"))
            if not kind:
                continue
            out.append((mode, stripped[pos : match.start()]))
            mode, pos = kind, match.end()
        out.append((mode, stripped[pos:]))
    return out


def skills_with_weights(text: str, title: str = "") -> tuple[dict[str, float], dict[str, float]]:
    """({required skill: weight}, {nice-to-have skill: weight}) of a posting.

    A skill named in the title or a requirement list weighs 1, one named only in the duties
    or the untitled body 0.5 (1 when the posting has no requirement list at all: then the
    body is the requirement), a nice-to-have 0.5; benefits, about-us, salary and how-to-apply
    text count for nothing."""
    segments = _segments(text)
    has_requirements = any(kind == "required" and find_skills(part) for kind, part in segments)
    required: dict[str, float] = {}
    nice: dict[str, float] = {}
    for name in find_skills(title):
        required[name] = SECTION_WEIGHT["title"]
    by_kind: dict[str, list[str]] = {}
    for kind, part in segments:
        if kind != "skip" and part.strip():
            by_kind.setdefault(kind, []).append(part)
    for kind, parts in by_kind.items():
        weight = SECTION_WEIGHT[kind] if has_requirements or kind == "nice" else 1.0
        for name in find_skills("\n".join(parts)):
            if kind == "nice":
                if name not in required:
                    nice[name] = max(nice.get(name, 0.0), weight)
            elif weight > required.get(name, 0.0):
                required[name] = weight
                nice.pop(name, None)
    return required, nice


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
    title = _title(text)
    required, nice = skills_with_weights(text, title)
    experience, low, high = experience_range(text)
    education, level = _education(text)
    city, country = _location(text)
    company = COMPANY_LABEL.search(text)
    reference = REFERENCE_LABEL.search(text)
    return ParsedJob(
        title=title,
        description=text,
        profile=_profile(text),
        experience=experience,
        education=education,
        education_level=level,
        min_experience_years=low,
        max_experience_years=high,
        required_skills=list(required),
        nice_to_have_skills=list(nice),
        skill_weights={**nice, **required},
        company=company.group("value")[:200] if company else "",
        city=city,
        country=country,
        reference=reference.group("value")[:120] if reference else "",
    )
