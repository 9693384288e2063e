"""Matching speed on PostgreSQL with generated candidates (not part of the test run).

    .venv/bin/python benchmarks/match_bench.py [--candidates 100000] [--runs 5]
        [--database-url postgresql://postgres@127.0.0.1:5432/smartcv_bench]

Creates (or reuses) the database, migrates it, generates candidates with realistic skill
distributions (role families, Zipf-weighted skills from the shared vocabulary, the skills their
text mentions, years, degrees,
cities), then prints:
- full scoring of every candidate for one job (``job_match_all``: read, score, upsert matches)
- ``GET /api/scores/resumes-for-job/{ref}`` returning the ranked top 100 (median of runs)
- the naive one-candidate-at-a-time approach (query, score, save per candidate), measured on
  a sample and extrapolated to the full count.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FAMILIES = {
    "Backend Engineer": [
        "Python",
        "Django",
        "PostgreSQL",
        "Redis",
        "Docker",
        "Kubernetes",
        "AWS",
        "Go",
        "Kafka",
    ],
    "Frontend Developer": [
        "JavaScript",
        "TypeScript",
        "React",
        "Vue.js",
        "CSS",
        "HTML",
        "Webpack",
        "Jest",
    ],
    "Java Developer": ["Java", "Spring Boot", "Hibernate", "Maven", "MySQL", "Microservices", "Docker"],
    "Data Scientist": ["Python", "Pandas", "scikit-learn", "TensorFlow", "SQL", "Statistics", "Spark"],
    "DevOps Engineer": ["Kubernetes", "Terraform", "AWS", "Linux", "Ansible", "Prometheus", "CI/CD"],
    "Accountant": ["Accounting", "Excel", "SAP", "Auditing", "Financial Reporting", "Taxation"],
    "Product Manager": ["Product Management", "Agile", "Scrum", "Jira", "Roadmapping", "Analytics"],
}
ALL_SKILLS = [skill for skills in FAMILIES.values() for skill in skills]
CITIES = [
    "Paris, France",
    "Lyon, France",
    "Berlin, Germany",
    "Madrid, Spain",
    "London, UK",
    "Remote",
    "",
]
DEGREES = ["Bachelor of Science", "Master of Science", "PhD", "BTS", ""]
# A posting of the usual length: the text fit reads every word of it.
DESCRIPTION = """Senior Backend Engineer

About us
We build the payments platform hundreds of merchants rely on every day.

Responsibilities
- Design, build and run Python services and their PostgreSQL schemas
- Ship through CI/CD with Docker and Kubernetes; keep latency and error budgets in check
- Review code, mentor engineers and write the design documents the team decides on

Requirements
- 4+ years of backend development in Python (Django or FastAPI)
- PostgreSQL in production: query plans, migrations, replication
- Docker, Linux and Git; REST API design

Nice to have
- Kubernetes, Kafka, Redis, AWS

Benefits
- Remote-friendly, health insurance, training budget
"""


def setup(database_url: str) -> None:
    import dj_database_url
    import psycopg

    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    name = dj_database_url.parse(database_url)["NAME"]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True, env=os.environ)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcv.settings")
    import django

    django.setup()


def seed(count: int):
    from matching.models import Job, Match
    from matching.vocab_extra import MENTIONED_KEY
    from parsing.models import Candidate, CandidateSkill, ParseStatus
    from smartcv.models import User
    from smartcv.services import api_key_create, user_create

    user = User.objects.filter(username="matchbench").first() or user_create(
        username="matchbench", password=None, plan_code="enterprise"
    )
    have = Candidate.objects.filter(owner=user).count()
    # Seeded by an older version of this script (mentions repeating the listed skills): again.
    mentions = Candidate.objects.filter(owner=user, metadata__has_key=MENTIONED_KEY).first()
    if mentions and set(mentions.skills) & set(mentions.metadata[MENTIONED_KEY]):
        mentions = None
    if have != count or not mentions:
        Match.objects.filter(job__owner=user).delete()
        Candidate.objects.filter(owner=user).delete()
        rng = random.Random(42)
        families = list(FAMILIES)
        started = time.monotonic()
        for offset in range(0, count, 5000):
            rows = []
            for _ in range(min(5000, count - offset)):
                family = rng.choices(families, weights=[5, 4, 4, 2, 2, 2, 1])[0]
                pool = FAMILIES[family] + rng.sample(ALL_SKILLS, 3)
                skills = list(dict.fromkeys(s for s in pool if rng.random() < 0.6))
                # The whole text names more than the skills list: the rest of the family's
                # stack and a few others (parsing stores those the list does not hold).
                named = [s for s in FAMILIES[family] + rng.sample(ALL_SKILLS, 8) if s not in skills]
                years = round(rng.expovariate(1 / 6), 1)
                rows.append(
                    Candidate(
                        owner=user,
                        full_name=f"Candidate {offset}",
                        parsing_status=ParseStatus.COMPLETED,
                        skills=skills,
                        current_title=family,
                        years_of_experience=years,
                        location=rng.choice(CITIES),
                        metadata={MENTIONED_KEY: list(dict.fromkeys(named))},
                        education=[{"institution": "U", "degree": rng.choice(DEGREES), "field": ""}],
                        work_history=[
                            {
                                "company": "Co",
                                "title": family,
                                "start_date": "2018-01",
                                "end_date": "present",
                            }
                        ],
                    )
                )
            created = Candidate.objects.bulk_create(rows, batch_size=1000)
            CandidateSkill.objects.bulk_create(
                [CandidateSkill(candidate=c, skill=s.lower()) for c in created for s in c.skills],
                batch_size=5000,
            )
        print(f"seeded {count} candidates in {time.monotonic() - started:.1f}s")
    job, _ = Job.objects.update_or_create(
        owner=user,
        reference="BENCH-1",
        defaults={
            "title": "Senior Backend Engineer",
            "description": DESCRIPTION,
            "required_skills": [
                {"skill": "Python", "weight": 1.0},
                {"skill": "PostgreSQL", "weight": 0.8},
                {"skill": "Docker", "weight": 0.6},
            ],
            "nice_to_have_skills": [
                {"skill": "Kubernetes", "weight": 0.5},
                {"skill": "Kafka", "weight": 0.3},
            ],
            "min_experience_years": 4,
            "max_experience_years": 10,
            "education_level": "bachelors",
            "preferred_locations": ["Paris, France", "Remote"],
        },
    )
    return user, job, api_key_create(user=user, name="bench").raw


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--naive-sample", type=int, default=2000)
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/smartcv_bench")
    args = parser.parse_args()
    setup(args.database_url)

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from matching.models import Match
    from matching.scoring import score
    from matching.services import candidate_profile_of, job_match_all, job_profile
    from parsing.models import Candidate

    user, job, key = seed(args.candidates)

    full, cpu = [], []
    for _ in range(max(1, args.runs // 2)):
        started, started_cpu = time.monotonic(), time.process_time()
        scored = job_match_all(job=job)
        full.append(time.monotonic() - started)
        cpu.append(time.process_time() - started_cpu)
    # The CPU time of this process (decoding rows, scoring, building upserts) is what a busy
    # machine disturbs least; the database's own work is in the wall time only.
    print(
        f"full scoring, {scored} candidates, one job: median {statistics.median(full):.2f}s "
        f"(runs: {', '.join(f'{t:.2f}' for t in full)}; "
        f"process CPU median {statistics.median(cpu):.2f}s)"
    )

    client = Client(HTTP_X_API_KEY=key, SERVER_NAME="localhost")
    client.get("/api/scores/resumes-for-job/BENCH-1")  # warm up
    top, queries = [], 0
    for _ in range(args.runs):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            started = time.monotonic()
            response = client.get("/api/scores/resumes-for-job/BENCH-1?limit=100")
            top.append(time.monotonic() - started)
        queries = len(ctx.captured_queries)
        assert response.status_code == 200 and len(response.json()) == 100, response.content[:200]
    print(f"resumes-for-job top 100: median {statistics.median(top) * 1000:.0f} ms, {queries} queries")

    sample = list(Candidate.objects.filter(owner=user).values_list("id", flat=True)[: args.naive_sample])
    profile = job_profile(job)
    started = time.monotonic()
    for candidate_id in sample:
        candidate = Candidate.objects.get(id=candidate_id)
        result = score(profile, candidate_profile_of(candidate.__dict__))
        Match.objects.update_or_create(
            job=job,
            candidate=candidate,
            defaults={
                "total_score": result.total,
                "breakdown": result.breakdown,
            },
        )
    naive = (time.monotonic() - started) / len(sample) * args.candidates
    print(
        f"naive one-at-a-time: {naive:.1f}s extrapolated for {args.candidates} "
        f"(measured on {len(sample)})"
    )


if __name__ == "__main__":
    main()
