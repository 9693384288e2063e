"""Tesseract OCR (Debian's tesseract-ocr CLI) for images and PDF pages without a text layer.

Each Tesseract run is a child process with its own timeout; the whole document also has a
deadline, and at most ``limits.MAX_OCR_PAGES`` pages are recognised.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import time

from PIL import Image

from . import limits
from .base import Extracted, ExtractionError
from .textnorm import clean_text

ALL_LANGS = "eng+fra+deu+spa+chi_sim"
"""One pass with every model: ~2.7 s per A4 page at 300 dpi against ~1.8 s for the Latin
models alone, but script detection (OSD) costs ~2 s itself and a Latin-first pass misreads
Chinese pages as confident junk, so a single combined pass is both simpler and faster."""
CJK_LANGS = "chi_sim+eng"
_HAN_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")
MAX_IMAGE_PIXELS = 60_000_000  # ~ A4 at 600 dpi; larger images are refused (decompression bombs)


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def run_tesseract(image_path: str, *, langs: str, deadline: float) -> str:
    binary = shutil.which("tesseract")
    if binary is None:
        raise ExtractionError("no_text", "OCR is not available on this server.")
    remaining = min(limits.OCR_PAGE_TIMEOUT, deadline - time.monotonic())
    if remaining <= 0.5:
        raise ExtractionError("timeout", "OCR took too long.")
    try:
        proc = subprocess.run(  # noqa: S603 - fixed binary, our own temp file as argument
            [binary, image_path, "stdout", "-l", langs, "--psm", "3"],
            capture_output=True,
            timeout=remaining,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError("timeout", "OCR took too long.") from exc
    if proc.returncode != 0:
        raise ExtractionError("corrupt", "The image could not be read by OCR.")
    return proc.stdout.decode("utf-8", "replace")


def _has_cjk(text: str) -> bool:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") >= 5


def ocr_image_file(path: str, *, deadline: float, prefer_cjk: bool = False) -> tuple[str, str | None]:
    """Text of one image and a language hint ("zh" when Chinese was recognised).

    Tesseract separates Han characters with spaces when Latin models are loaded too; those
    spaces are removed (Chinese is written without them).
    """
    text = run_tesseract(path, langs=CJK_LANGS if prefer_cjk else ALL_LANGS, deadline=deadline)
    text = _HAN_GAP.sub("", text)
    return text, ("zh" if _has_cjk(text) else None)


def is_blank(image: Image.Image) -> bool:
    """No ink worth a Tesseract run (~1 s even on an empty page): under 0.01% dark pixels.
    One short word at 10 pt and 300 dpi is ~0.02%."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:160]) < sum(histogram) * 0.0001


def ocr_pdf_pages(
    data: bytes, pages: list[int], *, deadline: float, warnings: list[str], prefer_cjk: bool = False
) -> tuple[dict[int, str], str | None]:
    """Rasterise the given pages with pypdfium2 and OCR them; {page index: text}."""
    if not tesseract_available():
        warnings.append("OCR is not available; pages without a text layer were skipped")
        return {}, None
    import pypdfium2 as pdfium

    if len(pages) > limits.MAX_OCR_PAGES:
        warnings.append(f"only {limits.MAX_OCR_PAGES} of {len(pages)} scanned pages were OCR'd")
        pages = pages[: limits.MAX_OCR_PAGES]
    out: dict[int, str] = {}
    hint: str | None = None
    tried = 0
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise ExtractionError("corrupt", "The PDF pages cannot be rendered for OCR.") from exc
    with tempfile.TemporaryDirectory() as tmp:
        for index in pages:
            if time.monotonic() > deadline - 1:
                if not tried:
                    raise ExtractionError(
                        "timeout", "OCR of the scanned pages did not fit in the time limit."
                    )
                warnings.append("OCR stopped early: time limit reached")
                break
            try:
                page = pdf[index]
                width, height = page.get_size()
                scale = limits.OCR_DPI / 72
                if width * height * scale * scale > MAX_IMAGE_PIXELS:
                    scale = (MAX_IMAGE_PIXELS / (width * height)) ** 0.5
                image = page.render(scale=scale, grayscale=True).to_pil()
            except Exception:
                warnings.append(f"page {index + 1} could not be rendered for OCR")
                continue
            tried += 1
            if is_blank(image):
                out[index] = ""
                continue
            path = os.path.join(tmp, f"p{index}.png")
            image.save(path)
            text, page_hint = ocr_image_file(path, deadline=deadline, prefer_cjk=prefer_cjk)
            hint = hint or page_hint
            out[index] = clean_text(text)
    pdf.close()
    return out, hint


def extract_image(data: bytes, kind: str, *, deadline: float) -> Extracted:
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as im:
            width, height = im.size
            frames = getattr(im, "n_frames", 1)
            if width * height > MAX_IMAGE_PIXELS:
                raise ExtractionError("too_large", "The image is too large to OCR.")
            im.load()
            blank = is_blank(im)
    except ExtractionError:
        raise
    except Image.DecompressionBombError as exc:
        raise ExtractionError("too_large", "The image is too large to OCR.") from exc
    except Exception as exc:
        raise ExtractionError("corrupt", "The image is damaged and cannot be read.") from exc
    if blank and frames == 1:
        raise ExtractionError("no_text", "The image is blank: no text to recognise.")
    if not tesseract_available():
        raise ExtractionError("no_text", "OCR is not available on this server.")
    warnings: list[str] = []
    if frames > limits.MAX_OCR_PAGES:
        raise ExtractionError(
            "too_many_pages", f"The image has {frames} pages; at most {limits.MAX_OCR_PAGES}."
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"image.{kind}")
        with open(path, "wb") as fh:
            fh.write(data)
        raw, hint = ocr_image_file(path, deadline=deadline)
    text = clean_text(raw)
    if sum(1 for c in text if c.isalnum()) < 3:
        raise ExtractionError("no_text", "No text could be recognised in the image.")
    return Extracted(
        kind=kind, text=text, pages=frames, method="ocr", language_hint=hint, warnings=warnings
    )
