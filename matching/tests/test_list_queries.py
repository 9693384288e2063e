"""Lists cost a constant number of queries however long the page."""

import pytest

from matching.models import Job, Match
from parsing.models import Candidate, ParseStatus

pytestmark = pytest.mark.django_db


def _fill(owner, n, start=0):
    for i in range(start, start + n):
        job = Job.objects.create(owner=owner, title=f"Job {i}", reference=f"R-{i}")
        candidate = Candidate.objects.create(
            owner=owner, full_name=f"C {i}", parsing_status=ParseStatus.COMPLETED
        )
        Match.objects.create(job=job, candidate=candidate, total_score=i)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/jobs?limit=100",
        "/api/jobs/api-key/my?size=100",
        "/api/v1/candidates?limit=100",
        "/api/scores/resumes-for-job/R-1",
    ],
)
def test_list_queries_do_not_grow_with_the_page(api_client, recruiter, url):
    client = api_client()
    _fill(recruiter, 3)
    client.get(url)  # first use: records the key's last use and opens the billing period
    few = _queries(client, url)
    _fill(recruiter, 30, start=3)
    if "resumes-for-job" in url:  # more candidates matched to the one job
        job = Job.objects.get(reference="R-1")
        for candidate in Candidate.objects.exclude(matches__job=job):
            Match.objects.create(job=job, candidate=candidate, total_score=5)
    many = _queries(client, url)
    assert many == few
