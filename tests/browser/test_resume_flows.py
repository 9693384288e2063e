"""The resume owner's flows in a real browser: share with a password and receive a comment;
publish the public profile, visit it, unpublish it."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_pdf_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-Long-passw0rd!"


def _build_resume(page, name: str) -> None:
    page.goto("/resumes/")
    page.get_by_label("Title").fill("Shared CV")
    page.get_by_role("button", name="Create").click()
    page.locator("#id_personal-name").fill(name)
    page.locator("#id_personal-title").fill("Product Designer")
    page.locator("#id_personal-summary").fill("Designs calm, accessible products.")
    page.locator("summary", has_text="Experience").click()  # the section starts folded
    page.locator("[name=work-0-position]").fill("Lead Designer")
    page.locator("[name=work-0-company]").fill("Studio Nord")
    page.locator("[name=work-0-start_date]").fill("2021-03")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/resumes/[0-9a-f-]+/$"))


def test_share_with_password_then_comment_reaches_the_owner(
    page, browser, live_server, shot, make_user, settings
):
    from playwright.sync_api import expect

    from resumes.services import templates_sync

    templates_sync()
    settings.SITE_URL = live_server.url
    make_user("nadia", password=PASSWORD, email="nadia@example.com")
    sign_in(page, "nadia", PASSWORD)
    _build_resume(page, "Nadia Haddad")
    page.get_by_label("Password", exact=True).fill("open sesame 42")
    page.get_by_label("Visitors may leave comments").check()
    page.get_by_role("button", name="Create share link").click()
    share_url = page.locator("#share-url").input_value()
    assert share_url.startswith(f"{live_server.url}/share/")
    shot(page, "30-resume-editor-shared")

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = visitor.new_page()
    tab.goto(share_url)
    expect(tab.get_by_role("heading", level=1)).to_have_text("This resume is protected")
    tab.get_by_label("Password").fill("wrong guess")
    tab.get_by_role("button", name="View resume").click()
    expect(tab.get_by_role("alert")).to_be_visible()
    tab.get_by_label("Password").fill("open sesame 42")
    tab.get_by_role("button", name="View resume").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Nadia Haddad")
    tab.get_by_label("Your name").fill("Recruiter Rita")
    tab.get_by_label("Comment").fill("Lovely portfolio — can we talk on Monday?")
    tab.get_by_role("button", name="Post comment").click()
    expect(tab.get_by_text("Lovely portfolio")).to_be_visible()
    shot(tab, "31-share-page-with-comment")
    visitor.close()

    page.reload()
    expect(page.get_by_text("Recruiter Rita")).to_be_visible()
    expect(page.get_by_text("Lovely portfolio — can we talk on Monday?")).to_be_visible()


def test_publish_visit_and_unpublish_the_profile(page, browser, live_server, shot, make_user):
    from playwright.sync_api import expect

    from resumes.services import templates_sync

    templates_sync()
    make_user("omar", password=PASSWORD, email="omar@example.com")
    sign_in(page, "omar", PASSWORD)
    _build_resume(page, "Omar Benali")
    page.get_by_role("button", name="Publish at /u/omar").click()
    expect(page.get_by_text("Published at /u/omar.")).to_be_visible()

    visitor = browser.new_context()
    tab = visitor.new_page()
    response = tab.goto(f"{live_server.url}/u/omar")
    assert response.status == 200
    expect(tab.get_by_role("heading", level=1)).to_have_text("Omar Benali")
    shot(tab, "32-public-profile")

    page.get_by_role("button", name="Unpublish").click()
    expect(page.get_by_text("Your public profile is offline.")).to_be_visible()
    assert tab.goto(f"{live_server.url}/u/omar").status == 404
    visitor.close()
