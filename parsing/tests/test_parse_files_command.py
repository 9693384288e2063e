"""``manage.py parse_files DIR --out OUT`` on three small generated CVs (TXT, DOCX, RTF)."""

import json

import docx
from django.core.management import call_command

TXT_CV = """MARIA LOPEZ
Data Engineer
maria.lopez@example.com | +34 612 345 678 | Madrid, Spain

EXPERIENCE
Data Engineer | Acme Analytics | 2019 - Present
- Built Spark pipelines on AWS

SKILLS
Python, Spark, SQL, Airflow
"""


def _write_docx(path):
    document = docx.Document()
    for line in (
        "Jonas Weber",
        "jonas.weber@example.de | +49 30 901820 | Berlin, Germany",
        "Berufserfahrung",
        "03/2019 – heute  Softwareentwickler, Muster GmbH, Berlin",
        "Kenntnisse",
        "Java, Kotlin, PostgreSQL",
    ):
        document.add_paragraph(line)
    document.save(path)


RTF_CV = (
    r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Arial;}}"
    r"\f0 Claire Martin\par claire.martin@example.fr\par +33 6 42 89 41 43\par"
    r"\par Exp\'e9rience\par Sept. 2022 - Mars 2023 Stagiaire en recherche, Swisscom Digital Lab, "
    r"Lausanne\par"
    r"\par Comp\'e9tences\par Python, Docker, Git\par}"
)


def test_parse_files_writes_one_candidate_json_per_resume(tmp_path):
    source = tmp_path / "in"
    (source / "nested").mkdir(parents=True)
    (source / "maria.txt").write_text(TXT_CV, encoding="utf-8")
    _write_docx(source / "nested" / "jonas.docx")
    (source / "claire.rtf").write_text(RTF_CV, encoding="ascii")
    (source / "maria.txt.expected.json").write_text("{}", encoding="utf-8")  # skipped: *.json
    out = tmp_path / "out"

    call_command("parse_files", str(source), "--out", str(out))

    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["claire.rtf.json", "maria.txt.json", "nested/jonas.docx.json"]
    maria = json.loads((out / "maria.txt.json").read_text(encoding="utf-8"))
    assert (maria["full_name"], maria["email"], maria["phone"]) == (
        "Maria Lopez",
        "maria.lopez@example.com",
        "+34 612 34 56 78",
    )
    assert maria["work_history"][0] | {"description": ""} == {
        "company": "Acme Analytics",
        "title": "Data Engineer",
        "start_date": "2019",
        "end_date": "present",
        "is_current": True,
        "description": "",
    }
    assert maria["skills"] == ["Python", "Spark", "SQL", "Airflow"]
    assert maria["document_type"] == "resume"
    assert maria["parsing_status"] == "completed"
    jonas = json.loads((out / "nested" / "jonas.docx.json").read_text(encoding="utf-8"))
    assert (jonas["full_name"], jonas["phone"], jonas["document_language"]) == (
        "Jonas Weber",
        "+49 30 901820",
        "de",
    )
    assert jonas["work_history"][0]["company"] == "Muster GmbH"
    assert jonas["work_history"][0]["end_date"] == "present"
    claire = json.loads((out / "claire.rtf.json").read_text(encoding="utf-8"))
    assert claire["email"] == "claire.martin@example.fr"
    assert claire["work_history"][0]["start_date"] == "2022-09"
    assert claire["skills"] == ["Python", "Docker", "Git"]
