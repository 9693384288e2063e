"""The dashboard: counts, recent parses, credits chart, jobs with their best matches."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matching.services import job_create, job_match_all
from parsing.models import Candidate, ParseStatus
from parsing.services import candidate_update
from smartcv.models import CreditLedgerEntry
from smartcv.page_selectors import CHART_HEIGHT, credits_by_day
from smartcv.services import credits_charge, credits_refund

pytestmark = pytest.mark.django_db


def person(owner, name, skills, status=ParseStatus.COMPLETED):
    made = Candidate.objects.create(owner=owner, full_name=name, parsing_status=status)
    return candidate_update(candidate=made, data={"skills": skills})


def test_dashboard_shows_counts_recent_parses_and_best_matches(recruiter, recruiter_client):
    person(recruiter, "Best Fit", ["Python", "Django"])
    person(recruiter, "Some Fit", ["Python"])
    person(recruiter, "Broken Scan", [], status=ParseStatus.FAILED)
    job = job_create(
        owner=recruiter, data={"title": "Backend Engineer", "required_skills": ["Python", "Django"]}
    )
    job_match_all(job=job)

    html = recruiter_client.get("/dashboard/").content.decode()

    assert '<a href="/candidates/">3</a>' in html
    assert ">2 completed</a>" in html and ">1 failed</a>" in html
    assert "Broken Scan" in html
    jobs = html[html.index("Jobs and their best matches") :]
    assert jobs.index("Backend Engineer") < jobs.index("Best Fit") < jobs.index("Some Fit")


def test_credits_chart_has_one_bar_per_day_with_refunds_netted(recruiter):
    credits_charge(user=recruiter, amount=4, operation="parse")
    credits_refund(user=recruiter, amount=1, operation="parse")
    old = CreditLedgerEntry.objects.create(
        user=recruiter, period=CreditLedgerEntry.objects.first().period, amount=2, operation="parse"
    )
    old.created_at = timezone.now() - timedelta(days=1)
    old.save()

    bars = credits_by_day(user=recruiter)

    assert len(bars) == 14
    assert [bar.credits for bar in bars[-2:]] == [2, 3]
    assert bars[-1].height == CHART_HEIGHT - 2  # the busiest day fills the chart
    assert sum(bar.credits for bar in bars) == 5
    assert bars[-1].day == timezone.now().date()


def test_credits_chart_of_a_new_account_is_flat(recruiter):
    bars = credits_by_day(user=recruiter, today=date(2026, 1, 14))

    assert [bar.height for bar in bars] == [0.0] * 14
    assert bars[0].day == date(2026, 1, 1)


def test_dashboard_query_count_does_not_grow_with_data(recruiter, recruiter_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get("/dashboard/").status_code == 200
        return len(ctx.captured_queries)

    job = job_create(owner=recruiter, data={"title": "J0", "required_skills": ["Python"]})
    person(recruiter, "P0", ["Python"])
    job_match_all(job=job)
    queries()  # the first visit opens the usage period (an insert); later visits only read
    few = queries()
    for n in range(1, 6):
        job = job_create(owner=recruiter, data={"title": f"J{n}", "required_skills": ["Python"]})
        for m in range(4):
            person(recruiter, f"P{n}{m}", ["Python"])
        job_match_all(job=job)

    assert queries() == few
