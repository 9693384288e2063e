"""Reads the recruiter pages need beyond ``matching.selectors``, each in a fixed number of
queries however many jobs or matches there are."""

from __future__ import annotations

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from matching.models import Job, Match, PipelineStatus
from smartcv.models import User


def jobs_with_best_matches(
    *, owner: User, jobs: int = 5, per_job: int = 3
) -> list[tuple[Job, list[Match]]]:
    """The owner's newest jobs, each with its best ``per_job`` matches: two queries."""
    recent = list(Job.objects.filter(owner=owner).order_by("-created_at", "-id")[:jobs])
    ranked = (
        Match.objects.filter(job__in=recent)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("job_id")],
                order_by=[F("total_score").desc(), F("candidate_id")],
            )
        )
        .filter(rank__lte=per_job)
        .select_related("candidate")
        .order_by("job_id", "rank")
    )
    by_job: dict = {}
    for match in ranked:
        by_job.setdefault(match.job_id, []).append(match)
    return [(job, by_job.get(job.id, [])) for job in recent]


def pipeline_columns(*, job: Job) -> list[tuple[str, str, list[Match]]]:
    """(status, label, matches best first) for every pipeline stage, in board order: one query."""
    columns: dict[str, list[Match]] = {status: [] for status in PipelineStatus.values}
    for match in (
        Match.objects.filter(job=job)
        .select_related("candidate")
        .order_by("-total_score", "candidate_id")
    ):
        columns.setdefault(match.pipeline_status, []).append(match)
    return [(status, label, columns[status]) for status, label in PipelineStatus.choices]
