"""Candidate PDFs and the account pages around them, in a real browser: the anonymised PDF
of a parsed candidate hides the name; render settings, PDF batches and job feeds render."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.browser.test_recruiter_flow import PEOPLE, cv_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in|log in", re.I)).click()


def test_anonymised_pdf_from_the_candidate_page_hides_the_name(
    page, shot, make_user, live_server, settings
):
    from playwright.sync_api import expect
    from pypdf import PdfReader

    from parsing.models import Candidate
    from parsing.pipeline import parse_bytes

    settings.SITE_URL = live_server.url  # signed file URLs (the preview images) point here
    user = make_user("paula", password="a-Long-passw0rd!", email="paula@example.com")
    name = PEOPLE[0][0]
    result = parse_bytes(cv_text(0).encode(), filename="maria.txt")  # the real parser
    candidate = Candidate.objects.create(
        owner=user,
        full_name=name,
        parsing_status="completed",
        document=result.document.model_dump(mode="json"),
        original_filename="maria.txt",
        file_kind="txt",
    )

    sign_in(page, "paula", "a-Long-passw0rd!")
    page.goto(f"/candidates/{candidate.id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    shot(page, "20-candidate-detail-pdf-buttons")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download anonymised PDF").click()
    download = info.value
    assert download.suggested_filename.startswith("Candidate_")
    data = Path(download.path()).read_bytes()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert "Senior Backend Engineer" in text  # the CV is there…
    for part in ("Maria", "Gonzalez", "maria.gonzalez@example.com"):
        assert part not in text  # …without the person

    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_text("Account").click()
    nav.get_by_role("link", name="Render settings").click()
    expect(page.locator("img.canvas-page").first).to_be_visible()
    page.get_by_label("Font size (pt)").fill("40")
    page.get_by_role("button", name="Save and update preview").click()
    # The browser refuses it before sending (the server's own message is tested in the unit tests).
    assert page.get_by_label("Font size (pt)").evaluate("e => e.validity.rangeOverflow") is True
    expect(page).to_have_url(re.compile(r"/account/render-settings/$"))
    # With JavaScript the preview follows the (valid) form through htmx, without saving it.
    page.get_by_label("Font size (pt)").fill("12")
    page.get_by_label("Layout").select_option("classic")
    expect(page.locator("#canvas-pages")).to_contain_text("Unsaved changes")
    expect(page.locator("#canvas-pages img.canvas-page").first).to_have_attribute(
        "src", re.compile("^data:image/png")
    )
    shot(page, "21a-render-settings-live-preview")
    page.get_by_label("Agency name").fill("Acme Talent")
    page.get_by_role("button", name="Save and update preview").click()
    expect(page.locator(".messages")).to_contain_text("Render settings saved")
    expect(page.locator("img.canvas-page").first).to_be_visible()
    page.wait_for_function("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    shot(page, "21-render-settings")

    page.goto("/account/pdf-batches/")
    page.get_by_label("Kind").select_option("format")
    page.get_by_label("Candidates").select_option(str(candidate.id))
    page.get_by_role("button", name="Start batch").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Batch")
    expect(page.locator("#item-table")).to_contain_text(name)
    shot(page, "22-pdf-batch-detail")
    page.goto("/account/pdf-batches/")
    expect(page.locator("#batch-table tbody tr")).to_have_count(1)
    shot(page, "23-pdf-batches")

    page.goto("/jobs/feeds/")
    page.get_by_label("Feed URL").fill("http://10.0.0.1/jobs.json")
    page.get_by_role("button", name="Register feed").click()
    expect(page.locator(".has-error")).to_be_visible()
    shot(page, "24-job-feeds")
    page.set_viewport_size({"width": 390, "height": 800})
    page.locator("details.nav-narrow > summary").click()  # phones: one Menu button
    expect(page.get_by_role("navigation", name="Main menu")).to_contain_text("Job feeds")
    shot(page, "25-job-feeds-mobile-menu")
