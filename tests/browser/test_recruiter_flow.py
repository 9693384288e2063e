"""A new recruiter in a real browser: sign up → upload three CVs → see them parsed →
create a job → see them ranked → move one to interview."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CV = """{name}
{title}
{email} | +44 20 7946 0{n:03d} | London, UK

EXPERIENCE
{title}, Acme Ltd — London
Jan 2017 - Present
- Built services with {skills}.

EDUCATION
University of Leeds
BSc Computer Science, 2012 - 2015

SKILLS
{skills}
"""

PEOPLE = [
    ("Maria Gonzalez", "Senior Backend Engineer", "Python, Django, PostgreSQL, Docker"),
    ("Tom Baker", "Data Analyst", "Python, Excel, Tableau"),
    ("Li Wei", "Frontend Developer", "JavaScript, React, CSS"),
]


def cv_text(n: int) -> str:
    name, title, skills = PEOPLE[n]
    return CV.format(
        name=name, title=title, skills=skills, n=n, email=name.lower().replace(" ", ".") + "@example.com"
    )


def cv_pdf(text: str) -> bytes:
    """A one-page PDF with the text, as a word processor would export it."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in text.splitlines():
        pdf.drawString(60, y, line)
        y -= 16
    pdf.save()
    return buffer.getvalue()


def test_recruiter_uploads_cvs_creates_a_job_and_moves_a_candidate(page, shot, tmp_path):
    from playwright.sync_api import expect

    page.goto("/")
    shot(page, "01-home")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Email").fill("rita@example.com")
    page.get_by_label("Password", exact=True).fill("a-Long-passw0rd!")
    page.get_by_label("Confirm password").fill("a-Long-passw0rd!")
    shot(page, "02-signup")
    page.get_by_role("button", name=re.compile("sign up|create", re.I)).click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    shot(page, "03-dashboard-empty")

    files = []
    for n in range(3):
        if n == 0:
            path = tmp_path / "maria-gonzalez.pdf"
            path.write_bytes(cv_pdf(cv_text(n)))
        else:
            path = tmp_path / f"cv-{n}.txt"
            path.write_text(cv_text(n))
        files.append(str(path))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Candidates").click()
    expect(page).to_have_title("Candidates · SmartCV")
    page.get_by_label("CV files").set_input_files(files)
    page.get_by_role("button", name="Upload and parse").click()
    rows = page.locator("#candidate-rows tr[data-status]")
    # One file at a time, and the embedded (eager) setup parses inside each request.
    expect(rows).to_have_count(3, timeout=60_000)
    expect(page.locator('#candidate-rows tr[data-status="completed"]')).to_have_count(3, timeout=30_000)
    for name, _, _ in PEOPLE:
        expect(page.locator("#candidate-rows")).to_contain_text(name)
    expect(page.locator("#upload-progress li")).to_have_count(3)
    shot(page, "04-candidates-parsed")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    page.get_by_label("CV files").set_input_files(str(empty))
    page.get_by_role("button", name="Upload and parse").click()
    expect(page.locator("#upload-progress li.failed")).to_contain_text(
        "failed: File 'empty.txt' is empty", timeout=30_000
    )
    expect(rows).to_have_count(3)

    page.get_by_role("link", name="Maria Gonzalez").click()
    expect(page.get_by_label("Email")).to_have_value("maria.gonzalez@example.com")
    expect(page.locator("iframe.pdf")).to_have_count(1)
    page.wait_for_timeout(1500)  # let the PDF viewer draw the page before the screenshot
    shot(page, "05-candidate-detail")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_role("link", name="New job").first.click()
    page.get_by_label("Title").fill("Backend Engineer")
    page.get_by_label("Skill").nth(0).fill("Python")
    page.get_by_label("Skill").nth(1).fill("Django")
    page.get_by_label("Weight (0–1)").nth(1).fill("0.8")
    page.locator("[data-formset=req] [data-add-row]").click()
    expect(page.locator("[data-formset=req] .skill-row")).to_have_count(4)
    page.get_by_label("Skill").nth(3).fill("PostgreSQL")
    shot(page, "06-job-form")
    page.get_by_role("button", name="Save job").click()

    expect(page).to_have_title("Backend Engineer · SmartCV")
    ranked = page.locator(".rank-card")
    expect(ranked).to_have_count(3)
    expect(ranked.first).to_contain_text("Maria Gonzalez")
    expect(ranked.first.locator(".chip.ok")).to_have_count(3)
    shot(page, "07-job-ranked")

    page.get_by_role("link", name="Pipeline board").click()
    card = page.locator(".board-card", has_text="Maria Gonzalez")
    card.get_by_label("Move Maria Gonzalez to").select_option("interview")
    card.get_by_role("button", name="Move").click()
    expect(page.locator(".col-interview .board-card")).to_contain_text("Maria Gonzalez")
    expect(page.locator(".col-new .board-card")).to_have_count(2)
    shot(page, "08-pipeline")

    page.goto("/dashboard/")
    expect(page.locator("#recent-h + ul")).to_contain_text("Li Wei")
    shot(page, "09-dashboard")

    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    shot(page, "11-dashboard-phone")
    page.goto("/candidates/")
    expect(page.locator("#candidate-rows tr[data-status]")).to_have_count(3)
    shot(page, "12-candidates-phone")


def test_upload_and_list_work_with_javascript_off(browser, live_server, shot, tmp_path):
    """The plain multipart form: the files post in one request and the list shows them."""
    from playwright.sync_api import expect

    from smartcv.services import user_create

    user_create(username="nojs", email="nojs@example.com", password="a-Long-passw0rd!")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/login/")
        page.get_by_label("Username").fill("nojs")
        page.get_by_label("Password").fill("a-Long-passw0rd!")
        page.get_by_role("button", name=re.compile("sign in|log in", re.I)).click()
        page.goto("/candidates/")
        paths = []
        for n in (1, 2):
            path = tmp_path / f"cv-{n}.txt"
            path.write_text(cv_text(n))
            paths.append(str(path))
        page.get_by_label("CV files").set_input_files(paths)
        page.get_by_role("button", name="Upload and parse").click()
        expect(page.locator(".messages")).to_contain_text("2 CVs uploaded")
        expect(page.locator('#candidate-rows tr[data-status="completed"]')).to_have_count(2)
        expect(page.locator("#candidate-count")).to_have_text("2 candidates")
        page.get_by_label("Search").fill("baker")
        page.get_by_role("button", name="Apply").click()
        expect(page.locator("#candidate-rows tr[data-status]")).to_have_count(1)
        shot(page, "10-candidates-no-js-search")
    finally:
        context.close()
