"""Work history: each entry is anchored on a date range, its header (title, company,
location) is read from the text around the range, and years of experience are computed from
the MERGED intervals so overlapping jobs are counted once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import (
    MONTHS,
    PRESENT_START_RE,
    SINGLE_RE,
    DateRange,
    _date,
    find_ranges,
    months_between,
)
from .dates import (
    find_single as find_single_dates,
)
from .sections import heading_of
from .text import Line, fold

TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|programmer|manager|director|analyst|consultant|architect|designer|"
    r"specialist|scientist|researcher|intern|internship|trainee|apprentice|assistant|associate|"
    r"administrator|admin|technician|accountant|auditor|officer|lead|leader|head|chief|ceo|cto|cfo|"
    r"coo|vp|president|founder|co-founder|owner|partner|coordinator|representative|agent|clerk|"
    r"teacher|lecturer|professor|tutor|instructor|nurse|physician|doctor|therapist|pharmacist|"
    r"member|volunteer|coach|advisor|adviser|supervisor|executive|editor|writer|translator|"
    r"recruiter|sales|marketing|cashier|driver|operator|mechanic|electrician|chef|cook|waiter|"
    r"barista|receptionist|secretary|paralegal|attorney|lawyer|student|fellow|postdoc|"
    r"participant|contractor|freelancer|sre|devops|tester|qa|support|staff|principal|senior|"
    r"junior|sr|jr|stagiaire|stage|developpeur|ingenieur|chef de projet|responsable|directeur|"
    r"charge|chargee|conseiller|technicien|comptable|alternant|fondateur|co-fondateur|"
    r"entwickler|ingenieur|berater|leiter|mitarbeiter|werkstudent|praktikant|praxissemester|"
    r"zivildienst|referent|sachbearbeiter|geschaftsfuhrer|architekt|desarrollador|ingeniero|"
    r"gerente|jefe|director|consultor|analista|becario|practicante|programador|disenador|"
    r"tecnico|asistente|contador)\b|工程师|开发|经理|实习|总监|主管|架构师|设计师|专员|顾问|助理",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|sas|sarl|srl|bv|nv|corp|corporation|co|company|group|"
    r"holdings|bank|technologies|technology|tech|solutions|systems|labs?|studio|studios|agency|"
    r"consulting|partners|services|software|networks|media|university|universite|universitat|"
    r"universidad|college|institute|school|hospital|clinic|foundation|association|department|"
    r"ministry|command|firma|fundacao|gmbh|ltda|limited|international|global|digital|capital|"
    r"financial|management|law|enterprises|industries|ventures|club|church|center|centre|council|"
    r"government|army|navy|air force|cooperative|society)\b|公司|集团|银行|大学|研究院|工作室",
    re.IGNORECASE,
)
_CORP_SUFFIX_RE = re.compile(
    r"^(?:inc|ltd|llc|llp|plc|gmbh|ag|s\.?a|co|corp|limited|ltda)\.?(?:,?\s*ltd\.?)?$", re.IGNORECASE
)
_EMPLOYMENT_TYPE_RE = re.compile(
    r"\b(?:full[- ]time|part[- ]time|self[- ]employed|contract|temporary|seasonal|remote|hybrid|"
    r"on[- ]site|"
    r"cdi|cdd|temps plein|temps partiel|télétravail|teletravail|vollzeit|teilzeit|jornada completa|"
    r"tiempo completo|remoto)\b",
    re.IGNORECASE,
)
_DURATION_RE = re.compile(
    r"\b\d+\s*(?:yrs?|years?|mos?|months?|ans?|jahre?|años?|meses)\b(?:\s*\d+\s*(?:mos?|months?))?",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(
    r"\t|\s*\|\s*|:\s+|\s+[|•·]\s+|\s+[—–-]\s+|\s*,\s+|\s+at\s+|\s+@\s+|\s+chez\s+|\s+bei\s+|\s{2,}|，|、"
)
_OPEN_RANGE_RE = re.compile(
    _date("s") + r"\s*(?:[-–—~〜]+|\bto\b|\bbis\b|\bau\b|\bhasta\b)\s*", re.IGNORECASE
)
_COUNTRY_OR_STATE_RE = re.compile(
    r"^(?:[A-Z]{2}(?:\s+\d{5})?|usa|u\.s\.a\.?|uk|remote|s\.korea|south korea|korea|israel|russia|"
    r"ukraine|"
    r"france|germany|deutschland|spain|espana|china|india|switzerland|suisse|canada|united states|"
    r"america|"
    r"united kingdom|republic of korea|netherlands|italy|japan|singapore|australia|mexico|brazil)$",
    re.IGNORECASE,
)


@dataclass
class WorkEntry:
    company: str
    title: str
    start_date: str
    end_date: str
    is_current: bool
    description: str
    location: str = ""


def _is_header_like(line: Line) -> bool:
    text = line.flat
    if line.bullet or len(text) > 110:
        return False
    if text.rstrip().endswith((".", ";")) and not re.search(
        r"\b(?:inc|ltd|co|corp|jr|sr)\.$", text, re.I
    ):
        return False
    words = line.cells[0].split()
    if len(words) > 12:
        return False
    # "Technologies used: HTML5, CSS3" or "Areas of responsibility:" are description labels.
    label = re.match(r"^([^:：]{2,40})[:：](?:\s|$)", text)
    if label and not find_ranges(text) and not TITLE_WORDS.search(fold(label.group(1))):
        return False
    return not text[:1].islower()


# Words left over around a date range: "from 03/2021 to 11/2021", "seit …", "desde …".
_RANGE_WORDS_RE = re.compile(
    r"^(?:from|since|du|de|depuis|von|seit|desde|ab)\b\s*|\s*\b(?:to|bis|au|hasta)$", re.I
)
_PLACE_PAREN_RE = re.compile(
    r"\s*\((?:[^()]*,[^()]*|remote|t[ée]l[ée]travail|hybrid)\)\s*", re.IGNORECASE
)


def _protect_parens(text: str) -> str:
    # Separators inside parentheses ("Inc. (KarrotPay, Korea)") must not split the part.
    return re.sub(
        r"\([^()]*\)", lambda m: m.group(0).replace(",", "\u0001").replace(" - ", "\u0002"), text
    )


def _parts(text: str) -> list[str]:
    text = re.sub(r"^#+\s*", "", text.strip())
    text = _RANGE_WORDS_RE.sub("", text)
    text = text.replace("（", "(").replace("）", ")")
    text = _DURATION_RE.sub(" ", text)
    text = _EMPLOYMENT_TYPE_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    # "Athena (Holon, Israel) Web Developer": a parenthesised place separates two parts.
    text = _PLACE_PAREN_RE.sub(" | ", text)
    text = re.sub(r"^[\s:;,.\-–—|]+|[\s:;,\-–—|(]+$", "", text)
    text = _protect_parens(text)
    raw = [
        p.strip(" :;,-–—|").replace("\u0001", ",").replace("\u0002", " - ")
        for p in _SPLIT_RE.split(text)
    ]
    parts: list[str] = []
    for part in raw:
        if part.count("(") > part.count(")"):
            part = part.rsplit("(", 1)[0].strip()
        elif part.count(")") > part.count("("):
            part = part.replace(")", "").strip()
        if not part:
            continue
        if parts and _CORP_SUFFIX_RE.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
            continue
        parts.append(part)
    return [
        p
        for p in parts
        if not _COUNTRY_OR_STATE_RE.match(p.strip("."))
        and not is_location(p)
        and not re.fullmatch(r"\([^()]*\)", p)  # "(project employment)"
        and re.search(r"\w", p)
        # A heading glued to the entry ("Work experience"); not "Technologies", a fine company name.
        and heading_of(p) not in {"experience", "education", "summary", "contact"}
    ]


_US_CITY_STATE_RE = re.compile(
    r"^[A-Z][A-Za-z.'\- ]{1,30},\s*(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|"
    r"N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])(?:\s+\d{5})?(?:,\s*[A-Za-z. ]+)?$"
)


def is_location(text: str) -> bool:
    """A place line or part: "San Francisco, CA", "Seoul, S.Korea", "Paris, France"."""
    text = text.strip()
    if _US_CITY_STATE_RE.match(text):
        return True
    pieces = [p.strip() for p in text.split(",")]
    return len(pieces) >= 2 and bool(_COUNTRY_OR_STATE_RE.match(pieces[-1].strip(".")))


# German compounds carry the title word at the end: "Softwareentwickler", "Projektleiter".
_COMPOUND_TITLE_RE = re.compile(
    r"\w{3,}(?:entwickler(?:in)?|ingenieur(?:in)?|berater(?:in)?|leiter(?:in)?|architekt(?:in)?|"
    r"manager(?:in)?|techniker(?:in)?|analyst(?:in)?|assistent(?:in)?|referent(?:in)?|kaufmann|kauffrau)\b",
    re.IGNORECASE,
)


def _title_score(part: str) -> int:
    folded = fold(part)
    return (
        len(TITLE_WORDS.findall(folded))
        + len(TITLE_WORDS.findall(part))
        + 2 * len(_COMPOUND_TITLE_RE.findall(folded))
    )


def _company_score(part: str) -> int:
    return len(COMPANY_WORDS.findall(fold(part)))


def _split_header(parts: list[str]) -> tuple[str, str]:
    """(title, company) from a header's parts."""
    if not parts:
        return "", ""
    if len(parts) == 1:
        part = parts[0]
        if _title_score(part) > _company_score(part):
            return part, ""
        return "", part
    scored = sorted(
        range(len(parts)), key=lambda i: (-(_title_score(parts[i]) - _company_score(parts[i])), i)
    )
    t = scored[0]
    title = parts[t] if _title_score(parts[t]) > 0 else ""
    if not title:
        # No title word anywhere: the usual order is "Title, Company".
        return parts[0], parts[1]
    rest = [p for i, p in enumerate(parts) if i != t]
    company = max(rest[:2], key=lambda p: (_company_score(p) > 0, -rest.index(p)))
    # "Title, Company" written the other way round keeps the company's full name.
    return title, company


@dataclass
class _Anchor:
    line: int
    range: DateRange
    remainder: str


def _month_line(text: str) -> list[int] | None:
    """[3] or [8, 2] for a line holding only month names ("März", "August<TAB>Februar")."""
    words = fold(text).replace(".", " ").split()
    if not 1 <= len(words) <= 2 or any(w not in MONTHS for w in words):
        return None
    return [MONTHS[w] for w in words]


def _anchors(lines: list[Line], month_lines: set[int]) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    consumed_prefix: dict[int, int] = {}
    for i, line in enumerate(lines):
        if i in month_lines:
            continue
        text = line.text  # cells kept apart by tabs: "Firma – Architect<TAB>Stadt"
        if i in consumed_prefix:
            text = text[consumed_prefix[i] :]
        ranges = find_ranges(text)
        if ranges:
            rng = ranges[0]
            months = _month_line(lines[i + 1].flat) if i + 1 < len(lines) else None
            if months and len(rng.start) == 4:
                # moderncv prints "2004 – 2005" and the months on the line below.
                start = f"{rng.start}-{months[0]:02d}"
                end = rng.end
                if len(months) == 2 and len(end) == 4:
                    end = f"{end}-{months[1]:02d}"
                rng = DateRange(start, end, rng.span)
                month_lines.add(i + 1)
            remainder = (fold(text)[: rng.span[0]] + " " + fold(text)[rng.span[1] :]).strip()
            remainder = _remainder_original(text, rng.span)
            anchors.append(_Anchor(i, rng, remainder))
            continue
        open_match = _OPEN_RANGE_RE.search(fold(text))
        if open_match and i + 1 < len(lines):
            nxt = fold(lines[i + 1].flat)
            end = PRESENT_START_RE.match(nxt)
            end_value = "present" if end else ""
            if not end:
                end = SINGLE_RE.match(nxt)
                if end and end.start() == 0:
                    end_value = find_ranges(
                        fold(text)[open_match.start() : open_match.end()] + " " + end.group(0)
                    )
                    end_value = end_value[0].end if end_value else ""
            if end and end_value:
                start = find_ranges(
                    fold(text)[open_match.start() : open_match.end()] + " " + end.group(0)
                )
                if start:
                    rng = DateRange(start[0].start, end_value, open_match.span())
                    anchors.append(_Anchor(i, rng, _remainder_original(text, open_match.span())))
                    consumed_prefix[i + 1] = end.end()
    return anchors


def _remainder_original(text: str, span: tuple[int, int]) -> str:
    folded = fold(text)
    if len(folded) == len(text):
        out = text[: span[0]] + "\t" + text[span[1] :]
    else:
        out = folded[: span[0]] + "\t" + folded[span[1] :]
    return out.strip(" \t:;,-–—|")


def parse_experience(lines: list[Line]) -> list[WorkEntry]:
    month_lines: set[int] = set()
    anchors = _anchors(lines, month_lines)
    if not anchors:
        return []
    entries: list[WorkEntry] = []
    used_as_header: set[int] = set(month_lines)
    header_spans: list[tuple[int, int]] = []  # first and last line index of each entry's header
    for n, anchor in enumerate(anchors):
        prev_limit = anchors[n - 1].line + 1 if n else 0
        next_limit = anchors[n + 1].line if n + 1 < len(anchors) else len(lines)
        remainder = re.sub(r" {2,}", " ", re.sub(r"\s*\t\s*", " | ", anchor.remainder)).strip()
        if len(fold(remainder)) == len(remainder):
            # A second date on the header line ("Tester<TAB>Sep. 2013") is not part of it.
            for extra in sorted(
                find_ranges(remainder) + find_single_dates(remainder), key=lambda r: -r.span[0]
            ):
                remainder = remainder[: extra.span[0]] + " " + remainder[extra.span[1] :]
        remainder = remainder.strip(" \t:;,-–—|")
        header_parts = _parts(remainder) if re.search(r"\w\w", remainder) else []
        title, company = _split_header(header_parts)
        no_title_words = bool(header_parts) and not any(_title_score(p) for p in header_parts)
        if title and len(header_parts) >= 1 and _company_score(title) > 0 and anchor.line > prev_limit:
            # "Moscow Volunteer Fire Department · Full-time <dates>" under its title line: a
            # title word inside an organisation's name does not make it the title.
            line_above = lines[anchor.line - 1]
            if (
                anchor.line - 1 not in used_as_header
                and _is_header_like(line_above)
                and len(line_above.cells[0].split()) <= 8
                and _title_score(line_above.cells[0]) > 0
                and _company_score(line_above.cells[0]) == 0
            ):
                no_title_words = True
        first = anchor.line
        before = [
            j
            for j in range(anchor.line - 1, max(prev_limit, anchor.line - 3) - 1, -1)
            if j not in used_as_header and _is_header_like(lines[j])
        ]
        for j in before:
            if is_location(lines[j].cells[0]):
                used_as_header.add(j)
        before = [j for j in before if j not in used_as_header]
        # Only lines directly above (no description in between) belong to this header.
        contiguous: list[int] = []
        for j in before:
            expected = contiguous[-1] - 1 if contiguous else anchor.line - 1
            while expected > j and expected in used_as_header:
                expected -= 1  # a place line between header and dates does not break it
            if j == expected:
                contiguous.append(j)
        after = [
            j
            for j in range(anchor.line + 1, min(next_limit, anchor.line + 3))
            if j not in month_lines and _is_header_like(lines[j])
        ]
        above = contiguous[0] if contiguous else None
        below = next((j for j in range(anchor.line + 1, next_limit) if j not in month_lines), None)
        if no_title_words:
            # "Enactus, University of La Verne<TAB>2013 – Present" then "Member", or LinkedIn's
            # title line above "Company · Full-time<dates>": the remainder is the organisation.
            for j in (above, below):
                if j is None:
                    continue
                cell = lines[j].cells[0]
                if _is_header_like(lines[j]) and len(cell.split()) <= 8 and _title_score(cell) > 0:
                    title = _DURATION_RE.sub("", cell).strip(" ,;:-–—|")
                    company = (
                        header_parts[0]
                        if j == above
                        else ", ".join(_parts(remainder.split(" | ")[0])[:2])
                    )
                    used_as_header.add(j)
                    if j == above:
                        first = j
                    break
        elif (
            title
            and above is not None
            and _title_score(lines[above].cells[0]) == 0
            and (above == 0 or lines[above - 1].block != lines[above].block)
            and len(_parts(lines[above].cells[0])) == 1
        ):
            # Company on its own line above "Title<TAB>dates" (moderncv / Awesome-CV): the
            # whole remainder is the title ("Intern at Global Internship Program").
            company = _parts(lines[above].cells[0])[0]
            title = _DURATION_RE.sub("", re.sub(r"\s+", " ", remainder)).strip(" ,;:-–—|")
            used_as_header.add(above)
            first = above
        if not title or not company:
            neighbours = contiguous[:2] if contiguous else []
            if title and not company and after and lines[after[0]].cells:
                below_parts = _parts(lines[after[0]].cells[0])
                if below_parts and (
                    _company_score(below_parts[0]) > 0
                    or (len(below_parts) == 1 and below_parts[0] != lines[after[0]].cells[0])
                ):
                    # Europass: "01/2019–heute Softwareentwickler" then "Acme GmbH, Berlin (DE)".
                    neighbours = after[:1]
            if not header_parts and not neighbours:
                neighbours = after[:2]
            elif not neighbours and after and (not company or not title):
                neighbours = after[:1]
            for j in neighbours:
                cell = lines[j].cells[0] if lines[j].cells else lines[j].flat
                more = _parts(cell)
                if not more:
                    used_as_header.add(j)
                    continue
                if title and not company:
                    company = next((p for p in more if p != title), "")
                elif company and not title:
                    title = (
                        max(more, key=_title_score) if any(_title_score(p) for p in more) else more[0]
                    )
                else:
                    t2, c2 = _split_header(more)
                    title = title or t2
                    company = company or c2
                used_as_header.add(j)
                if j < anchor.line:
                    first = min(first, j)
        header_spans.append((first, anchor.line))
        entries.append(
            WorkEntry(
                company=company[:200],
                title=title[:200],
                start_date=anchor.range.start,
                end_date=anchor.range.end,
                is_current=anchor.range.is_current,
                description="",
            )
        )
    for n, entry in enumerate(entries):
        start = header_spans[n][1] + 1
        end = header_spans[n + 1][0] if n + 1 < len(entries) else len(lines)
        body = [lines[j].flat for j in range(start, end) if j not in used_as_header]
        entry.description = "\n".join(body)[:5000]
    return [e for e in entries if e.company or e.title]


def years_of_experience(entries: list[WorkEntry], *, today: dt.date | None = None) -> float:
    """Total years covered by the entries' date intervals, overlaps counted once."""
    today = today or dt.date.today()
    intervals = []
    for entry in entries:
        span = months_between(entry.start_date, entry.end_date, today=(today.year, today.month))
        if span:
            intervals.append(span)
    intervals.sort()
    total = 0
    current: list[int] | None = None
    for start, end in intervals:
        if current and start <= current[1] + 1:
            current[1] = max(current[1], end)
        else:
            if current:
                total += current[1] - current[0] + 1
            current = [start, end]
    if current:
        total += current[1] - current[0] + 1
    return round(total / 12, 1)
