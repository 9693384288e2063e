"""Hard limits applied before and during extraction, so hostile input stays bounded."""

MAX_BYTES = 10 * 1024 * 1024
"""Intake refuses larger files (413); extract() refuses them too (``too_large``)."""

MAX_PAGES = 50
"""Pages read from a PDF; later pages are skipped with a warning (no CV is longer)."""

ABSURD_PAGES = 2000
"""A PDF claiming more pages than this is refused outright (``too_many_pages``)."""

MAX_OCR_PAGES = 10
"""Scanned pages sent to Tesseract; OCR costs seconds per page."""

OCR_PAGE_TIMEOUT = 20.0
"""Seconds one Tesseract run may take before it is killed."""

OCR_DPI = 300

ANTIWORD_TIMEOUT = 10.0
"""Seconds antiword may take on one .doc (a real CV takes milliseconds). Fuzzed .doc files make
it spin forever without output; this stops one well before the document's own deadline."""

# DOCX (zip) limits, checked on the central directory before anything is inflated.
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_MAX_MEMBER_UNCOMPRESSED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200
"""Compression ratio above which a large member is treated as a bomb (XML compresses ~10-30x)."""
ZIP_RATIO_MIN_SIZE = 5 * 1024 * 1024
"""Ratio is only judged for members inflating beyond this size; tiny members compress wildly."""

WORKER_MEMORY_BYTES = 1536 * 1024 * 1024
"""Address-space limit (RLIMIT_AS) of the extraction worker process."""

WORKER_MAX_JOBS = 500
"""The worker is replaced after this many documents, bounding slow leaks in the libraries."""

MAX_TEXT_CHARS = 2_000_000
"""Extracted text beyond this is cut with a warning (a CV is ~5-20k characters)."""
