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


def _assert_frame_fits_its_page(tab) -> None:
    """The script made the frame as tall as the resume inside: no scrolling inside it."""
    frame_height, page_height = tab.evaluate(
        "(() => { const f = document.querySelector('iframe.resume-frame');"
        " return [f.clientHeight, f.contentDocument.documentElement.scrollHeight]; })()"
    )
    assert frame_height >= page_height - 1, (frame_height, page_height)


def _assert_painted(tab, png_path, selector: str) -> None:
    """The top 300 px of the element in a full-page screenshot hold text (dark pixels)."""
    from PIL import Image

    box = tab.locator(selector).bounding_box()
    top = box["y"] + tab.evaluate("window.scrollY")
    with Image.open(png_path) as image:
        area = image.convert("L").crop(
            (int(box["x"]), int(top), int(box["x"] + box["width"]), int(top + 300))
        )
        dark = sum(1 for value in area.getdata() if value < 100)
    assert dark > 200, f"the frame's top is blank in {png_path} ({dark} dark pixels)"


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
    frame = tab.frame_locator("iframe.resume-frame")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Nadia Haddad")
    _assert_frame_fits_its_page(tab)
    # Right after the post the page is scrolled to the comments, below the frame: the
    # frame's top must still be painted in a full-page screenshot (it once came out blank).
    _assert_painted(tab, shot(tab, "31-share-page-with-comment"), "iframe.resume-frame")
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
    page.get_by_label("Layout").select_option(label="Classic")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Publish at /u/omar").click()
    expect(page.get_by_text("Published at /u/omar.")).to_be_visible()

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = visitor.new_page()
    response = tab.goto(f"{live_server.url}/u/omar")
    assert response.status == 200
    expect(tab.get_by_role("heading", level=1)).to_have_text("Omar Benali")
    # Drawn in the chosen layout, its stylesheet allowed by the page's own policy.
    expect(tab.locator(".layout-classic")).to_be_visible()
    font = tab.evaluate("getComputedStyle(document.querySelector('h1.name')).fontFamily")
    assert "Liberation Serif" in font
    expect(tab).to_have_title("Omar Benali – Product Designer · SmartCV")
    meta = tab.evaluate(
        "Object.fromEntries([...document.querySelectorAll('meta[property^=og]')]"
        ".map(m => [m.getAttribute('property'), m.content]))"
    )
    assert meta["og:type"] == "profile"
    assert meta["og:title"] == "Omar Benali – Product Designer"
    assert meta["og:description"] == "Designs calm, accessible products."
    assert meta["og:url"].endswith("/u/omar")
    expect(tab.get_by_role("main")).to_contain_text("Studio Nord")
    shot(tab, "32-public-profile")
    phone = visitor.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"{live_server.url}/u/omar")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "32-public-profile-phone")
    phone.close()

    page.get_by_role("button", name="Unpublish").click()
    expect(page.get_by_text("Your public profile is offline.")).to_be_visible()
    assert tab.goto(f"{live_server.url}/u/omar").status == 404
    visitor.close()
