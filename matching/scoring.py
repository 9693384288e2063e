"""Candidate × job scoring: an explainable weighted formula (pure, no ORM).

    total = 0.55·skills + (skills/100)·(0.20·experience + 0.15·education + 0.10·location)

with every component 0–100. Experience, education and location count in proportion to the
skills fit, so an unrelated candidate does not climb a ranking on years or a degree alone; a
candidate who fits on every count scores 100.

**skills** — coverage of the job's weighted skills, names normalised through the shared
vocabulary (``matching.skills``):

    credit(s) = 1 if the candidate has s, RELATED_CREDIT (0.5) if the candidate has a skill
                related to s (either direction), else 0
    required  = Σ w·credit / Σ w over required skills      nice = the same over nice-to-have
    coverage  = 0.8·required + 0.2·nice   (only required, or only nice, when the other is empty)
    skills    = 100 · (0.8·coverage + 0.2·role)      (ROLE_WEIGHT = 0.2)

Each job skill's weight is multiplied by its category weight (soft skills 0.3, broad domains
0.6, everything else 1.0): a named technology says more about fit than "communication".
``role`` (0–1) is how well the job title matches the candidate's current and past titles
(shared words after dropping seniority and filler words; the current title counts fully,
past titles at 0.7), so a Java developer ranks above an accountant who lists Java. A job
with no skills at all scores skills on ``role`` alone.

**experience** — years against the job's range [min, max]: 100 inside it; below min,
100·(years/min) with a floor of 0; above max + 2 years, −5 per extra year down to 70
(over-qualified, not disqualified). Unknown years: 50. No range: 100.

**education** — ordinal levels high_school < associate < bachelors < masters < phd: 100 at or
above the requirement, 60 one level below, 30 two below, 0 further; unknown level: 50; job
asks "any": 100.

**location** — 100 when the job has no location, accepts remote, or a preferred location /
the job city appears in the candidate's location; 70 when only the country matches; 50 when
the candidate's location is unknown; 20 otherwise.

Every score comes with its explanation: matched, missing and related skills, the numbers
used for each component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from matching.skills import category, normalise, related

WEIGHTS = {"skills": 0.55, "experience": 0.20, "education": 0.15, "location": 0.10}
RELATED_CREDIT = 0.5
# Soft skills and broad domains say less about fit than a named technology or tool.
CATEGORY_WEIGHT = {"soft": 0.3, "domain": 0.6}
ROLE_WEIGHT = 0.2  # share of the job-title fit inside the skills component
EDUCATION_RANK = {"high_school": 1, "associate": 2, "bachelors": 3, "masters": 4, "phd": 5}
_FILLER = {
    "senior",
    "junior",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "sr",
    "jr",
    "ii",
    "iii",
    "i",
    "mid",
    "level",
    "entry",
    "graduate",
    "intern",
    "of",
    "and",
    "the",
    "a",
    "an",
    "for",
    "in",
    "at",
    "to",
    "with",
    "remote",
    "contract",
    "full",
    "time",
    "part",
    "de",
    "du",
    "des",
    "la",
    "le",
    "en",
    "y",
    "el",
    "und",
    "der",
    "die",
    "f",
    "m",
    "h",
    "w",
    "d",
    "x",
}
_ROLE_SYNONYMS = {
    "developer": "engineer",
    "programmer": "engineer",
    "dev": "engineer",
    "engineering": "engineer",
    "développeur": "engineer",
    "ingénieur": "engineer",
    "desarrollador": "engineer",
    "entwickler": "engineer",
    "ingeniero": "engineer",
    "swe": "engineer",
    "frontend": "front",
    "front-end": "front",
    "backend": "back",
    "back-end": "back",
    "fullstack": "full-stack",
    "accountant": "accounting",
    "analyst": "analytics",
    "analysis": "analytics",
    "manager": "management",
    "scientist": "science",
}


@dataclass(frozen=True)
class JobProfile:
    title: str = ""
    required_skills: tuple[tuple[str, float], ...] = ()
    nice_to_have_skills: tuple[tuple[str, float], ...] = ()
    min_years: float | None = None
    max_years: float | None = None
    education_level: str = "any"
    locations: tuple[str, ...] = ()  # preferred locations and/or the job's city, country


@dataclass(frozen=True)
class CandidateProfile:
    skills: frozenset[str] = frozenset()  # canonical names, lower-cased
    titles: tuple[str, ...] = ()  # current first
    years: float | None = None
    education_level: str | None = None
    location: str = ""


@dataclass
class Score:
    total: float
    breakdown: dict[str, float]
    explanation: dict[str, object] = field(default_factory=dict)


# Skill names repeat across thousands of candidates: vocabulary lookups are cached per name.
@lru_cache(maxsize=65536)
def canonical(skill: str) -> str:
    return (normalise(skill) or skill).strip().lower()


@lru_cache(maxsize=65536)
def _related_lower(skill: str) -> frozenset[str]:
    return frozenset(name.lower() for name in related(normalise(skill) or skill))


@lru_cache(maxsize=65536)
def _category_weight(skill: str) -> float:
    return CATEGORY_WEIGHT.get(category(skill), 1.0)


def candidate_profile(
    *,
    skills: list[str],
    titles: list[str],
    years: float | None,
    education_level: str | None,
    location: str,
) -> CandidateProfile:
    return CandidateProfile(
        skills=frozenset(canonical(s) for s in skills if s and s.strip()),
        titles=tuple(t for t in titles if t),
        years=years,
        education_level=education_level,
        location=location or "",
    )


@lru_cache(maxsize=65536)
def _words(title: str) -> frozenset[str]:
    words = re.findall(r"[\w+#.-]+", title.lower())
    return frozenset(_ROLE_SYNONYMS.get(w, w) for w in words if w not in _FILLER and len(w) > 1)


def role_match(job_title: str, titles: tuple[str, ...]) -> float:
    wanted = _words(job_title)
    if not wanted or not titles:
        return 0.0
    best = 0.0
    for index, title in enumerate(titles):
        have = _words(title)
        if not have:
            continue
        overlap = len(wanted & have) / len(wanted)
        best = max(best, overlap * (1.0 if index == 0 else 0.7))
    return best


def _coverage(
    skills: tuple[tuple[str, float], ...], have: frozenset[str], explain: dict
) -> float | None:
    skills = tuple((name, weight * _category_weight(name)) for name, weight in skills)
    total_weight = sum(weight for _, weight in skills)
    if not skills or total_weight <= 0:
        return None
    earned = 0.0
    for name, weight in skills:
        key = canonical(name)
        if key in have:
            earned += weight
            explain["matched"].append(name)
            continue
        near = _related_lower(name) & have
        if not near:
            near = {s for s in have if key in _related_lower(s)}
        if near:
            earned += weight * RELATED_CREDIT
            explain["related"].append({"skill": name, "via": sorted(near)})
        else:
            explain["missing"].append(name)
    return earned / total_weight


def skills_score(job: JobProfile, person: CandidateProfile, explain: dict) -> float:
    required = _coverage(job.required_skills, person.skills, explain)
    nice = _coverage(job.nice_to_have_skills, person.skills, explain)
    role = role_match(job.title, person.titles)
    explain["role_match"] = round(role, 2)
    if required is None and nice is None:
        return 100.0 * role
    if required is None:
        coverage = nice
    elif nice is None:
        coverage = required
    else:
        coverage = 0.8 * required + 0.2 * nice
    return 100.0 * ((1 - ROLE_WEIGHT) * coverage + ROLE_WEIGHT * role)


def experience_score(job: JobProfile, years: float | None) -> float:
    if job.min_years is None and job.max_years is None:
        return 100.0
    if years is None:
        return 50.0
    low = job.min_years or 0.0
    if years < low:
        return max(0.0, 100.0 * years / low) if low else 100.0
    if job.max_years is not None and years > job.max_years + 2:
        return max(70.0, 100.0 - 5.0 * (years - job.max_years - 2))
    return 100.0


def education_score(required: str, level: str | None) -> float:
    if not required or required == "any":
        return 100.0
    if not level or level not in EDUCATION_RANK:
        return 50.0
    gap = EDUCATION_RANK[required] - EDUCATION_RANK[level]
    return {0: 100.0, 1: 60.0, 2: 30.0}.get(gap, 100.0 if gap < 0 else 0.0)


def location_score(locations: tuple[str, ...], where: str) -> float:
    wanted = [loc.strip().lower() for loc in locations if loc and loc.strip()]
    if not wanted or any("remote" in loc or "anywhere" in loc for loc in wanted):
        return 100.0
    if not where.strip():
        return 50.0
    here = where.lower()
    if any(loc.split(",")[0].strip() in here for loc in wanted):
        return 100.0
    countries = {loc.split(",")[-1].strip() for loc in wanted if "," in loc}
    if any(country and country in here for country in countries):
        return 70.0
    return 20.0


def score(job: JobProfile, person: CandidateProfile) -> Score:
    explain: dict = {"matched": [], "missing": [], "related": []}
    parts = {
        "skills": skills_score(job, person, explain),
        "experience": experience_score(job, person.years),
        "education": education_score(job.education_level, person.education_level),
        "location": location_score(job.locations, person.location),
    }
    # Experience, education and location count in proportion to the skills fit: an unrelated
    # candidate does not climb the ranking on years or a degree alone.
    fit = parts["skills"] / 100.0
    total = WEIGHTS["skills"] * parts["skills"] + fit * sum(
        WEIGHTS[name] * parts[name] for name in ("experience", "education", "location")
    )
    explain["years"] = person.years
    explain["education_level"] = person.education_level
    return Score(
        total=round(total, 2),
        breakdown={name: round(value) for name, value in parts.items()},
        explanation=explain,
    )
