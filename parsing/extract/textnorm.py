"""Clean-up applied to every extractor's text so the structuring layer sees one dialect.

Icon-font glyphs (Unicode private-use area: FontAwesome, Wingdings) are removed, except
where they are used as a bullet at the start of a line, which becomes '•'. Ligatures and
compatibility forms are folded with NFKC. Letter-spaced capitals ("J O H N  D O E") are
joined. Line-end hyphenation is left alone: "Develop-\\nment" may be a real hyphen.
"""

from __future__ import annotations

import re
import unicodedata

BULLET = "•"
_BULLET_CHARS = "•●▪■◦○◆◇♦►▶▸‣⁃∙·➢➤➔→✓✔❖❯⦁"
_PUA_BULLETS = "\uf0b7\uf0a7\uf0d8\uf0fc"  # Symbol/Wingdings bullets Word maps into the PUA
_LEADING_BULLET = re.compile(rf"^(\s*)[{re.escape(_BULLET_CHARS)}]\s*")
_PUA = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]")
_LETTER_SPACED = re.compile(r"^(?:\S(?: \S){2,})(?: {2,}\S(?: \S)+)*$")
_MULTISPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def pua_ratio(text: str) -> float:
    """Share of visible characters that are icon-font (private-use) or replacement glyphs."""
    if text.isascii():
        return 0.0
    visible = len(text) - sum(text.count(c) for c in " \n\t\r")
    if visible <= 0:
        return 0.0
    return (len(_PUA.findall(text)) + text.count("\ufffd")) / visible


def _join_letter_spaced(line: str) -> str:
    stripped = line.strip()
    if len(stripped) < 5 or not _LETTER_SPACED.match(stripped):
        return line
    words = re.split(r" {2,}", stripped)
    if not all(w.replace(" ", "").isalpha() or w.replace(" ", "").isalnum() for w in words):
        return line
    return " ".join(w.replace(" ", "") for w in words)


def clean_line(line: str, *, keep_columns: bool = False) -> str:
    """Normalise one line. keep_columns leaves runs of spaces (layout gaps) as a tab."""
    line = _CONTROL.sub("", line)
    stripped = line.lstrip()
    if stripped and stripped[0] in _PUA_BULLETS:
        line = BULLET + " " + stripped[1:].lstrip()
    line = _PUA.sub("", line)
    line = unicodedata.normalize("NFKC", line)
    line = _join_letter_spaced(line)
    if keep_columns:
        parts = [p for p in re.split(r"\s{3,}|\t", line.strip())]
        line = "\t".join(_MULTISPACE.sub(" ", p).strip() for p in parts if p.strip())
    else:
        line = _MULTISPACE.sub(" ", line).strip()
    line = _LEADING_BULLET.sub(BULLET + " ", line)
    return line.strip()


def clean_text(text: str, *, keep_columns: bool = False) -> str:
    """Normalise newlines and every line; at most one blank line between blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for raw in text.split("\n"):
        line = clean_line(raw, keep_columns=keep_columns)
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        if line == BULLET and out is not None:
            out.append(line)
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


_COMMON_SCRIPTS = {"LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK", "FULLWIDTH"}


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def looks_garbled(text: str) -> bool:
    """True when the text is glyph soup from fonts without a Unicode map.

    Such text mixes letters of unrelated scripts inside one word (Gujarati, Tibetan and Arabic
    in 'ഈࢌݚ๙ն࿐'); real words stay within one script (plus Latin/CJK mixes, common in CVs).
    """
    if text.isascii():
        return False
    mixed = total = 0
    for token in text.split():
        if token.isascii():
            continue
        scripts = {_script(c) for c in token if ord(c) > 0x24F and c.isalpha()}
        if not scripts:
            continue
        total += 1
        foreign = scripts - _COMMON_SCRIPTS
        if (foreign and len(scripts) >= 2) or "UNKNOWN" in scripts:
            mixed += 1
    return total >= 5 and mixed / total > 0.3
