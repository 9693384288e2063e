"""Demo data for ``manage.py seed_demo``: a few parsed candidates and a job that ranks them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parsing.intake import IncomingFile
from parsing.models import Candidate, CandidateSource

DEMO_DIR = Path(__file__).resolve().parent / "demo"
DEMO_JOB_REFERENCE = "DEMO-BACKEND-1"


def seed_demo_candidates(*, owner, say: Callable[[str], None]) -> dict:
    """Parse the demo CVs once (they are charged like any parse) and create a demo job."""
    from matching.models import Job
    from matching.services import job_create
    from parsing.services import candidates_create_from_files

    if not Candidate.objects.filter(owner=owner, original_filename__startswith="demo-").exists():
        incoming = [
            IncomingFile(filename=f"demo-{path.name}", data=path.read_bytes(), kind="txt")
            for path in sorted(DEMO_DIR.glob("*.txt"))
        ]
        candidates, _ = candidates_create_from_files(
            owner=owner, incoming=incoming, source=CandidateSource.UPLOAD
        )
        say(f"Demo candidates: {len(candidates)} CVs queued for parsing.")
    if not Job.objects.filter(owner=owner, reference=DEMO_JOB_REFERENCE).exists():
        job_create(
            owner=owner,
            data={
                "title": "Senior Backend Engineer",
                "reference": DEMO_JOB_REFERENCE,
                "description": "Python services for our payments platform.",
                "required_skills": [
                    {"skill": "Python", "weight": 1.0},
                    {"skill": "PostgreSQL", "weight": 0.8},
                ],
                "nice_to_have_skills": [{"skill": "Kubernetes", "weight": 0.5}],
                "min_experience_years": 4,
                "max_experience_years": 12,
                "education_level": "bachelors",
                "preferred_locations": ["Paris, France", "Lyon, France", "Remote"],
            },
        )
        say(f"Demo job: Senior Backend Engineer ({DEMO_JOB_REFERENCE}).")
    return {"demo_job_reference": DEMO_JOB_REFERENCE}
