"""The scoring formula, checked on exact values (pure)."""

import pytest

from matching.scoring import (
    CandidateProfile,
    JobProfile,
    candidate_profile,
    education_score,
    experience_score,
    location_score,
    role_match,
    score,
)

JOB = JobProfile(
    title="Senior Backend Engineer",
    required_skills=(("Python", 1.0), ("PostgreSQL", 1.0)),
    nice_to_have_skills=(("Docker", 1.0),),
    min_years=3,
    max_years=8,
    education_level="bachelors",
    locations=("Paris, France",),
)


def _person(**kw):
    base = {
        "skills": ["python", "Postgres", "Docker"],
        "titles": ["Backend Developer"],
        "years": 5,
        "education_level": "masters",
        "location": "Paris, France",
    }
    return candidate_profile(**{**base, **kw})


def test_a_perfect_candidate_scores_100():
    result = score(JOB, _person())
    assert result.breakdown == {"skills": 100, "experience": 100, "education": 100, "location": 100}
    assert result.total == 100.0
    assert result.explanation["matched"] == ["Python", "PostgreSQL", "Docker"]
    assert result.explanation["missing"] == []


def test_missing_required_skill_costs_its_share():
    result = score(JOB, _person(skills=["Python", "Docker"]))
    # coverage = 0.8·(1/2) + 0.2·1 = 0.6; skills = 100·(0.8·0.6 + 0.2·1) = 68
    assert result.breakdown["skills"] == 68
    assert result.explanation["missing"] == ["PostgreSQL"]
    # the other components count in proportion to the skills fit (0.68)
    assert result.total == pytest.approx(
        0.55 * 68 + 0.68 * (0.20 * 100 + 0.15 * 100 + 0.10 * 100), abs=0.01
    )


def test_unrelated_candidate_does_not_rise_on_years_or_degree():
    job = JobProfile(
        title="Java Developer",
        required_skills=(("Java", 1.0),),
        min_years=2,
        education_level="bachelors",
    )
    result = score(
        job,
        candidate_profile(
            skills=["Excel"], titles=["Accountant"], years=20, education_level="phd", location=""
        ),
    )
    assert result.breakdown["skills"] == 0
    assert result.total == 0.0


def test_soft_skills_weigh_less_than_technologies():
    job = JobProfile(required_skills=(("Python", 1.0), ("Communication", 1.0)))
    technical = score(
        job,
        candidate_profile(skills=["Python"], titles=[], years=None, education_level=None, location=""),
    )
    soft = score(
        job,
        candidate_profile(
            skills=["Communication"], titles=[], years=None, education_level=None, location=""
        ),
    )
    assert technical.breakdown["skills"] > soft.breakdown["skills"] > 0


def test_related_skill_gets_partial_credit():
    job = JobProfile(title="", required_skills=(("PostgreSQL", 1.0),))
    result = score(job, _person(skills=["SQL"], titles=[]))
    assert result.breakdown["skills"] == 40  # 100·0.8·0.5
    assert result.explanation["related"] == [{"skill": "PostgreSQL", "via": ["sql"]}]


def test_role_match_uses_titles_without_seniority_words():
    assert role_match("Senior Java Developer", ("Java Engineer",)) == 1.0
    assert role_match("Senior Java Developer", ("Accountant",)) == 0.0
    assert role_match("Data Scientist", ("Intern", "Data Scientist")) == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("years", "expected"),
    [(None, 50.0), (0, 0.0), (1.5, 50.0), (3, 100.0), (8, 100.0), (10, 100.0), (12, 90.0), (40, 70.0)],
)
def test_experience_against_the_range(years, expected):
    assert experience_score(JOB, years) == expected


def test_no_experience_range_is_full_marks():
    assert experience_score(JobProfile(), 0) == 100.0


@pytest.mark.parametrize(
    ("required", "level", "expected"),
    [
        ("any", None, 100.0),
        ("bachelors", None, 50.0),
        ("bachelors", "phd", 100.0),
        ("masters", "bachelors", 60.0),
        ("phd", "bachelors", 30.0),
        ("phd", "high_school", 0.0),
    ],
)
def test_education_is_ordinal(required, level, expected):
    assert education_score(required, level) == expected


@pytest.mark.parametrize(
    ("locations", "where", "expected"),
    [
        ((), "Lima", 100.0),
        (("Remote", "Berlin"), "Lima", 100.0),
        (("Paris, France",), "paris 11e", 100.0),
        (("Paris, France",), "Lyon, France", 70.0),
        (("Paris, France",), "", 50.0),
        (("Paris, France",), "Lima, Peru", 20.0),
    ],
)
def test_location_fit(locations, where, expected):
    assert location_score(locations, where) == expected


def test_job_without_skills_scores_skills_on_the_role():
    job = JobProfile(title="Accountant")
    assert score(job, CandidateProfile(titles=("Staff Accountant",))).breakdown["skills"] == 100
    assert score(job, CandidateProfile(titles=("Java Developer",))).breakdown["skills"] == 0


def test_scores_order_candidates_sensibly():
    strong = score(JOB, _person()).total
    partial = score(JOB, _person(skills=["Python"], years=2)).total
    unrelated = score(
        JOB,
        _person(
            skills=["Excel"], titles=["Accountant"], years=None, education_level=None, location="Lima"
        ),
    ).total
    assert strong > partial > unrelated
