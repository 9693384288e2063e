"""The Celery app: JSON only, one queue per concern, late acks, bounded retries.

Tasks are routed by the app module they live in (``parsing.tasks`` → ``parsing`` queue and so
on); anything else goes to ``default``. Workers should consume every queue unless they are
dedicated: ``celery -A smartcv worker -Q default,parsing,matching,rendering,webhooks``.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_process_init
from django.db import InterfaceError, OperationalError
from kombu import Exchange, Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcv.settings")

# The retry policy of every task that talks to the database, the broker or storage: transient
# failures (a database restart, a dropped connection) are retried with exponential backoff
# (5 s, 10 s, 20 s … capped at 5 min, jittered) at most five times, then the task fails for
# good and its service records why. Use as ``@shared_task(bind=True, **TRANSIENT_RETRY)``.
TRANSIENT_RETRY = {
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError, TimeoutError),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}


def enqueue_on_commit(task, *args: object) -> None:
    """Queue ``task.delay(*args)`` once the surrounding transaction commits.

    With a broker, failing to queue (Redis down) is logged, not raised: the rows are
    committed by then (and credits charged), so answering the client 503 would make it
    retry and be charged twice. The work is not lost: beat's sweeps queue pending
    candidates, PDF items and deliveries again (see ``parsing.services``,
    ``rendering.batches`` and ``webhooks.services``). Eager runs (tests, embedded) raise.
    """
    from functools import partial

    from django.conf import settings
    from django.db import transaction

    robust = not settings.CELERY_TASK_ALWAYS_EAGER
    transaction.on_commit(partial(task.delay, *args), robust=robust)


app = Celery("smartcv")
app.config_from_object("django.conf:settings", namespace="CELERY")

QUEUES = ("default", "parsing", "matching", "rendering", "webhooks")

app.conf.update(
    # JSON everywhere: tasks take ids and plain values, never pickled objects.
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_queues=[Queue(name, Exchange(name), routing_key=name) for name in QUEUES],
    task_default_queue="default",
    # Route by module: parsing.tasks.* → parsing, matching.tasks.* → matching, …
    task_routes={f"{name}.tasks.*": {"queue": name} for name in QUEUES if name != "default"},
    # Acknowledge after the task ran, so a worker killed mid-task hands it to another worker;
    # every task is written to be safe to run twice.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    # One message at a time per process: long parses must not hold short ones hostage.
    worker_prefetch_multiplier=1,
    # Hard limit kills a stuck task; the soft limit lets it record a failure first.
    task_soft_time_limit=240,
    task_time_limit=300,
    task_track_started=True,
    result_expires=3600,
    broker_connection_retry_on_startup=True,
    # Redis redelivers unacked messages after this; must exceed the longest countdown we use
    # plus the hard time limit (webhook retries are also swept by beat, see webhooks.tasks).
    broker_transport_options={"visibility_timeout": 7 * 3600},
    worker_hijack_root_logger=False,
    # Time a new worker process may take to start, warm-ups included (Celery's default is 4 s).
    worker_proc_alive_timeout=30,
    timezone="UTC",
    beat_schedule={
        "parsing-purge-expired-candidates": {
            "task": "parsing.tasks.purge_expired_candidates_task",
            "schedule": 3600.0,
        },
        "parsing-requeue-stale-candidates": {
            "task": "parsing.tasks.requeue_stale_candidates_task",
            "schedule": 60.0,
        },
        "rendering-purge-expired-exports": {
            "task": "rendering.tasks.purge_expired_exports_task",
            "schedule": 3600.0,
        },
        "rendering-requeue-stale-pdf-items": {
            "task": "rendering.tasks.requeue_stale_pdf_items_task",
            "schedule": 60.0,
        },
        "matching-import-job-feeds": {
            "task": "matching.tasks.feeds_import_due_task",
            "schedule": 3600.0,
        },
        "webhooks-retry-due-deliveries": {
            "task": "webhooks.tasks.retry_due_deliveries_task",
            "schedule": 60.0,
        },
    },
)
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_up_parser(**kwargs) -> None:
    # Each prefork child starts its isolated extraction worker, loads the language model and
    # registers the PDF fonts now (~2–3 s in all), not inside the first task it is given.
    from parsing.extract import warm_up as extraction_warm_up
    from parsing.structure import warm_up as structuring_warm_up
    from rendering.services import warm_up as rendering_warm_up

    extraction_warm_up()
    structuring_warm_up()
    rendering_warm_up()
