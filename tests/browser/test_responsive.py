"""Every main page at a phone's width (390 px) on the demo data: nothing scrolls sideways, the
navigation is one "Menu" button that works without JavaScript, every form control has a
label; and the keyboard basics (skip link first, a visible focus ring) on a desktop."""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.test_pdf_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 390, "height": 844}

# Controls without an accessible name (a <label>, aria-label or aria-labelledby).
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => !['hidden', 'submit', 'button'].includes(e.type) && e.offsetParent !== null)
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !e.getAttribute('aria-labelledby'))
  .map(e => e.name || e.id || e.outerHTML.slice(0, 80))"""


@pytest.fixture
def demo(live_server, settings):
    """The demo account and its data, as ``make run`` seeds them."""
    from django.core.management import call_command

    from smartcv.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERNAME

    settings.SITE_URL = live_server.url
    call_command("seed_demo", base_url=live_server.url, force=True, stdout=io.StringIO())
    return DEMO_USERNAME, DEMO_PASSWORD


def _pages() -> dict[str, str]:
    from matching.models import Job
    from parsing.models import Candidate
    from resumes.models import Resume, ShareLink

    job = Job.objects.filter(owner__username="demo").first()
    candidate = Candidate.objects.filter(owner__username="demo").first()
    resume = Resume.objects.filter(owner__username="demo").first()
    link = ShareLink.objects.filter(resume=resume).first()
    return {
        "dashboard": "/dashboard/",
        "candidates": "/candidates/",
        "candidate": f"/candidates/{candidate.id}/",
        "jobs": "/jobs/",
        "job": f"/jobs/{job.id}/",
        "job-edit": f"/jobs/{job.id}/edit/",
        "pipeline": f"/jobs/{job.id}/pipeline/",
        "job-feeds": "/jobs/feeds/",
        "resumes": "/resumes/",
        "resume-editor": f"/resumes/{resume.pk}/",
        "render-settings": "/account/render-settings/",
        "pdf-batches": "/account/pdf-batches/",
        "webhooks": "/account/webhooks/",
        "api-keys": "/account/api-keys/",
        "usage": "/account/usage/",
        "share": f"/share/{link.token}",
        "profile": "/u/demo",
    }


def test_every_main_page_fits_a_phone_and_labels_its_controls(browser, live_server, shot, demo):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    sign_in(page, *demo)
    too_wide, unlabelled = {}, {}
    for name, url in _pages().items():
        response = page.goto(url)
        assert response.status == 200, url
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
        missing = page.evaluate(UNLABELLED)
        if missing:
            unlabelled[name] = missing
        shot(page, f"40-phone-{name}")
    assert too_wide == {}, f"pages wider than the phone: {too_wide}"
    assert unlabelled == {}, f"form controls without a label: {unlabelled}"

    # The top bar is the brand and one Menu button; the links are behind it.
    page.goto("/dashboard/")
    expect(page.get_by_role("navigation", name="Main", exact=True)).to_be_hidden()
    menu = page.locator("details.nav-narrow")
    expect(menu.get_by_role("link", name="Jobs")).to_be_hidden()
    menu.locator("summary").click()
    expect(menu.get_by_role("link", name="Jobs")).to_be_visible()
    shot(page, "41-phone-menu-open")
    context.close()


def test_every_main_page_at_desktop_width(page, shot, demo):
    sign_in(page, *demo)
    too_wide, unlabelled = {}, {}
    for name, url in _pages().items():
        response = page.goto(url)
        assert response.status == 200, url
        if page.evaluate("document.documentElement.scrollWidth") > 1280:
            too_wide[name] = page.evaluate("document.documentElement.scrollWidth")
        missing = page.evaluate(UNLABELLED)
        if missing:
            unlabelled[name] = missing
        shot(page, f"42-desktop-{name}")
    assert too_wide == {} and unlabelled == {}, (too_wide, unlabelled)


def test_phone_menu_and_sign_out_work_without_javascript(browser, live_server, shot, demo):
    from playwright.sync_api import expect

    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page, *demo)
    page.goto("/dashboard/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="PDF batches").click()
    expect(page).to_have_url(re.compile(r"/account/pdf-batches/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("PDF batches")
    menu = page.get_by_role("navigation", name="Main menu")
    page.get_by_text("Menu", exact=True).click()
    expect(menu.get_by_role("link", name="PDF batches")).to_have_attribute("aria-current", "page")
    menu.get_by_role("button", name=re.compile("Sign out")).click()
    expect(page).to_have_url(re.compile(r"/$|/login/"))
    context.close()


def test_keyboard_reaches_the_skip_link_first_and_sees_where_focus_is(page, live_server, demo):
    from playwright.sync_api import expect

    sign_in(page, *demo)
    page.goto("/candidates/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # A focused control draws a ring (not the browser default that some resets remove).
    search = page.get_by_label("Search")
    search.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(search).to_be_focused()
    outline = search.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert outline == "solid 3px"
    select = page.get_by_label("Status")
    assert select.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
