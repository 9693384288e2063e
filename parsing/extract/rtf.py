"""RTF with striprtf, decoding \\'xx escapes with the code page the document declares."""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from .base import Extracted, ExtractionError
from .textnorm import clean_text

_ANSICPG = re.compile(rb"\\ansicpg(\d+)")
_MAC_CODEPAGES = {"10000": "mac_roman", "10007": "mac_cyrillic", "10029": "mac_latin2"}


def _codepage(data: bytes) -> str:
    match = _ANSICPG.search(data[:4096])
    if match:
        number = match.group(1).decode()
        name = _MAC_CODEPAGES.get(number, f"cp{number}")
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    if b"\\mac" in data[:200]:
        return "mac_roman"
    return "cp1252"


def extract_rtf(data: bytes) -> Extracted:
    source = data.decode("latin-1")  # RTF is 7-bit; bytes >127 are passed through untouched
    try:
        raw = rtf_to_text(source, encoding=_codepage(data), errors="replace")
    except Exception as exc:  # striprtf raises assorted errors on malformed groups
        raise ExtractionError("corrupt", "The RTF document is damaged and cannot be read.") from exc
    text = clean_text(raw, keep_columns=True)
    if not text.strip():
        raise ExtractionError("no_text", "The RTF document contains no text.")
    return Extracted(kind="rtf", text=text, pages=1, method="rtf")
