"""Matching tasks (``matching`` queue): thin and idempotent — matches are upserted."""

from __future__ import annotations

from celery import shared_task

from smartcv.celery import TRANSIENT_RETRY


@shared_task(**TRANSIENT_RETRY)
def match_job_task(job_id: str) -> int:
    """Rescore every candidate of the job's owner against the job (requirements changed)."""
    from matching.models import Job
    from matching.services import job_match_all

    job = Job.objects.filter(id=job_id).first()
    return job_match_all(job=job) if job else 0


@shared_task(**TRANSIENT_RETRY)
def match_candidate_task(candidate_id: str) -> int:
    """Score a freshly parsed candidate against every open job of its owner."""
    from matching.services import candidate_match_all
    from parsing.models import Candidate, ParseStatus

    candidate = Candidate.objects.filter(id=candidate_id, parsing_status=ParseStatus.COMPLETED).first()
    return candidate_match_all(candidate=candidate) if candidate else 0


@shared_task(**TRANSIENT_RETRY)
def score_queue_task(owner_id: str, references: list[str]) -> int:
    """The reader's /api/jobs/queue: score each referenced job, deliver results by webhook."""
    from matching.services import queue_score_and_deliver

    return queue_score_and_deliver(owner_id=owner_id, references=references)


@shared_task(**TRANSIENT_RETRY)
def feed_import_task(feed_id: str) -> str:
    """Import one job feed (on demand or from the beat). Bad remote data is recorded on the
    feed's run, never raised, so only infrastructure errors retry."""
    from matching.models import JobFeed
    from matching.services import feed_import

    feed = JobFeed.objects.filter(id=feed_id).first()
    return feed_import(feed=feed).status if feed else "gone"


@shared_task
def feeds_import_due_task() -> int:
    """Hourly (beat): one import task per active feed."""
    from matching.services import feeds_import_due

    return feeds_import_due()
