"""DOCX with docx2python, after the package has been checked for bombs and XML entities."""

from __future__ import annotations

import io
import re
import zipfile

from . import limits
from .base import Extracted, ExtractionError
from .sniff import OLE_MAGIC
from .textnorm import clean_text

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)
_LIST_MARK = re.compile(r"^(\s*)(?:--|[-–•*])\t", re.M)


def _plain_links(text: str) -> str:
    """docx2python writes hyperlinks as <a href>; keep the visible text and the target once."""

    def repl(match: re.Match[str]) -> str:
        url, label = match.group(1), match.group(2)
        target = url.removeprefix("mailto:")
        return label if target in label or not url else f"{label} ({target})"

    return _LINK.sub(repl, text)


def check_package(data: bytes) -> zipfile.ZipFile:
    """Refuse zip bombs and XML with DTDs before any member is parsed.

    Sizes come from the central directory, which a hostile file can fake, so members are
    also inflated with a hard cap while scanning for DTDs: the check never trusts the header.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
        # NotImplementedError: a directory entry claims a ZIP version zipfile cannot read.
        raise ExtractionError(
            "corrupt", "The Word document is damaged (not a readable ZIP package)."
        ) from exc
    if len(infos) > limits.ZIP_MAX_MEMBERS:
        raise ExtractionError("zip_bomb", "The Word document has too many parts.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.ZIP_MAX_MEMBER_UNCOMPRESSED:
            raise ExtractionError("zip_bomb", "The Word document inflates to an unreasonable size.")
        if info.file_size > limits.ZIP_RATIO_MIN_SIZE and info.file_size > limits.ZIP_MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ExtractionError("zip_bomb", "The Word document is a compression bomb.")
    if total > limits.ZIP_MAX_TOTAL_UNCOMPRESSED:
        raise ExtractionError("zip_bomb", "The Word document inflates to an unreasonable size.")
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        head = _scan_member(zf, info)
        if _DTD.search(head):
            raise ExtractionError(
                "corrupt", "The Word document contains a DTD/entity declarations (refused)."
            )
    return zf


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Inflate one member with a hard cap (sizes in the directory can lie); return its head.

    A CRC mismatch alone is tolerated (fuzzed but readable packages); any other inflate
    error means the package is damaged.
    """
    head = b""
    seen = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                if len(head) < 4096:
                    head += chunk[: 4096 - len(head)]
                seen += len(chunk)
                if seen > limits.ZIP_MAX_MEMBER_UNCOMPRESSED:
                    raise ExtractionError(
                        "zip_bomb", "The Word document inflates to an unreasonable size."
                    )
    except ExtractionError:
        raise
    except zipfile.BadZipFile as exc:
        if "CRC" not in str(exc):
            raise ExtractionError("corrupt", "The Word document is damaged.") from exc
    except Exception as exc:  # zlib.error, EOFError on truncated members, NotImplementedError (method)
        raise ExtractionError("corrupt", "The Word document is damaged.") from exc
    return head


_PAGES = re.compile(rb"<Pages>\s*(\d{1,5})\s*</Pages>")


def _page_count(zf: zipfile.ZipFile) -> int:
    """Pages as last saved by Word (docProps/app.xml); 1 when the producer did not record it."""
    try:
        match = _PAGES.search(zf.read("docProps/app.xml")[:65536])
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return 1
    return max(int(match.group(1)), 1) if match else 1


def extract_docx(data: bytes) -> Extracted:
    if data.startswith(OLE_MAGIC):
        raise ExtractionError("encrypted", "The Word document is password-protected.")
    pages = _page_count(check_package(data))
    from docx2python import docx2python

    try:
        with docx2python(io.BytesIO(data), html=False) as doc:
            header = _flatten(_mark_bullets(doc.header, doc.header_pars))
            body = _flatten(_mark_bullets(doc.body, doc.body_pars))
            footer = _flatten(_mark_bullets(doc.footer, doc.footer_pars))
            footnotes = _flatten(doc.footnotes) + _flatten(doc.endnotes)
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError("corrupt", "The Word document is damaged and cannot be read.") from exc
    parts = [_dedupe_block(header), body, _dedupe_block(footer), footnotes]
    joined = _LIST_MARK.sub(r"\1• ", _plain_links("\n\n".join(p for p in parts if p.strip())))
    text = clean_text(joined, keep_columns=True)
    if not text.strip():
        raise ExtractionError("no_text", "The Word document contains no text.")
    return Extracted(kind="docx", text=text, pages=pages, method="docx2python")


def _dedupe_block(text: str) -> str:
    """Headers/footers repeat per section; keep each distinct line once."""
    seen: set[str] = set()
    out = []
    for line in text.split("\n"):
        key = line.strip()
        if key and key in seen:
            continue
        seen.add(key)
        out.append(line)
    return "\n".join(out)


def _mark_bullets(tables: list, pars: list) -> list:
    """Prefix '• ' to paragraphs bulleted through their style (Word's "List Bullet"): docx2python
    only renders numbering set on the paragraph itself, but Word shows these as bullets too."""
    out = []
    for table, ptable in zip(tables, pars, strict=False):
        rows = []
        for row, prow in zip(table, ptable, strict=False):
            cells = []
            for cell, pcell in zip(row, prow, strict=False):
                if len(cell) != len(pcell):
                    cells.append(cell)
                    continue
                paragraphs = []
                for text, par in zip(cell, pcell, strict=False):
                    style = (getattr(par, "style", "") or "").replace(" ", "").lower()
                    if style.startswith("listbullet") and text.strip() and not _LIST_MARK.match(text):
                        text = "• " + text
                    paragraphs.append(text)
                cells.append(paragraphs)
            rows.append(cells)
        out.append(rows)
    return out if len(out) == len(tables) else tables


def _flatten(tables: list) -> str:
    """docx2python nests table > row > cell > paragraph. A one-cell 'table' is plain paragraphs;
    a real table row becomes one line with cells joined by a tab."""
    lines: list[str] = []
    for table in tables:
        rows = table
        real_table = len(rows) > 1 or any(len(r) > 1 for r in rows)
        for row in rows:
            cells = ["\n".join(p for p in cell if p.strip()).strip() for cell in row]
            cells = [c for c in cells if c]
            if not cells:
                continue
            if real_table and len(cells) > 1 and all("\n" not in c for c in cells):
                lines.append("\t".join(cells))
            else:
                for c in cells:
                    lines.extend(c.split("\n"))
        if lines and lines[-1] != "":
            lines.append("")
    return "\n".join(lines)
