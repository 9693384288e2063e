"""Fixtures per actor, shared by every app's tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from smartcv.services import api_key_create, user_create


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Actor fixtures create users with passwords; PBKDF2 would dominate the test run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Stored files (CVs, exports, previews) go to a per-test folder, never into var/media.
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media},
        },
    }
    return media


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; each test starts with fresh windows.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(
        username: str | None = None,
        *,
        plan: str = "growth",
        password: str = "correct horse 42",  # noqa: S107 (the test users' fixed password)
        **extra,
    ):
        counter["n"] += 1
        user = user_create(
            username=username or f"user{counter['n']}",
            email=f"{username or 'user' + str(counter['n'])}@example.com",
            password=password,
            plan_code=plan,
        )
        for field, value in extra.items():
            setattr(user, field, value)
        if extra:
            user.save()
        return user

    return make


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def other_user(make_user):
    return make_user("someoneelse")


@pytest.fixture
def recruiter_key(recruiter) -> str:
    return api_key_create(user=recruiter, name="tests").raw


@pytest.fixture
def anon_client() -> APIClient:
    return APIClient()


@pytest.fixture
def api_client(recruiter_key):
    """api_client() → a client sending the recruiter's key; api_client(key, style=…) for others."""

    def make(key: str | None = None, *, style: str = "x-api-key") -> APIClient:
        key = key or recruiter_key
        headers = {
            "x-api-key": {"HTTP_X_API_KEY": key},
            "apikey": {"HTTP_AUTHORIZATION": f"ApiKey {key}"},
            "bearer": {"HTTP_AUTHORIZATION": f"Bearer {key}"},
        }[style]
        client = APIClient()
        client.credentials(**headers)
        return client

    return make


@pytest.fixture
def recruiter_client(client, recruiter):
    """A browser session signed in as the recruiter (Django test client, CSRF enforced)."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(recruiter)
    return browser


@pytest.fixture
def receiver():
    """A real HTTP receiver on 127.0.0.1 (random port) that records every request."""
    from smartcv.tests.http_receiver import Receiver

    server = Receiver().start()
    yield server
    server.stop()
