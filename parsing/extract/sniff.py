"""Decide a document's type from its bytes, never from its name.

A PDF renamed ``.docx`` is a PDF; an XLSX renamed ``.pdf`` or ``.docx`` is unsupported. The
filename is accepted only so callers can pass it through; it never changes the answer.
"""

from __future__ import annotations

import io
import re
import zipfile

import olefile

from . import limits
from .base import ExtractionError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP = re.compile(rb"<\s*(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml|svg[\s>])", re.I)


def sniff(data: bytes, filename: str = "") -> str:
    """Return "pdf", "docx", "doc", "rtf", "txt", "png", "jpg" or "tiff".

    Raises ExtractionError("empty") for no bytes and ("unsupported_type") for anything else.
    """
    del filename  # deliberately unused: the type is decided by content only
    if not data or not data.strip():
        raise ExtractionError("empty", "The file is empty.")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(OLE_MAGIC):
        return _sniff_ole(data)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    from .txt import decode_text

    text = decode_text(data)
    if text is None:
        raise ExtractionError("unsupported_type", "The file is not a supported document type.")
    if _MARKUP.search(text[:2048].encode("utf-8", "ignore")):
        raise ExtractionError("unsupported_type", "HTML/XML documents are not a supported type.")
    return "txt"


def _zip_entry_count(data: bytes) -> int | None:
    """Entries declared by the end-of-central-directory record (None when it is missing)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    return int.from_bytes(data[at + 10 : at + 12], "little")


def _sniff_zip(data: bytes) -> str:
    count = _zip_entry_count(data)
    if count is not None and count > limits.ZIP_MAX_MEMBERS:
        # Do not build a huge member list just to name the type; extraction refuses it.
        if b"word/document.xml" in data:
            return "docx"
        raise ExtractionError("unsupported_type", "The file is a ZIP archive, not a Word document.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):
        # No readable central directory (truncated, or a ZIP version zipfile cannot read).
        # Local headers still name the members: a Word package is a broken DOCX (corrupt),
        # anything else is not ours.
        if b"word/document.xml" in data:
            return "docx"
        raise ExtractionError(
            "unsupported_type", "The file is a ZIP archive, not a Word document."
        ) from None
    if "word/document.xml" in names:
        return "docx"
    raise ExtractionError("unsupported_type", "The file is a ZIP archive, not a Word document.")


def _sniff_ole(data: bytes) -> str:
    """Word 97-2003 has a WordDocument stream; an encrypted OOXML file is an OLE container too."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # olefile raises assorted errors on damaged containers
        raise ExtractionError("unsupported_type", "Unreadable OLE2 (legacy Office) container.") from None
    try:
        if ole.exists("WordDocument"):
            return "doc"
        if ole.exists("EncryptedPackage") and ole.exists("EncryptionInfo"):
            return "docx"  # password-protected OOXML; extract() reports "encrypted"
    finally:
        ole.close()
    raise ExtractionError("unsupported_type", "Legacy Office file that is not a Word document.")
