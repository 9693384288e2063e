"""Rendering tasks (``rendering`` queue): thin, idempotent, they call services."""

from __future__ import annotations

from celery import shared_task

from smartcv.celery import TRANSIENT_RETRY


@shared_task(**TRANSIENT_RETRY)
def purge_expired_exports_task() -> int:
    """Hourly (beat): delete export files whose download links have expired."""
    from rendering.services import exports_purge_expired

    return exports_purge_expired()


@shared_task(**TRANSIENT_RETRY)
def render_pdf_chunk_task(batch_id: str, item_ids: list[int]) -> int:
    """Render one chunk (≤ 10 items) of a bulk or format batch, then complete the batch if
    this was the last open work. Safe to run twice: items are claimed one by one."""
    from rendering.batches import batch_complete_if_done, batch_items_process

    made = batch_items_process(batch_id=batch_id, item_ids=item_ids)
    batch_complete_if_done(batch_id=batch_id)
    return made


@shared_task(**TRANSIENT_RETRY)
def requeue_stale_pdf_items_task() -> int:
    """Every minute (beat): give items claimed by a dead worker to a live one."""
    from rendering.batches import batches_requeue_stale

    return batches_requeue_stale()
