"""Platform tasks. Thin and idempotent: they call services.

They go to the ``default`` queue: ``smartcv.celery`` routes only ``<app>.tasks`` of the
parsing, matching, rendering and webhooks apps elsewhere.

``worker_ping_task`` and ``usage_period_ensure_task`` also let the integration tests prove
that a real worker (not eager mode) ran a task and saw the data the web process committed.
"""

from __future__ import annotations

import os

from celery import shared_task

from smartcv.models import User
from smartcv.services import usage_period_current


@shared_task(bind=True)
def worker_ping_task(self, token: str) -> dict:
    """Echo ``token`` with the identity of the process that ran it. Touches no data."""
    return {
        "token": token,
        "hostname": self.request.hostname,
        "pid": os.getpid(),
        "eager": bool(self.request.is_eager),
    }


@shared_task
def usage_period_ensure_task(user_id: str) -> int | None:
    """Make sure the user's current billing period exists; returns its id (None: no such user)."""
    user = User.objects.select_related("plan").filter(pk=user_id).first()
    if user is None:
        return None
    return usage_period_current(user).pk
