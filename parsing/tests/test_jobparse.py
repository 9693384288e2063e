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
