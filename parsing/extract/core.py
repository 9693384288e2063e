"""In-process dispatch: sniff, pre-check, call the right extractor.

This is what the isolated worker runs. It is not bounded by itself (a hostile PDF could make
pypdf loop or allocate); call ``parsing.extract.extract`` instead, which runs this in a
memory-capped child process with a wall-clock limit.
"""

from __future__ import annotations

import time

from . import limits
from .base import Extracted, ExtractionError
from .sniff import sniff
from .textnorm import pua_ratio


def extract_in_process(data: bytes, *, filename: str = "", timeout: float = 30.0) -> Extracted:
    deadline = time.monotonic() + timeout
    if len(data) > limits.MAX_BYTES:
        raise ExtractionError(
            "too_large", f"The file is larger than {limits.MAX_BYTES // (1024 * 1024)} MB."
        )
    kind = sniff(data, filename)
    if kind == "pdf":
        from .pdf import extract_pdf

        result = extract_pdf(data, deadline=deadline)
    elif kind == "docx":
        from .docx import extract_docx

        result = extract_docx(data)
    elif kind == "doc":
        from .doc import extract_doc

        result = extract_doc(data, deadline=deadline)
    elif kind == "rtf":
        from .rtf import extract_rtf

        result = extract_rtf(data)
    elif kind == "txt":
        from .txt import extract_txt

        result = extract_txt(data)
    else:
        from .ocr import extract_image

        result = extract_image(data, kind, deadline=deadline)
    if len(result.text) > limits.MAX_TEXT_CHARS:
        result.text = result.text[: limits.MAX_TEXT_CHARS]
        result.warnings.append("text was cut at the size limit")
    if result.language_hint is None:
        result.language_hint = _script_hint(result.text)
    if pua_ratio(result.text) > 0.3:
        raise ExtractionError("no_text", "The document's text could not be decoded.")
    return result


def _script_hint(text: str) -> str | None:
    """'zh' when the text is substantially Han; language detection proper is structuring's job."""
    sample = text[:5000]
    han = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    letters = sum(1 for c in sample if c.isalpha())
    return "zh" if letters and han / letters > 0.2 else None
