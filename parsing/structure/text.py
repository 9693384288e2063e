"""Line cleaning and folding shared by the structuring modules.

The extraction layer gives one visual line per text line, with a tab where a layout gap
separated two columns. Structuring works on :class:`Line` objects: the cleaned text, its
tab-separated cells, and a folded form (lower case, no accents) for keyword tests.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

_PUA_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000fffff]")
_BULLET_RE = re.compile(r"^[\s•·●○◦▪▫■□◆◇►▶➢➤✓✔⁃‣∙*\-–—>o]+(?=\s|$)|^[•·●○◦▪▫■□◆◇►▶➢➤✓✔⁃‣∙]+")
_SPACES_RE = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SEPARATOR_ONLY_RE = re.compile(r"^[\s•·●○◦▪▫■□◆◇►▶➢➤✓✔⁃‣∙*\-–—_=~|.]*$")


_WS_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, accents removed, whitespace collapsed: for keyword comparisons only.

    Cached: the same lines are folded by several extractors of one document."""
    if text.isascii():
        return _WS_RE.sub(" ", text.replace("`", "'")).strip().casefold()
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean(text: str) -> str:
    """One line without icon glyphs, soft hyphens and odd spaces (tabs are kept)."""
    text = unicodedata.normalize("NFC", text)
    text = _PUA_RE.sub(" ", text)
    text = text.replace("\u00ad", "").replace("\u2010", "-").replace("\u2011", "-")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    parts = [_SPACES_RE.sub(" ", part).strip() for part in text.split("\t")]
    return "\t".join(p for p in parts if p)


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", text).strip()


@dataclass
class Line:
    index: int
    text: str  # cleaned, tabs kept between cells
    cells: list[str] = field(default_factory=list)
    folded: str = ""
    bullet: bool = False
    block: int = 0  # increases at each blank or separator-only line: visual blocks

    @cached_property
    def flat(self) -> str:
        """The line with cells joined by a space."""
        return " ".join(self.cells)


def to_lines(text: str) -> list[Line]:
    """Cleaned non-empty lines; separator-only lines (a lone bullet, rules) are dropped."""
    lines: list[Line] = []
    block = 0
    for raw in (text or "").splitlines():
        cleaned = clean(raw)
        if not cleaned or _SEPARATOR_ONLY_RE.match(cleaned):
            block += 1
            continue
        bullet = bool(_BULLET_RE.match(cleaned))
        cells = [strip_bullet(c) if i == 0 else c for i, c in enumerate(cleaned.split("\t"))]
        cells = [c for c in cells if c]
        if not cells:
            continue
        cells = [_undouble(c) for c in cells]
        line = Line(index=len(lines), text="\t".join(cells), cells=cells, bullet=bullet, block=block)
        line.folded = fold(line.flat)
        lines.append(line)
    return lines


def _doubled_prefix(text: str) -> int:
    """Length k of a prefix repeated right after itself ("AbcAbc rest" -> 3), else 0."""
    first = text[:1]
    k = text.find(first, 6) if first else -1
    while 0 < k <= len(text) // 2:
        gap = 1 if text[k - 1] == " " and text[: k - 1] == text[k : 2 * k - 1] else 0
        size = k - gap
        if text.startswith(text[:size], k) and (len(text) == k + size or text[k + size] == " "):
            return size
        k = text.find(first, k + 1)
    return 0


def _undouble(text: str) -> str:
    """LinkedIn pastes print every label twice ("Senior EngineerSenior Engineer")."""
    if len(text) < 400:
        size = _doubled_prefix(text)
        if size >= 6:
            text = text[:size] + text[size + size + (1 if text[size : size + 1] == " " else 0) :]
        tail = text[::-1]
        size = _doubled_prefix(tail)
        if size >= 6:
            tail = tail[:size] + tail[size + size + (1 if tail[size : size + 1] == " " else 0) :]
            text = tail[::-1]
    n = len(text)
    if n >= 8 and n % 2 == 0 and text[: n // 2] == text[n // 2 :]:
        return text[: n // 2].strip()
    half = (n - 1) // 2
    if n >= 9 and text[half] == " " and text[:half] == text[half + 1 :]:
        return text[:half].strip()
    return text


CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text))
