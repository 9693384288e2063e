"""Education entries: institution, degree, field and years."""

from parsing.structure.education import parse_education
from parsing.structure.text import to_lines


def _rows(text):
    return [
        (e.institution, e.degree, e.field, e.start_year, e.end_year)
        for e in parse_education(to_lines(text))
    ]


def test_degree_institution_year_on_one_line():
    assert _rows("B.S. Computer Science | University of California, Berkeley | 2018") == [
        ("University of California", "B.S", "Computer Science", "", "2018")
    ]


def test_long_degree_name_and_field():
    assert _rows(
        "Bachelor of Science in Computer Science, State University, Anywhere, USA, May 2016"
    ) == [("State University", "Bachelor of Science", "Computer Science", "", "2016")]


def test_institution_without_a_kind_word_and_a_range():
    assert _rows(
        "2020—2023 Master Data Science, EPFL, Lausanne\nMachine learning and security courses."
    ) == [("EPFL", "Master", "Data Science", "2020", "2023")]


def test_blocks_make_separate_entries():
    text = "Columbia University\nM.S. Data Science, 2020\n\nNYU\nB.S. Mathematics, 2018"
    assert _rows(text) == [
        ("Columbia University", "M.S", "Data Science", "", "2020"),
        ("NYU", "B.S", "Mathematics", "", "2018"),
    ]


def test_chinese_and_german_entries():
    assert _rows("上海交通大学 硕士 信息与通信工程 2013年9月 - 2016年3月")[0][0] == "上海交通大学"
    assert _rows("2005 - 2010 Diplom Informatik, Technische Universität München")[0][:2] == (
        "Technische Universität München",
        "Diplom",
    )
