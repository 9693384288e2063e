"""Celery tasks of the webhooks app (``webhooks`` queue): thin wrappers over the services.

The retry schedule is the delivery's own (see ``webhooks.services``), recorded in the database
and driven by countdowns plus the beat sweep — not Celery's task retries — so it survives
lost messages and restarts, and each attempt is visible in the delivery's history.
"""

from __future__ import annotations

from celery import shared_task

from webhooks import services


@shared_task(bind=True, ignore_result=True)
def deliver_webhook_task(self, delivery_id: str) -> None:
    """One attempt of a delivery; a no-op if it is not due (duplicates are harmless)."""
    services.deliver(delivery_id=delivery_id)


@shared_task(ignore_result=True)
def retry_due_deliveries_task() -> int:
    """Every minute (beat): rescue attempts lost with their worker, queue due retries."""
    return services.retry_due_deliveries()
