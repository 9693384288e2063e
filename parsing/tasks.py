"""Parsing tasks (``parsing`` queue): thin, idempotent, they call services."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from smartcv.celery import TRANSIENT_RETRY


@shared_task(bind=True, soft_time_limit=120, time_limit=150, **TRANSIENT_RETRY)
def parse_candidate_task(self, candidate_id: str) -> str | None:
    """Fetch (for URLs) and parse one candidate. Running it twice is harmless: the service
    claims the candidate with a conditional UPDATE and the second run finds nothing to do."""
    from parsing import services
    from parsing.models import Candidate

    try:
        candidate = services.candidate_parse(candidate_id=candidate_id)
    except SoftTimeLimitExceeded:
        candidate = Candidate.objects.filter(id=candidate_id).first()
        if candidate is None:
            return None
        candidate = services.candidate_fail(
            candidate=candidate, code="timeout", message="Parsing took too long and was stopped"
        )
    if candidate is None:
        return None
    services.candidate_parse_finished(candidate=candidate)
    return candidate.parsing_status


@shared_task(**TRANSIENT_RETRY)
def purge_expired_candidates_task() -> int:
    """Hourly (beat): delete candidates past their account's retention period, files too."""
    from parsing.services import candidates_purge_expired

    return candidates_purge_expired()


@shared_task(**TRANSIENT_RETRY)
def requeue_stale_candidates_task() -> int:
    """Every minute (beat): queue again candidates whose worker died or whose message was lost."""
    from parsing.services import candidates_requeue_stale

    return candidates_requeue_stale()
