"""Reading order for PDF pages, rebuilt from character boxes (pdfium).

Why: PDF content streams are in drawing order, not reading order. Chromium/pdf-lib CVs draw
every section heading first and the section bodies afterwards; sidebars are interleaved with
the main column. The structuring layer needs each heading followed by its content, so a page
is cut into text segments (runs of characters on one baseline without a wide gap), the
segments are checked for a vertical gutter that splits the page into two independent
columns, and each column is read top to bottom.

A gutter only counts as a column split when the two sides are independent flows: if most
left-hand lines sit on the same baseline as a right-hand line (a date column next to job
titles, a label/value table such as Europass or moderncv), the page is read row by row
instead, the parts of a row joined by a tab.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass
class Segment:
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    text: str
    size: float

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def base(self) -> float:
        """Baseline, from the top of the page (bottom sits 0.25 em below it, see pdf.py)."""
        return self.bottom - 0.25 * self.size


def build_segments(
    chars: list[tuple[str, float, float, float, float, float]], page_height: float
) -> list[Segment]:
    """chars: (char, left, right, bottom, top, em) in pdfium order, PDF coordinates.

    A segment ends at a line break, at an icon glyph, at a horizontal gap wider than 0.75 em
    (a tab stop, a column gap, a right-aligned date) or a jump backwards, and at a change of
    baseline.
    """
    segments: list[Segment] = []
    buf: list[str] = []
    x0 = x1 = bottom = top = size = 0.0
    last_right = last_base = None
    tracking = 0.0  # letter spacing seen inside words of the current segment
    spaced = False
    for ch, left, right, cbottom, ctop, em in chars:
        if ch == "\r" or ch == "\n":
            if buf:
                _emit(segments, buf, x0, x1, bottom, top, size, page_height)
                buf = []
            last_right = None
            continue
        if ch.isspace():
            if buf:
                buf.append(" ")
                spaced = True
            continue
        if ch == "\ue001":  # a dingbat glyph (see pdf._font_kind): a bullet only at a line start
            ch = "•" if not buf and last_right is None else "\ue000"
        if ch == "\ue000":
            # An icon (phone, envelope, pin) separates the items of a contact line: end the
            # segment so the items come out tab-separated, and drop the glyph.
            if buf:
                _emit(segments, buf, x0, x1, bottom, top, size, page_height)
                buf = []
            last_right = None
            tracking = 0.0
            continue
        if em < 1.0:
            em = 1.0
        if last_right is not None:
            gap = left - last_right
            if gap > 0.75 * em + 2 * tracking or gap < -1.5 * em or abs(cbottom - last_base) > 0.6 * em:
                _emit(segments, buf, x0, x1, bottom, top, size, page_height)
                buf = []
                tracking = 0.0
            elif not spaced and gap > 0:
                tracking = max(tracking, min(gap, em))
        spaced = False
        if buf:
            x0 = left if left < x0 else x0
            x1 = right if right > x1 else x1
            bottom = cbottom if cbottom < bottom else bottom
            top = ctop if ctop > top else top
            size = em if em > size else size
        else:
            x0, x1, bottom, top, size = left, right, cbottom, ctop, em
        buf.append(ch)
        last_right, last_base = right, cbottom
    if buf:
        _emit(segments, buf, x0, x1, bottom, top, size, page_height)
    return segments


def _emit(
    segments: list[Segment],
    buf: list[str],
    x0: float,
    x1: float,
    bottom: float,
    top: float,
    size: float,
    height: float,
) -> None:
    text = "".join(buf).strip()
    if text:
        segments.append(Segment(x0, x1, height - top, height - bottom, text, size))


def _lines(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments on one baseline into lines, top to bottom, left to right.

    Baselines, not vertical overlap: a large name beside a right-aligned block of small
    contact lines overlaps all of them, but shares a baseline with at most one.
    """
    lines: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (s.base, s.x0)):
        if lines:
            first = lines[-1][0]
            if abs(seg.base - first.base) <= 0.4 * min(seg.size, first.size):
                lines[-1].append(seg)
                continue
        lines.append([seg])
    return [sorted(line, key=lambda s: s.x0) for line in lines]


def render(segments: list[Segment]) -> list[str]:
    """Lines of text; a blank line where the vertical gap says a new block starts."""
    lines = _lines(segments)
    if not lines:
        return []
    # Baseline pitch, not box gaps: glyph boxes are tight, so a line without descenders
    # would look far from the next one. A pitch well beyond normal leading starts a block.
    sizes = sorted(s.size for ln in lines for s in ln)
    typical = sizes[len(sizes) // 2] or 1.0
    out: list[str] = []
    prev: list[Segment] | None = None
    for line in lines:
        if prev is not None:
            pitch = max(s.bottom for s in line) - max(s.bottom for s in prev)
            size = max(typical, min(max(s.size for s in (*prev, *line)), 2 * typical))
            if pitch > 1.75 * size:
                out.append("")
        parts = [line[0].text]
        for before, seg in itertools.pairwise(line):
            gap = seg.x0 - before.x1
            parts.append("\t" if gap > 0.7 * max(seg.size, before.size, 1.0) else " ")
            parts.append(seg.text)
        out.append("".join(parts))
        prev = line
    return out


def _find_gutter(segments: list[Segment], width: float) -> tuple[float, float, float] | None:
    """(x, zone top, zone bottom) of a vertical gap splitting a band of the page into two
    independent text flows, if any."""
    if len(segments) < 12:
        return None
    step = 2.0
    bins = [0] * (int(width / step) + 2)
    for seg in segments:
        for b in range(max(int(seg.x0 / step), 0), min(int(seg.x1 / step) + 1, len(bins))):
            bins[b] += 1
    lo, hi = int(0.2 * width / step), int(0.8 * width / step)
    limit = max(2, len(segments) // 25)
    runs: list[tuple[int, int]] = []
    start = None
    for b in range(lo, hi + 1):
        if bins[b] <= limit:
            start = b if start is None else start
        elif start is not None:
            runs.append((start, b))
            start = None
    if start is not None:
        runs.append((start, hi + 1))
    best: tuple[float, float, float, float] | None = None
    for a, b in runs:
        if (b - a) * step < 6:
            continue
        x = (a + b) / 2 * step
        found = _column_score(segments, x)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], x, found[1], found[2])
    return best[1:] if best else None


def _column_score(segments: list[Segment], x: float) -> tuple[float, float, float] | None:
    """(score, zone top, zone bottom) of the best two-column zone split at x, or None.

    The zone is the tallest band free of lines running across x (a header or footer row
    across the page bounds it); inside it both sides must hold real, independent text.
    """
    cross = sorted(s.mid for s in segments if s.x0 < x < s.x1)
    bounds = [float("-inf"), *cross, float("inf")]
    best: tuple[float, float, float] | None = None
    for zone_top, zone_bottom in itertools.pairwise(bounds):
        inside = [s for s in segments if zone_top + 0.4 * s.size < s.mid < zone_bottom - 0.4 * s.size]
        left = [s for s in inside if s.x1 <= x]
        right = [s for s in inside if s.x0 >= x]
        if len(left) < 4 or len(right) < 4:
            continue
        extent = min(max(s.bottom for s in left), max(s.bottom for s in right)) - max(
            min(s.top for s in left), min(s.top for s in right)
        )
        if extent < 100 or not _independent(left, right):
            continue
        score = float(min(len(left), len(right)))
        if best is None or score > best[0]:
            best = (score, zone_top, zone_bottom)
    return best


def _independent(left: list[Segment], right: list[Segment]) -> bool:
    """An annotation column is not a second flow: dates beside job titles, right-aligned
    labels beside values (Europass, moderncv). Its rows share baselines with the other side,
    or it is flush-right against the gap, or it only holds very short items."""
    if _aligned(left, right) >= 0.9 or _aligned(right, left) >= 0.9:
        return False
    edge = max(s.x1 for s in left)
    if sum(1 for s in left if edge - s.x1 < 4) / len(left) >= 0.8:
        return False
    return max(len(s.text) for s in left) > 12


def _aligned(side: list[Segment], other: list[Segment]) -> float:
    mids = [o.mid for o in other]
    return sum(1 for s in side if any(abs(s.mid - m) < 0.35 * s.size for m in mids)) / len(side)


def page_lines(segments: list[Segment], width: float) -> list[str]:
    """Reading-order lines of one page: full-width text above, then left column, right column,
    then full-width text below."""
    found = _find_gutter(segments, width)
    if found is None:
        return render(segments)
    gutter, zone_top, zone_bottom = found
    # Whole rows go above/below the zone: a segment sharing a row with a bounding full-width
    # line (the e-mail beside the phone in a contact line) belongs with that row.
    above: list[Segment] = []
    below: list[Segment] = []
    inside: list[Segment] = []
    for row in _lines(segments):
        if any(s.mid <= zone_top + 0.4 * s.size for s in row):
            above.extend(row)
        elif any(s.mid >= zone_bottom - 0.4 * s.size for s in row):
            below.extend(row)
        else:
            inside.extend(row)
    left = [s for s in inside if s.x1 <= gutter]
    right = [s for s in inside if s.x0 >= gutter]
    out: list[str] = []
    for block in (above, left, right, below):
        lines = render(block)
        if lines:
            if out:
                out.append("")
            out.extend(lines)
    return out
