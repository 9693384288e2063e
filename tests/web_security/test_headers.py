"""Security headers on every page: a strict Content-Security-Policy, framing refused except
where the app frames its own previews, Referrer-Policy, nosniff, Permissions-Policy, HSTS
behind HTTPS in production; share pages not indexed; no inline script or handler left in
any page for the policy to break."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from matching.services import job_create
from parsing.models import Candidate, ParseStatus
from resumes.services import profile_publish, resume_create, share_link_create
from tests.web_security.html_scan import scan

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


@pytest.fixture
def site(recruiter, tmp_path):
    resume = resume_create(owner=recruiter, title="Mine")
    link, _ = share_link_create(resume=resume, allow_comments=True)
    profile_publish(user=recruiter, document=resume.document, template=resume.template)
    job = job_create(owner=recruiter, data={"title": "Engineer", "description": "Build things"})
    from parsing.tests.data import extract_samples
    from smartcv import files

    pdf = extract_samples.one_column_pdf()
    candidate = Candidate.objects.create(
        owner=recruiter,
        parsing_status=ParseStatus.COMPLETED,
        full_name="Maria Lopez",
        file_kind="pdf",
        file_name=files.store(data=pdf, name="cvs/cv.pdf", content_type="application/pdf"),
    )
    browser = Client()
    browser.force_login(recruiter)
    return {"browser": browser, "resume": resume, "link": link, "job": job, "candidate": candidate}


PAGES = [
    "/dashboard/",
    "/candidates/",
    "/candidates/{candidate}/",
    "/jobs/",
    "/jobs/new/",
    "/jobs/{job}/",
    "/jobs/{job}/pipeline/",
    "/jobs/feeds/",
    "/resumes/",
    "/resumes/{resume}/",
    "/account/webhooks/",
    "/account/api-keys/",
    "/account/usage/",
    "/account/render-settings/",
    "/account/pdf-batches/",
    "/account/password/",
]
PUBLIC = ["/", "/login/", "/signup/", "/password-reset/", "/share/{token}"]


def _fill(path: str, site: dict) -> str:
    return path.format(
        candidate=site["candidate"].id,
        job=site["job"].id,
        resume=site["resume"].pk,
        token=site["link"].token,
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _assert_strict_page(response, path):
    assert response.status_code == 200, path
    csp = _directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"], path
    assert csp["style-src"] == ["'self'"], path
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    # Forms post here; their redirects may go to the signed download links on SITE_URL.
    assert csp["form-action"] == ["'self'", _origin(settings.SITE_URL)]
    assert csp["img-src"] == ["'self'", "data:", _origin(settings.SITE_URL)]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    # Nothing the policy would block: no inline script, no handler attribute, no style attribute.
    html = response.content.decode()
    assert scan(html).problems == [], path
    assert " style=" not in html, path


@pytest.mark.parametrize("path", PAGES)
def test_signed_in_pages_send_a_strict_policy_and_need_no_inline_code(site, path):
    _assert_strict_page(site["browser"].get(_fill(path, site)), path)


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_send_a_strict_policy_and_need_no_inline_code(site, path):
    _assert_strict_page(Client().get(_fill(path, site)), path)


def test_resume_pages_send_their_own_policy_that_runs_nothing(site):
    profile = Client().get("/u/recruiter")
    csp = _directives(profile["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"] and "script-src" not in csp
    assert csp["style-src"][0].startswith("'sha256-")  # its one stylesheet, by hash
    assert scan(profile.content.decode()).problems == []


def test_framed_previews_may_be_framed_by_the_app_only(site):
    preview = site["browser"].get(f"/resumes/{site['resume'].pk}/preview/")
    frame = Client().get(f"/share/{site['link'].token}/resume")
    for response in (preview, frame):
        csp = _directives(response["Content-Security-Policy"])
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert csp["frame-ancestors"] == ["'self'"]
        assert csp["default-src"] == ["'none'"]
        assert "script-src" not in csp  # falls back to default-src 'none': nothing runs
        assert scan(response.content.decode()).problems == []


def test_original_pdf_in_the_candidate_page_frame_keeps_the_viewer(site):
    response = site["browser"].get(f"/candidates/{site['candidate'].id}/file/")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "Content-Security-Policy" not in response  # a CSP would switch Chromium's viewer off
    assert response["X-Content-Type-Options"] == "nosniff"


def test_api_docs_load_their_script_from_a_url(site):
    page = site["browser"].get("/api/docs/")
    html = page.content.decode()
    csp = _directives(page["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]  # Swagger UI's own styles only
    assert "<script>" not in html
    script = site["browser"].get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_json_api_answers_carry_nosniff_and_no_framing(api_client):
    response = api_client().get("/api/v1/usage")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_share_and_password_pages_are_not_indexed(site):
    from django.contrib.auth.hashers import make_password

    page = Client().get(f"/share/{site['link'].token}").content.decode()
    frame = Client().get(f"/share/{site['link'].token}/resume")
    type(site["link"]).objects.filter(pk=site["link"].pk).update(password_hash=make_password("pw"))
    locked = Client().get(f"/share/{site['link'].token}").content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<meta name="robots" content="noindex, nofollow">' in locked
    assert frame["X-Robots-Tag"] == "noindex"


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Vq9-production-secret-" + "x7Yp2" * 10,
    "ALLOWED_HOSTS": "smartcv.example.com",
    "BEHIND_PROXY": "true",
}
_PROBE = """
import json, django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
c = Client(HTTP_HOST="smartcv.example.com")
out = {}
for name, extra in {"https": {"HTTP_X_FORWARDED_PROTO": "https"}, "http": {}}.items():
    r = c.get("/login/", **extra)
    out[name] = {"status": r.status_code, "headers": dict(r.headers)}
print(json.dumps(out))
"""


def test_production_behind_https_sends_hsts_and_redirects_plain_http(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DEBUG"))}
    env.update(PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    env["DJANGO_SETTINGS_MODULE"] = "smartcv.settings"
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    https, http = out["https"]["headers"], out["http"]["headers"]
    assert out["https"]["status"] == 200
    assert https["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "default-src 'self'" in https["Content-Security-Policy"]
    assert https["X-Frame-Options"] == "DENY"
    assert out["http"]["status"] == 301 and http["Location"].startswith("https://")
    assert "Strict-Transport-Security" not in http
