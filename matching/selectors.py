"""Job and match queries for both job dialects and the pages."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db.models import Count, QuerySet

from matching.models import Job, JobStatus, Match
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


def job_matches(*, job: Job) -> QuerySet[Match]:
    return (
        Match.objects.filter(job=job)
        .select_related("candidate")
        .order_by("-total_score", "candidate_id")
    )


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
