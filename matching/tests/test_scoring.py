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
    title_family,
)

JOB = JobProfile(
    title="Senior Backend Engineer",
    required_skills=(("Python", 1.0), ("PostgreSQL", 1.0), ("Django", 1.0), ("Redis", 1.0)),
    nice_to_have_skills=(("Docker", 1.0),),
    min_years=3,
    max_years=8,
    education_level="bachelors",
    locations=("Paris, France",),
)


def _person(**kw):
    base = {
        "skills": ["python", "Postgres", "django", "Redis", "Docker"],
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
    assert result.explanation["matched"] == ["Python", "PostgreSQL", "Django", "Redis", "Docker"]
    assert result.explanation["missing"] == []


def test_missing_required_skill_costs_its_share():
    result = score(JOB, _person(skills=["Python", "Django", "Redis", "Docker"]))
    # coverage = 0.8·(3/4) + 0.2·1 = 0.8; skills = 100·(0.8·0.8 + 0.2·1) = 84
    assert result.breakdown["skills"] == 84
    assert result.explanation["missing"] == ["PostgreSQL"]
    # the other components count in proportion to the skills fit (0.84); same family: ×1
    assert result.total == pytest.approx(
        0.55 * 84 + 0.84 * (0.20 * 100 + 0.15 * 100 + 0.10 * 100), abs=0.01
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
    assert result.breakdown["skills"] == 10  # 100·0.8·(0.5 / max(1, 4))
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


def test_a_short_skill_list_cannot_be_fully_covered():
    job = JobProfile(required_skills=(("Java", 1.0), ("Spring", 1.0)))
    result = score(job, _person(skills=["Java", "Spring"], titles=[]))
    assert result.breakdown["skills"] == 40  # 100·0.8·(2 / max(2, 4))


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Software Engineer (Front-End)", "frontend"),
        ("DevOps Engineer · Software Architect", "devops"),
        ("Front End developer with web and mobile applications", "frontend"),
        ("Java Back-End Developer", "software"),
        ("Staff Accountant (2-5 years)", "accounting"),
        ("Desktop Support Technician", "support"),
        ("BI Developer / Data Analyst", "data"),
        ("Member", ""),
    ],
)
def test_title_family(title, family):
    assert title_family(title) == family


def test_role_family_outweighs_shared_skills():
    job = JobProfile(title="BI Data Analyst", required_skills=(("SQL", 1.0), ("Excel", 1.0)))
    analyst = score(job, _person(skills=["SQL"], titles=["Data Analyst"]))
    accountant = score(job, _person(skills=["SQL", "Excel"], titles=["Accountant"]))
    # analyst: skills 100·(0.8·1/4 + 0.2·2/3) = 33.3 (title words bi/data/analyst: 2 of 3);
    # no range, level or location: total = skills, family fit 1
    assert analyst.breakdown["skills"] == 33
    assert analyst.explanation["family"] == {"job": "data", "candidate": "data", "fit": 1.0}
    assert analyst.total == pytest.approx(33.33, abs=0.01)
    # accountant: more skills (100·0.8·2/4 = 40) but a distant family (accounting ↔ data
    # 0.2): × (0.3 + 0.7·0.2)
    assert accountant.breakdown["skills"] == 40
    assert accountant.total == pytest.approx(40 * 0.44, abs=0.01)
    assert accountant.total < analyst.total


def test_a_placeholder_cv_ranks_last():
    template = candidate_profile(
        skills=["YYY", "ZZZ", "Python"],
        titles=["Resumé title"],
        years=None,
        education_level=None,
        location="",
    )
    assert template.placeholder is True
    assert _person().placeholder is False
    job = JobProfile(title="Python Developer", required_skills=(("Python", 1.0),))
    assert score(job, template).total < 0.1 * score(job, _person(skills=["Python"])).total


def test_bulk_scoring_without_explanation_gives_the_same_numbers():
    explained = score(JOB, _person(skills=["Python", "SQL"]))
    bulk = score(JOB, _person(skills=["Python", "SQL"]), explain=False)
    assert (bulk.total, bulk.breakdown, bulk.explanation) == (explained.total, explained.breakdown, {})


def test_related_credit_works_in_both_directions():
    from matching.vocab_extra import reverse_related

    assert "django" in reverse_related("Python")
    job = JobProfile(required_skills=(("Python", 1.0),))
    result = score(job, _person(skills=["Django"], titles=[]))
    assert result.explanation["related"] == [{"skill": "Python", "via": ["django"]}]
