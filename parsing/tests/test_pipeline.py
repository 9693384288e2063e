"""From text to the two output shapes: the parserpro candidate and the ResumeDocument."""

from parsing.pipeline import parse_text

CV = """Lea Martin
Ingénieure logiciel
lea.martin@example.fr | +33 6 42 89 41 43 | Lyon, France
github.com/leamartin

Expérience professionnelle
Sept. 2021 – Aujourd'hui\tIngénieure logiciel, Acme SAS, Lyon
Développement d'API REST en Python et Django.
2018 – 2021\tDéveloppeuse, Beta SARL, Paris

Formation
2013 – 2018 Master Informatique, Université de Lyon

Compétences
Python, Django, PostgreSQL, Docker

Langues
Français (langue maternelle), Anglais (C1)
"""

CANDIDATE_KEYS = {
    "full_name",
    "email",
    "phone",
    "location",
    "current_title",
    "years_of_experience",
    "skills",
    "languages",
    "work_history",
    "education",
    "certifications",
    "linkedin_url",
    "github_url",
    "portfolio_url",
    "links",
    "ai_summary",
    "parsing_confidence",
    "parsing_errors",
    "document_language",
    "document_type",
}


def test_candidate_has_every_parserpro_field():
    _parsed, candidate, _document = parse_text(CV)
    assert set(candidate) == CANDIDATE_KEYS
    assert candidate["full_name"] == "Lea Martin"
    assert candidate["phone"] == "+33 6 42 89 41 43"
    assert candidate["current_title"] == "Ingénieure logiciel"
    assert candidate["github_url"] == "https://github.com/leamartin"
    assert candidate["work_history"][0]["company"] == "Acme SAS"
    assert candidate["work_history"][0]["end_date"] == "present"
    assert candidate["work_history"][0]["is_current"] is True
    assert candidate["education"][0] == {
        "institution": "Université de Lyon",
        "degree": "Master",
        "field": "Informatique",
        "start_year": "2013",
        "end_year": "2018",
    }
    assert candidate["skills"] == ["Python", "Django", "PostgreSQL", "Docker"]
    assert candidate["languages"] == ["Français", "Anglais"]
    assert candidate["document_language"] == "fr"
    assert candidate["document_type"] == "resume"
    assert candidate["parsing_errors"] is None


def test_document_is_a_valid_resume_document():
    _parsed, _candidate, document = parse_text(CV)
    assert document.personal.name == "Lea Martin"
    assert document.personal.github == "https://github.com/leamartin"
    assert [(w.company, w.position, w.start_date, w.end_date, w.is_current) for w in document.work] == [
        ("Acme SAS", "Ingénieure logiciel", "2021-09", "present", True),
        ("Beta SARL", "Développeuse", "2018", "2021", False),
    ]
    assert [(s.name, s.category) for s in document.skills] == [
        ("Python", "language"),
        ("Django", "framework"),
        ("PostgreSQL", "database"),
        ("Docker", "tool"),
    ]
    assert [lang.name for lang in document.languages] == ["Français", "Anglais"]
    assert document.education[0].end_date == "2018"


def test_empty_text_gives_an_empty_document_and_an_error():
    _parsed, candidate, document = parse_text("")
    assert candidate["parsing_errors"] == [
        {"code": "empty_text", "message": "The document contains no readable text."}
    ]
    assert candidate["parsing_confidence"] == 0.0
    assert (document.personal.name, document.work, document.skills) == ("", [], [])


LINKEDIN_EXPORT = """Contact
www.linkedin.com/in/janedoe (LinkedIn)
janedoe@gmail.com
Top Skills
Python
Machine Learning
Data Analysis
Languages
English (Native or Bilingual)
German (Professional Working Proficiency)
Certifications
AWS Certified Cloud Practitioner
Jane Doe
Senior Data Scientist at Acme Corp
Berlin, Germany
Summary
I build machine learning systems for retail forecasting.
Experience
Acme Corp
Senior Data Scientist
March 2021 - Present (3 years 2 months)
Berlin, Germany
Built forecasting models.
Beta GmbH
Data Analyst
June 2018 - February 2021 (2 years 9 months)
Munich, Germany
Education
Technische Universität München
Master of Science - MS, Data Science · (2016 - 2018)
Ludwig-Maximilians-Universität München
Bachelor of Science - BS, Mathematics · (2013 - 2016)
"""

EUROPASS_DE = """Curriculum Vitae
Hans Müller
Musterstraße 1, 10115 Berlin (Deutschland)
+49 30 1234567
hans.mueller@example.de
BERUFSERFAHRUNG
01/2019–heute Softwareentwickler
Acme GmbH, Berlin (Deutschland)
Entwicklung von Microservices in Java und Kotlin
03/2015–12/2018 Junior Entwickler
Beta AG, München (Deutschland)
SCHUL- UND BERUFSBILDUNG
10/2010–09/2014 Bachelor of Science Informatik
Technische Universität Berlin
PERSÖNLICHE FÄHIGKEITEN
Muttersprache(n) Deutsch
Weitere Sprache(n) Englisch, Französisch
Digitale Kompetenz Java, Kotlin, Docker
"""


def test_linkedin_export_layout():
    _parsed, candidate, _document = parse_text(LINKEDIN_EXPORT)
    assert (candidate["full_name"], candidate["location"]) == ("Jane Doe", "Berlin, Germany")
    assert candidate["skills"] == ["Python", "Machine Learning", "Data Analysis"]
    assert candidate["languages"] == ["English", "German"]
    assert [
        (w["company"], w["title"], w["start_date"], w["end_date"]) for w in candidate["work_history"]
    ] == [
        ("Acme Corp", "Senior Data Scientist", "2021-03", "present"),
        ("Beta GmbH", "Data Analyst", "2018-06", "2021-02"),
    ]
    assert [(e["degree"], e["field"], e["end_year"]) for e in candidate["education"]] == [
        ("Master of Science", "Data Science", "2018"),
        ("Bachelor of Science", "Mathematics", "2016"),
    ]
    assert [c["name"] for c in candidate["certifications"]] == ["AWS Certified Cloud Practitioner"]


def test_german_europass_layout():
    _parsed, candidate, _document = parse_text(EUROPASS_DE)
    assert (candidate["full_name"], candidate["phone"]) == ("Hans Müller", "+49 30 1234567")
    assert candidate["location"] == "Musterstraße 1, 10115 Berlin (Deutschland)"
    assert candidate["current_title"] == "Softwareentwickler"
    assert [(w["company"], w["title"]) for w in candidate["work_history"]] == [
        ("Acme GmbH", "Softwareentwickler"),
        ("Beta AG", "Junior Entwickler"),
    ]
    assert candidate["skills"] == ["Java", "Kotlin", "Docker"]
    assert candidate["languages"] == ["Deutsch", "Englisch", "Französisch"]
    assert candidate["document_language"] == "de"


def test_parse_bytes_keeps_the_skills_the_whole_text_names_for_matching():
    from parsing.pipeline import parse_bytes

    result = parse_bytes(CV.encode(), filename="cv.txt")
    mentioned = result.metadata["skills_mentioned"]
    # "Développement d'API REST en Python et Django" names REST outside the skills section;
    # the listed skills are not repeated
    assert "REST" in mentioned and "REST" not in result.candidate["skills"]
    assert not {"Python", "Django", "PostgreSQL", "Docker"} & set(mentioned)
