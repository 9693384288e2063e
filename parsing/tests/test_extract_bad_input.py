"""Hostile and broken input ends in a clear ExtractionError, within a bounded time."""

import struct
import time
import zlib
from pathlib import Path

import pytest

from parsing.extract import ExtractionError, extract, limits
from parsing.tests.data import extract_samples as samples

ADVERSARIAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "adversarial"
needs_corpus = pytest.mark.skipif(not ADVERSARIAL.is_dir(), reason="shared corpus not present")


def _fails(data, *, seconds, filename="", timeout=30.0):
    started = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        extract(data, filename=filename, timeout=timeout)
    assert time.monotonic() - started < seconds
    return err.value.code


def test_zero_byte_pdf_is_empty():
    assert _fails(b"", seconds=2, filename="cv.pdf") == "empty"


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_corrupt(fraction):
    data = samples.one_column_pdf()
    assert _fails(data[: int(len(data) * fraction)], seconds=10) == "corrupt"


def test_user_password_pdf_is_encrypted():
    data = samples.encrypted_pdf(user_password="candidate", owner_password="owner")
    assert _fails(data, seconds=10) == "encrypted"


def test_five_thousand_page_pdf_is_refused_quickly():
    assert _fails(samples.blank_pdf(5000), seconds=10) == "too_many_pages"


def test_long_pdf_reads_the_first_pages_only_with_a_warning():
    result = extract(samples.text_pages_pdf(limits.MAX_PAGES + 10))
    assert result.pages == limits.MAX_PAGES + 10
    assert result.text.count("Page number") == limits.MAX_PAGES
    assert result.warnings == [
        f"only the first {limits.MAX_PAGES} of {limits.MAX_PAGES + 10} pages were read"
    ]


def test_docx_zip_bomb_is_refused_before_inflating():
    assert _fails(samples.docx_zip_bomb(), seconds=10) == "zip_bomb"


def test_docx_with_extreme_compression_ratio_is_refused():
    assert _fails(samples.docx_ratio_bomb(), seconds=10) == "zip_bomb"


def test_docx_with_entity_declarations_billion_laughs_is_refused():
    assert _fails(samples.docx_billion_laughs(), seconds=10) == "corrupt"


def test_pdf_renamed_docx_is_extracted_as_pdf():
    result = extract(samples.one_column_pdf(), filename="resume.docx")
    assert (result.kind, result.text.split("\n")[0]) == ("pdf", "Maria Lopez")


def test_html_page_is_unsupported_type():
    html = b"<html><head><title>Careers</title></head><body><h1>Apply</h1></body></html>"
    assert _fails(html, seconds=2, filename="cv.pdf") == "unsupported_type"


def test_file_over_the_size_limit_is_too_large():
    data = b"%PDF-1.4\n" + b" " * limits.MAX_BYTES
    assert _fails(data, seconds=5) == "too_large"


def test_png_claiming_giant_dimensions_is_too_large():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    assert _fails(png, seconds=5) == "too_large"


def test_scan_that_cannot_be_ocrd_in_time_times_out_and_the_next_document_still_works():
    assert _fails(samples.scanned_pdf(["Slow scan"] * 8), seconds=5, timeout=0.5) == "timeout"
    assert extract(samples.one_column_pdf()).text.startswith("Maria Lopez")


ADVERSARIAL_OUTCOMES = {
    "ewa__empty_zero_bytes.pdf": "empty",
    "ewa__locked_nonstandard_security_handler.pdf": "encrypted",
    "ewa__user_password_protected.pdf": "encrypted",
    "ewa__xlsx_renamed_as.pdf": "unsupported_type",
    "libreoffice__Encrypted_MSO2013_abc.docx": "encrypted",
    "poi__ExternalEntityInText_xxe.docx": "corrupt",
    "poi__bug53475-password-is-pass_encrypted.docx": "encrypted",
    "poi__poc-xmlbomb_billion_laughs.xlsx": "unsupported_type",
    "poi__truncated62886.docx": "corrupt",
    "pypdf__image_only_CCITTFax_no_text.pdf": "no_text",
    "pypdf__libreoffice-writer-password.pdf": "encrypted",
}

ADVERSARIAL_VALID = {
    # file: (kind, method, text the extraction must contain)
    "opencats__legacy_word97_test.doc": ("doc", "antiword", "This is a test document."),
    "opencats__mac_textedit_test.rtf": ("rtf", "rtf", "This is a test document."),
    "pypdf__issue-297_broken_xref.pdf": ("pdf", "pdfium", "test example"),
    "pypdf__r6-user-password_aes256.pdf": ("pdf", "pypdf", "pdf encryption test"),
    "poi__clusterfuzz-POIXWPFFuzzer-6733884933668864.docx": ("docx", "docx2python", "Content control"),
    "pypdf__encrypted_doc_no_id.pdf": ("pdf", "pdfium+ocr", "WO 2003/036426"),  # page 2 is a scan
}


@needs_corpus
@pytest.mark.parametrize(("name", "code"), sorted(ADVERSARIAL_OUTCOMES.items()))
def test_adversarial_corpus_file_fails_clearly(name, code):
    assert _fails((ADVERSARIAL / name).read_bytes(), filename=name, seconds=20) == code


@needs_corpus
@pytest.mark.parametrize(("name", "expected"), sorted(ADVERSARIAL_VALID.items()))
def test_adversarial_corpus_file_that_is_valid_extracts(name, expected):
    kind, method, snippet = expected
    result = extract((ADVERSARIAL / name).read_bytes(), filename=name)
    assert (result.kind, result.method) == (kind, method)
    assert snippet in result.text


@needs_corpus
def test_every_adversarial_file_is_covered():
    assert sorted(p.name for p in ADVERSARIAL.iterdir()) == sorted(
        {**ADVERSARIAL_OUTCOMES, **ADVERSARIAL_VALID}
    )


def test_forked_child_starts_its_own_worker_and_both_keep_working():
    import os

    extract(b"parent warms its worker up")
    pid = os.fork()
    if pid == 0:  # child: must not talk to the parent's worker
        try:
            ok = extract(b"child document").text == "child document"
        except BaseException:
            ok = False
        os._exit(0 if ok else 1)
    assert extract(b"parent document").text == "parent document"
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def _running_in_group(pgid):
    """Live (not zombie) processes of a process group, from /proc."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            running.append(stat.parent.name)
    return running


def test_worker_that_overruns_is_killed_with_its_children_and_replaced():
    from parsing.extract import isolation

    extract(b"warm up")
    worker = isolation._idle[-1]
    started = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        # The worker itself would stop at 20 s; the parent gives up after 0.5 s and kills it
        # in the middle of Tesseract.
        isolation.extract_isolated(
            samples.scanned_pdf(["Killed"] * 8), filename="", timeout=20, grace=-19.5
        )
    assert err.value.code == "timeout"
    assert time.monotonic() - started < 5
    assert worker.proc.poll() is not None
    # SIGKILL is delivered at once but the kernel takes a moment to tear processes down.
    deadline = time.monotonic() + 3
    while _running_in_group(worker.proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _running_in_group(worker.proc.pid) == []  # Tesseract died with it
    assert worker not in isolation._idle
    assert extract(b"next document").text == "next document"


def test_worker_runs_with_an_address_space_limit():
    from parsing.extract import isolation

    extract(b"warm up")
    limits_text = Path(f"/proc/{isolation._idle[-1].proc.pid}/limits").read_text()
    line = next(ln for ln in limits_text.splitlines() if ln.startswith("Max address space"))
    assert line.split()[3:5] == [str(limits.WORKER_MEMORY_BYTES)] * 2
