"""The public share page /share/<token> with the Django test client."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.utils import timezone

from resumes.models import ShareComment, ShareLink
from resumes.services import SHARE_PASSWORD_MAX_ATTEMPTS, resume_delete, share_link_create

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script>'


@pytest.fixture
def shared(make_resume, layouts):
    def make(**settings):
        resume = make_resume(template=layouts["classic"])
        link, _ = share_link_create(resume=resume, **settings)
        return link

    return make


def _frame(client: Client, link: ShareLink) -> str:
    """The resume the share page embeds, as its frame shows it ('' when refused)."""
    response = client.get(f"/share/{link.token}/resume")
    return response.content.decode() if response.status_code == 200 else ""


def _views(link: ShareLink) -> int:
    link.refresh_from_db()
    return link.view_count


def test_share_page_renders_the_resume_in_its_layout_and_counts_the_visit(shared, settings):
    settings.SITE_URL = "https://cv.example.org"
    link = shared()

    response = Client().get(f"/share/{link.token}")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<meta property="og:title" content="Ada Lovelace">' in html
    assert f'<meta property="og:url" content="https://cv.example.org/share/{link.token}">' in html
    assert f'src="/share/{link.token}/resume"' in html
    assert 'sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"' in html
    assert "Download PDF" not in html
    assert 'id="comments"' not in html
    link.refresh_from_db()
    assert link.view_count == 1
    assert link.last_viewed_at is not None


def test_share_frame_shows_the_resume_in_its_layout_without_counting(shared):
    link = shared()

    response = Client().get(f"/share/{link.token}/resume")

    html = response.content.decode()
    assert response.status_code == 200
    assert "layout-classic" in html and "Analytical Engines" in html
    assert '<base target="_blank">' in html
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Robots-Tag"] == "noindex"
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "style-src 'sha256-" in csp and "script-src" not in csp
    assert _views(link) == 0


def test_share_frame_style_hash_matches_its_stylesheet(shared):
    import base64
    import hashlib
    import re

    link = shared()
    response = Client().get(f"/share/{link.token}/resume")

    style = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in response["Content-Security-Policy"]


def test_owner_visits_are_not_counted(shared, recruiter):
    link = shared()
    owner = Client()
    owner.force_login(recruiter)

    owner.get(f"/share/{link.token}")

    assert _views(link) == 0


@pytest.mark.parametrize(
    "change",
    [
        {"is_enabled": False},
        {"expires_at": timezone.now() - timedelta(minutes=1)},
    ],
)
def test_disabled_or_expired_link_is_404(shared, change):
    link = shared()
    ShareLink.objects.filter(pk=link.pk).update(**change)

    response = Client().get(f"/share/{link.token}")

    assert response.status_code == 404
    assert _views(link) == 0


def test_deleted_resume_and_unknown_token_are_404(shared):
    link = shared()
    resume_delete(resume=link.resume)

    assert Client().get(f"/share/{link.token}").status_code == 404
    assert Client().get("/share/not-a-token").status_code == 404
    assert Client().get(f"/share/{'x' * 500}").status_code == 404


def test_password_protected_link_asks_for_the_password_without_counting(shared):
    link = shared(password="open sesame")

    response = Client().get(f"/share/{link.token}")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="password"' in html
    assert "Analytical Engines" not in html
    assert _frame(Client(), link) == ""
    assert _views(link) == 0


def test_right_password_unlocks_the_resume_for_the_session(shared):
    link = shared(password="open sesame")
    visitor = Client()

    response = visitor.post(f"/share/{link.token}", {"action": "password", "password": "open sesame"})
    page = visitor.get(f"/share/{link.token}")

    assert response.status_code == 302
    assert response["Location"] == f"/share/{link.token}"
    assert "resume-frame" in page.content.decode()
    assert "Analytical Engines" in _frame(visitor, link)
    assert _views(link) == 1
    assert "resume-frame" not in Client().get(f"/share/{link.token}").content.decode()
    assert _frame(Client(), link) == ""


def test_wrong_password_is_refused_and_changing_the_password_relocks(shared):
    link = shared(password="open sesame")
    visitor = Client()

    wrong = visitor.post(f"/share/{link.token}", {"action": "password", "password": "guess"})
    visitor.post(f"/share/{link.token}", {"action": "password", "password": "open sesame"})
    ShareLink.objects.filter(pk=link.pk).update(password_hash=make_password("new one"))
    after_change = visitor.get(f"/share/{link.token}")

    assert wrong.status_code == 403
    assert "Wrong password." in wrong.content.decode()
    assert "resume-frame" not in after_change.content.decode()
    assert _frame(visitor, link) == ""
    assert _views(link) == 0


def test_password_guessing_is_throttled_per_link_and_address(shared):
    link = shared(password="open sesame")
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(SHARE_PASSWORD_MAX_ATTEMPTS):
        assert (
            visitor.post(f"/share/{link.token}", {"action": "password", "password": "guess"}).status_code
            == 403
        )

    locked = visitor.post(f"/share/{link.token}", {"action": "password", "password": "open sesame"})
    elsewhere = Client(REMOTE_ADDR="198.51.100.7").post(
        f"/share/{link.token}", {"action": "password", "password": "open sesame"}
    )

    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert elsewhere.status_code == 302
    assert "resume-frame" not in visitor.get(f"/share/{link.token}").content.decode()
    assert _frame(visitor, link) == ""


def test_download_link_only_when_allowed(shared):
    closed = shared()
    link = shared(allow_download=True)

    page = Client().get(f"/share/{link.token}").content.decode()
    pdf = Client().get(f"/share/{link.token}/download")

    assert f'href="/share/{link.token}/download"' in page
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert Client().get(f"/share/{closed.token}/download").status_code == 404


def test_download_of_a_protected_link_needs_the_password(shared):
    link = shared(allow_download=True, password="pw")

    assert Client().get(f"/share/{link.token}/download").status_code == 404


def test_visitor_comments_are_stored_and_shown_escaped(shared):
    link = shared(allow_comments=True)
    visitor = Client()

    response = visitor.post(
        f"/share/{link.token}", {"action": "comment", "name": XSS, "text": f"Nice {XSS}"}
    )
    page = visitor.get(f"/share/{link.token}").content.decode()

    assert response.status_code == 302
    comment = ShareComment.objects.get(share_link=link)
    assert (comment.author_name, comment.text) == (XSS, f"Nice {XSS}")
    assert XSS not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_comments_are_refused_when_not_allowed_or_invalid(shared):
    closed = shared()
    open_link = shared(allow_comments=True)

    refused = Client().post(f"/share/{closed.token}", {"action": "comment", "name": "A", "text": "B"})
    empty = Client().post(f"/share/{open_link.token}", {"action": "comment", "name": "", "text": ""})

    assert refused.status_code == 404
    assert empty.status_code == 400
    assert ShareComment.objects.count() == 0


def test_script_in_resume_fields_is_escaped_on_the_share_page(make_resume, layouts):
    resume = make_resume(
        title=XSS,
        template=layouts["modern-minimal"],
        content={"personal": {"name": XSS, "title": XSS}, "summary": XSS},
    )
    link, _ = share_link_create(resume=resume)

    html = Client().get(f"/share/{link.token}").content.decode()
    frame = _frame(Client(), link)

    assert XSS not in html and XSS not in frame
    assert "&lt;script&gt;" in html and "&lt;script&gt;" in frame
    assert "<script" not in frame
    assert [tag for tag in re.findall(r"<script[^>]*>", html) if "src=" not in tag] == []


def test_comments_are_throttled_per_link_and_address(shared):
    from resumes.services import SHARE_COMMENT_MAX

    link = shared(allow_comments=True)
    visitor = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(SHARE_COMMENT_MAX):
        visitor.post(f"/share/{link.token}", {"action": "comment", "name": "Spam", "text": f"#{n}"})

    refused = visitor.post(
        f"/share/{link.token}", {"action": "comment", "name": "Spam", "text": "again"}
    )

    assert refused.status_code == 429
    assert ShareComment.objects.count() == SHARE_COMMENT_MAX


def test_a_broken_layout_gives_a_clear_message_in_the_frame(shared):
    link = shared()
    template = link.resume.template
    template.html_template = "{% if %}"
    template.save()

    response = Client().get(f"/share/{link.token}/resume")

    assert response.status_code == 503
    assert "could not be displayed" in response.content.decode()


def test_share_page_query_count_does_not_grow_with_comments(shared):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    link = shared(allow_comments=True)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(f"/share/{link.token}").status_code == 200
        return len(ctx.captured_queries)

    ShareComment.objects.create(share_link=link, author_name="A", text="first")
    few = queries()
    for n in range(15):
        ShareComment.objects.create(share_link=link, author_name=f"V{n}", text="more")

    assert queries() == few
