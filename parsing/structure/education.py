"""Education entries: institution, degree, field and years, in the five CV languages.

An entry is a visual block of the education section (or, without blocks, a run of lines
started by a degree or an institution). Institutions are recognised by their kind
("University", "Hochschule", "Lycée", "大学" …) or, failing that, as the part of the line
that is neither the degree, nor the field, nor a place ("EPFL", "UCL", "NYU").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_ranges, find_single
from .text import Line, fold, has_cjk

INSTITUTION_RE = re.compile(
    r"\b(?:university|universite|universitat|universidad|universidade|universita|college|"
    r"school|institute|institut|instituto|polytechnic|politecnico|polytechnique|academy|academie|"
    r"akademie|ecole|escuela|hochschule|fachhochschule|gymnasium|lycee|lyceum|conservatory|"
    r"seminary|faculty|faculte|facultad|campus|iit|mit|epfl|eth|ucla|nyu|ucl|sorbonne|"
    r"realschule|gesamtschule|berufsschule|colegio|liceo|high school|secondary school)\b|"
    r"大学|学院|中学|高中|学校",
    re.IGNORECASE,
)
DEGREE_RE = re.compile(
    r"(?:\b(?:ph\.?\s?d|doctorate|doctor of|doctorat|doktor|doctorado|dphil|"
    r"master(?:'s|s)?|m\.?\s?sc|msc|m\.s|m\.a|mba|m\.eng|meng|m\.tech|mphil|llm|"
    r"bachelor(?:'s|s)?|b\.?\s?sc|bsc|b\.s|b\.a|b\.eng|beng|b\.tech|btech|b\.com|bba|llb|"
    r"associate(?:'s)? degree|associate of|a\.a\.s?|diploma|diplome|diplom|dipl|"
    r"licence|license|licenciatura|licenciado|grado|maitrise|magister|bts|dut|"
    r"abitur|baccalaureat|bachillerato|high school diploma|ged|"
    r"classe preparatoire|cpge|certificate|certificat|degree|ingenieur|engineering degree|"
    r"titulo|tecnico superior)(?![a-z])|"
    r"博士|硕士|学士|本科|研究生|专科|大专)",
    re.IGNORECASE,
)
_FIELD_SPLIT_RE = re.compile(
    r"\s+(?:in|of|en|in der|im|de|en el|d['’])\s+|[,:]\s+|\s+[-–—]\s+", re.IGNORECASE
)
_PART_SPLIT_RE = re.compile(r"\t|\s*\|\s*|;\s+|,\s+|\s+[-–—·•]\s+|\s{2,}")
_CJK_PART_SPLIT_RE = re.compile(r"\t|\s*\|\s*|;\s+|,\s+|\s+[-–—·•]\s+|\s+|，|、|／|/")
_PLACE_RE = re.compile(
    r"^[A-Z][\w.'’\- ]+,\s*(?:[A-Z]{2}|[A-Z][\w.'’\- ]+)$|^\([^)]*\)$|^(?:[A-Z][a-z]+,?\s*)?"
    r"(?:USA|UK|China|France|Germany|Israel|Ukraine|Russia|Spain|S\.Korea|Korea|India|Canada)$"
)
_NOISE_RE = re.compile(
    r"^(?:gpa|grade|note|mention|thesis|th[eè]se|advisor|courses|relevant coursework|"
    r"specialization|focus|minor|major|honou?rs|expected|dean)\b",
    re.IGNORECASE,
)


@dataclass
class EducationEntry:
    institution: str
    degree: str
    field: str
    start_year: str
    end_year: str
    description: str = ""


_YEARISH_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DEGREE_OF_RE = re.compile(
    r"^((?:bachelor|master|doctor|associate)(?:'s|s)?(?:\s+degree)?(?:\s+of\s+(?:applied\s+|fine\s+)?"
    r"(?:science|arts|engineering|business administration|laws|technology|education|commerce|"
    r"philosophy|computer applications|music|architecture)s?)?)\b",
    re.IGNORECASE,
)


_DEGREE_ABBREVIATION_RE = re.compile(
    r"(?:MS|BS|MA|BA|MSc|BSc|PhD|MBA|MEng|BEng|LLB|LLM|BBA|MPhil|DPhil|AA|AS|BFA|MFA|[MB]\.[SA]\.?)"
)


def _blank_dates(text: str) -> str:
    folded = fold(text)
    if len(folded) != len(text):
        return _YEARISH_RE.sub(" ", text)
    chars = list(text)
    for rng in find_ranges(text) + find_single(text):
        for i in range(rng.span[0], min(rng.span[1], len(chars))):
            chars[i] = " "
    return "".join(chars)


def _degree_and_field(part: str) -> tuple[str, str]:
    match = DEGREE_RE.search(fold(part))
    if not match:
        return "", ""
    # Work on the original text with the same offsets when folding kept the length.
    text = part if len(fold(part)) == len(part) else fold(part)
    start = match.start()
    tail = text[start:]
    long_form = _DEGREE_OF_RE.match(tail)
    if long_form:
        degree = long_form.group(1)
        rest = tail[long_form.end() :]
        rest = re.sub(r"^\s*(?:(?:in|of|en|de)\b|[,:\-–])\s*", "", rest, flags=re.I).strip(" .,")
        rest = re.sub(r"\s*\(?expected.*$", "", rest, flags=re.I).strip(" .,(")
        # LinkedIn: "Master of Science - MS, Data Science · (2016 - 2018)".
        rest = re.sub(r"^(?:[A-Z]{2,5}|[A-Z]\.(?:[A-Z]\.)+)\s*,\s*", "", rest)
        rest = re.sub(r"\s*[·•|]?\s*\(?\s*(?:19|20)\d\d.*$", "", rest).strip(" .,·(")
        return degree[:150], rest[:150]
    pieces = _FIELD_SPLIT_RE.split(tail, maxsplit=1)
    degree = pieces[0].strip(" .,")
    field = pieces[1].strip(" .,") if len(pieces) > 1 else ""
    if not field:
        # "Master Data Science", "B.S. Computer Science": the words after the degree word.
        words = tail.split()
        head = match.group(0)
        n = len(head.split())
        degree_words = words[:n]
        while len(degree_words) < len(words) and re.match(
            r"^(?:of|in|en|de|science|arts|sciences)$", words[len(degree_words)], re.I
        ):
            degree_words.append(words[len(degree_words)])
        degree = " ".join(degree_words).strip(" .,")
        field = " ".join(words[len(degree_words) :]).strip(" .,")
    field = re.sub(r"\s*\(?expected.*$", "", field, flags=re.I)
    field = re.sub(r"[.,;]\s*(?:19|20)\d\d.*$", "", field).strip(" .,(")
    prefix = text[:start].strip(" ,.")
    if (
        prefix
        and len(prefix.split()) <= 3
        and not INSTITUTION_RE.search(fold(prefix))
        and not re.search(r"\d", prefix)
    ):
        degree = f"{prefix} {degree}"  # "Master student in …", "在读硕士研究生"
    return degree[:150], field[:150]


def _entries_from_lines(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        text = fold(line.flat)
        starts = bool(INSTITUTION_RE.search(text) or DEGREE_RE.search(text)) and not _is_prose(line.flat)
        if not groups:
            groups.append([line])
            continue
        current = groups[-1]
        same_block = line.block == current[-1].block
        has_inst = any(INSTITUTION_RE.search(fold(x.flat)) for x in current)
        has_deg = any(DEGREE_RE.search(fold(x.flat)) for x in current)
        has_range = any(find_ranges(x.flat) for x in current)
        new_range = bool(find_ranges(line.flat))
        if (
            starts
            and (
                not same_block
                or (INSTITUTION_RE.search(text) and has_inst and DEGREE_RE.search(text) is None)
                or (DEGREE_RE.search(text) and has_deg and has_inst)
                or (new_range and has_range)
            )
        ) or (not same_block and new_range and has_range):
            groups.append([line])
        else:
            current.append(line)
    return groups


def _is_prose(text: str) -> bool:
    """A sentence describing the studies (thesis, honours), not an entry's header."""
    words = len(text.split())
    return (
        words > 16
        or (text.rstrip().endswith(".") and words > 4)
        or (words > 10 and not find_ranges(text))
    )


def parse_education(lines: list[Line]) -> list[EducationEntry]:
    out: list[EducationEntry] = []
    for group in _entries_from_lines(lines):
        institution = degree = field = ""
        years: list[str] = []
        leftovers: list[str] = []
        for line in group:
            text = line.flat
            for rng in find_ranges(text):
                years += [rng.start[:4]] + ([rng.end[:4]] if rng.end and rng.end != "present" else [])
            keyed = INSTITUTION_RE.search(fold(text)) or DEGREE_RE.search(fold(text))
            if not find_ranges(text) and (not _is_prose(text) or keyed):
                years += [d.start[:4] for d in find_single(text)]
            if (
                line.bullet
                or _NOISE_RE.match(fold(text))
                or (_is_prose(text) and (institution or degree))
            ):
                continue
            text = re.sub(
                r"^(?:degree|diplome|dipl[oô]me|abschluss|titulo|t[ií]tulo|学位)\s*[:：]\s*",
                "",
                text,
                flags=re.I,
            )
            stripped = re.sub(r"\(?(?:expected|prevue?|voraussichtlich)[^)]*\)?", " ", text, flags=re.I)
            stripped = _blank_dates(stripped)
            protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\u0001"), stripped)
            splitter = _CJK_PART_SPLIT_RE if has_cjk(protected) else _PART_SPLIT_RE
            parts = [p.strip(" .:;,|").replace("\u0001", ",") for p in splitter.split(protected)]
            parts = [p for p in parts if p and re.search(r"\w\w", p)]
            for i, part in enumerate(parts):
                folded = fold(part)
                if not institution and INSTITUTION_RE.search(folded) and not DEGREE_RE.match(folded):
                    institution = part
                    continue
                if not degree and DEGREE_RE.search(folded):
                    degree, field_here = _degree_and_field(part)
                    j = i + 1
                    if j < len(parts) and _DEGREE_ABBREVIATION_RE.fullmatch(parts[j]):
                        parts[j] = ""  # "Master of Science - MS": the abbreviation again
                        j += 1
                    if not field_here and j < len(parts) and not INSTITUTION_RE.search(fold(parts[j])):
                        nxt = parts[j]
                        if nxt and not _PLACE_RE.match(nxt) and len(nxt.split()) <= 8:
                            field_here = nxt
                            parts[j] = ""
                    field = field or field_here
                    continue
                if part and not _PLACE_RE.match(part) and not re.fullmatch(r"[\d\s./-]+", part):
                    leftovers.append(part)
        if not institution:
            candidates = [
                p for p in leftovers if p and p != field and len(p.split()) <= 6 and p[:1].isupper()
            ]
            institution = candidates[0] if candidates else ""
        if not (institution or degree):
            continue
        years = sorted({y for y in years if y})
        out.append(
            EducationEntry(
                institution=re.sub(r"\s*\(\s*$", "", institution)[:200],
                degree=degree,
                field=field,
                start_year=years[0] if len(years) > 1 else "",
                end_year=years[-1] if years else "",
                description="\n".join(line.flat for line in group)[:2000],
            )
        )
    return out
