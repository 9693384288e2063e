"""``rank_corpus CORPUS_DIR --out PRED.json``: rank a corpus with the real parser and engine.

Parses every resume under CORPUS_DIR/resumes and CORPUS_DIR/matching/*/CV, parses every job
posting CORPUS_DIR/jobs/*.txt, scores every pair with ``matching.scoring`` and writes
``{"resumes_for_job": {job: [resume, …]}, "jobs_for_resume": {resume: [job, …]}}`` (best
first) for ``shared/tools/score_match.py``. Nothing touches the database.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.scoring import JobProfile, score, text_terms
from matching.services import candidate_profile_of
from parsing.jobparse import parse_job_text

RESUME_SUFFIXES = {".pdf", ".docx", ".doc", ".rtf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def resume_files(root: Path) -> list[Path]:
    folders = [root / "resumes", *sorted((root / "matching").glob("*/CV"))]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in RESUME_SUFFIXES
    )


def job_profile_from_text(text: str) -> JobProfile:
    parsed = parse_job_text(text)
    return JobProfile(
        title=parsed.title,
        required_skills=tuple((i["skill"], i["weight"]) for i in parsed.weighted_required()),
        nice_to_have_skills=tuple((i["skill"], i["weight"]) for i in parsed.weighted_nice()),
        min_years=parsed.min_experience_years,
        max_years=parsed.max_experience_years,
        education_level=parsed.education_level,
        locations=(),  # location is not part of what the judgments grade
        terms=text_terms("\n".join(filter(None, (parsed.title, parsed.description)))),
    )


class Command(BaseCommand):
    help = "Rank a corpus's resumes for each job and jobs for each resume with the real engine."

    def add_arguments(self, parser):
        parser.add_argument("corpus_dir")
        parser.add_argument("--out", required=True)

    def handle(self, corpus_dir: str, out: str, **options):
        from parsing.extract import ExtractionError
        from parsing.pipeline import parse_bytes

        root = Path(corpus_dir)
        if not (root / "jobs").is_dir():
            raise CommandError(f"{root} has no jobs/ folder")
        started = time.monotonic()
        people = {}
        for path in resume_files(root):
            key = path.relative_to(root).as_posix()
            try:
                result = parse_bytes(path.read_bytes(), filename=path.name)
                people[key] = candidate_profile_of({**result.candidate, "metadata": result.metadata})
            except ExtractionError as exc:
                self.stderr.write(f"{key}: {exc.code} ({exc.message}); ranked last")
                people[key] = candidate_profile_of({})
        jobs = {
            path.name: job_profile_from_text(path.read_text(errors="replace"))
            for path in sorted((root / "jobs").glob("*.txt"))
        }
        scores = {
            (j, r): score(job, person).total for j, job in jobs.items() for r, person in people.items()
        }
        prediction = {
            "resumes_for_job": {j: sorted(people, key=lambda r, j=j: (-scores[j, r], r)) for j in jobs},
            "jobs_for_resume": {r: sorted(jobs, key=lambda j, r=r: (-scores[j, r], j)) for r in people},
        }
        Path(out).write_text(json.dumps(prediction, indent=1, ensure_ascii=False))
        self.stdout.write(
            f"ranked {len(people)} resumes × {len(jobs)} jobs into {out} "
            f"in {time.monotonic() - started:.1f}s"
        )
