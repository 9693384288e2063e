"""CSRF: a signed-in browser session cannot be made to write without the page's token.

API endpoints are taken from the URL configuration itself (every route under /api/, every
unsafe method), so a new endpoint is covered the day it is added: with the session cookie
and no token the answer is 403 in the dialect's error envelope, and nothing changes; with an
API key (which a cross-site page cannot send) no token is needed. Pages are checked on the
forms that write: without the token Django's 403 page, with it the normal answer.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from matching.services import job_create
from resumes.services import resume_create, share_link_create
from smartcv.api.dialects import Dialect, dialect_for_path
from smartcv.api.errors import api_not_found
from smartcv.models import ApiKey

pytestmark = pytest.mark.django_db

UNSAFE = ("post", "put", "patch", "delete")
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _concrete(route: str) -> str:
    """A request path for a route, with made-up ids (the CSRF check comes before lookups)."""

    def fill(match: re.Match[str]) -> str:
        return {"uuid": str(uuid.uuid4()), "int": "1", "path": "x/y"}.get(match.group(1) or "", "x1")

    return "/" + _CONVERTER.sub(fill, route.lstrip("^").rstrip("$"))


# Every route under /api/ but the catch-all that answers 404 to unknown API URLs, whatever the
# method (it holds no session authority to abuse).
API_ROUTES = sorted(
    {
        route
        for route, callback in _walk(get_resolver().url_patterns)
        if route.startswith("api") and callback is not api_not_found
    }
)


def _csrf_refusal(response, path: str) -> bool:
    """403 whose body is the dialect's envelope naming the CSRF failure."""
    if response.status_code != 403:
        return False
    body = response.json()
    dialect = dialect_for_path(path)
    if dialect == Dialect.SMARTCV:
        return body["success"] is False and body["code"] == "FORBIDDEN" and "CSRF" in body["error"]
    if dialect == Dialect.PROFILE:
        return "CSRF" in body["msg"]
    if dialect == Dialect.PARSERPRO:
        return body["error"]["code"] == "forbidden" and "CSRF" in body["error"]["message"]
    return body["status"] == 403 and "CSRF" in body["message"] and body["path"] == path


def test_the_url_configuration_has_api_routes_of_every_dialect():
    dialects = {dialect_for_path(_concrete(route)) for route in API_ROUTES}
    assert dialects == set(Dialect)
    assert len(API_ROUTES) > 40


@pytest.mark.parametrize("route", API_ROUTES)
def test_session_write_without_csrf_token_is_refused_in_the_dialect_envelope(
    recruiter_client, recruiter, route
):
    path = _concrete(route)
    keys_before = ApiKey.objects.count()
    for method in UNSAFE:
        response = getattr(recruiter_client, method)(path, {}, content_type="application/json")
        assert _csrf_refusal(response, path), (
            method,
            path,
            response.status_code,
            response.content[:300],
        )
    assert ApiKey.objects.count() == keys_before


@pytest.mark.parametrize("route", API_ROUTES)
def test_api_key_writes_need_no_csrf_token(api_client, route):
    path = _concrete(route)
    client = api_client()
    for method in UNSAFE:
        response = getattr(client, method)(path, {}, format="json")
        assert response.status_code < 500, (method, path)
        assert b"CSRF" not in response.content, (method, path)


@pytest.fixture
def owned(recruiter):
    resume = resume_create(owner=recruiter, title="Mine")
    link, _ = share_link_create(resume=resume, allow_comments=True)
    job = job_create(owner=recruiter, data={"title": "Engineer", "description": "Build things"})
    return {"resume": resume, "link": link, "job": job}


# (path, form data) for page forms that write.
PAGE_FORMS = [
    ("/account/api-keys/", {"name": "csrf"}),
    ("/account/webhooks/", {"url": "https://hooks.example.com/x"}),
    ("/account/render-settings/", {"layout": "classic"}),
    ("/jobs/new/", {"title": "Injected"}),
    ("/jobs/{job}/delete/", {}),
    ("/jobs/feeds/", {"url": "https://feeds.example.com/a.xml"}),
    ("/resumes/import/", {"title": "Injected"}),
    ("/resumes/{resume}/delete/", {}),
    ("/resumes/{resume}/share/", {"is_enabled": "on"}),
    ("/resumes/{resume}/publish/", {}),
    ("/candidates/upload/", {}),
    ("/account/password/", {"old_password": "correct horse 42", "new_password1": "x"}),
    ("/logout/", {}),
]


@pytest.mark.parametrize(("path", "data"), PAGE_FORMS, ids=[p for p, _ in PAGE_FORMS])
def test_page_form_without_csrf_token_is_refused(recruiter_client, owned, path, data):
    path = path.format(resume=owned["resume"].pk, job=owned["job"].id)
    response = recruiter_client.post(path, data)
    assert response.status_code == 403, (path, response.status_code)
    assert b"CSRF" in response.content


def test_nothing_changed_after_refused_page_forms(recruiter_client, owned, recruiter):
    from matching.models import Job
    from resumes.models import Resume

    recruiter_client.post(f"/resumes/{owned['resume'].pk}/delete/")
    recruiter_client.post(f"/jobs/{owned['job'].id}/delete/")
    recruiter_client.post("/account/api-keys/", {"name": "csrf"})
    assert Resume.objects.filter(pk=owned["resume"].pk, deleted_at__isnull=True).exists()
    assert Job.objects.filter(pk=owned["job"].id).exists()
    assert not ApiKey.objects.filter(user=recruiter, name="csrf").exists()


def test_page_form_with_the_token_goes_through(recruiter_client, recruiter):
    recruiter_client.get("/account/api-keys/")
    token = recruiter_client.cookies["csrftoken"].value
    response = recruiter_client.post(
        "/account/api-keys/", {"name": "with token", "csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302)
    assert ApiKey.objects.filter(user=recruiter, name="with token").exists()


def test_visitor_comment_on_a_share_page_needs_the_token(owned):
    visitor = Client(enforce_csrf_checks=True)
    path = f"/share/{owned['link'].token}"
    refused = visitor.post(path, {"action": "comment", "name": "Eve", "text": "Hi"})
    visitor.get(path)
    token = visitor.cookies["csrftoken"].value
    accepted = visitor.post(
        path, {"action": "comment", "name": "Eve", "text": "Hi", "csrfmiddlewaretoken": token}
    )
    assert refused.status_code == 403
    assert accepted.status_code in (200, 302)
    assert owned["link"].comments.count() == 1
