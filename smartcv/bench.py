"""A bench-only view: the cost of Django itself (middleware, routing, response), no database.

Served at ``/bench/bare`` only when ``SMARTCV_BENCH_VIEWS`` is on (benchmarks/load_bench.py
sets it); it is the baseline the API endpoints are compared with.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")
