"""schemathesis against /api/schema/: every operation of every dialect, with a valid key.

A short, deterministic run for CI: ``SCHEMATHESIS_EXAMPLES`` examples per operation
(default 4, derandomized), generated from the schema the app serves, sent in-process to the
WSGI app (embedded SQLite, eager Celery). Each response must not be a 5xx, must have a status
code, content type and body the schema documents for that operation. The deeper run is
``benchmarks/schemathesis_long.sh`` (more examples, stateful links, random seed).

The caller owns one object of every kind (tests.security.world), and path parameters are
swapped for those real ids half of the time, so operations are exercised past their 404s.
"""

from __future__ import annotations

import os
import zlib

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from smartcv.api.dialects import Dialect, dialect_for_path
from tests.security import world

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "4"))
DERANDOMIZE = os.environ.get("SCHEMATHESIS_RANDOM", "") == ""

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Each dialect's documented header (every key works with every form; see DESIGN.md).
HEADERS = {
    Dialect.SMARTCV: lambda key: {"X-API-Key": key},
    Dialect.PROFILE: lambda key: {"Authorization": f"Bearer {key}"},
    Dialect.PARSERPRO: lambda key: {"X-API-Key": key},
    Dialect.READER: lambda key: {"Authorization": f"ApiKey {key}"},
}

# Path parameter name → the owned fixture object it addresses.
PARAMETER_KINDS = {
    "id": None,  # decided by the path: resume, webhook or template
    "candidate_id": "candidate",
    "resume_id": "candidate",
    "job_id": None,  # a job, or a PDF batch under /api/webhook/generate-pdfs
    "feed_id": "feed",
    "job_reference": "job_reference",
}


def _kind(path: str, name: str) -> str | None:
    if name == "id":
        if path.startswith("/api/webhook"):
            return "webhook"
        return "template" if path.startswith("/api/templates") else "resume"
    if name == "job_id":
        return "batch" if path.startswith("/api/webhook/generate-pdfs") else "job"
    return PARAMETER_KINDS.get(name)


@pytest.fixture
def owner(db, settings):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = []
    tenant = world.build_tenant("fuzz", "Fuzzmark")
    from smartcv.services import user_set_plan

    user_set_plan(user=tenant.user, plan_code="enterprise")  # rate limits out of the way
    tenant.ids["template"] = world.global_objects()["resumes.template"]
    return tenant


def _use_owned_ids(case, owner: world.Tenant) -> None:
    if not case.path_parameters:
        return
    # Half of the examples (by a stable hash of what was generated) address real objects.
    if zlib.crc32(repr(sorted(case.path_parameters.items())).encode()) % 2:
        return
    for name in list(case.path_parameters):
        kind = _kind(case.path, name)
        if kind and kind in owner.ids:
            case.path_parameters[name] = owner.ids[kind]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=DERANDOMIZE,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, owner):
    dialect = dialect_for_path(case.path) or Dialect.SMARTCV
    _use_owned_ids(case, owner)
    # The schema's security schemes make schemathesis invent keys and session cookies; the
    # run is about valid callers, so only the real key is sent.
    case.headers = {
        k: v
        for k, v in (case.headers or {}).items()
        if k.lower() not in ("x-api-key", "authorization", "cookie")
    }
    case.cookies = {}
    case.call_and_validate(headers=HEADERS[dialect](owner.key), checks=CHECKS)
