"""Skills, spoken languages, certifications, summary, document language and type, confidence."""

import pytest

from parsing.structure import structure
from parsing.structure.certifications import parse_certifications
from parsing.structure.language import detect_language
from parsing.structure.languages import parse_languages
from parsing.structure.skills import parse_skills
from parsing.structure.text import to_lines

CV_EN = """JANE SMITH
Senior Data Scientist
jane.smith@example.com | +1 (212) 555-0199 | New York, NY

Summary
Data scientist with eight years of experience building forecasting models. Led a team of four.

Experience
Senior Data Scientist | DataCo | 2022 - Present
- Built demand forecasting with PyTorch and k8s
Data Scientist | Acme Analytics | 2016 - 2023
- Churn models in R and SQL

Education
M.S. Data Science | Columbia University | 2016

Skills
Languages: Python, R, SQL
Tools: TensorFlow, PyTorch, AWS SageMaker, Spark

Languages
English (native), Spanish (B2)
"""


def test_skills_section_items_are_split_and_normalised():
    lines = to_lines("Languages: Python, JS, SQL (MySQL, Postgres)\nTools: k8s, Bootstrap3, HTML5/CSS3")
    assert parse_skills(lines, "") == [
        "Python",
        "JavaScript",
        "SQL",
        "MySQL",
        "PostgreSQL",
        "Kubernetes",
        "Bootstrap",
        "HTML5",
        "CSS3",
    ]


def test_descriptive_skills_keep_the_candidates_wording():
    lines = to_lines("• Attention to detail\n• Communication skills\n• RESTful APIs")
    assert parse_skills(lines, "") == ["Attention to detail", "Communication skills", "RESTful APIs"]


def test_group_labels_and_levels_are_not_skills():
    lines = to_lines("Web Technologies\nAdvanced\nHTML5, JavaScript, PHP\nEnglish (fluent), Go")
    assert parse_skills(lines, "") == ["HTML5", "JavaScript", "PHP", "Go"]


def test_without_a_skills_section_skills_come_from_mentions():
    assert parse_skills([], "Built services in Go, Python and Kafka. Excel at teamwork.") == [
        "Go",
        "Python",
        "Kafka",
    ]


def test_spoken_languages_are_kept_as_printed_and_never_programming_languages():
    section = to_lines("Anglais (langue maternelle), Français, Espagnol (B2), Python")
    assert parse_languages(section, section) == ["Anglais", "Français", "Espagnol"]
    assert parse_languages(to_lines("Sprachen: Deutsch (Muttersprache), Englisch C1"), []) == [
        "Deutsch",
        "Englisch",
    ]
    assert parse_languages(to_lines("英语 CET-6，普通话"), []) == ["英语", "普通话"]


def test_languages_without_a_section_need_two_names_or_a_level():
    lines = to_lines("Residence: Holon Languages: Hebrew, English, Russian\nEnglish teacher at a school")
    assert parse_languages([], lines) == ["Hebrew", "English", "Russian"]


def test_certifications_with_issuer_and_date():
    certs = parse_certifications(
        to_lines("AWS Certified Developer - Amazon Web Services, 2019\nCPA\n2021")
    )
    assert [(c.name, c.issuer, c.date) for c in certs] == [
        ("AWS Certified Developer", "Amazon Web Services", "2019"),
        ("CPA", "", "2021"),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Senior software engineer with ten years of experience in distributed systems and cloud.",
            "en",
        ),
        ("Ingénieur logiciel avec dix ans d'expérience dans les systèmes distribués et le cloud.", "fr"),
        (
            "Softwareentwickler mit zehn Jahren Berufserfahrung in verteilten Systemen und der Cloud.",
            "de",
        ),
        ("Ingeniero de software con diez años de experiencia en sistemas distribuidos y la nube.", "es"),
        ("软件工程师，十年分布式系统和云计算经验，熟悉微服务架构和容器化部署，负责核心系统设计。", "zh"),
    ],
)
def test_document_language(text, code):
    assert detect_language(text)[0] == code


def test_too_little_text_has_no_language():
    assert detect_language("Jane") == (None, 0.0)


def test_a_full_cv_is_structured():
    parsed = structure(CV_EN)
    assert parsed.contact.name == "Jane Smith"
    assert parsed.contact.phone == "+1 212-555-0199"
    assert parsed.current_title == "Senior Data Scientist"
    assert [(w.company, w.is_current) for w in parsed.work] == [
        ("DataCo", True),
        ("Acme Analytics", False),
    ]
    assert parsed.skills == ["Python", "R", "SQL", "TensorFlow", "PyTorch", "Amazon SageMaker", "Spark"]
    assert parsed.languages == ["English", "Spanish"]
    assert parsed.document_language == "en"
    assert parsed.document_type == "resume"
    assert parsed.ai_summary.startswith("Data scientist with eight years of experience")
    assert 0.8 <= parsed.parsing_confidence <= 1.0
    assert parsed.parsing_errors == []


def test_a_job_advert_is_not_a_cv_and_has_low_confidence():
    ad = (
        "About the role\nWe are looking for a backend engineer. You will build APIs.\n"
        "Requirements\n5+ years of Python. Nice to have: Kubernetes.\n"
        "We offer a great salary and benefits.\n"
        "How to apply: send your CV."
    )
    parsed = structure(ad)
    assert parsed.document_type == "job_description"
    assert parsed.parsing_confidence <= 0.3
    assert parsed.parsing_errors[0]["code"] == "not_a_resume"


def test_empty_text_is_an_explicit_error():
    parsed = structure("  \n\n ")
    assert parsed.parsing_confidence == 0.0
    assert parsed.parsing_errors == [
        {"code": "empty_text", "message": "The document contains no readable text."}
    ]
    assert (parsed.contact.name, parsed.work, parsed.skills) == ("", [], [])


def test_text_far_beyond_a_cv_is_truncated_with_an_error():
    parsed = structure("Jane Roe\njane@example.com\n" + "lorem ipsum dolor sit amet\n" * 10_000)
    assert parsed.contact.email == "jane@example.com"
    assert parsed.parsing_errors[-1]["code"] == "text_truncated"


def test_linkedin_paste_without_headings_is_a_cv():
    text = (
        "Sr. System Reliability EngineerSr. System Reliability Engineer\n"
        "Disney Experiences · Full-timeDisney Experiences · Full-time Jul 2025 - Present · 3 mos\n"
        "Senior System Engineer\n"
        "University of Washington · Full-time Nov 2005 - Feb 2022 · 16 yrs 4 mos\n"
        "Unix Systems Analyst\n"
        "University of Idaho · Full-time Jan 2001 - Oct 2005 · 4 yrs 10 mos\n"
    )
    parsed = structure(text)
    assert [(w.company, w.title, w.start_date, w.end_date) for w in parsed.work] == [
        ("Disney Experiences", "Sr. System Reliability Engineer", "2025-07", "present"),
        ("University of Washington", "Senior System Engineer", "2005-11", "2022-02"),
        ("University of Idaho", "Unix Systems Analyst", "2001-01", "2005-10"),
    ]
    assert parsed.document_type == "resume"
