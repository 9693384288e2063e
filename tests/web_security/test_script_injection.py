"""Script injection: markup typed into any field is shown as text, never run.

One account fills every user-controlled field a page shows — resume content (links and URLs
too), candidate fields and tags, job title and description, share comments, the public
profile, webhook URL and description, API key names, job feed URL, render settings' agency
name and website — with script payloads, through the same services the pages and APIs call.
Then every page that shows them is fetched and parsed: no element or attribute the payload
could have created may exist (no inline script, no ``on*`` handler, no ``javascript:`` or
``data:`` link target, no injected ``<img>``), and the payload must be visible as text, so a
page that simply lost the field cannot pass. The PDF and HTML exports are checked the same
way: no link annotation or ``<a>`` but http(s)/mailto/tel, and the payload printed as text.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from matching.models import JobFeed
from matching.services import job_create
from parsing.models import Candidate, ParseStatus
from parsing.page_services import candidate_tag_add
from rendering.services import settings_update
from resumes.document import validate_document
from resumes.services import (
    profile_publish,
    resume_create,
    share_comment_create,
    share_link_create,
)
from smartcv.services import api_key_create, user_create
from tests.web_security.html_scan import scan
from webhooks.services import endpoint_create

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LINK = '<a href="javascript:alert(1)">click</a>'
PAYLOAD = f"X{SCRIPT}{IMG}{LINK}"
JS_URL = "javascript:alert(1)"
# For URL fields, which refuse spaces: the same break-out without them.
URL_TAIL = '"><svg/onload=alert(1)><script>alert(1)</script>'

# Shown as text, the payload keeps this much of itself (fields may be cut or reflowed).
VISIBLE = "<script>alert(1)</script>"


def _document() -> dict:
    return {
        "personal": {
            "name": PAYLOAD,
            "title": PAYLOAD,
            "email": "ada@example.com",
            "phone": "+44 20 7946 0000",
            "location": PAYLOAD,
            "website": JS_URL,
            "linkedin": f"https://linkedin.com/in/ada{URL_TAIL}",
            "github": "data:text/html,<script>alert(1)</script>",
            "twitter": f" {JS_URL}",
            "image_url": JS_URL,
            "links": [
                {"label": PAYLOAD, "url": JS_URL},
                {"label": "tab", "url": "java\tscript:alert(1)"},
            ],
        },
        "summary": PAYLOAD,
        "work": [
            {
                "company": PAYLOAD,
                "position": PAYLOAD,
                "location": PAYLOAD,
                "start_date": "2020-01",
                "description": PAYLOAD,
                "highlights": [PAYLOAD],
            }
        ],
        "education": [{"institution": PAYLOAD, "degree": PAYLOAD, "field": PAYLOAD}],
        "skills": [{"name": PAYLOAD}],
        "projects": [{"name": PAYLOAD, "description": PAYLOAD, "url": JS_URL}],
        "certifications": [{"name": PAYLOAD, "issuer": PAYLOAD, "url": JS_URL}],
        "languages": [{"name": PAYLOAD}],
        "custom_sections": [{"title": PAYLOAD, "items": [{"title": PAYLOAD, "description": PAYLOAD}]}],
    }


@pytest.fixture
def world(make_user):
    """An account whose every shown field holds a payload; returns what the pages address."""
    user = make_user("mallory")
    document = validate_document(_document())
    resume = resume_create(owner=user, title=PAYLOAD, document=document)
    link, _ = share_link_create(resume=resume, allow_comments=True, allow_download=True)
    share_comment_create(link=link, author_name=PAYLOAD, text=PAYLOAD, client="203.0.113.5")
    profile_publish(user=user, document=document, template=resume.template)
    candidate = Candidate.objects.create(
        owner=user,
        parsing_status=ParseStatus.COMPLETED,
        original_filename=f"{PAYLOAD}.pdf",
        full_name=PAYLOAD,
        email=PAYLOAD,
        phone=PAYLOAD[:64],
        location=PAYLOAD,
        current_title=PAYLOAD,
        skills=[PAYLOAD],
        languages=[PAYLOAD],
        work_history=[{"company": PAYLOAD, "title": PAYLOAD, "description": PAYLOAD}],
        education=[{"institution": PAYLOAD, "degree": PAYLOAD}],
        linkedin_url=JS_URL,
        github_url=JS_URL,
        portfolio_url=JS_URL,
        ai_summary=PAYLOAD,
        parsing_errors=[{"code": "x", "message": PAYLOAD}],
        document=document.to_json(),
    )
    candidate_tag_add(candidate=candidate, name=PAYLOAD[:60], color='#fff" onclick="alert(1)')
    job = job_create(
        owner=user,
        data={
            "title": PAYLOAD,
            "description": PAYLOAD,
            "company": PAYLOAD,
            "city": PAYLOAD[:120],
            "required_skills": [{"skill": PAYLOAD[:100], "weight": 1.0}],
        },
    )
    endpoint = endpoint_create(
        owner=user,
        url=f"https://hooks.example.com/in?x={URL_TAIL}",
        description=PAYLOAD[:200],
        parser_results=True,
    )
    api_key_create(user=user, name=PAYLOAD[:100])
    settings_update(
        owner=user,
        data={"agencyName": PAYLOAD[:120], "agencyWebsite": f"https://agency.example/{URL_TAIL}"},
    )
    feed = JobFeed.objects.create(owner=user, url=f"https://feeds.example.com/jobs.xml?{URL_TAIL}")
    browser = Client()
    browser.force_login(user)
    return {
        "user": user,
        "browser": browser,
        "resume": resume,
        "link": link,
        "candidate": candidate,
        "job": job,
        "endpoint": endpoint,
        "feed": feed,
    }


# Every page showing a user-controlled field, and whether that page shows a payload field.
OWNER_PAGES = [
    ("/dashboard/", True),
    ("/candidates/", True),
    ("/candidates/{candidate}/", True),
    ("/candidates/{candidate}/row/", True),
    ("/candidates/{candidate}/delete/", True),
    ("/jobs/", True),
    ("/jobs/{job}/", True),
    ("/jobs/{job}/edit/", True),
    ("/jobs/{job}/pipeline/", True),
    ("/jobs/{job}/delete/", True),
    ("/jobs/feeds/", True),
    ("/jobs/feeds/{feed}/", True),
    ("/resumes/", True),
    ("/resumes/{resume}/", True),
    ("/resumes/{resume}/preview/", True),
    ("/account/webhooks/", True),
    ("/account/webhooks/{endpoint}/", True),
    ("/account/api-keys/", True),
    ("/account/render-settings/", True),
    ("/account/pdf-batches/", False),
    ("/account/usage/", False),
]
PUBLIC_PAGES = [
    ("/share/{token}", True),
    ("/share/{token}/resume", True),
    ("/u/{username}", True),
]


def _url(template: str, world: dict) -> str:
    return template.format(
        candidate=world["candidate"].id,
        job=world["job"].id,
        feed=world["feed"].id,
        resume=world["resume"].pk,
        endpoint=world["endpoint"].pk,
        token=world["link"].token,
        username=world["user"].username,
    )


def _check_page(client: Client, url: str, *, shows_payload: bool) -> None:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html"), url
    html = response.content.decode()
    found = scan(html)
    assert found.problems == [], f"{url}: {found.problems}"
    assert SCRIPT not in html and "<img src=x" not in html, url
    if shows_payload:
        assert VISIBLE in "".join(found.text), f"{url} does not show the field it should escape"


@pytest.mark.parametrize(("path", "shows_payload"), OWNER_PAGES, ids=[p for p, _ in OWNER_PAGES])
def test_owner_pages_escape_every_field(world, path, shows_payload):
    _check_page(world["browser"], _url(path, world), shows_payload=shows_payload)


@pytest.mark.parametrize(("path", "shows_payload"), PUBLIC_PAGES, ids=[p for p, _ in PUBLIC_PAGES])
def test_public_pages_escape_every_field(world, path, shows_payload):
    _check_page(Client(), _url(path, world), shows_payload=shows_payload)


def test_javascript_urls_are_never_link_targets(world):
    """Every link the resume pages draw from a resume URL is http(s)/mailto/tel."""
    for path in ("/share/{token}/resume", "/u/{username}", "/resumes/{resume}/preview/"):
        client = Client() if path[1] in "su" else world["browser"]
        html = client.get(_url(path, world)).content.decode()
        hrefs = re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html)
        assert all(h.startswith(("https://", "http://", "mailto:", "tel:", "/", "#")) for h in hrefs), (
            path,
            hrefs,
        )
        assert "<svg" not in html


def test_tag_color_cannot_carry_markup(world):
    tag = world["candidate"].tags.get()
    html = world["browser"].get(_url("/candidates/{candidate}/", world)).content.decode()
    assert 'onclick="alert(1)"' not in html
    assert f'data-tag-color="{tag.color}"' not in html or '"' not in tag.color


def test_usernames_cannot_hold_markup(db):
    for name in (SCRIPT, IMG, "a<b", 'x"y'):
        with pytest.raises(ValidationError):
            user_create(username=name, email="m@example.com", password="correct horse 42")


def test_html_export_has_no_script_and_no_unsafe_links(world):
    from rendering.context import RenderOptions
    from rendering.services import render_resume, resume_layout

    resume = world["resume"]
    html = render_resume(
        resume.document,
        fmt="html",
        layout=resume_layout(resume),
        visibility=resume.sections_visibility,
        options=RenderOptions(),
    ).decode()
    found = scan(html)
    assert found.problems == []
    assert VISIBLE in "".join(found.text)


def test_pdf_export_prints_markup_as_text_and_links_only_to_safe_targets(world):
    """xhtml2pdf turns <a href> into link annotations: none may point at javascript:/data:,
    and the payload's tags must be printed, not interpreted (no extra link, no image)."""
    from pypdf import PdfReader

    from rendering.context import RenderOptions
    from rendering.services import render_resume, resume_layout

    resume = world["resume"]
    pdf = render_resume(
        resume.document,
        fmt="pdf",
        layout=resume_layout(resume),
        visibility=resume.sections_visibility,
        options=RenderOptions(),
    )
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                targets.append(str(action["/URI"]))
            if action.get("/S") in ("/JavaScript", "/Launch"):
                targets.append(f"action {action.get('/S')}")
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    assert all(t.startswith(("https://", "http://", "mailto:", "tel:")) for t in targets), targets
    assert not any("javascript" in t.lower() or "onerror" in t for t in targets), targets
    assert "alert(1)" in text and "<script>" in text.replace(" ", "")
