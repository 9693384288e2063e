"""Job and match queries for both job dialects and the pages."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from django.db.models import Count, QuerySet

from matching.models import Job, JobFeed, JobFeedRun, JobStatus, Match
from smartcv.errors import ApplicationError
from smartcv.models import User

SORTS = {"title", "status", "candidate_count", "created_at", "updated_at"}


def job_get(*, owner: User, job_id, foreign_status: int = 404) -> Job:
    """The owner's job. A foreign job answers ``foreign_status``: parserpro hides it (404),
    the reader documents 403 for a job of another owner."""
    try:
        key = uuid.UUID(str(job_id))
    except ValueError:
        raise ApplicationError("not_found", "Job not found", status=404) from None
    job = Job.objects.annotate(candidate_count=Count("matches")).filter(id=key).first()
    if job is None or (job.owner_id != owner.pk and foreign_status == 404):
        raise ApplicationError("not_found", "Job not found", status=404)
    if job.owner_id != owner.pk:
        raise ApplicationError("forbidden", "Job does not belong to the API key owner", status=403)
    return job


def match_get(*, owner: User, job_id, candidate_id) -> Match:
    """The match of one of the owner's candidates for one of the owner's jobs; 404 otherwise
    (a foreign job or candidate is hidden exactly like a missing one)."""
    try:
        job_key, candidate_key = uuid.UUID(str(job_id)), uuid.UUID(str(candidate_id))
    except ValueError:
        raise ApplicationError("not_found", "Job candidate not found", status=404) from None
    match = (
        Match.objects.select_related("job", "candidate")
        .filter(job_id=job_key, candidate_id=candidate_key, job__owner=owner, candidate__owner=owner)
        .first()
    )
    if match is None:
        raise ApplicationError("not_found", "Job candidate not found", status=404)
    return match


def job_matches(*, job: Job, candidate_fields: Sequence[str] | None = None) -> QuerySet[Match]:
    """The job's matches, best first, with their candidates.

    ``candidate_fields`` loads only those candidate columns: a candidate row also holds the whole
    parsed document, which made the parserpro job detail ~5x slower than the job list under
    load (benchmarks/load_bench.py)."""
    qs = (
        Match.objects.filter(job=job)
        .select_related("candidate")
        .order_by("-total_score", "candidate_id")
    )
    if candidate_fields is not None:
        qs = qs.only(
            "job_id",
            "total_score",
            "breakdown",
            "pipeline_status",
            "candidate__id",
            *(f"candidate__{name}" for name in candidate_fields),
        )
    return qs


def _bad(field: str, message: str) -> ApplicationError:
    return ApplicationError(
        "validation_error", f"{field}: {message}", status=400, details={field: [message]}
    )


def job_list_parserpro(
    *, owner: User, status: str | None, search: str | None, sort: str | None, order: str | None
) -> QuerySet[Job]:
    qs = Job.objects.filter(owner=owner).annotate(candidate_count=Count("matches"))
    if status:
        if status not in JobStatus.values:
            raise _bad("status", f"must be one of {', '.join(JobStatus.values)}")
        qs = qs.filter(status=status)
    if search:
        qs = qs.filter(title__icontains=search)
    sort = sort or "created_at"
    if sort not in SORTS:
        raise _bad("sort", f"must be one of {', '.join(sorted(SORTS))}")
    order = (order or "desc").lower()
    if order not in ("asc", "desc"):
        raise _bad("order", "must be asc or desc")
    prefix = "-" if order == "desc" else ""
    return qs.order_by(f"{prefix}{sort}", f"{prefix}id")


def job_list_reader(
    *,
    owner: User,
    status: str | None = None,
    source: str | None = None,
    reference: str | None = None,
    title: str | None = None,
    posted_from: datetime | None = None,
    posted_to: datetime | None = None,
) -> QuerySet[Job]:
    qs = Job.objects.filter(owner=owner).annotate(candidate_count=Count("matches"))
    if status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    if reference:
        qs = qs.filter(reference__icontains=reference)
    if title:
        qs = qs.filter(title__icontains=title)
    if posted_from:
        qs = qs.filter(posted_at__gte=posted_from)
    if posted_to:
        qs = qs.filter(posted_at__lte=posted_to)
    return qs.order_by("-posted_at", "-id")


def candidate_matches(*, candidate_ids: list) -> dict:
    """{candidate_id: [match, …] best first} for a page of candidates, in one query."""
    result: dict = {}
    for match in (
        Match.objects.filter(candidate_id__in=candidate_ids)
        .select_related("job")
        .order_by("-total_score")
    ):
        result.setdefault(match.candidate_id, []).append(match)
    return result


def job_top_matches(*, job: Job, limit: int) -> list[tuple]:
    """The job's best (candidate_id, total) pairs; scores everyone first if never scored."""
    from matching.services import job_match_all
    from parsing.models import Candidate, ParseStatus

    top = list(
        Match.objects.filter(job=job)
        .order_by("-total_score", "candidate_id")
        .values_list("candidate_id", "total_score")[:limit]
    )
    if (
        not top
        and Candidate.objects.filter(
            owner_id=job.owner_id, parsing_status=ParseStatus.COMPLETED
        ).exists()
    ):
        job_match_all(job=job)
        top = list(
            Match.objects.filter(job=job)
            .order_by("-total_score", "candidate_id")
            .values_list("candidate_id", "total_score")[:limit]
        )
    return top


def feed_list(*, owner: User) -> QuerySet[JobFeed]:
    return JobFeed.objects.filter(owner=owner).order_by("-created_at", "id")


def feed_get(*, owner: User, feed_id) -> JobFeed:
    """The owner's feed; a foreign one is hidden like a missing one (404)."""
    try:
        key = uuid.UUID(str(feed_id))
    except ValueError:
        raise ApplicationError("not_found", "Feed not found", status=404) from None
    feed = JobFeed.objects.filter(id=key, owner=owner).first()
    if feed is None:
        raise ApplicationError("not_found", "Feed not found", status=404)
    return feed


def feed_runs(*, feed: JobFeed) -> QuerySet[JobFeedRun]:
    return JobFeedRun.objects.filter(feed=feed).order_by("-started_at", "id")
