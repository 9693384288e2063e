"""Type sniffing: decided by content, never by the file name."""

import codecs

import pytest

from parsing.extract import ExtractionError, sniff
from parsing.tests.data import extract_samples as samples


def test_pdf_renamed_docx_is_a_pdf():
    assert sniff(samples.one_column_pdf(), "resume.docx") == "pdf"


def test_pdf_header_after_junk_within_first_kilobyte_is_a_pdf():
    assert sniff(b"\n" * 500 + samples.one_column_pdf(), "x") == "pdf"


def test_docx_is_recognised_by_its_word_document_member():
    assert sniff(samples.sample_docx(), "cv.pdf") == "docx"


def test_xlsx_renamed_docx_is_unsupported():
    with pytest.raises(ExtractionError) as err:
        sniff(samples.xlsx_like_zip(), "cv.docx")
    assert err.value.code == "unsupported_type"


@pytest.mark.parametrize(("fmt", "kind"), [("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tiff")])
def test_images_are_recognised_by_magic_bytes(fmt, kind):
    assert sniff(samples.text_image(["Hello"], fmt=fmt), "photo.pdf") == kind


def test_rtf_is_recognised():
    assert sniff(samples.rtf_sample(), "cv.txt") == "rtf"


@pytest.mark.parametrize(
    "data",
    [
        b"Jane Doe\nSoftware engineer\n",
        codecs.BOM_UTF16_LE + "Zoë Müller\nIngenieurin\n".encode("utf-16-le"),
        "José Núñez – Ingeniero\n".encode("cp1252"),
        "张伟\n软件工程师\n教育背景\n".encode("gb18030"),
    ],
    ids=["utf8", "utf16-bom", "cp1252", "gb18030"],
)
def test_plain_text_in_common_encodings_is_txt(data):
    assert sniff(data, "cv.pdf") == "txt"


def test_html_page_is_unsupported():
    html = b"<!DOCTYPE html>\n<html><head><title>Jobs</title></head><body><p>Hi</p></body></html>"
    with pytest.raises(ExtractionError) as err:
        sniff(html, "resume.txt")
    assert err.value.code == "unsupported_type"


def test_random_binary_is_unsupported():
    with pytest.raises(ExtractionError) as err:
        sniff(bytes(range(256)) * 40, "cv.pdf")
    assert err.value.code == "unsupported_type"


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_file_is_empty(data):
    with pytest.raises(ExtractionError) as err:
        sniff(data, "cv.pdf")
    assert err.value.code == "empty"
