"""Text extraction from CV files: PDF, DOCX, DOC, RTF, TXT, PNG/JPG/TIFF (pure, no ORM).

Public API::

    sniff(data, filename="") -> "pdf"|"docx"|"doc"|"rtf"|"txt"|"png"|"jpg"|"tiff"
    extract(data, *, filename="", timeout=30.0) -> Extracted(kind, text, pages, method,
                                                              language_hint, warnings)
    ExtractionError(code, message)   # .code: empty, unsupported_type, encrypted, corrupt,
                                     # too_large, too_many_pages, timeout, no_text, zip_bomb

The type comes from the bytes only (a PDF named .docx is a PDF; an XLSX named .docx, HTML
and anything else is ``unsupported_type``). ``Extracted.method`` is one of "pdfium",
"pdfium+ocr", "pypdf", "ocr", "docx2python", "antiword", "rtf", "text".

Text shape, for the structuring layer: one visual line per line; a blank line where the
source starts a new block; parts of one line that are far apart (a right-aligned date, table
cells, the items of a contact line) separated by a tab; bullets as "• " at the line start;
icon-font glyphs removed; NFKC applied (ligatures, full-width forms); line-end hyphens kept.
PDF pages are read in reading order (header, then each column of a two-column layout);
running headers/footers repeated on every page are kept once. DOCX: header first, body
(tables row by row), footer last, each once.

Limits (limits.py): 10 MB per file; PDFs over 2,000 pages are refused (too_many_pages),
otherwise the first 50 pages are read with a warning; at most 10 scanned pages are OCR'd.

``extract`` runs the work in a persistent worker process (see worker.py / isolation.py):
address space capped at 1.5 GB, wall clock capped at ``timeout`` (+2 s grace, then the
worker and its Tesseract/antiword children are killed and replaced). The worker costs
~0.3 ms of IPC per document instead of ~150 ms to spawn one per document; call
``warm_up()`` once per process (e.g. Celery's worker_process_init) to pay the ~100 ms start
ahead of the first document. ``extract_in_process`` is the same work without isolation, for
benchmarks and debugging only.
"""

from __future__ import annotations

from . import limits
from .base import Extracted, ExtractionError
from .core import extract_in_process
from .isolation import shutdown, warm_up
from .sniff import sniff

__all__ = [
    "Extracted",
    "ExtractionError",
    "extract",
    "extract_in_process",
    "shutdown",
    "sniff",
    "warm_up",
]


def extract(data: bytes, *, filename: str = "", timeout: float = 30.0) -> Extracted:
    """Extract the text of one document, bounded in time and memory.

    Raises ExtractionError with a code (see ExtractionError). Only the size and emptiness
    are checked here; everything that parses the bytes, type sniffing included, runs in the
    worker process, so hostile input never costs this process time or memory.
    """
    from .isolation import extract_isolated

    if len(data) > limits.MAX_BYTES:
        raise ExtractionError(
            "too_large", f"The file is larger than {limits.MAX_BYTES // (1024 * 1024)} MB."
        )
    if not data.strip():
        raise ExtractionError("empty", "The file is empty.")
    return extract_isolated(data, filename=filename, timeout=timeout)
