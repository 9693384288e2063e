"""Demo data of the resumes app for ``manage.py seed_demo`` (step ``seed_demo_resume``)."""

from __future__ import annotations

from typing import Any

from resumes import selectors, services
from resumes.document import ResumeDocument
from resumes.models import Resume, ShareLink

DEMO_RESUME_TITLE = "Demo resume – Senior Software Engineer"
DEMO_JOB_DESCRIPTION = (
    "We are hiring a Senior Backend Engineer to build our payments platform with Python, Django "
    "and PostgreSQL on AWS. You will design REST APIs, run services on Kubernetes, and mentor "
    "engineers. Experience with Celery, Redis and CI/CD pipelines is a plus."
)

DEMO_DOCUMENT: dict[str, Any] = {
    "personal": {
        "name": "Alex Morgan",
        "title": "Senior Software Engineer",
        "email": "alex.morgan@example.com",
        "phone": "+44 20 7946 0958",
        "location": "London, United Kingdom",
        "website": "https://alexmorgan.example.com",
        "linkedin": "https://www.linkedin.com/in/alex-morgan-demo",
        "github": "https://github.com/alex-morgan-demo",
    },
    "summary": (
        "Backend engineer with 9 years of experience building reliable payment and data "
        "platforms in Python. I design clear APIs, make slow systems fast and help teams ship "
        "with confidence through testing and automation."
    ),
    "work": [
        {
            "company": "Northwind Payments",
            "position": "Senior Software Engineer",
            "location": "London",
            "start_date": "2021-03",
            "end_date": "present",
            "highlights": [
                "Led the redesign of the settlement service in Django, cutting batch time by 65%",
                "Built a REST API used by 40 partner banks, with 99.98% monthly availability",
                "Mentored 4 engineers and introduced contract tests into CI/CD",
            ],
        },
        {
            "company": "Brightdata Labs",
            "position": "Software Engineer",
            "location": "Manchester",
            "start_date": "2016-09",
            "end_date": "2021-02",
            "highlights": [
                "Developed ETL pipelines with Celery and Redis processing 20M events a day",
                "Migrated reporting from MySQL to PostgreSQL, reducing query times by 80%",
            ],
        },
    ],
    "education": [
        {
            "institution": "University of Manchester",
            "degree": "BSc",
            "field": "Computer Science",
            "start_date": "2012",
            "end_date": "2016",
            "grade": "First Class Honours",
        }
    ],
    "skills": [
        {"name": "Python", "category": "languages"},
        {"name": "SQL", "category": "languages"},
        {"name": "TypeScript", "category": "languages"},
        {"name": "Django", "category": "frameworksAndTools"},
        {"name": "PostgreSQL", "category": "frameworksAndTools"},
        {"name": "Celery", "category": "frameworksAndTools"},
        {"name": "Docker", "category": "frameworksAndTools"},
        {"name": "Mentoring", "category": "softSkills"},
    ],
    "projects": [
        {
            "name": "ledgerlite",
            "description": "An open-source double-entry ledger library for Python.",
            "technologies": ["Python", "PostgreSQL"],
            "url": "https://github.com/alex-morgan-demo/ledgerlite",
            "start_date": "2020",
            "highlights": ["Used in production by 3 fintech start-ups"],
        }
    ],
    "certifications": [
        {"name": "AWS Certified Developer – Associate", "issuer": "Amazon Web Services", "date": "2022"}
    ],
    "languages": [{"name": "English", "level": "Native"}, {"name": "Spanish", "level": "B2"}],
    "extracurricular": ["Organiser of the London Python meetup"],
}


def seed_demo_resume(*, owner, say) -> dict[str, Any]:
    """A demo resume with a live share link, and the owner's published profile. Idempotent:
    the resume is found by title and refreshed; its share link keeps its token."""
    services.templates_sync()
    document = ResumeDocument.model_validate(DEMO_DOCUMENT)
    resume = Resume.objects.alive().filter(owner=owner, title=DEMO_RESUME_TITLE).first()
    if resume is None:
        resume = services.resume_create(
            owner=owner,
            title=DEMO_RESUME_TITLE,
            document=document,
            target_job_description=DEMO_JOB_DESCRIPTION,
            status=Resume.Status.PUBLISHED,
        )
        verb = "Created"
    else:
        # Keep the stored ids (a fresh validation would mint new ones each run).
        services.resume_update(resume=resume, target_job_description=DEMO_JOB_DESCRIPTION)
        verb = "Kept"
    link = ShareLink.objects.filter(resume=resume).first()
    if link is None:
        link, _ = services.share_link_create(resume=resume, allow_download=True, allow_comments=True)
    else:
        link = services.share_link_update(resume=resume, is_enabled=True, expires_at=None)
    services.profile_publish(
        user=owner,
        document=document,
        template=selectors.resume_template(resume),
        sections_visibility=resume.sections_visibility,
    )
    say(f"{verb} demo resume {resume.title!r} (ATS score {resume.ats_score}).")
    # Paths, not URLs: the command prints the site's base URL (--base-url) itself.
    say(f"  Share link: /share/{link.token}   Public profile: /u/{owner.username}")
    return {"resume": resume, "share_link": link}
