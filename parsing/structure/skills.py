"""Skills: the items of the skills section split into atomic skills and normalised through
the shared vocabulary (``matching.skills``); without a skills section, the skills the
vocabulary finds mentioned in the text.

An item the vocabulary does not know is kept as printed when it is short and sits in the
skills section (a CV's own words are better than nothing), except group labels such as
"Web Technologies" followed by a list, and proficiency words ("Advanced", "B2").
"""

from __future__ import annotations

import re

from matching.skills import category, find_skills, normalise

from .languages import languages_in
from .text import Line, fold, has_cjk

# Descriptive skills ("Attention to detail", "RESTful APIs", "Agile methodologies") are kept
# in the candidate's own words; the vocabulary still maps them for matching. Technology names
# are replaced by their canonical spelling ("k8s" -> "Kubernetes").
KEEP_WORDING = {"soft", "domain"}
_GENERIC_TAIL_RE = re.compile(
    r"\s+(?:methodolog(?:y|ies)|databases?|frameworks?|tools?|technolog(?:y|ies)|stack|platforms?|"
    r"librar(?:y|ies)|concepts|principles|basics|fundamentals)$",
    re.IGNORECASE,
)

_LABEL_RE = re.compile(r"^([^:：]{2,45})[:：]\s*(.+)$")
_ITEM_SPLIT_RE = re.compile(r"\s*[,;•·|●▪◦、，；]\s*|\s+(?:[>→]|==?)\s+|\s{3,}")
_LEVEL_RE = re.compile(
    r"^(?:advanced|intermediate|beginner|basic|expert|proficient|fluent|native|novice|good|"
    r"excellent|strong|working knowledge|familiar|elementary|upper[- ]intermediate|"
    r"[abc][12]|\d+(?:\.\d+)?\s*(?:years?|yrs?|ans?|jahre?|años?)|[★☆●○]+|"
    r"avance|courant|debutant|notions|bonnes? connaissances?|grundkenntnisse|gut|sehr gut|"
    r"fortgeschritten|basico|avanzado|intermedio|熟练|精通|了解|掌握)$",
    re.IGNORECASE,
)
_LEVEL_PREFIX_RE = re.compile(
    r"^(?:(?:basic|advanced|good|strong|solid|deep|working|some)\s+knowledge\s+(?:of|in)|knowledge of|"
    r"basic|advanced|good|strong|familiar with|experience with|experience in|expert in|proficient in|"
    r"proficiency in|skilled in|notions? de|connaissances? en|kenntnisse in|conocimientos? de)\s+",
    re.IGNORECASE,
)
_NOISE_ITEM_RE = re.compile(
    r"^x{2,}$|@|https?://|www\.|(?:19|20)\d\d|\b(?:page|seite|p[aá]gina)\s*\d|\byears? old\b",
    re.IGNORECASE,
)
_JOB_TITLE_RE = re.compile(
    r"\b(?:developer|engineer|manager|analyst|consultant|designer|architect|intern|director|officer|"
    r"specialist|administrator|technician)\b",
    re.IGNORECASE,
)
_VERSION_PAREN_RE = re.compile(
    r"^(?:v(?:ersions?)?\s*)?[\w.]*\d[\w.]*\+?(?:\s*(?:and|or|&)\s*(?:above|later|up))?$|^versions?\b",
    re.IGNORECASE,
)
_NOT_SKILL_RE = re.compile(
    r"^(?:and|or|etc|others?|other|e\.g|i\.e|including|various|misc|tools|languages|version)$",
    re.IGNORECASE,
)


def _clean_item(item: str) -> str:
    item = re.sub(r"\s*\(\d+\)", "", item)  # keyword counts: "Apache(45)"
    item = re.sub(
        r"\s*\((?:mainly|basic|basics|some|learning|familiar|in progress|ongoing)\)",
        "",
        item,
        flags=re.I,
    )
    item = item.strip(" .:;-–—*[]\"'")
    if item.count("(") != item.count(")"):
        item = item.replace("(", " ").replace(")", " ").strip()
    item = re.sub(r"^(?:and|or|&)\s+", "", item, flags=re.IGNORECASE)
    item = re.sub(
        r"\s*\((?:\d+\s*(?:\+\s*)?(?:years?|yrs?|y)|[abc][12]|advanced|intermediate|basic|expert|native|fluent)\)\s*$",
        "",
        item,
        flags=re.I,
    )
    return item.strip(" .:;-–—*")


def _expand(item: str) -> list[str]:
    """'SQL (MySQL, MongoDB)' -> ['SQL', 'MySQL', 'MongoDB']; 'HTML5/CSS3' -> both."""
    out: list[str] = []
    paren = re.match(r"^(.*?)\s*\((.*)\)\s*$", item)
    if paren and normalise(item) is None and _VERSION_PAREN_RE.match(paren.group(2).strip()):
        return _expand(paren.group(1))  # "JavaScript (ES6+)", "Angular (versions 2+)"
    if paren and normalise(item) is None:
        out.extend(_expand(paren.group(1)))
        out.extend(x for p in re.split(r"\s*[,/;]\s*", paren.group(2)) for x in _expand(p))
        return [x for x in out if x]
    if "/" in item and normalise(item) is None:
        pieces = [p.strip() for p in item.split("/")]
        if all(p and len(p.split()) <= 3 for p in pieces):
            return [x for p in pieces for x in _expand(p)]
    if re.search(r"\s(?:and|&|und|et|y)\s", item) and normalise(item) is None:
        pieces = re.split(r"\s+(?:and|&|und|et|y)\s+", item)
        if all(normalise(p) for p in pieces):
            return pieces
    return [item]


_DEFINITION = "\u0002"  # marks the term of a definition-list line


# Europass prints its labels without a colon: "Digitale Kompetenz Java, Kotlin".
_EUROPASS_LABEL_RE = re.compile(
    r"^(?:mother tongue\(?s\)?|other languages?\(?s\)?|digital (?:skills|competence)|computer skills|"
    r"job-related skills|organisational / managerial skills|muttersprache\(?n\)?|"
    r"weitere sprachen?\(?n\)?|"
    r"digitale kompetenz(?:en)?|langues? maternelles?\(?s\)?|autres? langues?\(?s\)?|"
    r"comp[ée]tences num[ée]riques|lenguas? maternas?\(?s\)?|otros? idiomas?\(?s\)?|"
    r"competencias digitales)\s+",
    re.IGNORECASE,
)


def _items_of(text: str) -> list[str]:
    text = _EUROPASS_LABEL_RE.sub("", text)
    label = _LABEL_RE.match(text)
    if label and len(label.group(1).split()) <= 5:
        rest = label.group(2)
        if len(rest.split()) >= 8 and len(_ITEM_SPLIT_RE.split(rest)) < len(rest.split()) / 3:
            # "first-lang: Here we describe …": a definition list, the term is the skill.
            return [_DEFINITION + _clean_item(label.group(1))]
        text = rest  # "Languages: Python, Go" — the label is a group name
    protected = re.sub(
        r"\([^()]*\)", lambda m: m.group(0).replace(",", "\u0001").replace(";", "\u0001"), text
    )
    raw_items = [r.replace("\u0001", ",") for r in _ITEM_SPLIT_RE.split(protected)]
    return [x for raw in raw_items for x in _expand(_clean_item(raw)) if x]


def _lookup(item: str) -> tuple[str, str] | None:
    """(canonical, printed form) for a known item; a generic tail ("SAFe methodologies",
    "NoSQL databases") is dropped from both."""
    found = normalise(item)
    if found:
        return found, item
    if _GENERIC_TAIL_RE.search(item):
        bare = _GENERIC_TAIL_RE.sub("", item)
        found = normalise(bare)
        if found:
            return found, bare
    return None


def _join_wrapped(lines: list[Line]) -> list[str]:
    """Cells of the section with list items wrapped over two lines put back together."""
    cells: list[str] = []
    for line in lines:
        for k, cell in enumerate(line.cells):
            if cells and k == 0 and not line.bullet:
                prev = cells[-1]
                last = _ITEM_SPLIT_RE.split(prev)[-1].strip()
                first = _ITEM_SPLIT_RE.split(cell)[0].strip()
                wrapped = (
                    prev
                    and prev[-1] not in ",;.:"
                    and (
                        (cell[:1].islower() and normalise(last) is None)
                        or (last and first and normalise(f"{last} {first}") is not None)
                    )
                )
                if wrapped and ("," in prev or "," in cell):
                    cells[-1] = f"{prev} {cell}"
                    continue
            cells.append(cell)
    return cells


def parse_skills(section_lines: list[Line], full_text: str) -> list[str]:
    if not section_lines:
        return find_skills(full_text)
    listy = sum(1 for line in section_lines if len(_ITEM_SPLIT_RE.split(line.flat)) >= 2)
    result: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            result.append(name)

    bullets = {cell for line in section_lines if line.bullet for cell in line.cells[:1]}
    for cell in _join_wrapped(section_lines):
        words = cell.split()
        separators = len(_ITEM_SPLIT_RE.split(cell))
        long_or_sentence = len(words) > 12 or (cell.rstrip().endswith(".") and len(words) > 6)
        prose = long_or_sentence and separators < len(words) / 4
        if prose and not _LABEL_RE.match(cell):
            for name in find_skills(cell, in_section=True):
                add(name)
            continue
        items = _items_of(cell)
        single = len(items) == 1
        for item in items:
            if item.startswith(_DEFINITION):
                term = item[1:]
                if term and len(term.split()) <= 4:
                    known = _lookup(term)
                    add(term if not known or category(known[0]) in KEEP_WORDING else known[0])
                continue
            whole = _lookup(item)
            if not whole:
                item = _LEVEL_PREFIX_RE.sub("", item)
            if (
                not item
                or _LEVEL_RE.match(fold(item))
                or _NOT_SKILL_RE.match(item)
                or _NOISE_ITEM_RE.search(item)
            ):
                continue
            known = whole or _lookup(item)
            if languages_in(item) and not known:
                continue  # "English (fluent)" in a skills list is a spoken language
            if has_cjk(item) and (len(item) > 12 or re.search(r"[。！？，]", item)):
                continue
            if known:
                canonical, _bare = known
                add(item if category(canonical) in KEEP_WORDING else canonical)
                continue
            found = find_skills(item, in_section=True)
            if found and (len(item.split()) > 3 or single):
                for name in found:
                    add(name)
                continue
            if single and listy and cell not in bullets:
                continue  # a group label above a list ("Web Technologies")
            if _JOB_TITLE_RE.search(item):
                continue  # a job title that leaked from an interleaved column
            if 1 <= len(item.split()) <= 5 and re.search(r"[^\W\d_]", item) and len(item) <= 60:
                add(item)
    return result
