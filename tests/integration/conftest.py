"""Integration tests: PostgreSQL, Redis and a real Celery worker (see scripts/integration.sh).

They run against the very database the worker uses — the one scripts/integration.sh created
and migrated — instead of pytest-django's ``test_`` copy, so the worker sees what a test
commits. Hence ``django_db(transaction=True)`` (real commits; every table is emptied after
each test) and the plans re-seeded before each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

HERE = Path(__file__).resolve().parent


def _unavailable_reason() -> str | None:
    if not settings.REDIS_URL:
        return "integration tests need REDIS_URL and a running worker: run `make test-integration`"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return (
            "integration tests need a real worker, but CELERY_EAGER is on: run `make test-integration`"
        )
    return None


def pytest_collection_modifyitems(config, items):
    reason = _unavailable_reason()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup():
    """Use the existing database from DATABASE_URL as it is (pytest-django: "Using an
    existing, external database for tests"): no test_ database, no migrations here."""


@pytest.fixture(autouse=True)
def _plans(transactional_db):
    # The flush after each transactional test deletes every row, the migration's plans too.
    from smartcv.services import plans_sync

    plans_sync()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Replaces the root conftest's ``cache.clear()``: with Redis that is FLUSHDB, which
    would also wipe the broker's queues and results living in the same database. Delete
    only the cache's own keys."""
    _delete_cache_keys()
    yield
    _delete_cache_keys()


def _delete_cache_keys() -> None:
    from django.core.cache import cache

    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Replaces the root conftest's per-test media folder: the worker must read the files a
    test stores, so both keep the MEDIA_ROOT that scripts/integration.sh set."""
    return settings.MEDIA_ROOT
