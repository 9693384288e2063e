"""Candidate × job scoring: an explainable weighted formula (pure, no ORM).

    base  = 0.55·skills + (skills/100)·(0.20·experience + 0.15·education + 0.10·location)
    total = (0.7·base + 0.3·100·text) · (0.3 + 0.7·family_fit) · (0.05 if placeholder else 1)

(``base`` alone in place of the bracket for a job with no text at all.)

with every component 0–100. Experience, education and location count in proportion to the
skills fit, so an unrelated candidate does not climb a ranking on years or a degree alone; a
candidate of the job's role family who fits on every count scores 100.

**family_fit** — recruiters judge the role family first (an accountant who lists Excel is not
a BI analyst). The job's family comes from its title (else its required skills), the
candidate's from the current title, else the latest past title naming one, else the skills
(``FAMILY_RULES``: the specific family named first in a title wins; "software" only when no
specific one is named). 1 for the same family, ``FAMILY_NEAR`` for adjacent ones (software ↔
frontend 0.6, software ↔ data 0.45 …), 0.05 for unrelated ones, 0.5 when either side is
unknown (halfway: neither confirmed nor contradicted).

**placeholder** — template filler instead of a person (YYY/ZZZ skills, "Resumé title", an
empty Europass form whose only title is its footer) ranks last for every job.

**text** — how much of what the candidate is about the posting talks about: the cosine of
the posting's words (its title and whole text, log-TF weights: ``text_terms``) and the words
of the candidate's titles, listed skills and mentioned skills (a set) — words of three
letters or more, stop words and the words every posting uses dropped — scaled so that a
cosine of ``TEXT_FULL`` (0.3) or more counts fully:

    text = min(1, Σ_{t ∈ candidate words} job_weight(t) / sqrt(|candidate words|) / 0.3)

It reads what a recruiter reads besides the skill list — a desktop-support technician in a
contact-center posting, "data warehouse" and "reports" in a BI ad — and, being normalised
on the candidate's side too, does not reward a CV for listing everything.

**skills** — coverage of the job's weighted skills, names normalised through the shared
vocabulary (``matching.skills``):

    credit(s) = 1 if the candidate lists s; MENTION_CREDIT (0.8) if the CV only names s
                elsewhere (experience, summary, projects: ``mentioned``); RELATED_CREDIT (0.5)
                if the candidate has a skill related to s (either direction); else 0
    required  = Σ w·credit / Σ w over required skills     nice = the same over nice-to-haves
    coverage  = 0.8·required + 0.2·nice   (only required, or only nice, when the other is empty)
    evidence  = min(1, Σ w of the required skills / 4)
    fit       = evidence·coverage + (1 − evidence)·text
    skills    = 100 · (0.8·fit + 0.2·role)      (ROLE_WEIGHT = 0.2)

A job naming under 4 skills' worth of weight is weak evidence (covering two named skills says
less than covering eight), so the posting's text stands in for the part of the fit its skill
list cannot tell; a job with no skills at all scores fit on ``text`` alone.

Job skill weights come from where the ad names them (``parsing.jobparse``: title and
requirement lists 1, duties 0.5, nice-to-haves 0.5, benefits and how-to-apply text nothing).

Each job skill's weight is multiplied by its category weight (soft skills and broad domains
0.3, everything else 1.0): a named technology says more about fit than "communication", and
domains ("Software Development", "Engineering") are what job and CV texts mention in passing.
``role`` (0–1) is how well the job title matches the candidate's current and past titles
(shared words after dropping seniority and filler words; the current title counts fully,
past titles at 0.7), so a Java developer ranks above an accountant who lists Java.

**experience** — years against the job's range [min, max]: 100 inside it; below min,
100·(years/min) with a floor of 0; above max + 2 years, −5 per extra year down to 70
(over-qualified, not disqualified). Unknown years: 50. No range: 100.

**education** — ordinal levels high_school < associate < bachelors < masters < phd: 100 at or
above the requirement, 60 one level below, 30 two below, 0 further; unknown level: 50; job
asks "any": 100.

**location** — 100 when the job has no location, accepts remote, or a preferred location /
the job city appears in the candidate's location; 70 when only the country matches; 50 when
the candidate's location is unknown; 20 otherwise.

Every score comes with its explanation: matched (listed or mentioned), missing and related
skills, which matches were only mentioned, the role and text fits and the numbers used for
each component.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from matching.skills import category, normalise, related
from matching.vocab_extra import reverse_related

WEIGHTS = {"skills": 0.55, "experience": 0.20, "education": 0.15, "location": 0.10}
RELATED_CREDIT = 0.5
MENTION_CREDIT = 0.8  # named in the CV's text but not in its skills list
TEXT_WEIGHT = 0.3  # share of the text fit in the total
TEXT_FULL = 0.3  # a cosine at or above this counts as a full text fit
# Soft skills and broad domains say less about fit than a named technology or tool.
CATEGORY_WEIGHT = {"soft": 0.3, "domain": 0.3}
ROLE_WEIGHT = 0.2  # share of the job-title fit inside the skills component
MIN_EVIDENCE = 4.0  # required-skill weight below which the skill list alone cannot tell the fit
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
    # The posting's words → unit-length weights (``text_terms``); left out of equality and
    # hashing, which the per-job caches key on, since it follows from the description.
    terms: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class CandidateProfile:
    skills: frozenset[str] = frozenset()  # canonical names, lower-cased
    titles: tuple[str, ...] = ()  # current first
    years: float | None = None
    education_level: str | None = None
    location: str = ""
    family: str = ""  # role family (see FAMILY_RULES), "" when nothing says
    placeholder: bool = False  # template/skeleton text rather than a person's CV
    mentioned: frozenset[str] = frozenset()  # canonical skills the CV names but does not list
    terms: frozenset[str] = frozenset()  # words of the titles, listed and mentioned skills


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


_NOTHING = frozenset({""})


def candidate_profile(
    *,
    skills: list[str],
    titles: list[str],
    years: float | None,
    education_level: str | None,
    location: str,
    mentioned: list[str] | tuple[str, ...] = (),
) -> CandidateProfile:
    titles = [t for t in titles if t]
    try:
        names = frozenset(map(canonical, skills)) - _NOTHING
    except (TypeError, AttributeError):  # parsed data with a non-string in the list
        skills = [s for s in skills if isinstance(s, str)]
        names = frozenset(map(canonical, skills)) - _NOTHING
    try:
        also = frozenset(map(canonical, mentioned)) - _NOTHING - names
    except (TypeError, AttributeError):
        also = frozenset(canonical(s) for s in mentioned if isinstance(s, str)) - _NOTHING - names
    return CandidateProfile(
        skills=names,
        mentioned=also,
        terms=frozenset().union(*map(_terms_of, titles), *map(_terms_of, names | also)),
        titles=tuple(titles),
        years=years,
        education_level=education_level,
        location=location or "",
        family=person_family(titles, names),
        placeholder=looks_placeholder(titles, skills),
    )


# --- Role families ---------------------------------------------------------------------------
# Recruiters judge the role family first: an accountant listing Excel is not a BI analyst.
# A title is matched against these rules in order (the first family with a matching word or
# phrase wins), so specific families come before the generic "software".
FAMILY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "support",
        (
            "desktop support",
            "it support",
            "help desk",
            "helpdesk",
            "support technician",
            "technical support",
            "service desk",
            "contact center",
            "call center",
            "customer service",
            "customer care",
            "customer support",
        ),
    ),
    (
        "devops",
        (
            "devops",
            "sre",
            "site reliability",
            "reliability engineer",
            "infrastructure",
            "platform engineer",
            "cloud engineer",
            "system engineer",
            "systems engineer",
            "sysadmin",
            "system administrator",
            "systems administrator",
            "devsecops",
        ),
    ),
    (
        "data",
        (
            "data scientist",
            "data science",
            "data analyst",
            "data & analytics",
            "data and analytics",
            "analytics",
            "machine learning",
            "ml engineer",
            "bi developer",
            "business intelligence",
            "data engineer",
            "nlp",
            "statistician",
            "dwh",
        ),
    ),
    ("mobile", ("ios", "android", "mobile", "swift developer", "flutter")),
    ("embedded", ("embedded", "firmware", "electronics", "hardware engineer")),
    (
        "frontend",
        ("front end", "front-end", "frontend", "ui developer", "web developer", "web designer"),
    ),
    ("product", ("product manager", "product owner", "product management")),
    ("design", ("designer", "content design", "ux", "user experience", "copywriter", "writer")),
    (
        "recruiting",
        (
            "recruiter",
            "recruiting",
            "talent acquisition",
            "human resources",
            "hr ",
            "research operations",
            "people operations",
        ),
    ),
    (
        "accounting",
        (
            "accountant",
            "accounting",
            "bookkeeper",
            "auditor",
            "cpa",
            "controller",
            "accounts payable",
            "accounts receivable",
            "payroll",
        ),
    ),
    (
        "sales",
        ("sales", "business development", "account executive", "account manager", "sdr", "marketing"),
    ),
    (
        "software",
        (
            "software",
            "developer",
            "engineer",
            "programmer",
            "back end",
            "back-end",
            "backend",
            "full stack",
            "full-stack",
            "fullstack",
            "architect",
            ".net",
            "java",
            "python",
            "coder",
            "développeur",
            "entwickler",
            "desarrollador",
            "ingénieur",
        ),
    ),
)
# Skills that point at a family when no title says anything (counted, majority wins).
FAMILY_SKILLS: dict[str, frozenset[str]] = {
    "frontend": frozenset(
        {
            "react",
            "angular",
            "vue.js",
            "css",
            "html",
            "html5",
            "css3",
            "sass",
            "redux",
            "webpack",
            "next.js",
            "tailwind css",
            "jquery",
        }
    ),
    "software": frozenset(
        {
            "java",
            "python",
            "c#",
            ".net",
            "go",
            "c++",
            "spring",
            "django",
            "node.js",
            "sql",
            "postgresql",
            "php",
            "kotlin",
            "ruby",
            "rust",
            "scala",
            "haskell",
            "typescript",
            "javascript",
        }
    ),
    "devops": frozenset(
        {"kubernetes", "terraform", "docker", "ansible", "aws", "devops", "linux", "ci/cd", "prometheus"}
    ),
    "data": frozenset(
        {
            "pandas",
            "tensorflow",
            "pytorch",
            "machine learning",
            "statistics",
            "data science",
            "power bi",
            "tableau",
            "etl",
            "data analysis",
        }
    ),
    "mobile": frozenset({"swift", "ios", "android", "swiftui", "uikit", "react native", "flutter"}),
    "accounting": frozenset(
        {
            "accounting",
            "accounts payable",
            "accounts receivable",
            "bookkeeping",
            "reconciliation",
            "quickbooks",
        }
    ),
}
# How well a candidate of one family fits a job of another (symmetric; same family = 1).
FAMILY_NEAR: dict[frozenset[str], float] = {
    frozenset({"software", "frontend"}): 0.6,
    frozenset({"software", "mobile"}): 0.6,
    frozenset({"software", "devops"}): 0.6,
    frozenset({"software", "embedded"}): 0.5,
    frozenset({"software", "data"}): 0.45,
    frozenset({"frontend", "mobile"}): 0.5,
    frozenset({"frontend", "design"}): 0.3,
    frozenset({"devops", "support"}): 0.4,
    frozenset({"devops", "data"}): 0.3,
    frozenset({"software", "product"}): 0.3,
    frozenset({"product", "design"}): 0.3,
    frozenset({"data", "accounting"}): 0.2,
    frozenset({"sales", "support"}): 0.3,
}
GENERIC_FAMILY = "software"
FAMILY_UNKNOWN = 0.5  # neither side says: no reward, no penalty
FAMILY_OTHER = 0.05
FAMILY_FLOOR = 0.3  # the total is multiplied by 0.3 + 0.7·family_fit
PLACEHOLDER_FACTOR = 0.05
_PLACEHOLDER = re.compile(
    r"^(x{3,}|y{3,}|z{3,})\b|lorem ipsum|resum[eé] title|your (name|position|title) here"
    r"|european union",
    re.IGNORECASE | re.MULTILINE,
)


_NON_TITLE = re.compile(r"[^\w+#.&/ -]+")


@lru_cache(maxsize=65536)
def title_family(title: str) -> str:
    """The specific family named first in the title ("DevOps Engineer · Software Architect" is
    devops, "Front End developer … mobile applications" frontend); "software" only when no
    specific family is named at all."""
    text = " " + _NON_TITLE.sub(" ", title.lower()) + " "
    found: list[tuple[int, int, str]] = []
    for order, (family, needles) in enumerate(FAMILY_RULES):
        for needle in needles:
            hit = _needle(needle).search(text)
            if hit:
                found.append((hit.start(), order, family))
    specific = [hit for hit in found if hit[2] != GENERIC_FAMILY]
    if specific:
        return min(specific)[2]
    return GENERIC_FAMILY if found else ""


@lru_cache(maxsize=1024)
def _needle(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(needle.strip())}(?!\w)")


def skills_family(skills: frozenset[str]) -> str:
    counts = {family: len(names & skills) for family, names in FAMILY_SKILLS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= 2 else ""


def person_family(titles: list[str], skills: frozenset[str]) -> str:
    """The current title decides; else the most recent past title with a family; else the
    skills."""
    for title in titles:
        family = title_family(title)
        if family:
            return family
    return skills_family(skills)


@lru_cache(maxsize=1024)
def job_family(job: JobProfile) -> str:
    return title_family(job.title) or skills_family(
        frozenset(canonical(name) for name, _ in job.required_skills)
    )


def family_fit(job: str, person: str) -> float:
    if not job or not person:
        return FAMILY_UNKNOWN
    if job == person:
        return 1.0
    return FAMILY_NEAR.get(frozenset({job, person}), FAMILY_OTHER)


def looks_placeholder(titles: list[str], skills: list[str]) -> bool:
    """Template filler (YYY/ZZZ skills, "Resumé title", an empty Europass form) rather than a
    person: every job should rank it last."""
    # Template filler sits at the top of a CV: the first title and skills are enough to see it.
    return bool(_PLACEHOLDER.search("\n".join(t.strip() for t in (*titles[:1], *skills[:12]) if t)))


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


@lru_cache(maxsize=1024)
def _prepared(
    skills: tuple[tuple[str, float], ...],
) -> tuple[tuple[tuple[str, str, float, frozenset[str]], ...], float]:
    """A job's skills ready for scoring many candidates: (name, canonical key, weight ×
    category weight, related names in either direction), and the total weight. Computed
    once per job, not once per candidate."""
    prepared = tuple(
        (
            name,
            canonical(name),
            weight * _category_weight(name),
            _related_lower(name) | reverse_related(canonical(name)),
        )
        for name, weight in skills
    )
    return prepared, sum(item[2] for item in prepared)


def _coverage(
    skills: tuple[tuple[str, float], ...],
    person: CandidateProfile,
    explain: dict | None,
) -> tuple[float, float] | None:
    """(share of the weight the candidate covers, the weight), or None for no skills."""
    prepared, total_weight = _prepared(skills)
    if not prepared or total_weight <= 0:
        return None
    have, mentioned = person.skills, person.mentioned
    earned = 0.0
    for name, key, weight, related_names in prepared:
        if key in have:
            earned += weight
            if explain is not None:
                explain["matched"].append(name)
            continue
        if key in mentioned:
            earned += weight * MENTION_CREDIT
            if explain is not None:
                explain["matched"].append(name)
                explain["mentioned"].append(name)
            continue
        near = related_names & have
        if near:
            earned += weight * RELATED_CREDIT
            if explain is not None:
                explain["related"].append({"skill": name, "via": sorted(near)})
        elif explain is not None:
            explain["missing"].append(name)
    return earned / total_weight, total_weight


# --- Text fit --------------------------------------------------------------------------------
_TERM = re.compile(r"[^\W\d_][\w+#]+")
# Function words (en/fr/es/de) and the words every posting uses whatever the role.
_STOPWORDS_TEXT = """
    the and for with you our are will your this that from have has had was were been being
    their they them who what when where which while also all any can may must not but per into
    over under about more most other such than then there these those through during each few
    only own same some very just both between after before above below out off again further
    once here why how its it's his her him she he we us via etc able well new experience
    experienced work working years year team teams skills skill strong excellent good knowledge
    ability including include includes role position job candidate candidates company required
    requirements requirement preferred plus least minimum looking join help using use used
    based related field environment across within level time full part opportunity
    opportunities apply application applications les des une pour avec dans sur par est sont
    nous vous votre vos aux ses leur del los las con para por una que como sus und der die das
    mit für von ein eine ist sind wir sie ihr
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@lru_cache(maxsize=65536)
def _terms_of(name: str) -> tuple[str, ...]:
    return tuple(w for w in _TERM.findall(name.lower()) if len(w) > 2 and w not in STOPWORDS)


def text_terms(text: str) -> dict[str, float]:
    """The posting's content words → log-TF weights scaled to unit length."""
    counts: dict[str, int] = {}
    for word in _TERM.findall((text or "").lower()):
        if len(word) > 2 and word not in STOPWORDS:
            counts[word] = counts.get(word, 0) + 1
    weights = {word: 1.0 + math.log(n) for word, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {word: v / norm for word, v in weights.items()}


def text_fit(terms: dict[str, float], words: frozenset[str]) -> float:
    """Cosine of the posting's weighted words and the candidate's word set, scaled by
    ``TEXT_FULL`` and capped at 1."""
    if not terms or not words:
        return 0.0
    dot = sum(map(terms.__getitem__, terms.keys() & words))  # set operations in C: the hot path
    return min(1.0, dot / math.sqrt(len(words)) / TEXT_FULL)


def skills_score(
    job: JobProfile, person: CandidateProfile, explain: dict | None, text: float = 0.0
) -> float:
    required = _coverage(job.required_skills, person, explain)
    nice = _coverage(job.nice_to_have_skills, person, explain)
    role = role_match(job.title, person.titles)
    if explain is not None:
        explain["role_match"] = round(role, 2)
    if required is None and nice is None:
        fit = text
    else:
        if required is None:
            coverage, weight = nice
        elif nice is None:
            coverage, weight = required
        else:
            coverage, weight = 0.8 * required[0] + 0.2 * nice[0], required[1]
        evidence = min(1.0, weight / MIN_EVIDENCE)
        fit = evidence * coverage + (1 - evidence) * text
    return 100.0 * ((1 - ROLE_WEIGHT) * fit + ROLE_WEIGHT * role)


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


def score(job: JobProfile, person: CandidateProfile, *, explain: bool = True) -> Score:
    """The total, breakdown and (with ``explain``) the explanation; bulk scoring passes
    ``explain=False`` since stored matches keep no explanation."""
    details: dict | None = (
        {"matched": [], "missing": [], "related": [], "mentioned": []} if explain else None
    )
    text = text_fit(job.terms, person.terms)
    parts = {
        "skills": skills_score(job, person, details, text),
        "experience": experience_score(job, person.years),
        "education": education_score(job.education_level, person.education_level),
        "location": location_score(job.locations, person.location),
    }
    # Experience, education and location count in proportion to the skills fit: an unrelated
    # candidate does not climb the ranking on years or a degree alone.
    fit = parts["skills"] / 100.0
    base = WEIGHTS["skills"] * parts["skills"] + fit * sum(
        WEIGHTS[name] * parts[name] for name in ("experience", "education", "location")
    )
    # A job without any text (a bare API record) is judged on its fields alone.
    total = (1 - TEXT_WEIGHT) * base + TEXT_WEIGHT * 100.0 * text if job.terms else base
    wanted = job_family(job)
    fit_family = family_fit(wanted, person.family)
    total *= FAMILY_FLOOR + (1 - FAMILY_FLOOR) * fit_family
    if person.placeholder:
        total *= PLACEHOLDER_FACTOR
    if details is not None:
        details["family"] = {"job": wanted, "candidate": person.family, "fit": fit_family}
        details["placeholder"] = person.placeholder
        details["text_match"] = round(text, 2)
        details["years"] = person.years
        details["education_level"] = person.education_level
    return Score(
        total=round(total, 2),
        breakdown={name: round(value) for name, value in parts.items()},
        explanation=details or {},
    )
