"""Cross-tenant: every object-addressing URL, called by user B with user A's ids.

The cases are generated from the live URL configuration (``tests.security.routes``): every
route with a named parameter, every HTTP method its view implements. Each parameter must be
mapped below to a kind of fixture object (or listed as public by design, with the reason);
a new route whose parameter is not mapped fails ``test_every_addressing_route_is_mapped``,
so coverage cannot silently rot.

For every (route, method):

- **denied**: B (API key for /api/, session for pages) calls it with A's ids → the status the
  dialect documents (smartcv 403 RESUME_NOT_OWNED, reader 403 for a foreign job or PDF
  batch, 404 elsewhere), in the dialect's error envelope; none of A's markers or secrets in
  the body; every row A owns (in every model) and the global tables unchanged.
- **control**: the same call with B's own ids does not answer 403/404 — so the mapping
  addresses the right kind of object and a missing ownership check would be caught.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from tests.security import world
from tests.security.routes import Route, addressing_routes

# --- Which fixture object each parameter addresses -------------------------------------------

RESUME = {"pk": "resume"}
CANDIDATE = {"candidate_id": "candidate"}
FEED = {"feed_id": "feed"}
WEBHOOK = {"pk": "webhook"}
JOB = {"job_id": "job"}

OWNED: dict[str, dict[str, str]] = {
    # smartcv dialect
    "smartcv-resume": RESUME,
    "smartcv-resume-projects": RESUME,
    "smartcv-resume-share": RESUME,
    "smartcv-resume-analysis": RESUME,
    "smartcv-resume-export": {"id": "resume"},
    # parserpro dialect
    "parserpro-candidate": CANDIDATE,
    "parserpro-candidate-file": CANDIDATE,
    "parserpro-job": JOB,
    "parserpro-job-candidate": {"job_id": "job", "candidate_id": "candidate"},
    # reader dialect (its resumeId is a candidate id)
    "reader-parser-detail": {"resume_id": "candidate"},
    "reader-jobs-for-resume": {"resume_id": "candidate"},
    "reader-match-job-resume": {"resume_id": "candidate"},
    "reader-resume-generate-pdf": {"resume_id": "candidate"},
    "reader-resumes-for-job": {"job_reference": "job_reference"},
    "reader-my-job": JOB,
    "reader-job-feed": FEED,
    "reader-job-feed-import": FEED,
    "reader-job-feed-runs": FEED,
    "reader-generate-pdfs-status": {"job_id": "batch"},
    "reader-webhook-detail": WEBHOOK,
    "reader-webhook-rotate-secret": WEBHOOK,
    "reader-webhook-deliveries": WEBHOOK,
    # pages
    "api-key-revoke": {"pk": "api_key"},
    "webhook-detail": WEBHOOK,
    "webhook-rotate": WEBHOOK,
    "webhook-delete": WEBHOOK,
    "delivery-redeliver": {"pk": "delivery"},
    "resume-edit": RESUME,
    "resume-preview": RESUME,
    "resume-export": RESUME,
    "resume-share": RESUME,
    "resume-publish": RESUME,
    "resume-delete": RESUME,
    "candidate-detail": CANDIDATE,
    "candidate-row": CANDIDATE,
    "candidate-file": CANDIDATE,
    "candidate-edit": CANDIDATE,
    "candidate-tag-add": CANDIDATE,
    "candidate-tag-remove": {"candidate_id": "candidate", "tag_id": "tag"},
    "candidate-delete": CANDIDATE,
    "candidate-pdf": {"candidate_id": "candidate", "variant": "=standard"},
    "job-detail": JOB,
    "job-edit": JOB,
    "job-delete": JOB,
    "job-pipeline": JOB,
    "match-status": {"job_id": "job", "candidate_id": "candidate"},
    "job-feed-detail": FEED,
    "job-feed-toggle": FEED,
    "job-feed-import": FEED,
    "job-feed-delete": FEED,
    "pdf-batch-detail": {"batch_id": "batch"},
}

# Routes whose parameter is not a tenant's object id, and why another user may use it.
PUBLIC: dict[str, str] = {
    "smartcv-template": "templates are global, every user may read them",
    "share": "the share token is the capability the owner hands out (password/expiry enforced)",
    "share-download": "the share token is the capability the owner hands out",
    "share-frame": "the share token is the capability (the resume framed by the share page)",
    "profile": "a published profile is public by design; unpublished answers 404",
    "profile-json": "a published profile is public by design; unpublished answers 404",
    "files-download": "a signed, expiring URL is the capability (smartcv.files)",
    "password_reset_confirm": "Django's signed reset token, bound to the user's password hash",
}

# The documented answer to another tenant's id, per route (404 unless listed).
FORBIDDEN_403 = {
    "smartcv-resume",
    "smartcv-resume-projects",
    "smartcv-resume-share",
    "smartcv-resume-analysis",
    "smartcv-resume-export",
    "reader-my-job",
    "reader-generate-pdfs-status",
}

# Bodies that make the call succeed on one's own object, so the denial is about ownership.
JSON_BODIES: dict[tuple[str, str], Any] = {
    ("smartcv-resume", "put"): {"title": "Changed by B"},
    ("smartcv-resume-projects", "post"): {"name": "B project"},
    ("smartcv-resume-share", "post"): {"isEnabled": False},
    ("smartcv-resume-share", "put"): {"allowComments": False},
    ("smartcv-resume-analysis", "post"): {"jobDescription": "Python"},
    ("smartcv-resume-export", "post"): {"format": "txt"},
    ("parserpro-candidate", "patch"): {"current_title": "Changed by B"},
    ("parserpro-job", "patch"): {"title": "Changed by B"},
    ("parserpro-job-candidate", "patch"): {"pipeline_status": "hired"},
    ("reader-parser-detail", "put"): {"aiSummary": "Changed by B"},
    ("reader-match-job-resume", "post"): {"title": "Python dev", "description": "Python"},
    ("reader-my-job", "put"): {"title": "Changed by B"},
    ("reader-job-feed", "put"): {"isActive": False},
    ("reader-webhook-detail", "put"): {"description": "Changed by B"},
    ("reader-webhook-detail", "patch"): {"active": False},
}
FORM_BODIES: dict[tuple[str, str], dict[str, str]] = {
    ("candidate-tag-add", "post"): {"name": "B tag"},
    ("match-status", "post"): {"status": "hired"},
    ("job-edit", "post"): {
        "title": "Changed by B",
        "status": "active",
        "education_level": "any",
        **{f"{p}-{n}": "0" for p in ("req", "nice") for n in ("TOTAL_FORMS", "INITIAL_FORMS")},
    },
}


def _owned_routes() -> list[Route]:
    return [r for r in addressing_routes() if r.namespace != "admin" and r.name in OWNED]


def _cases() -> list[tuple[Route, str]]:
    return [(route, method) for route in _owned_routes() for method in route.methods()]


def test_every_addressing_route_is_mapped():
    """A route with a parameter that no fixture addresses (or no reason makes public) fails."""
    unmapped = []
    for route in addressing_routes():
        if route.namespace == "admin":
            continue  # generated from the admin's registered models, see test_admin_...
        if route.name in PUBLIC:
            continue
        mapping = OWNED.get(route.name or "")
        if mapping is None or set(mapping) != set(route.params):
            unmapped.append(f"{route.route} (name={route.name!r}, params={route.params})")
    assert not unmapped, "Object-addressing routes without a fixture mapping:\n" + "\n".join(unmapped)
    stale = set(OWNED) | set(PUBLIC)
    stale -= {r.name for r in addressing_routes()}
    assert not stale, f"Mappings for routes that no longer exist: {sorted(stale)}"


def test_the_generated_cases_cover_every_dialect():
    dialects = {route.dialect for route in _owned_routes() if route.is_api}
    assert {d.value for d in dialects} == {"smartcv", "parserpro", "reader"}
    assert len(_cases()) >= 80  # the route walk found the real URL configuration


@pytest.fixture
def tenants(db, settings):
    settings.SITE_URL = "http://testserver"
    alice = world.build_tenant("alice", "Quarantotto")
    bob = world.build_tenant("bob", "Zebedeo")
    return alice, bob


def _values(route: Route, tenant: world.Tenant) -> dict[str, str]:
    values = {}
    for param, kind in OWNED[route.name].items():
        values[param] = kind[1:] if kind.startswith("=") else tenant.ids[kind]
    return values


def _client(route: Route, tenant: world.Tenant) -> Client:
    client = Client()  # CSRF is not what is tested here (tests/security/test_web covers it)
    if route.is_api:
        client.defaults["HTTP_X_API_KEY"] = tenant.key
    else:
        client.force_login(tenant.user)
    return client


def _call(client: Client, route: Route, method: str, path: str):
    if route.is_api:
        body = JSON_BODIES.get((route.name, method))
        if method == "get":
            return client.get(path)
        return getattr(client, method)(
            path, data=json.dumps(body if body is not None else {}), content_type="application/json"
        )
    if method == "get":
        return client.get(path)
    return client.post(path, data=FORM_BODIES.get((route.name, method), {}))


def _body_text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _assert_envelope(route: Route, response, path: str, expected: int) -> None:
    body = response.json()
    dialect = route.dialect.value
    if dialect == "smartcv":
        code = "RESUME_NOT_OWNED" if expected == 403 else "RESUME_NOT_FOUND"
        assert body["success"] is False and body["code"] == code, body
        assert isinstance(body["error"], str) and "details" in body
    elif dialect == "parserpro":
        assert set(body) == {"error"}, body
        assert body["error"]["code"] == "not_found" and body["error"]["message"], body
    elif dialect == "reader":
        assert {"timestamp", "status", "error", "message", "path"} <= set(body), body
        assert body["status"] == expected and body["path"] == path, body
    else:  # profile
        assert set(body) == {"msg"}, body


def _denied_status(route: Route) -> int:
    return 403 if route.name in FORBIDDEN_403 else 404


@pytest.mark.parametrize(
    ("route", "method"),
    [pytest.param(r, m, id=f"{m.upper()} /{r.route}") for r, m in _cases()],
)
def test_another_tenants_object_is_out_of_reach(tenants, route: Route, method: str):
    alice, bob = tenants
    before = world.owned_snapshot(alice.user), world.global_snapshot()

    values = _values(route, alice)
    path = route.path(values)
    response = _call(_client(route, bob), route, method, path)
    text = _body_text(response)

    if route.is_api:
        expected = _denied_status(route)
        assert response.status_code == expected, (path, response.status_code, text[:500])
        _assert_envelope(route, response, path, expected)
    else:
        # Pages: 404 like a missing object; 405 where the page does not take this method
        # (decided before any lookup, so nothing about the object is revealed either way).
        assert response.status_code in (404, 405), (path, response.status_code, text[:300])
    # What B sent (the path and the ids in it) may be echoed back; nothing else of A's may.
    echoed = text.replace(path, "")
    for value in values.values():
        echoed = echoed.replace(value, "")
    leaked = alice.leaks(echoed)
    assert not leaked, f"{method.upper()} {path} leaked {leaked}: {text[:500]}"
    after = world.owned_snapshot(alice.user), world.global_snapshot()
    assert after == before, f"{method.upper()} {path} changed another tenant's data"

    # Control: the same call on B's own object gets past the ownership check.
    own_path = route.path(_values(route, bob))
    own = _call(_client(route, bob), route, method, own_path)
    if not route.is_api and response.status_code == 405:
        assert own.status_code == 405, (own_path, own.status_code)
    else:
        assert own.status_code < 400, (own_path, own.status_code, _body_text(own)[:500])


# --- The admin: every registered model's object pages, for a signed-in non-staff user --------


def _admin_object_ids(alice: world.Tenant) -> dict[str, str]:
    ids = world.global_objects()
    for label, rows in world.owned_snapshot(alice.user).items():
        if rows:
            ids.setdefault(label.lower(), str(rows[0]["id"]))
    return ids


def _admin_values(route: Route, ids: dict[str, str]) -> dict[str, str] | None:
    if route.name == "view_on_site":
        ct = ContentType.objects.get(app_label="resumes", model="resume")
        return {"content_type_id": str(ct.pk), "object_id": ids["resumes.resume"]}
    if route.name == "app_list":
        return {"app_label": "resumes"}
    if "url" in route.params:
        return {"url": "resumes/resume/"}
    label = route.route.split("/")[1:3]
    key = ".".join(label)
    if key not in ids:
        return None
    return {param: ids[key] for param in route.params}


def test_admin_object_pages_refuse_a_non_staff_tenant(tenants):
    alice, bob = tenants
    ids = _admin_object_ids(alice)
    routes = [r for r in addressing_routes() if r.namespace == "admin"]
    assert len(routes) > 50
    client = Client()
    client.force_login(bob.user)
    missing = []
    before = world.owned_snapshot(alice.user)
    for route in routes:
        values = _admin_values(route, ids)
        if values is None:
            missing.append(route.route)
            continue
        path = route.path(values)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code == 302, (method, path, response.status_code)
            assert response["Location"].startswith("/admin/login/"), (path, response["Location"])
    assert not missing, f"admin routes without an object to address: {missing}"
    assert world.owned_snapshot(alice.user) == before


# --- Ids carried in the body rather than the path ---------------------------------------------

BODY_REFERENCES = [
    # (path, body kind, expected status): reader documents 403 for foreign resume ids.
    ("/api/resume-settings/v1/generate-pdf", "candidate", 403),
    ("/api/webhook/generate-pdfs", "candidate", 403),
    ("/api/resume-settings/format", "candidate", 403),
    ("/api/jobs/queue", "job_reference", 404),
]


@pytest.mark.parametrize(("path", "kind", "expected"), BODY_REFERENCES)
@pytest.mark.parametrize("mixed", [False, True], ids=["only-theirs", "mine-and-theirs"])
def test_ids_of_another_tenant_in_a_body_are_refused(tenants, path, kind, expected, mixed):
    alice, bob = tenants
    before = world.owned_snapshot(alice.user), world.own_snapshot(bob.user)
    ids = [bob.ids[kind], alice.ids[kind]] if mixed else [alice.ids[kind]]
    client = Client()
    client.defaults["HTTP_X_API_KEY"] = bob.key
    response = client.post(path, data=json.dumps(ids), content_type="application/json")
    assert response.status_code == expected, response.content[:300]
    body = response.json()
    assert body["status"] == expected and body["path"] == path
    echoed = response.content.decode()
    for value in ids:
        echoed = echoed.replace(value, "")
    assert not alice.leaks(echoed)
    # Nothing of A's changed, and B got no batch, no charge, no queued work either.
    after = world.owned_snapshot(alice.user), world.own_snapshot(bob.user)
    assert after[0] == before[0]
    assert after[1] == before[1]


def test_another_tenants_candidates_cannot_be_batched_from_the_page(tenants):
    alice, bob = tenants
    client = Client()
    client.force_login(bob.user)
    before = world.owned_snapshot(alice.user), world.own_snapshot(bob.user)
    response = client.post(
        "/account/pdf-batches/", data={"kind": "bulk", "candidates": [alice.ids["candidate"]]}
    )
    assert response.status_code in (200, 400)  # the form again, with the choice refused
    assert not alice.leaks(response.content.decode().replace(alice.ids["candidate"], ""))
    assert (world.owned_snapshot(alice.user), world.own_snapshot(bob.user)) == before
