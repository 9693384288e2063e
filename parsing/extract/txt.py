"""Plain text in any common encoding (UTF-8/16/32 with or without BOM, cp1252, latin-1, GB18030)."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from .base import Extracted, ExtractionError
from .textnorm import clean_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_textual(text: str) -> bool:
    if not text.strip() or "\x00" in text:
        return False
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f\v")
        or ch == "\ufffd"
    )
    return bad <= max(2, len(sample) // 100)


_WESTERN_SINGLE_BYTE = {
    "cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_16", "mac_roman",
    "mac_latin2", "cp850", "cp437", "cp1257", "iso8859_4", "iso8859_13", "iso8859_9", "cp1254",
}  # fmt: skip


def _legacy_encoding(data: bytes) -> str | None:
    """Best guess for non-UTF text. charset-normalizer guesses among single-byte Latin code
    pages almost at random on short CVs; Windows-1252 is by far the most common of them for
    the languages served (en/fr/de/es), so any Western guess becomes cp1252 when it decodes."""
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    if best.encoding in _WESTERN_SINGLE_BYTE:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def decode_text(data: bytes) -> str | None:
    """The decoded text if the bytes are text in some common encoding, else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if _looks_textual(text) else None
    if b"\x00" in data[:65536]:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        encoding = _legacy_encoding(data)
        if encoding is None:
            return None
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            return None
    return text if _looks_textual(text) else None


def extract_txt(data: bytes) -> Extracted:
    text = decode_text(data)
    if text is None:
        raise ExtractionError("unsupported_type", "The file is not readable text.")
    return Extracted(kind="txt", text=clean_text(text, keep_columns=True), pages=1, method="text")
