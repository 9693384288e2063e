"""Share-password guessing is throttled per link and client address — and behind a proxy the
address is the one the proxy saw, not whatever the client writes into X-Forwarded-For."""

from __future__ import annotations

import pytest
from django.test import Client

from resumes.services import SHARE_PASSWORD_MAX_ATTEMPTS, resume_create, share_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(recruiter):
    resume = resume_create(owner=recruiter, title="Locked")
    link, _ = share_link_create(resume=resume, password="open sesame")
    return link


def _guess(client: Client, link, password: str, **headers) -> int:
    return client.post(
        f"/share/{link.token}", {"action": "password", "password": password}, **headers
    ).status_code


def test_rotating_x_forwarded_for_does_not_reset_the_count_behind_a_proxy(link, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # BEHIND_PROXY=true
    attacker = Client(REMOTE_ADDR="10.0.0.2")  # the proxy; it appends the real client address
    statuses = [
        # The attacker's own header value comes first; the proxy's addition (its peer) last.
        _guess(attacker, link, f"guess {n}", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.66")
        for n in range(SHARE_PASSWORD_MAX_ATTEMPTS + 3)
    ]
    assert statuses == [403] * SHARE_PASSWORD_MAX_ATTEMPTS + [429] * 3
    # Even the right password waits out the lock for that client…
    assert _guess(attacker, link, "open sesame", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.66") == 429
    # …while another client behind the same proxy is not locked out.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert _guess(other, link, "open sesame", HTTP_X_FORWARDED_FOR="192.0.2.10") == 302


def test_without_a_proxy_the_header_is_ignored(link):
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    statuses = [
        _guess(attacker, link, "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        for n in range(SHARE_PASSWORD_MAX_ATTEMPTS + 1)
    ]
    assert statuses[-1] == 429


def test_anonymous_api_rate_limit_is_not_reset_by_a_forged_header(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SMARTCV_ANONYMOUS_RATE_LIMIT = 2  # reads: 4 per minute
    client = Client(REMOTE_ADDR="10.0.0.2")
    statuses = [
        client.get("/api/v1/usage", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.66").status_code
        for n in range(6)
    ]
    assert statuses == [401] * 4 + [429] * 2
