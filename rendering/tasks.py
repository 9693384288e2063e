"""Rendering tasks (``rendering`` queue): thin, idempotent, they call services."""

from __future__ import annotations

from celery import shared_task

from smartcv.celery import TRANSIENT_RETRY


@shared_task(**TRANSIENT_RETRY)
def purge_expired_exports_task() -> int:
    """Hourly (beat): delete export files whose download links have expired."""
    from rendering.services import exports_purge_expired

    return exports_purge_expired()
