"""Job descriptions → structured jobs (pure)."""

import pytest

from parsing.jobparse import parse_job_text

BACKEND = """Senior Backend Engineer

We are looking for a Senior Backend Engineer to join our platform team in Lyon.

Requirements:
- 5+ years of professional experience with Python and Django
- PostgreSQL and Redis in production
- Bachelor's degree in Computer Science or equivalent

Nice to have:
- Kubernetes, Kafka

Location: Lyon, France
Company: Acme Recruiting
"""


def test_title_skills_experience_education_and_location():
    job = parse_job_text(BACKEND)
    assert job.title == "Senior Backend Engineer"
    assert {"Python", "Django", "PostgreSQL", "Redis"} <= set(job.required_skills)
    assert {"Kubernetes", "Kafka"} <= set(job.nice_to_have_skills)
    assert not set(job.nice_to_have_skills) & set(job.required_skills)
    assert (job.experience, job.min_experience_years, job.max_experience_years) == (
        "5+ years",
        5.0,
        None,
    )
    assert job.education_level == "bachelors"
    assert "Bachelor's degree" in job.education
    assert (job.city, job.country, job.company) == ("Lyon", "France", "Acme Recruiting")
    assert job.profile.startswith("- 5+ years")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Développeur Java\nNous recherchons un développeur avec 3 à 5 ans d'expérience en Java.",
            ("3–5 years", 3.0, 5.0),
        ),
        (
            "Desarrollador\nRequisitos: al menos 4 años de experiencia con React.",
            ("4+ years", 4.0, None),
        ),
        ("Entwickler\nMindestens 2 Jahre Berufserfahrung mit Go.", ("2+ years", 2.0, None)),
        ("Engineer\nWe are 25 years old as a company.", ("", None, None)),
        ("Dev\nA Senior React Developer with 5+ years...", ("5+ years", 5.0, None)),
        ("Dev\nAt least 3 years in backend roles.", ("3+ years", 3.0, None)),
    ],
)
def test_experience_in_several_languages(text, expected):
    job = parse_job_text(text)
    assert (job.experience, job.min_experience_years, job.max_experience_years) == expected


def test_title_from_a_label_and_quotes_are_dropped():
    assert parse_job_text('title: "Data Engineer"\nlocation: Remote').title == "Data Engineer"
    assert parse_job_text("Puesto de trabajo: Front-end\n\nSobre nosotros:\nBBVA…").title == "Front-end"


def test_looking_for_phrase_gives_the_title():
    text = "about us\n\nwe build things. We are looking for a Data Scientist to join us."
    assert parse_job_text(text).title == "Data Scientist"


def test_empty_text_gives_an_empty_job():
    job = parse_job_text("   \n ")
    assert (job.title, job.description, job.skills) == ("", "", [])


FLATTENED = (
    "Title: Software Developer\n\n"
    "Minimum Required Skills: Java, C#, SQL What You Will Be Doing You will build services on "
    "Kubernetes. What You Need for this Position At least 2 years of Java and Terraform. "
    "Nice To Haves - Experience with Docker What's In It for You - Health insurance - Childcare"
)

SECTIONED = """Data Engineer

About us
We are a retail bank; our teams use Tableau.

Responsibilities
- Build pipelines on Airflow and Spark

Requirements
- Python and SQL
- Experience with Spark in production

Preferred qualifications
- Kafka

Benefits
- Health insurance, childcare, a savings plan
"""


def test_skills_weigh_by_the_section_that_names_them():
    job = parse_job_text(SECTIONED)
    weights = {s: job.skill_weights[s] for s in job.required_skills}
    # requirements 1 (Spark is also a duty: the higher weight wins), duties 0.5, about-us and
    # benefits nothing
    assert weights == {"Airflow": 0.5, "Spark": 1.0, "Python": 1.0, "SQL": 1.0}
    assert job.nice_to_have_skills == ["Kafka"]
    assert job.weighted_nice() == [{"skill": "Kafka", "weight": 0.5}]
    assert {"skill": "Airflow", "weight": 0.5} in job.weighted_required()


def test_inline_headings_of_a_flattened_posting_are_recognised():
    job = parse_job_text(FLATTENED)
    weights = {s: job.skill_weights[s] for s in job.required_skills}
    # the title's skills count as requirements
    assert weights == {
        "Software Developer": 1.0,
        "Java": 1.0,
        "C#": 1.0,
        "SQL": 1.0,
        "Kubernetes": 0.5,
        "Terraform": 1.0,
    }
    assert job.nice_to_have_skills == ["Docker"]
    assert "Insurance" not in job.skills and "Childcare" not in job.skills


def test_without_a_requirement_list_the_body_is_the_requirement():
    job = parse_job_text("Backend developer\n\nYou will write Go services and Terraform modules.")
    weights = {s: job.skill_weights[s] for s in job.required_skills}
    assert weights == {"Backend Developer": 1.0, "Go": 1.0, "Terraform": 1.0}


def test_a_one_line_field_does_not_open_a_skipped_section():
    job = parse_job_text("Python Developer\nLocation: Lyon\n\nYou will build Django services.")
    assert job.required_skills == ["Python", "Django"]
