"""Dates and date ranges as CVs print them, in English, French, German, Spanish and Chinese.

``find_ranges(text)`` returns every ``start – end`` range in a line with both ends
normalised to ``YYYY-MM`` (month printed) or ``YYYY``, and ``present`` for an ongoing role
(Present, Current, now, Aujourd'hui, Actuel, Ahora, Actualidad, heute, 至今, 现在 …).
Ranges whose dash was lost in extraction ("Sep. 2023 Mar. 2024") are recognised too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import fold

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar jan. enero ene jänner",
        "february feb fevrier fev fevr februar febrero",
        "march mar mars marz maerz marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin juni junio",
        "july jul juillet juil juli julio",
        "august aug aout agosto ago",
        "september sep sept septembre septiembre setiembre set",
        "october oct octobre oktober okt octubre",
        "november nov novembre noviembre",
        "december dec decembre dezember dez diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name.rstrip(".")] = _number

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON_ALT = (
    r"spring|summer|fall|autumn|winter|printemps|ete|automne|hiver|fruhling|sommer|herbst|"
    r"primavera|verano|otono|invierno"
)
PRESENT_ALT = (
    r"present|current(?:ly)?|now|today|ongoing|to date|till date|"
    r"aujourd'?hui|actuel(?:lement)?|a ce jour|en cours|ce jour|"
    r"ahora|actualidad|actualmente|presente|la fecha|hoy|"
    r"heute|jetzt|derzeit|dato|gegenwart|laufend|"
    r"至今|现在|今|目前"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
DATE_PATTERN = (
    rf"(?:(?P<P_mon>{_MONTH_ALT})\.?\s*(?:de\s+|del\s+)?,?\s*'?(?P<P_y1>{_YEAR})"  # Mar 2021, mars 2021
    rf"|(?P<P_m2>0?[1-9]|1[0-2])\s*[/.\-]\s*(?P<P_y2>{_YEAR})"  # 03/2021
    rf"|(?P<P_y3>{_YEAR})\s*[/.\-]\s*(?P<P_m3>0?[1-9]|1[0-2])(?![\d])"  # 2021-03
    rf"|(?P<P_y4>{_YEAR})\s*年\s*(?:(?P<P_m4>\d\d?)\s*月)?"  # 2021年3月
    rf"|(?:(?:{_SEASON_ALT})\s+)?(?P<P_y5>{_YEAR}))"
)


def _date(prefix: str) -> str:
    return DATE_PATTERN.replace("P_", prefix)


_SEP = (
    r"\s*(?:[-–—~〜至]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\ba\b|\bau\b|\bbis\b|\bal\b|"
    r"\bhasta\b|\bjusqu'?a\b)?\s*"
)
RANGE_RE = re.compile(
    r"(?<![\d/.])"
    + _date("s")
    + _SEP
    + r"(?:(?P<present>"
    + PRESENT_ALT
    + r")\b|"
    + _date("e")
    + r")(?![\d/])",
    re.IGNORECASE,
)
SINCE_RE = re.compile(
    r"\b(?:since|depuis|seit|desde|ab|从)\s+" + _date("s") + r"(?![\d/])", re.IGNORECASE
)
SINGLE_RE = re.compile(r"(?<![\d/.])" + _date("s") + r"(?![\d/])", re.IGNORECASE)
PRESENT_START_RE = re.compile(r"^\s*(?:" + PRESENT_ALT + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    start: str
    end: str  # "" when only one date was printed, "present" when ongoing
    span: tuple[int, int]  # character offsets in the folded text

    @property
    def is_current(self) -> bool:
        return self.end == "present"


def _value(match: re.Match, prefix: str) -> str:
    groups = match.groupdict()
    for y_key, m_key in (("y1", "mon"), ("y2", "m2"), ("y3", "m3"), ("y4", "m4"), ("y5", None)):
        year = groups.get(prefix + y_key)
        if not year:
            continue
        month_raw = groups.get(prefix + m_key) if m_key else None
        if month_raw is None:
            return year
        month = MONTHS.get(month_raw.lower().rstrip(".")) if m_key == "mon" else int(month_raw)
        return f"{year}-{month:02d}" if month else year
    return ""


_ANY_YEAR_RE = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=8192)
def _find_ranges(text: str) -> tuple[DateRange, ...]:
    return tuple(_scan_ranges(text))


def find_ranges(text: str) -> list[DateRange]:
    """Every date range in ``text``, left to right."""
    if not _ANY_YEAR_RE.search(text):
        return []
    return list(_find_ranges(text))


def _scan_ranges(text: str) -> list[DateRange]:
    folded = fold(text).replace("’", "'")
    out: list[DateRange] = []
    for match in RANGE_RE.finditer(folded):
        start = _value(match, "s")
        if match.group("present"):
            end = "present"
        else:
            end = _value(match, "e")
            # "2019 2021 5 people" is not a range unless the second date is not earlier.
            if end[:4] < start[:4]:
                continue
        out.append(DateRange(start, end, match.span()))
    if not out:
        for match in SINCE_RE.finditer(folded):
            out.append(DateRange(_value(match, "s"), "present", match.span()))
    return out


def find_single(text: str) -> list[DateRange]:
    if not _ANY_YEAR_RE.search(text):
        return []
    folded = fold(text)
    return [DateRange(_value(m, "s"), "", m.span()) for m in SINGLE_RE.finditer(folded)]


def months_between(start: str, end: str, *, today: tuple[int, int]) -> tuple[int, int] | None:
    """(start, end) as month ordinals (year*12+month-1), or None when unusable."""

    def ordinal(value: str, *, is_end: bool) -> int | None:
        if value == "present":
            return today[0] * 12 + today[1] - 1
        if not value or not value[:4].isdigit():
            return None
        year = int(value[:4])
        if len(value) >= 7:
            return year * 12 + int(value[5:7]) - 1
        # A bare year: January for a start, December for an end (never beyond today).
        return year * 12 + (11 if is_end else 0)

    s, e = ordinal(start, is_end=False), ordinal(end or start, is_end=True)
    if s is None or e is None:
        return None
    e = min(e, today[0] * 12 + today[1] - 1)
    if e < s:
        return None
    return s, e
