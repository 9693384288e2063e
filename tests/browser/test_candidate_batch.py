"""The candidate list in a real browser: tick candidates and render their PDFs as one batch
(anonymised with JavaScript, standard without), and the list as a phone shows it."""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.test_pdf_pages import sign_in
from tests.browser.test_recruiter_flow import PEOPLE, cv_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-Long-passw0rd!"


def _parsed_candidates(user) -> list:
    from parsing.models import Candidate
    from parsing.pipeline import parse_bytes

    made = []
    for n, (name, _title, _skills) in enumerate(PEOPLE):
        result = parse_bytes(cv_text(n).encode(), filename=f"cv{n}.txt")  # the real parser
        made.append(
            Candidate.objects.create(
                owner=user,
                full_name=name,
                parsing_status="completed",
                document=result.document.model_dump(mode="json"),
                original_filename=f"cv{n}.txt",
                file_kind="txt",
            )
        )
    return made


def _pdf_text(page, url: str) -> str:
    from pypdf import PdfReader

    response = page.request.get(url)
    assert response.status == 200
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(response.body())).pages)


def test_tick_two_candidates_and_get_their_anonymised_pdfs(page, shot, make_user, live_server, settings):
    from playwright.sync_api import expect

    settings.SITE_URL = live_server.url  # the batch's signed download links point here
    user = make_user("bea", password=PASSWORD, email="bea@example.com")
    maria, tom, _li = _parsed_candidates(user)
    sign_in(page, "bea", PASSWORD)
    page.goto("/candidates/")

    standard = page.get_by_role("button", name="Standard PDFs")
    anonymised = page.get_by_role("button", name="Anonymised PDFs")
    expect(anonymised).to_be_disabled()  # nothing ticked yet
    page.get_by_label("All on this page").check()
    expect(page.locator(".batch-count")).to_have_text("3 selected")
    page.get_by_label("All on this page").uncheck()
    page.get_by_label(f"Select {maria.full_name}").check()
    page.get_by_label(f"Select {tom.full_name}").check()
    expect(page.locator(".batch-count")).to_have_text("2 selected")
    expect(standard).to_be_enabled()
    shot(page, "50-candidates-ticked")
    anonymised.click()

    expect(page).to_have_url(re.compile(r"/account/pdf-batches/[0-9a-f-]+/$"))
    expect(page.locator(".messages")).to_contain_text("Batch of 2 anonymised PDF(s) started.")
    expect(page.get_by_role("link", name="Download")).to_have_count(2)  # eager worker: done
    shot(page, "51-anonymised-batch")
    for link in page.get_by_role("link", name="Download").all():
        text = _pdf_text(page, link.get_attribute("href"))
        assert "Senior Backend Engineer" in text or "Data Analyst" in text  # the CV is there…
        for part in ("Maria", "Gonzalez", "Tom Baker", "@example.com"):
            assert part not in text  # …without the person


def test_without_javascript_the_ticked_candidate_gets_a_standard_pdf(
    browser, live_server, shot, make_user, settings
):
    from playwright.sync_api import expect

    settings.SITE_URL = live_server.url
    user = make_user("carl", password=PASSWORD, email="carl@example.com")
    maria = _parsed_candidates(user)[0]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "carl", PASSWORD)
    page.goto("/candidates/?sort=name")

    expect(page.get_by_label("All on this page")).to_be_hidden()  # needs the script
    page.get_by_role("button", name="Standard PDFs").click()  # nothing ticked: back with why
    expect(page).to_have_url(re.compile(r"/candidates/\?sort=name$"))
    expect(page.locator(".messages")).to_contain_text("Select at least one parsed candidate.")
    page.get_by_label(f"Select {maria.full_name}").check()
    page.get_by_role("button", name="Standard PDFs").click()

    expect(page.locator(".messages")).to_contain_text("Batch of 1 standard PDF(s) started.")
    link = page.get_by_role("link", name="Download")
    expect(link).to_have_count(1)
    assert "Maria Gonzalez" in _pdf_text(page, link.get_attribute("href"))
    shot(page, "52-standard-batch-no-js")
    context.close()


def test_candidate_list_at_phone_width_is_cards_without_sideways_scroll(
    browser, live_server, shot, make_user
):
    from playwright.sync_api import expect

    user = make_user("dina", password=PASSWORD, email="dina@example.com")
    _parsed_candidates(user)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    sign_in(page, "dina", PASSWORD)
    page.goto("/candidates/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table_wrap = page.locator(".table-wrap")
    assert table_wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    row = page.locator("#candidate-rows tr").first
    assert row.evaluate("e => getComputedStyle(e).display") == "grid"  # a card, not a table row
    # The header row is only for screen readers: visually hidden, still in the table.
    assert page.locator("#candidate-table thead").evaluate("e => e.getBoundingClientRect().width <= 1")
    expect(page.get_by_role("columnheader", name="Title")).to_have_count(1)
    label = row.locator("td[data-label=Title]").evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Title"'  # each cell says what it is
    shot(page, "53-candidates-phone")
    context.close()
