"""PDF text: pdfium character boxes → reading-order lines; pypdf as the fallback reader.

Why pdfium first (measured on the corpus, see benchmarks/parse_bench.py): it is 10-20x
faster than pypdf's extract_text on the same files, keeps inter-word spaces that pypdf drops
on LuaLaTeX output (Awesome-CV), decodes ligatures and the CJK fonts without a ToUnicode map
(billryan zh) that pypdf turns into mojibake, and gives character boxes, which the column
reordering in layout.py needs. pypdf (strict=False) is used when pdfium cannot open a file
(damaged xref it does not repair, or an encryption that opens with the empty owner password
only in pypdf).
"""

from __future__ import annotations

import array
import ctypes
import io
import logging
import re
import time

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import limits
from .base import Extracted, ExtractionError
from .layout import build_segments, page_lines
from .textnorm import clean_text, looks_garbled, pua_ratio

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-file chatter is expected here

_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
_CJK_FONT_HINTS = (
    "song", "hei", "kai", "ming", "fang", "gothic", "mincho", "simsun", "cjk", "gb", "batang",
    "gulim", "uming", "ukai", "wqy", "yahei", "dengxian", "stxihei",
)  # fmt: skip


def _cjk_fonts(textpage: pdfium.PdfTextPage, count: int) -> bool:
    """Whether the page's text is set in a Chinese/Japanese/Korean font (by font name)."""
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for i in range(0, min(count, 400), 7):
        n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buf, len(buf), ctypes.byref(flags))
        name = buf.raw[: max(n - 1, 0)].decode("latin-1").lower()
        if any(hint in name for hint in _CJK_FONT_HINTS):
            return True
    return False


def extract_pdf(data: bytes, *, deadline: float) -> Extracted:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return _extract_with_pypdf(data, deadline=deadline, pdfium_code=exc.err_code)
    try:
        return _extract_with_pdfium(pdf, data, deadline=deadline)
    finally:
        pdf.close()


def _check_pages(total: int, warnings: list[str]) -> int:
    if total == 0:
        raise ExtractionError("corrupt", "The PDF has no pages.")
    if total > limits.ABSURD_PAGES:
        raise ExtractionError(
            "too_many_pages", f"The PDF has {total} pages; a CV has at most {limits.MAX_PAGES}."
        )
    if total > limits.MAX_PAGES:
        warnings.append(f"only the first {limits.MAX_PAGES} of {total} pages were read")
    return min(total, limits.MAX_PAGES)


def _page_chars(textpage: pdfium.PdfTextPage) -> list[tuple[str, float, float, float, float, float]]:
    """(char, left, right, bottom, top, em) per character, in pdfium's order.

    One GetText call for the characters; per character its advance box (left/right) and its
    baseline. The vertical extent is rebuilt from the baseline and the font size (0.25 em
    below, 0.95 em above) so every glyph of a line gets the same band, whatever its shape
    and whatever ascent/descent the font declares (some declare 2-3 em). pdfium marks a
    hyphen at a line break as 0xFFFE; it is kept as the '-' that was printed.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    buf = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = array.array("H")
    units.frombytes(buf.raw[: count * 2])
    rect = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_object = pdfium_c.FPDFText_GetTextObject
    fonts: dict[int | None, tuple[str, float]] = {}
    chars: list[tuple[str, float, float, float, float, float]] = []
    kinds: list[str] = []
    high = 0
    for i, code in enumerate(units):
        if 0xD800 <= code <= 0xDBFF:
            high = code
            continue
        if 0xDC00 <= code <= 0xDFFF:
            if not high:
                continue
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
            high = 0
        if code in (0xFFFE, 2):
            code = 0x2D
        elif code == 0:
            continue
        obj = get_object(raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        font = fonts.get(key)
        if font is None:
            font = fonts[key] = (_font_kind(obj), pdfium_c.FPDFText_GetFontSize(raw, i))
        kind, em = font
        get_box(raw, i, rect)
        if em < 1.5:  # generated characters (spaces, line breaks) have no font
            em = max((rect.top - rect.bottom) / 1.2, 1.0)
        get_origin(raw, i, origin_x, origin_y)
        base = origin_y.value
        chars.append((chr(code), rect.left, rect.right, base - 0.25 * em, base + 0.95 * em, em))
        kinds.append(kind)
    if any(kind != "text" for kind in kinds):
        _mask_icons(chars, kinds)
    return chars


_ICON_FONTS = (
    "fontawesome", "awesome", "academicons", "marvosym", "octicons", "glyphicons", "ionicons",
    "icomoon", "materialicons", "material-icons", "materialdesignicons", "nerdfont", "simpleicons",
    "fa-solid", "fa-regular", "fa-brands", "fabrands", "fasolid", "tabler-icons", "remixicon",
)  # fmt: skip
_DINGBAT_FONTS = ("wingding", "webdings", "zapfdingbats", "dingbat")


def _mask_icons(chars: list[tuple[str, float, float, float, float, float]], kinds: list[str]) -> None:
    """Replace icon glyphs by private-use placeholders (dropped by clean_text); a dingbat
    (Wingdings, ZapfDingbats) becomes a placeholder that layout turns into a bullet at a
    line start.

    Only short runs are icons (one glyph, maybe two): a longer run set in an icon font is
    the /ActualText of a tagged PDF (Awesome-CV writes "tel:(+82) 10-…" over its phone
    icon), which is real text.
    """
    n = len(chars)
    i = 0
    while i < n:
        if kinds[i] == "text" or chars[i][0].isspace():
            i += 1
            continue
        j = i
        while j < n and kinds[j] != "text" and not chars[j][0].isspace():
            j += 1
        if j - i <= 2:
            placeholder = "\ue001" if kinds[i] == "dingbat" else "\ue000"
            for k in range(i, j):
                chars[k] = (placeholder, *chars[k][1:])
        i = j


def _font_kind(obj: object) -> str:
    """'icon', 'dingbat' or 'text' for the font of a text object, by its base font name."""
    if not obj:
        return "text"
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font:
        return "text"
    buf = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buf, len(buf))
    name = buf.raw[: max(length - 1, 0)].decode("latin-1").lower().replace(" ", "")
    if any(hint in name for hint in _ICON_FONTS):
        return "icon"
    if any(hint in name for hint in _DINGBAT_FONTS):
        return "dingbat"
    return "text"


def _alnum(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _image_coverage(page: pdfium.PdfPage, area: float) -> float:
    """Share of the page covered by its largest image. A scan fills most of its page; a page
    holding only a photo or a logo (application bundles) is not worth OCR's second."""
    best = 0.0
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            best = max(best, (right - left) * (top - bottom))
    except Exception:
        return 0.0
    return best / area if area > 0 else 0.0


def _extract_with_pdfium(pdf: pdfium.PdfDocument, data: bytes, *, deadline: float) -> Extracted:
    warnings: list[str] = []
    total = len(pdf)
    n = _check_pages(total, warnings)
    page_texts: list[str] = []
    needs_ocr: list[int] = []
    cjk = False
    for index in range(n):
        if time.monotonic() > deadline:
            raise ExtractionError("timeout", "The PDF took too long to read.")
        try:
            page = pdf[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = _page_chars(textpage)
            raw_text = "".join(c[0] for c in chars)
            if looks_garbled(raw_text):
                cjk = cjk or _cjk_fonts(textpage, len(chars))
            textpage.close()
        except pdfium.PdfiumError:
            page_texts.append("")
            needs_ocr.append(index)
            continue
        if not _usable(raw_text) and (
            _image_coverage(page, width * height) >= 0.4 or looks_garbled(raw_text)
        ):
            page_texts.append("")
            needs_ocr.append(index)
            continue
        # A short page without images keeps what it has. A short page that is mostly one
        # picture is a scan with a few typed words (a stamp, a header): OCR it as well and
        # keep whichever reading has more text (see _finish).
        lines = page_lines(build_segments(chars, height), width)
        page_texts.append(clean_text("\n".join(lines), keep_columns=True))
        if len(raw_text) < 200 and _image_coverage(page, width * height) >= 0.5:
            needs_ocr.append(index)
    return _finish(
        page_texts,
        needs_ocr,
        data,
        total=total,
        engine="pdfium",
        warnings=warnings,
        deadline=deadline,
        cjk=cjk,
    )


def _finish(
    page_texts: list[str],
    needs_ocr: list[int],
    data: bytes,
    *,
    total: int,
    engine: str,
    warnings: list[str],
    deadline: float,
    cjk: bool = False,
) -> Extracted:
    method = engine
    hint: str | None = None
    if needs_ocr:
        from .ocr import ocr_pdf_pages

        ocr_texts, hint = ocr_pdf_pages(
            data, needs_ocr, deadline=deadline, warnings=warnings, prefer_cjk=cjk
        )
        replaced = 0
        for i, text in ocr_texts.items():
            if _alnum(text) > _alnum(page_texts[i]):
                page_texts[i] = text
                replaced += 1
        if replaced:
            method = "ocr" if len(needs_ocr) == len(page_texts) else f"{engine}+ocr"
    text = "\n\n".join(t for t in _drop_running_lines(page_texts) if t.strip())
    if sum(1 for c in text if c.isalnum()) < 10:
        raise ExtractionError(
            "no_text", "The PDF contains no readable text (no text layer, OCR found none)."
        )
    return Extracted(
        kind="pdf", text=text, pages=total, method=method, language_hint=hint, warnings=warnings
    )


_PAGE_NUMBER = re.compile(
    r"(?:\(?\b(?:page|seite|página|pagina|p\.)?\s*\d{1,3}\s*(?:/|of|von|de|sur)\s*\d{1,3}\)?"
    r"|\b(?:page|seite|página|pagina)\s*\d{1,3}|\t\d{1,3})\s*$",
    re.IGNORECASE,
)
_EDGE = 4


def _running_key(line: str) -> str:
    """The line without a trailing page number ('2/3', 'Page 2 of 3', a lone number in its own
    column), so a footer that only differs by its page number is recognised."""
    return _PAGE_NUMBER.sub("", line).strip()


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Keep running headers/footers (a contact block or 'Page 2 of 3' repeated at the top or
    bottom of most pages) once, where they first appear.

    A line is running when, page number aside, it sits among the first or last few lines of
    at least half of the pages (and of two pages or more).
    """
    if len(pages) < 2:
        return pages
    split = [page.split("\n") for page in pages]

    def edges(lines: list[str]) -> set[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return set(filled[:_EDGE] + filled[-_EDGE:])

    seen_on: dict[str, int] = {}
    for lines in split:
        for key in {_running_key(lines[i]) for i in edges(lines)}:
            seen_on[key] = seen_on.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    running = {key for key, count in seen_on.items() if count >= needed and len(key) >= 4}
    if not running:
        return pages
    kept: set[str] = set()
    out = []
    for lines in split:
        drop = set()
        for i in sorted(edges(lines)):
            key = _running_key(lines[i])
            if key in running:
                if key in kept:
                    drop.add(i)
                kept.add(key)
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out


def _usable(raw: str) -> bool:
    """A page with almost no characters, or with undecodable glyphs, has no usable text layer."""
    visible = sum(1 for c in raw if not c.isspace())
    return visible >= 20 and pua_ratio(raw) < 0.3 and not looks_garbled(raw)


def _extract_with_pypdf(data: bytes, *, deadline: float, pdfium_code: int | None) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("encrypted", "The PDF is password-protected.")
        total = len(reader.pages)
    except ExtractionError:
        raise
    except (NotImplementedError, FileNotDecryptedError) as exc:
        raise ExtractionError(
            "encrypted", "The PDF is password-protected or uses an unsupported encryption."
        ) from exc
    except Exception as exc:
        if pdfium_code in _PASSWORD_ERRORS:
            raise ExtractionError("encrypted", "The PDF is password-protected.") from exc
        raise ExtractionError("corrupt", "The PDF is damaged and cannot be read.") from exc
    warnings: list[str] = []
    n = _check_pages(total, warnings)
    page_texts: list[str] = []
    for index in range(n):
        if time.monotonic() > deadline:
            raise ExtractionError("timeout", "The PDF took too long to read.")
        try:
            raw = reader.pages[index].extract_text() or ""
        except FileNotDecryptedError as exc:
            raise ExtractionError("encrypted", "The PDF is password-protected.") from exc
        except Exception:
            raw = ""
        page_texts.append(clean_text(raw) if _usable(raw) else "")
    # pdfium could not open this file, so it cannot rasterise it for OCR either.
    return _finish(
        page_texts, [], data, total=total, engine="pypdf", warnings=warnings, deadline=deadline
    )
