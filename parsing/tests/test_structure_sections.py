"""Section headings in English, French, German, Spanish and Chinese."""

import pytest

from parsing.structure.sections import heading_of, split_sections
from parsing.structure.text import to_lines


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Berufserfahrung", "experience"),
        ("Experiencia laboral", "experience"),
        ("工作经历", "experience"),
        ("Education", "education"),
        ("Formation", "education"),
        ("Ausbildung", "education"),
        ("Educación", "education"),
        ("教育背景", "education"),
        ("Compétences techniques", "skills"),
        ("Kenntnisse", "skills"),
        ("Habilidades", "skills"),
        ("专业技能", "skills"),
        ("Langues", "languages"),
        ("Sprachkenntnisse", "languages"),
        ("Idiomas", "languages"),
        ("WorkExperience", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("# 工作经历", "experience"),
        ("Certifications:", "certifications"),
    ],
)
def test_headings_are_recognised(heading, section):
    assert heading_of(heading) == section


@pytest.mark.parametrize(
    "line",
    ["skills .", "I have experience in many things", "Senior Software Engineer", "Acme Corp, 2019"],
)
def test_ordinary_lines_are_not_headings(line):
    assert heading_of(line) is None


def test_split_puts_lines_before_the_first_heading_in_the_header():
    text = "Jane Roe\njane@example.com\n\nSkills\nPython, SQL\n\nEducation\nMSc, Uni Wien"
    sections = split_sections(to_lines(text))
    assert [(s.name, [line.flat for line in s.lines]) for s in sections] == [
        ("header", ["Jane Roe", "jane@example.com"]),
        ("skills", ["Python, SQL"]),
        ("education", ["MSc, Uni Wien"]),
    ]


def test_inline_label_opens_a_list_section():
    sections = split_sections(to_lines("Jane Roe\nLanguages: English, French"))
    assert [(s.name, s.text) for s in sections] == [
        ("header", "Jane Roe"),
        ("languages", "English, French"),
    ]
