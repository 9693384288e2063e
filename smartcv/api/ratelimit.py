"""Per-account rate limits with the X-RateLimit-* headers on every API response.

cvparserpro's rules, applied to every dialect: the plan's requests/minute is the base; read
requests (GET/HEAD/OPTIONS) get 2× the base, bulk and export endpoints ⌈base/3⌉ (≈0.33×),
parse and write endpoints the base. A view opts into a category with
``rate_category = "bulk"`` (or ``"read"``/``"write"``).

Windows are fixed calendar minutes; each (account, category, minute) is one counter in the
cache, incremented atomically — Redis INCR in production, so every server process shares it;
the in-process cache on the embedded run. Unauthenticated API requests are limited per client
address, which also slows down key guessing.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from smartcv.api.authentication import api_key_for_request
from smartcv.api.dialects import is_api_path
from smartcv.api.errors import error_response
from smartcv.errors import ApplicationError
from smartcv.models import User
from smartcv.services import usage_record_api_call, user_plan

READ, WRITE, BULK = "read", "write", "bulk"
WINDOW = 60


def category_limit(base: int, category: str) -> int:
    if category == READ:
        return base * 2
    if category == BULK:
        return max(1, math.ceil(base / 3))
    return base


@dataclass(frozen=True)
class RateInfo:
    limit: int
    remaining: int
    reset: int  # epoch seconds when the window ends

    def apply(self, response: HttpResponse) -> None:
        response["X-RateLimit-Limit"] = str(self.limit)
        response["X-RateLimit-Remaining"] = str(self.remaining)
        response["X-RateLimit-Reset"] = str(self.reset)


def hit(identity: str, category: str, limit: int, *, now: float | None = None) -> tuple[bool, RateInfo]:
    """Count one request; (allowed, headers). Atomic across processes sharing the cache."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    reset = (window + 1) * WINDOW
    key = f"rl:{identity}:{category}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 0, timeout=WINDOW + 5)
        count = cache.incr(key)
    return count <= limit, RateInfo(limit=limit, remaining=max(0, limit - count), reset=reset)


def request_category(request: HttpRequest) -> str:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    view_class = (
        getattr(match.func, "cls", None) or getattr(match.func, "view_class", None) if match else None
    )
    declared = getattr(view_class, "rate_category", None)
    if isinstance(declared, dict):  # per-method categories, e.g. {"POST": "bulk"}
        declared = declared.get(request.method)
    if declared:
        return declared
    return READ if request.method in ("GET", "HEAD", "OPTIONS") else WRITE


def client_address(request: HttpRequest) -> str:
    """The client's address; behind the trusted proxy (BEHIND_PROXY), the one that proxy saw.

    That is the last X-Forwarded-For entry, the one the proxy appended itself: everything
    before it came from the client, which could otherwise pick a fresh address per request
    and never hit a rate limit or the share-password lock.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "unknown")


def request_user(request: HttpRequest) -> User | None:
    sent, api_key = api_key_for_request(request)
    if sent:
        return api_key.user if api_key else None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_path(request.path):
            return self.get_response(request)
        user = request_user(request)
        category = request_category(request)
        if user is not None:
            identity = f"u:{user.pk}"
            limit = category_limit(user_plan(user).requests_per_minute, category)
        else:
            identity = f"ip:{client_address(request)}"
            limit = category_limit(settings.SMARTCV_ANONYMOUS_RATE_LIMIT, category)
        allowed, info = hit(identity, category, limit)
        if allowed:
            if user is not None:
                usage_record_api_call(user)
            response = self.get_response(request)
        else:
            retry_after = max(1, info.reset - int(time.time()))
            response = error_response(
                request,
                ApplicationError(
                    "rate_limit_exceeded",
                    f"Rate limit exceeded: {limit} requests per minute. Retry in {retry_after} seconds.",
                    status=429,
                    headers={"Retry-After": str(retry_after)},
                ),
            )
        info.apply(response)
        return response
