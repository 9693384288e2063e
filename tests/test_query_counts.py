"""Every dialect's main list (and list-bearing detail) endpoints make the same number of
queries for a page of one item as for a page of many: no query per row.

Complements the per-app checks (resumes/tests/test_api_resumes.py for GET /api/resumes,
matching/tests/test_list_queries.py for plain jobs/candidates lists, webhooks/tests) with rows
that carry everything a row can show: tags, skills, matches, feed runs, share links.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matching.models import Job, JobFeed, JobFeedRun, Match
from parsing.models import Candidate, ParseStatus, Tag
from resumes.services import resume_create, share_link_create

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries)


def _candidate(owner, i: int) -> Candidate:
    candidate = Candidate.objects.create(
        owner=owner,
        full_name=f"Candidate {i}",
        parsing_status=ParseStatus.COMPLETED,
        skills=["Python", "Django"],
        work_history=[{"company": "Co", "title": "Dev", "start_date": "2020-01", "end_date": ""}],
    )
    tag, _ = Tag.objects.get_or_create(owner=owner, name=f"tag{i % 3}")
    candidate.tags.add(tag)
    return candidate


def _job(owner, i: int) -> Job:
    return Job.objects.create(
        owner=owner,
        title=f"Job {i}",
        reference=f"Q-{i}",
        required_skills=[{"skill": "Python", "weight": 1.0}],
    )


class World:
    """One job and one candidate that the others attach to, so a detail's list grows too."""

    def __init__(self, owner) -> None:
        self.owner = owner
        self.job = _job(owner, 0)
        self.candidate = _candidate(owner, 0)
        Match.objects.create(job=self.job, candidate=self.candidate, total_score=50)
        self.n = 0
        self.grow(1)

    def grow(self, count: int) -> None:
        for i in range(self.n + 1, self.n + 1 + count):
            job, candidate = _job(self.owner, i), _candidate(self.owner, i)
            Match.objects.create(job=job, candidate=candidate, total_score=i)
            Match.objects.create(job=self.job, candidate=candidate, total_score=i)
            Match.objects.create(job=job, candidate=self.candidate, total_score=i)
            resume = resume_create(owner=self.owner, title=f"Resume {i}")
            share_link_create(resume=resume)
            feed = JobFeed.objects.create(owner=self.owner, url=f"https://feeds.example.com/{i}.json")
            JobFeedRun.objects.create(feed=feed, started_at=timezone.now())
        self.n += count


URLS = {
    "smartcv resumes": lambda w: "/api/resumes?limit=50",
    "parserpro candidates": lambda w: "/api/v1/candidates?limit=100",
    "parserpro candidate detail (matches)": lambda w: f"/api/v1/candidates/{w.candidate.id}",
    "parserpro jobs": lambda w: "/api/v1/jobs?limit=100",
    "parserpro job detail (candidates)": lambda w: f"/api/v1/jobs/{w.job.id}",
    "reader my jobs": lambda w: "/api/jobs/api-key/my?size=100",
    "reader resumes for job": lambda w: f"/api/scores/resumes-for-job/{w.job.reference}?limit=100",
    "reader jobs for resume": lambda w: f"/api/scores/jobs-for-resume/{w.candidate.id}",
    "reader job feeds": lambda w: "/api/jobs/feeds?size=100",
}


@pytest.mark.parametrize("name", list(URLS))
def test_queries_do_not_grow_with_the_page(api_client, recruiter, name):
    client = api_client()
    world = World(recruiter)
    url = URLS[name](world)
    client.get(url)  # first use of the key: usage period and last-used rows
    few = _queries(client, url)
    world.grow(12)
    many = _queries(client, URLS[name](world))
    assert many == few, f"{name}: {few} queries for a short page, {many} for a long one"
