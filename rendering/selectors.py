"""Reads of the rendering app: PDF batches as their owner sees them, and id-list checks."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from parsing.models import Candidate
from rendering.models import PdfBatch
from smartcv.errors import ApplicationError
from smartcv.models import User


def batch_get(*, owner: User, job_id: uuid.UUID | str) -> PdfBatch:
    """404 for an unknown job, 403 for another owner's (the reader spec documents both)."""
    batch = PdfBatch.objects.filter(id=job_id).first()
    if batch is None:
        raise ApplicationError("not_found", "PDF generation job not found", status=404)
    if batch.owner_id != owner.pk:
        raise ApplicationError("forbidden", "This job does not belong to the current user", status=403)
    return batch


def foreign_candidate_ids(*, owner: User, ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """The ids among ``ids`` that are not the owner's candidates (missing ones included, so
    the answer cannot tell another account's id from a made-up one)."""
    wanted = list(ids)
    owned = set(Candidate.objects.filter(owner=owner, id__in=wanted).values_list("id", flat=True))
    return [candidate_id for candidate_id in wanted if candidate_id not in owned]
