"""The scoring formula, checked on exact values (pure)."""

import pytest

from matching.scoring import (
    JobProfile,
    candidate_profile,
    education_score,
    experience_score,
    location_score,
    role_match,
    score,
    text_fit,
    text_terms,
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


_BARE = {"skills": [], "titles": [], "years": None, "education_level": None, "location": ""}


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


def test_job_without_skills_scores_skills_on_its_text_and_the_role():
    job = JobProfile(title="Accountant", terms=text_terms("Accountant: reconciliations, month-end"))
    accountant = score(job, candidate_profile(**{**_BARE, "titles": ["Staff Accountant"]}))
    # text: job words accountant/reconciliations/month/end at 1/√4 each; candidate words
    # staff/accountant → 0.5/√2 = 0.354 ≥ 0.3: full text fit; role 1 → skills 100
    assert accountant.explanation["text_match"] == 1.0
    assert accountant.breakdown["skills"] == 100
    assert accountant.total == 100.0
    developer = score(job, candidate_profile(**{**_BARE, "titles": ["Java Developer"]}))
    assert (developer.breakdown["skills"], developer.total) == (0, 0.0)


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


def test_a_skill_the_cv_only_mentions_earns_most_of_the_credit():
    listed = _person(skills=["Python", "Django", "Redis", "Docker"])
    mentioned = _person(skills=["Python", "Django", "Redis", "Docker"], mentioned=["PostgreSQL"])
    assert mentioned.mentioned == frozenset({"postgresql"})
    result = score(JOB, mentioned)
    # required = (3 + 0.8)/4 = 0.95; coverage = 0.8·0.95 + 0.2·1 = 0.96; skills = 100·(0.8·0.96
    # + 0.2·1) = 96.8
    assert result.breakdown["skills"] == 97
    assert "PostgreSQL" in result.explanation["matched"]
    assert result.explanation["mentioned"] == ["PostgreSQL"]
    assert result.explanation["missing"] == []
    assert score(JOB, listed).breakdown["skills"] == 84 < result.breakdown["skills"]


def test_a_listed_skill_is_not_also_counted_as_mentioned():
    person = _person(skills=["Python"], mentioned=["Python", "Go", 7])
    assert person.mentioned == frozenset({"go"})
    # words of two letters or fewer ("go", "c", "r") are too ambiguous for the text fit
    assert person.terms == frozenset({"python", "backend", "developer"})


def test_text_terms_are_unit_weights_without_stop_words():
    terms = text_terms("We need Kafka and Kafka streams experience; the team is in Lyon.")
    # kafka twice: 1 + ln 2; need/streams/lyon once: 1 ("we", "and", "experience", "the",
    # "team", "is", "in" are stop words or too short)
    raw = {"kafka": 1 + 0.6931471805599453, "need": 1.0, "streams": 1.0, "lyon": 1.0}
    norm = sum(v * v for v in raw.values()) ** 0.5
    assert terms == pytest.approx({word: v / norm for word, v in raw.items()})
    assert text_terms("") == {}


def test_text_fit_is_a_cosine_scaled_to_the_full_mark():
    terms = {"kafka": 0.6, "lyon": 0.8}
    # (0.6) / √4 = 0.3 → exactly the full mark; (0.6) / √16 = 0.15 → half
    assert text_fit(terms, frozenset({"kafka", "java", "spring", "docker"})) == pytest.approx(1.0)
    many = frozenset({"kafka", *(f"w{i}" for i in range(15))})
    assert text_fit(terms, many) == pytest.approx(0.5)
    assert text_fit(terms, frozenset()) == 0.0
    assert text_fit({}, many) == 0.0


def test_the_text_fit_is_part_of_the_total():
    job = JobProfile(
        required_skills=(("Python", 1.0), ("Spark", 1.0), ("Airflow", 1.0), ("SQL", 1.0)),
        terms={"airflow": 0.6, "spark": 0.8},
    )
    person = candidate_profile(**{**_BARE, "skills": ["Python", "Spark", "Airflow", "SQL"]})
    result = score(job, person)
    # no titles: role 0; all four skills: skills = 100·0.8 = 80, base = 0.55·80 + 0.8·45 = 80;
    # words python/spark/airflow/sql: (0.8 + 0.6)/√4 = 0.7 → text 1; both "software" by their
    # skills: family ×1
    assert result.explanation["text_match"] == 1.0
    assert result.total == pytest.approx(0.7 * 80 + 0.3 * 100, abs=0.01)
    without = score(job, candidate_profile(**{**_BARE, "skills": ["Python", "SQL"]}))
    # half the skills: skills 40, base = 0.55·40 + 0.4·45 = 40; words python/sql: no overlap
    assert without.explanation["text_match"] == 0.0
    assert without.total == pytest.approx(0.7 * 40, abs=0.01)


def test_a_short_skill_list_leaves_the_rest_of_the_fit_to_the_text():
    job = JobProfile(
        required_skills=(("Java", 1.0), ("Terraform", 1.0)),
        terms={"java": 0.6, "payments": 0.8},
    )
    payments = candidate_profile(**{**_BARE, "skills": ["Java"], "titles": ["Payments engineer"]})
    other = candidate_profile(**{**_BARE, "skills": ["Java"], "titles": ["Game engineer"]})
    # evidence 2/4: fit = 0.5·coverage(0.5) + 0.5·text; payments: (0.6 + 0.8)/√3 = 0.81 → text 1
    assert score(job, payments).breakdown["skills"] == 60  # 100·0.8·(0.25 + 0.5)
    # game engineer: words java/game/engineer → 0.6/√3 = 0.346 → text 1 as well …
    assert score(job, other).explanation["text_match"] == 1.0
    # … but without the title words the posting talks about, a weaker text fit
    bare = candidate_profile(**{**_BARE, "skills": ["Java", "Kotlin", "Scala", "Groovy", "Maven"]})
    assert score(job, bare).explanation["text_match"] == pytest.approx(0.6 / 5**0.5 / 0.3, abs=0.01)
