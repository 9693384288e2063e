from __future__ import annotations

import pytest

from resumes.services import templates_sync
from resumes.tests.factories import ResumeFactory


@pytest.fixture
def layouts(db):
    """The four real layouts, synced from templates/resume_layouts/ (as the migration does)."""
    from resumes.models import Template

    templates_sync()
    return {t.slug: t for t in Template.objects.all()}


@pytest.fixture
def make_resume(recruiter):
    def make(owner=None, **fields):
        return ResumeFactory(owner=owner or recruiter, **fields)

    return make


CONTENT = {
    "personalInfo": {
        "name": "Zhang San",
        "email": "zhangsan@example.com",
        "phone": "13800138000",
        "address": "Chaoyang District, Beijing",
        "summary": "5 years of software development experience...",
    },
    "workExperience": [
        {
            "company": "ABC Technology Company",
            "position": "Senior Software Engineer",
            "startDate": "2021-01",
            "endDate": "2024-12",
            "description": "Responsible for core product development...",
        }
    ],
    "education": [
        {
            "school": "Peking University",
            "degree": "Computer Science and Technology",
            "startDate": "2017-09",
            "endDate": "2021-06",
        }
    ],
    "skills": ["JavaScript", "React", "Node.js", "Python"],
    "projects": [
        {
            "name": "E-commerce Platform",
            "description": "E-commerce platform developed with React and Node.js",
            "technologies": ["React", "Node.js", "MongoDB"],
            "url": "https://github.com/example/ecommerce",
        }
    ],
}


@pytest.fixture
def spec_content():
    import copy

    return copy.deepcopy(CONTENT)
