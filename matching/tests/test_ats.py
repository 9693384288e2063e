"""matching.ats: the explainable ATS and keyword scores (pure, DB-free)."""

from __future__ import annotations

from matching.ats import MAX_KEYWORDS, analyse, extract_keywords, keyword_match, scores, tokens
from resumes.document import ResumeDocument

STRONG = ResumeDocument.model_validate(
    {
        "personal": {
            "name": "Sam Rivera",
            "email": "sam@example.com",
            "phone": "+1 555 0100",
            "linkedin": "https://linkedin.com/in/sam",
        },
        "summary": " ".join(
            ["Backend engineer building reliable payment systems in Python and Go."] * 3
        ),
        "work": [
            {
                "company": "Payly",
                "position": "Senior Engineer",
                "start_date": "2020-01",
                "end_date": "present",
                "highlights": [
                    "Led the migration to Kubernetes, cutting deploy time by 70%",
                    "Built the REST API serving 2M requests a day",
                    "Reduced payment failures by 35% with idempotent retries",
                ],
                "description": "\n".join(["Owned the ledger service end to end."] * 20),
            }
        ],
        "education": [{"institution": "MIT", "degree": "BSc", "start_date": "2012", "end_date": "2016"}],
        "skills": [
            {"name": n} for n in ("Python", "Go", "PostgreSQL", "Kubernetes", "Docker", "Node.js")
        ],
    }
)


def _check(report, check_id):
    return next(c for c in [*report.section_checks, *report.formatting_checks] if c.id == check_id)


def test_a_complete_resume_scores_full_marks():
    report = analyse(STRONG)

    failed = [c.id for c in [*report.section_checks, *report.formatting_checks] if not c.passed]
    assert failed == []
    assert report.ats_score == 100
    assert report.suggestions == []
    assert report.keyword_match_score is None


def test_an_empty_resume_scores_zero_and_says_what_to_do():
    report = analyse(ResumeDocument())

    assert report.ats_score == 0
    assert "Add an email address." in report.suggestions
    assert "Add your work experience, most recent first." in report.suggestions
    assert len(report.suggestions) == 15


def test_weights_add_up_to_one_hundred():
    report = analyse(ResumeDocument())

    assert sum(c.weight for c in [*report.section_checks, *report.formatting_checks]) == 100


def test_half_credit_for_few_skills_and_a_short_summary():
    doc = STRONG.model_copy(update={"skills": STRONG.skills[:2], "summary": "Engineer."})

    report = analyse(doc)

    assert (_check(report, "skills").earned, _check(report, "summary").earned) == (5, 5)
    assert _check(report, "format.length").earned == 5  # now under 200 words
    assert report.ats_score == 85


def test_dates_out_of_order_and_missing_numbers_are_flagged():
    work = STRONG.work[0].model_copy(
        update={
            "start_date": "2022",
            "end_date": "2020",
            "highlights": ["Led the team"],
            "description": "Owned it.",
        }
    )
    report = analyse(STRONG.model_copy(update={"work": [work]}))

    assert _check(report, "format.date_order").passed is False
    assert _check(report, "format.quantified").passed is False
    assert "Quantify results (%, €, users, time saved) in your work experience." in report.suggestions


def test_tokens_keep_technical_terms_whole():
    assert tokens("We use C++, C#, Node.js and CI/CD. Python.") == [
        "we", "use", "c++", "c#", "node.js", "and", "ci/cd", "python",
    ]  # fmt: skip


def test_keywords_are_ranked_by_frequency_without_stop_words():
    jd = "Python developer with Django. Python and PostgreSQL required. Django REST framework, Python."

    assert extract_keywords(jd) == ["python", "django", "developer", "postgresql", "rest", "framework"]


def test_repeated_phrases_become_one_keyword():
    jd = "Machine learning engineer. Machine learning in production. Python."

    assert extract_keywords(jd) == ["machine learning", "engineer", "production", "python"]


def test_keywords_are_capped():
    jd = " ".join(f"skill{n}" for n in range(100))

    assert len(extract_keywords(jd)) == MAX_KEYWORDS


def test_keyword_match_ignores_case_and_plurals():
    found, missing = keyword_match(STRONG, "Kubernetes clusters, REST APIs, payments, Rust")

    assert found == ["kubernetes", "rest", "apis", "payments"]
    assert missing == ["clusters", "rust"]


def test_keyword_score_and_suggestion():
    report = analyse(STRONG, "Python, Go, Rust and Haskell")

    assert report.keywords_found == ["python", "go"]
    assert report.keywords_missing == ["rust", "haskell"]
    assert report.keyword_match_score == 50
    assert (
        report.suggestions[-1]
        == "Where they truthfully apply, mention these job keywords: rust, haskell."
    )


def test_scores_are_deterministic():
    jd = "Senior Python engineer for payments; Kubernetes and Go."

    assert scores(STRONG, jd) == scores(STRONG, jd) == (100, 100)


def test_report_json_is_camel_case():
    data = analyse(STRONG, "Python").to_json()

    assert set(data) == {
        "atsScore", "keywordMatchScore", "keywordsFound", "keywordsMissing",
        "sectionChecks", "formattingChecks", "suggestions",
    }  # fmt: skip
    assert data["sectionChecks"][0] == {
        "id": "contact.name",
        "label": "Name",
        "weight": 5,
        "earned": 5,
        "message": "Name given",
        "suggestion": "",
        "passed": True,
    }


def test_keyword_match_ignores_simple_suffixes():
    doc = ResumeDocument.model_validate(
        {"work": [{"highlights": ["Mentored juniors", "Designed services"]}]}
    )

    found, missing = keyword_match(doc, "mentor, design, service, deploying")

    assert found == ["mentor", "design", "service"]
    assert missing == ["deploying"]
