"""Credits and rate-limit counters stay exact under concurrency, on PostgreSQL and Redis."""

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from smartcv.errors import ApplicationError
from smartcv.models import CreditLedgerEntry
from smartcv.services import credits_charge, usage_summary, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


def test_concurrent_charges_never_oversell_credits():
    assert connection.vendor == "postgresql"
    user = user_create(username=f"race-{uuid.uuid4().hex[:8]}", password=None, plan_code="free")
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def worker():
        from django.db import connections

        start.wait()
        try:
            for _ in range(3):
                try:
                    credits_charge(user=user, amount=1, operation="parse")
                    result = "charged"
                except ApplicationError as exc:
                    result = exc.code
                with lock:
                    outcomes.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("charged") == 10
    assert outcomes.count("insufficient_credits") == 14
    summary = usage_summary(user)
    assert (summary.credits_used, summary.credits_remaining) == (10, 0)
    assert CreditLedgerEntry.objects.filter(user=user).count() == 10


_HIT_SCRIPT = """
import django, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcv.settings")
django.setup()
from smartcv.api.ratelimit import hit
identity, tries, now = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
print(sum(1 for _ in range(tries) if hit(identity, "write", 50, now=now)[0]))
"""


def test_rate_limit_is_shared_by_server_processes():
    from django.conf import settings

    assert settings.REDIS_URL, "integration runs use Redis for counters"
    identity = f"proc-{uuid.uuid4().hex}"
    now = str(time.time())  # one window for all four processes
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _HIT_SCRIPT, identity, "25", now],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    allowed = [int(p.communicate(timeout=120)[0].strip()) for p in processes]
    assert sum(allowed) == 50  # 100 requests, limit 50: exactly 50 admitted across processes
