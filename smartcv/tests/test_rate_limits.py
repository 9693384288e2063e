"""Plan rate limits with category multipliers and the X-RateLimit-* headers."""

import time

import pytest

from smartcv.api import ratelimit
from smartcv.api.ratelimit import category_limit, hit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("base", "category", "expected"),
    [
        (10, "read", 20),
        (10, "write", 10),
        (10, "bulk", 4),
        (120, "bulk", 40),
        (300, "read", 600),
        (1, "bulk", 1),
    ],
)
def test_category_multipliers(base, category, expected):
    assert category_limit(base, category) == expected


def test_headers_are_on_every_api_response(api_client):
    response = api_client().get("/api/v1/usage")
    assert response["X-RateLimit-Limit"] == "240"  # growth: 120/min, reads 2x
    assert response["X-RateLimit-Remaining"] == "239"
    reset = int(response["X-RateLimit-Reset"])
    assert 0 < reset - time.time() <= 60


def test_headers_are_on_errors_too(api_client):
    response = api_client().get("/api/v1/candidates/nothing/here")
    assert response.status_code == 404
    assert response["X-RateLimit-Limit"] == "240"


def test_pages_carry_no_rate_limit_headers(client):
    assert "X-RateLimit-Limit" not in client.get("/login/")


def test_free_plan_is_limited_and_answers_429_with_retry_after(make_user, api_client):
    from smartcv.services import api_key_create

    user = make_user("freebie", plan="free")  # 10/min base, 20/min for reads
    client = api_client(api_key_create(user=user).raw)
    statuses = [client.get("/api/v1/usage").status_code for _ in range(21)]
    assert statuses == [200] * 20 + [429]
    response = client.get("/api/v1/usage")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limit_exceeded"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["X-RateLimit-Remaining"] == "0"


def test_rejected_requests_are_not_counted_as_api_calls(make_user, api_client):
    from smartcv.services import api_key_create, usage_summary

    user = make_user("counted", plan="free")
    client = api_client(api_key_create(user=user).raw)
    for _ in range(25):
        client.get("/api/v1/usage")
    assert usage_summary(user).api_calls_this_period == 20


def test_categories_are_counted_separately(make_user, api_client):
    from smartcv.services import api_key_create

    user = make_user("separate", plan="free")
    client = api_client(api_key_create(user=user).raw)
    for _ in range(20):
        client.get("/api/v1/usage")
    # Reads are exhausted; a write (here a 405 on the same URL) has its own window.
    response = client.post("/api/v1/usage")
    assert response.status_code == 405
    assert response["X-RateLimit-Limit"] == "10"


def test_keys_of_one_account_share_its_limit(make_user, api_client):
    from smartcv.services import api_key_create

    user = make_user("twokeys", plan="free")
    first, second = api_client(api_key_create(user=user).raw), api_client(api_key_create(user=user).raw)
    for _ in range(20):
        first.get("/api/v1/usage")
    assert second.get("/api/v1/usage").status_code == 429


def test_anonymous_requests_are_limited_per_address(anon_client, settings):
    settings.SMARTCV_ANONYMOUS_RATE_LIMIT = 2  # reads: 4/min
    statuses = [anon_client.get("/api/v1/usage").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]


def test_window_resets_next_minute():
    now = 1_700_000_000.0 - (1_700_000_000 % 60)
    assert [hit("t", "read", 2, now=now)[0] for _ in range(3)] == [True, True, False]
    allowed, info = hit("t", "read", 2, now=now + 60)
    assert allowed and info.remaining == 1 and info.reset == int(now) + 120


def test_bulk_category_declared_by_a_view(monkeypatch, rf):
    class BulkView:
        rate_category = {"POST": "bulk"}

    class Match:
        func = type("F", (), {"cls": BulkView})

    monkeypatch.setattr(ratelimit, "resolve", lambda path: Match)
    assert ratelimit.request_category(rf.post("/api/x")) == "bulk"
    assert ratelimit.request_category(rf.get("/api/x")) == "read"
