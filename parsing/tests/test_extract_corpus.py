"""Every resume of the shared development corpus extracts, with the text the parser needs.

The corpus lives outside the repository (../shared/corpus); these tests skip without it.
"""

from pathlib import Path

import pytest

from parsing.extract import extract

RESUMES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "resumes"
FILES = (
    sorted(p.name for p in RESUMES.glob("*") if not p.name.endswith(".json")) if RESUMES.is_dir() else []
)
needs_corpus = pytest.mark.skipif(not FILES, reason="shared corpus not present")


@needs_corpus
@pytest.mark.parametrize("name", FILES)
def test_corpus_resume_extracts_to_text(name):
    result = extract((RESUMES / name).read_bytes(), filename=name, timeout=60)
    assert result.kind == name.rsplit(".", 1)[1]
    assert sum(1 for c in result.text if c.isalnum()) > 200
    assert "\ufffd" not in result.text
    assert not any("\ue000" <= c <= "\uf8ff" for c in result.text)


def _lines(name):
    return [ln for ln in extract((RESUMES / name).read_bytes()).text.split("\n") if ln.strip()]


@needs_corpus
def test_cjk_fonts_without_tounicode_map_are_decoded():
    lines = _lines("billryan__resume_zh_CN.pdf")
    assert lines[0] == "你的大名"
    assert "上海交通大学, 上海\t2013 – 至今" in lines


@needs_corpus
def test_sidebar_layout_keeps_each_heading_before_its_content():
    lines = _lines("reactive-resume__template_azurill.pdf")
    assert lines[:2] == ["John Doe", "Creative and Innovative Web Developer"]
    for heading, first in [
        ("Skills", "Web Technologies"),
        ("Certifications", "Full-Stack Web Development"),
        ("Experience", "Creative Solutions Inc."),
        ("Education", "University of California"),
    ]:
        assert lines[lines.index(heading) + 1] == first


@needs_corpus
def test_main_column_then_sidebar_layout_keeps_sections_together():
    lines = _lines("resumematcher__template_two_column.pdf")
    assert lines[0] == "JOHN DOE"
    assert lines[lines.index("EDUCATION") + 1 : lines.index("EDUCATION") + 3] == [
        "UC Berkeley",
        "Bachelor of Science, Computer Science",
    ]
    assert lines.index("EXPERIENCE") < lines.index("EDUCATION")


@needs_corpus
def test_lualatex_output_keeps_inter_word_spaces():
    lines = _lines("awesomecv__resume.pdf")
    assert lines[1] == "DevOps Engineer · Software Architect"
