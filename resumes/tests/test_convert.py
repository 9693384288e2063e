"""resumes.convert: every dialect shape to and from the ResumeDocument (DB-free)."""

from __future__ import annotations

import copy

import pytest

from resumes import convert
from resumes.document import MAX_DOCUMENT_BYTES, DocumentError, DocumentTooLarge, ResumeDocument

FULL = ResumeDocument.model_validate(
    {
        "personal": {
            "name": "Marie Curie",
            "title": "Physicist",
            "email": "marie@example.com",
            "phone": "+33 1 00 00 00 00",
            "location": "Paris, France",
            "website": "https://curie.example.com",
            "linkedin": "https://linkedin.com/in/mcurie",
            "github": "https://github.com/mcurie",
            "twitter": "https://x.com/mcurie",
            "links": [{"label": "ORCID", "url": "https://orcid.example.org/0000"}],
            "image_url": "https://curie.example.com/photo.jpg",
            "birth_date": "1867-11-07",
            "nationality": "Polish, French",
        },
        "summary": "Pioneer of radioactivity research.",
        "work": [
            {
                "id": "w1",
                "company": "University of Paris",
                "position": "Professor",
                "location": "Paris",
                "start_date": "1906",
                "end_date": "present",
                "description": "Chair of physics.",
                "highlights": ["First woman professor at the Sorbonne"],
            },
            {
                "id": "w2",
                "company": "ESPCI",
                "position": "Researcher",
                "start_date": "1897-01",
                "end_date": "1906-05",
            },
        ],
        "education": [
            {
                "id": "e1",
                "institution": "University of Paris",
                "degree": "Licence",
                "field": "Physics",
                "location": "Paris",
                "start_date": "1891",
                "end_date": "1893",
                "grade": "First",
                "description": "Top of the class.",
            }
        ],
        "skills": [
            {"name": "Python", "category": "languages", "level": ""},
            {"name": "Spectroscopy", "category": "frameworksAndTools", "level": ""},
            {"name": "Persistence", "category": "softSkills", "level": ""},
        ],
        "projects": [
            {
                "id": "p1",
                "name": "Polonium",
                "description": "Discovery of polonium.",
                "technologies": ["Electrometer"],
                "url": "https://example.com/po",
                "start_date": "1898-07",
                "end_date": "1898-12",
                "highlights": ["Named after Poland"],
            }
        ],
        "certifications": [
            {"name": "Nobel Prize in Physics", "issuer": "Nobel Committee", "date": "1903", "url": ""}
        ],
        "languages": [{"name": "Polish", "level": "Native"}, {"name": "French", "level": "Fluent"}],
        "extracurricular": ["Flying University"],
        "custom_sections": [
            {
                "id": "c1",
                "title": "Honours",
                "items": [
                    {
                        "title": "Davy Medal",
                        "subtitle": "Royal Society",
                        "date": "1903",
                        "description": "",
                    }
                ],
            }
        ],
    }
)


def _without_ids(data):
    data = copy.deepcopy(data)
    for key in ("work", "education", "projects", "custom_sections"):
        for item in data[key]:
            item.pop("id", None)
    return data


# --- contentJson ------------------------------------------------------------------------------


def test_content_json_round_trip_is_lossless():
    content = convert.to_content_json(FULL)

    assert convert.from_content_json(content) == FULL


def test_content_json_has_the_spec_shape():
    content = convert.to_content_json(FULL)

    assert content["personalInfo"]["address"] == "Paris, France"
    assert content["personalInfo"]["summary"] == "Pioneer of radioactivity research."
    assert content["workExperience"][0] == {
        "id": "w1",
        "company": "University of Paris",
        "position": "Professor",
        "location": "Paris",
        "startDate": "1906",
        "endDate": "present",
        "isCurrent": True,
        "description": "Chair of physics.",
        "highlights": ["First woman professor at the Sorbonne"],
    }
    assert content["education"][0]["school"] == "University of Paris"
    assert content["skills"] == ["Python", "Spectroscopy", "Persistence"]
    assert content["skillDetails"][2] == {"name": "Persistence", "category": "softSkills", "level": ""}


def test_content_json_skill_details_follow_the_skills_list():
    content = convert.to_content_json(FULL)
    content["skills"] = ["Persistence", "Chemistry"]

    doc = convert.from_content_json(content)

    assert [(s.name, s.category) for s in doc.skills] == [
        ("Persistence", "softSkills"),
        ("Chemistry", ""),
    ]


def test_content_json_accepts_skill_objects_and_a_top_level_summary():
    doc = convert.from_content_json({"summary": "Top", "skills": [{"name": "Go", "level": "Expert"}]})

    assert doc.summary == "Top"
    assert (doc.skills[0].name, doc.skills[0].level) == ("Go", "Expert")


def test_content_json_errors_name_the_input_paths():
    with pytest.raises(DocumentError) as caught:
        convert.from_content_json(
            {
                "personalInfo": {"email": "nope", "address": 3},
                "workExperience": [{"company": "A"}, {"startDate": "2020-13"}],
                "education": [{"school": ["x"]}],
                "skills": [1],
            }
        )

    assert set(caught.value.fields) == {
        "contentJson.personalInfo.email",
        "contentJson.personalInfo.address",
        "contentJson.workExperience.1.startDate",
        "contentJson.education.0.school",
        "contentJson.skills.0",
    }


def test_content_json_that_is_too_large_raises():
    with pytest.raises(DocumentTooLarge):
        convert.from_content_json({"summary": "x" * (MAX_DOCUMENT_BYTES + 1)})


# --- profile ------------------------------------------------------------------------------------


def test_profile_round_trip_is_lossless_for_grouped_skills():
    profile = convert.to_profile(FULL)

    assert convert.from_profile(profile) == FULL


def test_profile_shape_and_ungrouped_skills():
    doc = FULL.model_copy(
        update={
            "skills": [
                *FULL.skills,
                *ResumeDocument.model_validate(
                    {"skills": [{"name": "Chess"}, {"name": "Radium", "category": "Chemistry"}]}
                ).skills,
            ]
        }
    )

    profile = convert.to_profile(doc)

    assert profile["skills"] == {
        "languages": ["Python"],
        "frameworksAndTools": ["Spectroscopy", "Chess"],
        "softSkills": ["Persistence"],
        "Chemistry": ["Radium"],
    }
    assert profile["experience"][1] == {
        "id": "w2",
        "company": "ESPCI",
        "title": "Researcher",
        "location": "",
        "startDate": "1897-01",
        "endDate": "1906-05",
        "description": "",
        "highlights": [],
    }
    assert profile["personalInfo"]["imageUrl"] == "https://curie.example.com/photo.jpg"
    assert profile["certifications"][0]["name"] == "Nobel Prize in Physics"


def test_profile_from_the_spec_example():
    doc = convert.from_profile(
        {
            "personalInfo": {
                "name": "John Doe",
                "title": "Software Engineer",
                "twitter": "",
                "imageUrl": "",
            },
            "summary": "Experienced software engineer...",
            "skills": {
                "languages": ["JavaScript"],
                "frameworksAndTools": ["React"],
                "softSkills": ["Leadership"],
            },
            "experience": [],
            "projects": [],
            "education": [],
            "extracurricular": [],
            "customSections": [],
        }
    )

    assert doc.personal.title == "Software Engineer"
    assert [(s.name, s.category) for s in doc.skills] == [
        ("JavaScript", "languages"),
        ("React", "frameworksAndTools"),
        ("Leadership", "softSkills"),
    ]


def test_profile_errors_name_the_input_paths():
    with pytest.raises(DocumentError) as caught:
        convert.from_profile({"skills": {"softSkills": [3]}, "experience": [{"endDate": "soon"}]})

    assert set(caught.value.fields) == {"resume.skills.softSkills.0", "resume.experience.0.endDate"}


# --- JSON Resume --------------------------------------------------------------------------------


def test_json_resume_round_trip_keeps_everything_but_ids_birth_date_and_nationality():
    back = convert.from_json_resume(convert.to_json_resume(FULL)).to_json()
    expected = FULL.to_json()
    # JSON Resume has no place for these two.
    expected["personal"].update(birth_date="", nationality="")

    assert _without_ids(back) == _without_ids(expected)


def test_json_resume_shape():
    data = convert.to_json_resume(FULL)

    assert data["basics"]["label"] == "Physicist"
    assert data["basics"]["location"] == {"address": "Paris, France"}
    assert data["basics"]["profiles"][:2] == [
        {"network": "LinkedIn", "username": "mcurie", "url": "https://linkedin.com/in/mcurie"},
        {"network": "GitHub", "username": "mcurie", "url": "https://github.com/mcurie"},
    ]
    assert data["work"][0] == {
        "name": "University of Paris",
        "position": "Professor",
        "location": "Paris",
        "startDate": "1906",
        "summary": "Chair of physics.",
        "highlights": ["First woman professor at the Sorbonne"],
    }
    assert data["education"][0]["studyType"] == "Licence"
    assert data["education"][0]["area"] == "Physics"
    assert data["skills"][0] == {"name": "languages", "keywords": ["Python"]}
    assert data["languages"] == [
        {"language": "Polish", "fluency": "Native"},
        {"language": "French", "fluency": "Fluent"},
    ]
    assert data["certificates"] == [
        {"name": "Nobel Prize in Physics", "issuer": "Nobel Committee", "date": "1903"}
    ]
    assert data["meta"]["smartcv"]["customSections"][0]["title"] == "Honours"


def test_json_resume_dates_keep_the_date_part_of_timestamps():
    doc = convert.from_json_resume(
        {"work": [{"name": "A", "startDate": "2020-02-01T00:00:00Z", "endDate": "2021-03-04"}]}
    )

    assert (doc.work[0].start_date, doc.work[0].end_date, doc.work[0].is_current) == (
        "2020-02-01",
        "2021-03-04",
        False,
    )


# --- parserpro ----------------------------------------------------------------------------------


def test_parserpro_fields():
    data = convert.to_parserpro(FULL)

    assert data["full_name"] == "Marie Curie"
    assert data["current_title"] == "Physicist"
    assert data["skills"] == ["Python", "Spectroscopy", "Persistence"]
    assert data["languages"] == ["Polish", "French"]
    assert data["work_history"][0] == {
        "company": "University of Paris",
        "title": "Professor",
        "start_date": "1906",
        "end_date": "present",
        "is_current": True,
        "description": "Chair of physics.",
    }
    assert data["education"][0] == {
        "institution": "University of Paris",
        "degree": "Licence",
        "field": "Physics",
        "start_year": "1891",
        "end_year": "1893",
    }
    assert data["certifications"] == [
        {"name": "Nobel Prize in Physics", "issuer": "Nobel Committee", "date": "1903"}
    ]
    assert (data["linkedin_url"], data["github_url"], data["portfolio_url"]) == (
        "https://linkedin.com/in/mcurie",
        "https://github.com/mcurie",
        "https://curie.example.com",
    )


def test_parserpro_round_trip_keeps_what_the_shape_can_hold():
    back = convert.from_parserpro(convert.to_parserpro(FULL))

    assert convert.to_parserpro(back) == convert.to_parserpro(FULL)
    assert back.work[0].is_current is True


def test_parserpro_from_the_spec_example():
    doc = convert.from_parserpro(
        {
            "full_name": "Sarah Chen",
            "current_title": "Senior Software Engineer",
            "skills": ["Python"],
            "languages": ["English", "Mandarin"],
            "work_history": [
                {
                    "company": "TechCorp Inc",
                    "title": "Senior Software Engineer",
                    "start_date": "2021-03",
                    "end_date": "present",
                    "is_current": True,
                }
            ],
            "education": [
                {"institution": "Stanford University", "start_year": 2013, "end_year": "2017"}
            ],
        }
    )

    assert doc.personal.name == "Sarah Chen"
    assert doc.work[0].end_date == "present"
    assert (doc.education[0].start_date, doc.education[0].end_date) == ("2013", "2017")
    assert [lang.name for lang in doc.languages] == ["English", "Mandarin"]


# --- reader -------------------------------------------------------------------------------------


def test_reader_round_trip_is_lossless():
    data = convert.to_reader(FULL)

    assert data["candidate"]["firstName"] == "Marie"
    assert data["candidate"]["lastName"] == "Curie"
    assert data["experiences"][0]["current"] is True
    assert data["educations"][0]["fieldOfStudy"] == "Physics"
    assert convert.from_reader(data) == FULL


@pytest.mark.parametrize(
    "convert_from",
    [
        convert.from_content_json,
        convert.from_profile,
        convert.from_json_resume,
        convert.from_parserpro,
        convert.from_reader,
    ],
)
def test_every_reader_refuses_a_non_object(convert_from):
    with pytest.raises(DocumentError):
        convert_from(["not", "an", "object"])
