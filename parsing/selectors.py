"""Candidate queries: ownership and list filters in one place for every dialect and page."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from parsing.models import Candidate, ParseStatus
from smartcv.errors import ApplicationError
from smartcv.models import User


def candidate_get(*, owner: User, candidate_id) -> Candidate:
    """The owner's candidate, or 404 ``not_found`` — a foreign id answers exactly like a
    missing one, so ids of other accounts cannot be probed."""
    try:
        key = uuid.UUID(str(candidate_id))
    except ValueError:
        key = None
    candidate = (
        Candidate.objects.filter(owner=owner, id=key).prefetch_related("tags").first() if key else None
    )
    if candidate is None:
        raise ApplicationError(
            "not_found", "Candidate not found", status=404, details=[{"id": str(candidate_id)}]
        )
    return candidate


def candidate_list(
    *, owner: User, status: str | None = None, skills: str | None = None
) -> QuerySet[Candidate]:
    qs = Candidate.objects.filter(owner=owner).order_by("-created_at", "-id")
    if status:
        if status not in ParseStatus.values:
            raise ApplicationError(
                "validation_error",
                f"status must be one of: {', '.join(ParseStatus.values)}",
                status=400,
                details=[{"field": "status", "message": f"Unknown status {status!r}"}],
            )
        qs = qs.filter(parsing_status=status)
    if skills:
        from matching.skills import normalise

        for raw in {s.strip() for s in skills.split(",") if s.strip()}:
            canonical = (normalise(raw) or raw).lower()
            qs = qs.filter(skill_rows__skill=canonical)
    return qs


def candidate_jobs(candidate: Candidate) -> list[dict]:
    """The jobs a candidate is matched to, best first (parserpro's ``jobs`` array)."""
    return [
        {
            "job_id": str(match.job_id),
            "job_title": match.job.title,
            "match_score": round(match.total_score),
            "status": match.pipeline_status,
            "score_breakdown": match.breakdown,
        }
        for match in candidate.matches.select_related("job").order_by("-total_score")
    ]
