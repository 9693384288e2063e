"""ATS readiness and job-keyword match of a resume: pure, deterministic, explainable.

No external AI: every point of the score comes from a named check a person can verify.

**ATS score** (0–100) = the sum of the weights of the checks passed (a half-passed check
earns half its weight). Section checks weigh 60, formatting checks 40:

==========================  ======  =================================================
check                       weight  passes when
==========================  ======  =================================================
contact.name                5       a name is given
contact.email               5       an email address is given
contact.phone               5       a phone number is given
summary                     10      a summary of 20–200 words (half: any other length)
work.present                10      at least one work experience
work.dates                  5       every role has a start date (and an end or "present")
work.details                5       every role has a description or highlights
education                   5       at least one education entry
skills                      10      at least 5 skills (half: 1–4)
format.date_order           5       items have dates, and none ends before it starts
format.bullet_length        5       there are bullets, none longer than 350 characters
format.quantified           10      a number or % appears in the work experience
format.action_verbs         5       at least half the bullets start with an action verb
format.links                5       a LinkedIn, GitHub or personal website is given
format.length               10      200–1200 words in total (half: 100–199 or 1201–2000)
==========================  ======  =================================================

**Keyword match score** (0–100, None without a job description) = the share of the job
description's keywords that appear in the resume. Keywords are the description's most
frequent meaningful terms (stop words and job-ad boilerplate removed; technical tokens such
as ``c++``, ``node.js``, ``ci/cd`` kept whole; two-word phrases that occur twice or more
count as one keyword), at most ``MAX_KEYWORDS``, ranked by frequency then first
appearance. Matching ignores case and simple suffixes (-s, -ed, -ing).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from resumes.document import PRESENT, ResumeDocument

MAX_KEYWORDS = 25
MAX_LINE_CHARS = 350

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#./-]*[a-z0-9+#]|[a-z0-9]")
_NUMBER = re.compile(r"\d|%")

_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each etc few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    ability able across apply benefits candidate candidates company equal excellent experience
    experienced familiarity good great ideal including job join knowledge looking must new
    opportunity plus preferred proficiency proficient related required requirements
    responsibilities responsible role skills strong team teams understanding using various
    within work working year years you'll we're who's via per e.g i.e like well highly based
    hiring hire seeking seek want need help make ensure provide run build building day days
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_ACTION_VERBS_TEXT = """
    achieved administered analysed analyzed architected automated built championed coached
    collaborated completed conducted configured consolidated coordinated created cut decreased
    delivered deployed designed developed directed drove eliminated enabled engineered
    established expanded facilitated founded generated grew guided headed implemented improved
    increased initiated integrated introduced launched led maintained managed mentored migrated
    modernised modernized negotiated optimised optimized orchestrated organised organized
    overhauled owned partnered pioneered planned produced programmed raised redesigned reduced
    refactored resolved restructured revamped saved scaled shipped simplified spearheaded
    streamlined strengthened supervised supported taught tested trained transformed upgraded
    won wrote
"""
ACTION_VERBS = frozenset(_ACTION_VERBS_TEXT.split())


@dataclass(frozen=True)
class Check:
    id: str
    label: str
    weight: int
    earned: float  # 0, weight / 2 or weight
    message: str  # what was found
    suggestion: str = ""  # what to do when not fully passed

    @property
    def passed(self) -> bool:
        return self.earned >= self.weight


@dataclass(frozen=True)
class AtsReport:
    ats_score: int
    keyword_match_score: int | None
    keywords_found: list[str] = field(default_factory=list)
    keywords_missing: list[str] = field(default_factory=list)
    section_checks: list[Check] = field(default_factory=list)
    formatting_checks: list[Check] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def check(c: Check) -> dict[str, Any]:
            return {**asdict(c), "passed": c.passed}

        return {
            "atsScore": self.ats_score,
            "keywordMatchScore": self.keyword_match_score,
            "keywordsFound": self.keywords_found,
            "keywordsMissing": self.keywords_missing,
            "sectionChecks": [check(c) for c in self.section_checks],
            "formattingChecks": [check(c) for c in self.formatting_checks],
            "suggestions": self.suggestions,
        }


# --- Text helpers ---------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return [t.rstrip(".") for t in _TOKEN.findall(text.lower()) if t.rstrip(".")]


def _stem(token: str) -> str:
    """A light stem so "mentored"/"mentor", "APIs"/"API" and "building"/"build" match."""
    if len(token) > 5 and token.endswith("ing"):
        token = token[:-3]
    elif len(token) > 4 and token.endswith("ed"):
        token = token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]
    return token


def _meaningful(token: str) -> bool:
    return token not in STOP_WORDS and not token.isdigit() and len(token) > 1


def extract_keywords(text: str, *, limit: int = MAX_KEYWORDS) -> list[str]:
    """The job description's keywords, most frequent first (ties: first appearance)."""
    words = tokens(text)
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, word in enumerate(words):
        if _meaningful(word):
            counts[word] += 1
            first_seen.setdefault(word, index)
    phrases: Counter[str] = Counter()
    for index, (left, right) in enumerate(itertools.pairwise(words)):
        if _meaningful(left) and _meaningful(right):
            phrase = f"{left} {right}"
            phrases[phrase] += 1
            first_seen.setdefault(phrase, index)
    for phrase, count in phrases.items():
        if count >= 2:
            counts[phrase] = count
            # The phrase stands for its words when they never occur apart.
            for word in phrase.split():
                if counts.get(word) == count:
                    del counts[word]
    ranked = sorted(counts, key=lambda k: (-counts[k], first_seen[k]))
    return ranked[:limit]


def document_text(doc: ResumeDocument) -> str:
    """All the words of a resume, for keyword matching and length checks."""
    parts: list[str] = [doc.personal.name, doc.personal.title, doc.summary]
    for work in doc.work:
        parts += [work.position, work.company, work.location, work.description, *work.highlights]
    for edu in doc.education:
        parts += [edu.degree, edu.field, edu.institution, edu.description]
    parts += [f"{s.name} {s.category}" for s in doc.skills]
    for project in doc.projects:
        parts += [project.name, project.description, *project.technologies, *project.highlights]
    parts += [f"{c.name} {c.issuer}" for c in doc.certifications]
    parts += [lang.name for lang in doc.languages]
    parts += doc.extracurricular
    for section in doc.custom_sections:
        parts.append(section.title)
        for item in section.items:
            parts += [item.title, item.subtitle, item.description]
    return "\n".join(p for p in parts if p)


def keyword_match(doc: ResumeDocument, job_description: str) -> tuple[list[str], list[str]]:
    """(found, missing) keywords of the job description, in keyword rank order."""
    keywords = extract_keywords(job_description)
    words = [_stem(t) for t in tokens(document_text(doc))]
    vocabulary = set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
    found, missing = [], []
    for keyword in keywords:
        stemmed = " ".join(_stem(part) for part in keyword.split())
        (found if stemmed in vocabulary else missing).append(keyword)
    return found, missing


# --- Checks ---------------------------------------------------------------------------------


def _check(id_: str, label: str, weight: int, level: float, message: str, suggestion: str) -> Check:
    earned = weight * level
    return Check(id_, label, weight, earned, message, suggestion if earned < weight else "")


def _bullets(doc: ResumeDocument) -> list[str]:
    lines: list[str] = []
    for item in [*doc.work, *doc.projects]:
        lines += item.highlights
        lines += [line for line in item.description.splitlines() if line.strip()]
    return [line.strip().lstrip("-•*·▪ ").strip() for line in lines if line.strip()]


def section_checks(doc: ResumeDocument) -> list[Check]:
    p = doc.personal
    summary_words = len(doc.summary.split())
    undated = [w for w in doc.work if not w.start_date or not w.end_date]
    bare = [w for w in doc.work if not w.description.strip() and not w.highlights]
    skills = len(doc.skills)
    return [
        _check(
            "contact.name",
            "Name",
            5,
            1 if p.name else 0,
            "Name given" if p.name else "No name",
            "Put your full name at the top.",
        ),
        _check(
            "contact.email",
            "Email",
            5,
            1 if p.email else 0,
            "Email given" if p.email else "No email address",
            "Add an email address.",
        ),
        _check(
            "contact.phone",
            "Phone",
            5,
            1 if p.phone else 0,
            "Phone given" if p.phone else "No phone number",
            "Add a phone number.",
        ),
        _check(
            "summary",
            "Summary",
            10,
            1 if 20 <= summary_words <= 200 else (0.5 if summary_words else 0),
            f"Summary of {summary_words} words",
            "Write a 2–4 sentence summary (20–200 words) naming your role, years and strengths.",
        ),
        _check(
            "work.present",
            "Work experience",
            10,
            1 if doc.work else 0,
            f"{len(doc.work)} roles",
            "Add your work experience, most recent first.",
        ),
        _check(
            "work.dates",
            "Dates on every role",
            5,
            1 if doc.work and not undated else 0,
            f"{len(undated)} roles without start and end dates" if doc.work else "No roles",
            "Give every role a start date and an end date (or 'present').",
        ),
        _check(
            "work.details",
            "Details on every role",
            5,
            1 if doc.work and not bare else 0,
            f"{len(bare)} roles without description or highlights" if doc.work else "No roles",
            "Describe each role with 3–5 bullet points of what you achieved.",
        ),
        _check(
            "education",
            "Education",
            5,
            1 if doc.education else 0,
            f"{len(doc.education)} education entries",
            "Add your education.",
        ),
        _check(
            "skills",
            "Skills",
            10,
            1 if skills >= 5 else (0.5 if skills else 0),
            f"{skills} skills",
            "List at least 5 relevant skills.",
        ),
    ]


def formatting_checks(doc: ResumeDocument) -> list[Check]:
    dated = [item for item in [*doc.work, *doc.education, *doc.projects] if item.start_date]
    misordered = [
        item
        for item in [*doc.work, *doc.education, *doc.projects]
        if item.start_date
        and item.end_date
        and item.end_date != PRESENT
        and item.end_date < item.start_date
    ]
    bullets = _bullets(doc)
    long_lines = [line for line in bullets if len(line) > MAX_LINE_CHARS]
    work_text = " ".join([text for w in doc.work for text in (w.description, *w.highlights)])
    quantified = bool(_NUMBER.search(work_text))
    with_verb = [line for line in bullets if line.split()[0].lower().strip(",.;:") in ACTION_VERBS]
    verb_share = len(with_verb) / len(bullets) if bullets else 0.0
    p = doc.personal
    has_link = bool(p.linkedin or p.github or p.website or p.links)
    words = len(document_text(doc).split())
    length_level = 1 if 200 <= words <= 1200 else (0.5 if 100 <= words <= 2000 else 0)
    return [
        _check(
            "format.date_order",
            "Dates in order",
            5,
            1 if dated and not misordered else 0,
            f"{len(misordered)} items end before they start" if dated else "No dated items",
            "Fix the items whose end date is before their start date.",
        ),
        _check(
            "format.bullet_length",
            "Short bullets",
            5,
            1 if bullets and not long_lines else 0,
            f"{len(long_lines)} lines longer than {MAX_LINE_CHARS} characters",
            "Split long paragraphs into bullets of one or two lines.",
        ),
        _check(
            "format.quantified",
            "Quantified achievements",
            10,
            1 if quantified else 0,
            "Numbers found in work experience" if quantified else "No numbers in work experience",
            "Quantify results (%, €, users, time saved) in your work experience.",
        ),
        _check(
            "format.action_verbs",
            "Action verbs",
            5,
            1 if bullets and verb_share >= 0.5 else 0,
            f"{len(with_verb)} of {len(bullets)} bullets start with an action verb",
            "Start bullets with an action verb (led, built, reduced, delivered…).",
        ),
        _check(
            "format.links",
            "Profile links",
            5,
            1 if has_link else 0,
            "Profile link given" if has_link else "No LinkedIn, GitHub or website",
            "Add your LinkedIn, GitHub or portfolio URL.",
        ),
        _check(
            "format.length",
            "Length",
            10,
            length_level,
            f"{words} words",
            "Aim for 200–1200 words: one to two pages.",
        ),
    ]


def analyse(doc: ResumeDocument, job_description: str = "") -> AtsReport:
    """The full, explainable report. Deterministic: same input, same output."""
    sections = section_checks(doc)
    formatting = formatting_checks(doc)
    ats = round(sum(c.earned for c in [*sections, *formatting]))
    suggestions = [c.suggestion for c in [*sections, *formatting] if c.suggestion]
    keyword_score = None
    found: list[str] = []
    missing: list[str] = []
    if job_description.strip():
        found, missing = keyword_match(doc, job_description)
        total = len(found) + len(missing)
        keyword_score = round(100 * len(found) / total) if total else None
        if missing:
            suggestions.append(
                "Where they truthfully apply, mention these job keywords: "
                + ", ".join(missing[:10])
                + "."
            )
    return AtsReport(
        ats_score=max(0, min(100, ats)),
        keyword_match_score=keyword_score,
        keywords_found=found,
        keywords_missing=missing,
        section_checks=sections,
        formatting_checks=formatting,
        suggestions=suggestions,
    )


def scores(doc: ResumeDocument, job_description: str = "") -> tuple[int, int | None]:
    """(ats_score, keyword_match_score) — what a Resume row stores."""
    report = analyse(doc, job_description)
    return report.ats_score, report.keyword_match_score
