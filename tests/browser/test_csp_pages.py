"""Every page under the Content-Security-Policy in a real browser: nothing blocked (the page
fixture fails the test on any CSP report in the console), and what used to be inline —
confirm dialogs, the copy button, progress bars, tag colours — still works from
static/js/page-actions.js."""

from __future__ import annotations

import pytest

from tests.browser.test_pdf_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-Long-passw0rd!"


@pytest.fixture
def account(make_user):
    from matching.services import job_create
    from parsing.models import Candidate, ParseStatus
    from parsing.page_services import candidate_tag_add
    from resumes.services import profile_publish, resume_create, share_link_create
    from webhooks.services import endpoint_create

    user = make_user(
        "cspuser", password=PASSWORD, email="csp@example.com", is_staff=True, is_superuser=True
    )
    resume = resume_create(owner=user, title="CSP resume")
    share_link_create(resume=resume, allow_comments=True)
    profile_publish(user=user, document=resume.document, template=resume.template)
    candidate = Candidate.objects.create(
        owner=user, parsing_status=ParseStatus.COMPLETED, full_name="Maria Lopez", skills=["Python"]
    )
    candidate_tag_add(candidate=candidate, name="shortlist", color="#aa2200")
    job = job_create(owner=user, data={"title": "Engineer", "description": "Python and Django"})
    endpoint = endpoint_create(owner=user, url="https://hooks.example.com/in", parser_results=True)
    return {"resume": resume, "candidate": candidate, "job": job, "endpoint": endpoint}


def test_pages_run_under_the_policy_without_violations(page, account, live_server):
    sign_in(page, "cspuser", PASSWORD)
    resume = account["resume"]
    paths = [
        "/dashboard/",
        "/candidates/",
        f"/candidates/{account['candidate'].id}/",
        "/jobs/",
        "/jobs/new/",
        f"/jobs/{account['job'].id}/",
        f"/jobs/{account['job'].id}/pipeline/",
        "/jobs/feeds/",
        "/resumes/",
        f"/resumes/{resume.pk}/",
        "/account/render-settings/",
        "/account/pdf-batches/",
        "/account/webhooks/",
        f"/account/webhooks/{account['endpoint'].pk}/",
        "/account/api-keys/",
        "/account/usage/",
        "/api/docs/",
        "/admin/",
        "/admin/parsing/candidate/",
        f"/share/{resume.share_link.token}",
        "/u/cspuser",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)  # its script ran


def test_moved_inline_behaviour_still_works(page, account):
    from playwright.sync_api import expect

    from webhooks.models import WebhookEndpoint

    sign_in(page, "cspuser", PASSWORD)
    page.goto(f"/candidates/{account['candidate'].id}/")
    tag = page.locator(".tag", has_text="shortlist").first
    assert tag.evaluate("el => getComputedStyle(el).getPropertyValue('--tag').trim()") == "#aa2200"

    page.goto("/dashboard/")
    bar = page.locator("[data-width]").first
    expect(bar).to_have_attribute("style", f"width: {float(bar.get_attribute('data-width')):g}%;")

    page.goto(f"/account/webhooks/{account['endpoint'].pk}/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Delete webhook").click()
    assert WebhookEndpoint.objects.filter(pk=account["endpoint"].pk).exists()  # dismissed: kept
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete webhook").click()
    page.wait_for_url("**/account/webhooks/")
    assert not WebhookEndpoint.objects.filter(pk=account["endpoint"].pk).exists()
