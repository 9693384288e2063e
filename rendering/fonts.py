"""Fonts embedded in rendered PDFs, and the family names users ask for mapped onto them.

Layouts and render settings speak of the fonts people know (Calibri, Arial, Times); a server
has none of them. We embed metric-compatible free faces instead, so line breaks and page
counts match what the user sees in Word:

- Arial / Helvetica → Liberation Sans; Times / Times New Roman → Liberation Serif
  (Debian ``fonts-liberation2``); Calibri → Carlito (``fonts-crosextra-carlito``);
- DejaVu Sans/Serif (``fonts-dejavu-core``) for symbols, Cyrillic, Greek the others lack;
- WenQuanYi Micro Hei (``fonts-wqy-microhei``) for Chinese, Japanese and Korean: a TrueType
  collection reportlab can embed (Noto CJK is CFF-based OpenType, which reportlab cannot).

xhtml2pdf resolves a CSS ``font-family`` list per character (the first family with a glyph
draws it), so every layout's stack ends in DejaVu and WenQuanYi and mixed text — a Chinese
name in a Latin CV — comes out right without marking runs by hand. ``font_face_css`` writes
the ``@font-face`` rules for the families a stylesheet names; xhtml2pdf registers each file
with reportlab once per process (it caches by file digest), so only the first document pays
the parse (~70 ms for the CJK face).

Pure: no Django.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

# Where fonts are looked for: a vendored copy next to this module first (for machines without
# the Debian packages), then the Debian locations, then $SMARTCV_FONT_DIRS (':'-separated).
_SEARCH_DIRS = (
    Path(__file__).resolve().parent / "fonts",
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/crosextra"),
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/wqy"),
)

# family → (regular, bold, italic, bold italic) file names; a missing style reuses regular.
_FILES: dict[str, tuple[str, str, str, str]] = {
    "Liberation Sans": (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
    "Liberation Serif": (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ),
    "Carlito": (
        "Carlito-Regular.ttf",
        "Carlito-Bold.ttf",
        "Carlito-Italic.ttf",
        "Carlito-BoldItalic.ttf",
    ),
    "DejaVu Sans": (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    "DejaVu Serif": (
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
    # One weight only: bold CJK text is drawn in the regular face rather than a box.
    "WenQuanYi Micro Hei": ("wqy-microhei.ttc", "", "", ""),
}

CJK_FAMILY = "WenQuanYi Micro Hei"

# What people ask for → the embedded family that stands in for it (lower-case keys).
FAMILY_ALIASES: dict[str, str] = {
    "calibri": "Carlito",
    "carlito": "Carlito",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "helvetica neue": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "sans-serif": "Liberation Sans",
    "times": "Liberation Serif",
    "times new roman": "Liberation Serif",
    "georgia": "Liberation Serif",
    "cambria": "Liberation Serif",
    "garamond": "Liberation Serif",
    "liberation serif": "Liberation Serif",
    "serif": "Liberation Serif",
    "verdana": "DejaVu Sans",
    "tahoma": "DejaVu Sans",
    "dejavu sans": "DejaVu Sans",
    "dejavu serif": "DejaVu Serif",
    "simsun": CJK_FAMILY,
    "microsoft yahei": CJK_FAMILY,
    "wenquanyi micro hei": CJK_FAMILY,
}

# The name a Word user has for each embedded family (DOCX files name fonts, not embed them).
WORD_FAMILIES: dict[str, str] = {
    "Liberation Sans": "Arial",
    "Liberation Serif": "Times New Roman",
    "Carlito": "Calibri",
    "DejaVu Sans": "Verdana",
    "DejaVu Serif": "Georgia",
    CJK_FAMILY: "Microsoft YaHei",
}


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path
    bold: bool
    italic: bool


def _search_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("SMARTCV_FONT_DIRS", "").split(":") if p]
    return [*_SEARCH_DIRS, *extra]


def _find(name: str) -> Path | None:
    for directory in _search_dirs():
        candidate = directory / name
        if candidate.is_file():
            return candidate.resolve()
    return None


@functools.cache
def available_faces() -> tuple[FontFace, ...]:
    """Every face found on this machine (looked up once per process)."""
    faces: list[FontFace] = []
    for family, names in _FILES.items():
        regular = _find(names[0])
        if regular is None:
            continue
        for (bold, italic), name in zip(
            ((False, False), (True, False), (False, True), (True, True)), names, strict=True
        ):
            path = (_find(name) if name else None) or regular
            faces.append(FontFace(family=family, path=path, bold=bold, italic=italic))
    return tuple(faces)


def available_families() -> list[str]:
    return list(dict.fromkeys(face.family for face in available_faces()))


@functools.cache
def allowed_font_paths() -> frozenset[str]:
    """The only local files the PDF renderer may open (see ``rendering.pdf``)."""
    return frozenset(str(face.path) for face in available_faces())


def resolve_family(name: str) -> str:
    """The embedded family that draws a requested one ('Calibri' → 'Carlito')."""
    key = str(name).strip().strip("'\"").lower()
    family = FAMILY_ALIASES.get(key)
    if family is None:
        family = next((f for f in _FILES if f.lower() == key), "Liberation Sans")
    return family


def word_family(name: str) -> str:
    """The font a DOCX should name for a requested or embedded family ('Carlito' → 'Calibri')."""
    return WORD_FAMILIES.get(resolve_family(name), "Arial")


def font_stack(name: str) -> str:
    """A CSS font-family list: the requested face, then the script fallbacks."""
    family = resolve_family(name)
    stack = [family, "DejaVu Sans", CJK_FAMILY]
    return ", ".join(f'"{f}"' for f in dict.fromkeys(stack))


_PLAIN_NAME = re.compile(r"^[\w .-]+$")
_FAMILY_DECL = re.compile(r"font-family\s*:\s*([^;}]+)", re.IGNORECASE)


def families_in_css(css: str) -> list[str]:
    """The families a stylesheet names in its font-family declarations, in order."""
    found: list[str] = []
    for declaration in _FAMILY_DECL.findall(css):
        for part in declaration.split(","):
            name = part.strip().strip("'\"").strip()
            if name and name not in found:
                found.append(name)
    return found


def _reachable_families(css: str, target_of) -> list[str]:
    """The names of each font-family list up to where a DejaVu face and the CJK face are in
    it: every glyph our faces have is drawn by then, so the names after (the usual
    ``"Helvetica", Arial, sans-serif`` tail) can never draw a character. Declaring them
    would cost xhtml2pdf a read of each of their files per document for nothing."""
    found: list[str] = []
    for declaration in _FAMILY_DECL.findall(css):
        covered: set[str | None] = set()
        for part in declaration.split(","):
            name = part.strip().strip("'\"").strip()
            if not name:
                continue
            if name not in found:
                found.append(name)
            covered.add(target_of(name))
            if CJK_FAMILY in covered and covered & {"DejaVu Sans", "DejaVu Serif"}:
                break
    return found


def first_family(css: str) -> str:
    """The first family a stylesheet names (its body font), or 'Liberation Sans'."""
    families = families_in_css(css)
    return families[0] if families else "Liberation Sans"


def font_face_css(css: str) -> str:
    """``@font-face`` rules embedding every available family the stylesheet names.

    A family is declared under the name the stylesheet uses, so ``font-family: Calibri``
    draws with Carlito; DejaVu Sans and the CJK face are always declared, as the last
    resort for characters the chosen face lacks.
    """
    faces = available_faces()
    families = {face.family for face in faces}

    def target_of(name: str) -> str | None:
        key = name.lower()
        return FAMILY_ALIASES.get(key) or next((f for f in families if f.lower() == key), None)

    wanted: dict[str, str] = {}
    for name in [*_reachable_families(css, target_of), "DejaVu Sans", CJK_FAMILY]:
        target = target_of(name)
        if target in families and name not in wanted and _PLAIN_NAME.match(name):
            wanted[name] = target
    rules = []
    for declared, family in wanted.items():
        seen: set[Path] = set()
        for face in faces:
            if face.family != family or face.path in seen:
                continue
            # A style without a file of its own (the one-weight CJK face) is left out:
            # xhtml2pdf maps every missing style to the regular face, and each rule costs
            # a read of the (5 MB) file per document.
            seen.add(face.path)
            weight = "bold" if face.bold else "normal"
            style = "italic" if face.italic else "normal"
            rules.append(
                f'@font-face {{ font-family: "{declared}"; src: url("{face.path}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)
