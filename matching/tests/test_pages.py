"""The recruiter's job pages: list, create/edit with weighted skills, parse into the form,
ranked candidates with explanations, the pipeline board."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching.models import Job, JobFeed, Match
from matching.services import job_create, job_match_all
from parsing.models import Candidate, ParseStatus
from parsing.services import candidate_update

pytestmark = pytest.mark.django_db

JOB_AD = """Senior Python Developer
Company: Acme Ltd
Location: London, UK

Requirements:
- 5+ years of experience with Python and Django
- PostgreSQL

Nice to have:
- Docker
"""


def post(client, url, data=None, **extra):
    client.get("/jobs/")
    return client.post(
        url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, **extra
    )


def skill_rows(prefix: str, rows: list[tuple[str, str]], extra: int = 1) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows) + extra), f"{prefix}-INITIAL_FORMS": "0"}
    for i, (skill, weight) in enumerate(rows):
        data[f"{prefix}-{i}-skill"] = skill
        data[f"{prefix}-{i}-weight"] = weight
    return data


def job_form(title="Backend Engineer", required=(("Python", "1"), ("Django", "0.5")), nice=(), **fields):
    return {
        "title": title,
        "status": "active",
        "education_level": "any",
        **skill_rows("req", list(required)),
        **skill_rows("nice", list(nice)),
        **fields,
    }


def candidate(owner, name, skills, years=5.0) -> Candidate:
    made = Candidate.objects.create(
        owner=owner, full_name=name, parsing_status=ParseStatus.COMPLETED, years_of_experience=years
    )
    return candidate_update(candidate=made, data={"skills": skills})


def scored_job(owner, *names_skills):
    people = [candidate(owner, name, skills) for name, skills in names_skills]
    job = job_create(
        owner=owner,
        data={
            "title": "Backend Engineer",
            "required_skills": [{"skill": "Python", "weight": 1.0}, {"skill": "Django", "weight": 1.0}],
        },
    )
    job_match_all(job=job)
    return job, people


def test_create_job_with_weighted_skills(recruiter, recruiter_client):
    response = post(
        recruiter_client,
        "/jobs/new/",
        job_form(
            required=[("Python", "1"), ("Django", "0.5"), ("Ruby", "0.3")],
            nice=[("Docker", "")],
            preferred_locations="London, Remote",
            **{"req-2-DELETE": "on"},
        ),
    )

    job = Job.objects.get(owner=recruiter)
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.id}/"
    assert (job.title, job.source, job.preferred_locations) == (
        "Backend Engineer",
        "manual",
        ["London", "Remote"],
    )
    assert job.required_skills == [
        {"skill": "Python", "weight": 1.0},
        {"skill": "Django", "weight": 0.5},
    ]
    assert job.nice_to_have_skills == [{"skill": "Docker", "weight": 1.0}]


def test_invalid_job_form_creates_nothing(recruiter, recruiter_client):
    out_of_range = post(recruiter_client, "/jobs/new/", job_form(required=[("Python", "1.5")]))
    reversed_range = post(
        recruiter_client, "/jobs/new/", job_form(min_experience_years="9", max_experience_years="2")
    )
    no_title = post(recruiter_client, "/jobs/new/", job_form(title=""))

    assert [out_of_range.status_code, reversed_range.status_code, no_title.status_code] == [
        400,
        400,
        400,
    ]
    assert "must not be greater than max_experience_years" in reversed_range.content.decode()
    assert Job.objects.count() == 0


def test_edit_job_shows_its_skills_and_saves_changes(recruiter, recruiter_client):
    job = job_create(
        owner=recruiter, data={"title": "Old", "required_skills": [{"skill": "Go", "weight": 0.7}]}
    )

    page = recruiter_client.get(f"/jobs/{job.id}/edit/").content.decode()
    assert 'value="Go"' in page and 'value="0.7"' in page

    post(recruiter_client, f"/jobs/{job.id}/edit/", job_form(title="New", required=[("Rust", "0.9")]))
    job.refresh_from_db()
    assert (job.title, job.required_skills) == ("New", [{"skill": "Rust", "weight": 0.9}])


def test_parse_pasted_text_prefills_the_form_without_saving(recruiter, recruiter_client):
    response = post(recruiter_client, "/jobs/parse/", {"text": JOB_AD})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Senior Python Developer"' in html
    assert 'name="req-0-skill" value="Python"' in html
    assert Job.objects.count() == 0


def test_parse_uploaded_file_prefills_the_form(recruiter, recruiter_client):
    upload = SimpleUploadedFile("job.txt", JOB_AD.encode(), content_type="text/plain")

    html = post(recruiter_client, "/jobs/parse/", {"file": upload}).content.decode()

    assert 'value="Senior Python Developer"' in html
    assert 'value="Django"' in html


def test_parse_without_text_or_file_says_so(recruiter_client):
    response = post(recruiter_client, "/jobs/parse/", {"text": "  "})

    assert response.status_code == 400
    assert "Paste the job text or choose a file." in response.content.decode()


def test_job_detail_ranks_candidates_with_explanation(recruiter, recruiter_client):
    job, _ = scored_job(
        recruiter, ("No Fit", ["Excel"]), ("Best Fit", ["Python", "Django"]), ("Half Fit", ["Python"])
    )

    html = recruiter_client.get(f"/jobs/{job.id}/").content.decode()

    assert html.index("Best Fit") < html.index("Half Fit") < html.index("No Fit")
    half = html[html.index("Half Fit") : html.index("No Fit")]
    assert '<span class="chip ok">Python</span>' in half
    assert '<span class="chip warn">Django <small>via python</small></span>' in half
    no_fit = html[html.index("No Fit") :]
    assert '<span class="chip bad">Python</span>' in no_fit


def test_job_detail_query_count_does_not_grow_with_matches(recruiter, recruiter_client):
    job, _ = scored_job(recruiter, ("A", ["Python"]))

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get(f"/jobs/{job.id}/").status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for n in range(15):
        candidate(recruiter, f"P{n}", ["Python", "Django"])
    job_match_all(job=job)
    assert queries() == few


def test_job_list_query_count_does_not_grow_with_jobs(recruiter, recruiter_client):
    job_create(owner=recruiter, data={"title": "First"})

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get("/jobs/").status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for n in range(10):
        job_create(owner=recruiter, data={"title": f"Job {n}"})
    assert queries() == few


def test_job_list_searches_titles_and_hides_other_accounts(recruiter, other_user, recruiter_client):
    job_create(owner=recruiter, data={"title": "Data Engineer"})
    job_create(owner=recruiter, data={"title": "Designer"})
    job_create(owner=other_user, data={"title": "Data Scientist"})

    html = recruiter_client.get("/jobs/", {"q": "data"}).content.decode()

    assert "Data Engineer" in html and "Designer" not in html and "Data Scientist" not in html


def test_pipeline_board_moves_a_candidate_to_interview(recruiter, recruiter_client):
    job, (person,) = scored_job(recruiter, ("Best Fit", ["Python", "Django"]))

    response = post(
        recruiter_client, f"/jobs/{job.id}/candidates/{person.id}/status/", {"status": "interview"}
    )

    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.id}/pipeline/"
    assert Match.objects.get(job=job, candidate=person).pipeline_status == "interview"
    board = recruiter_client.get(f"/jobs/{job.id}/pipeline/").content.decode()
    column = board[board.index('id="col-interview"') : board.index('id="col-offer"')]
    assert "Best Fit" in column


def test_unknown_pipeline_status_changes_nothing(recruiter, recruiter_client):
    job, (person,) = scored_job(recruiter, ("Best Fit", ["Python"]))

    post(recruiter_client, f"/jobs/{job.id}/candidates/{person.id}/status/", {"status": "promoted"})

    assert Match.objects.get(job=job, candidate=person).pipeline_status == "new"


def test_pipeline_of_another_account_is_404(other_user, recruiter_client):
    job, (person,) = scored_job(other_user, ("Someone", ["Python"]))

    assert recruiter_client.get(f"/jobs/{job.id}/pipeline/").status_code == 404
    response = post(
        recruiter_client, f"/jobs/{job.id}/candidates/{person.id}/status/", {"status": "hired"}
    )
    assert response.status_code == 404
    assert Match.objects.get(job=job).pipeline_status == "new"


def test_delete_job_asks_then_deletes(recruiter, recruiter_client):
    job = job_create(owner=recruiter, data={"title": "Temp"})

    assert "Delete “Temp”?" in recruiter_client.get(f"/jobs/{job.id}/delete/").content.decode()
    post(recruiter_client, f"/jobs/{job.id}/delete/")

    assert not Job.objects.filter(id=job.id).exists()


def test_stage_set_on_the_job_page_returns_to_it(recruiter, recruiter_client):
    job, (person,) = scored_job(recruiter, ("Best Fit", ["Python", "Django"]))

    response = post(
        recruiter_client,
        f"/jobs/{job.id}/candidates/{person.id}/status/",
        {"status": "screening", "next": "detail"},
    )

    assert response["Location"] == f"/jobs/{job.id}/"
    assert Match.objects.get(job=job, candidate=person).pipeline_status == "screening"
    assert (
        '<option value="screening" selected>'
        in recruiter_client.get(f"/jobs/{job.id}/").content.decode()
    )


# --- job feeds ---------------------------------------------------------------------------------


def test_register_a_feed_then_it_is_listed_and_imported(
    recruiter, recruiter_client, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    import ipaddress
    import json

    from smartcv import netguard
    from smartcv.tests.http_receiver import Reply

    real = netguard.is_public_address
    monkeypatch.setattr(
        netguard, "is_public_address", lambda ip: ip == ipaddress.ip_address("127.0.0.1") or real(ip)
    )
    items = [
        {"title": "Platform Engineer", "reference": "J-1", "description": "Python"},
        {"reference": "J-2", "description": "no title"},
    ]
    receiver.reply(
        Reply(status=200, body=json.dumps(items).encode(), headers={"Content-Type": "application/json"})
    )
    url = receiver.url("/jobs.json")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(recruiter_client, "/jobs/feeds/", {"url": url})
    feed = JobFeed.objects.get(owner=recruiter)
    assert response.status_code == 302 and response["Location"] == f"/jobs/feeds/{feed.id}/"
    assert Job.objects.get(owner=recruiter, reference="J-1").title == "Platform Engineer"
    log = recruiter_client.get(response["Location"]).content.decode()
    assert "1 new job · 0 updated · 1 item error" in log
    assert "J-2" in log and "title" in log
    listing = recruiter_client.get("/jobs/feeds/").content.decode()
    assert url in listing and "Active" in listing


def test_a_private_or_duplicate_feed_url_is_refused_on_the_field(recruiter, recruiter_client):
    response = post(recruiter_client, "/jobs/feeds/", {"url": "http://127.0.0.1/jobs"})
    assert response.status_code == 400
    assert 'class="field has-error"' in response.content.decode()
    assert JobFeed.objects.count() == 0
    JobFeed.objects.create(owner=recruiter, url="https://ats.example/jobs.json")
    response = post(recruiter_client, "/jobs/feeds/", {"url": "https://ats.example/jobs.json"})
    assert response.status_code == 400
    assert "This feed URL is already registered" in response.content.decode()
    assert JobFeed.objects.count() == 1


def test_feed_can_be_paused_reactivated_and_deleted(recruiter, recruiter_client):
    feed = JobFeed.objects.create(owner=recruiter, url="https://ats.example/jobs.json")
    assert post(recruiter_client, f"/jobs/feeds/{feed.id}/toggle/")["Location"] == "/jobs/feeds/"
    feed.refresh_from_db()
    assert feed.is_active is False
    response = post(recruiter_client, f"/jobs/feeds/{feed.id}/toggle/", {"next": "detail"})
    assert response["Location"] == f"/jobs/feeds/{feed.id}/"
    feed.refresh_from_db()
    assert feed.is_active is True
    assert post(recruiter_client, f"/jobs/feeds/{feed.id}/delete/")["Location"] == "/jobs/feeds/"
    assert JobFeed.objects.count() == 0


def test_import_now_records_a_failed_run_for_an_unreachable_feed(
    recruiter, recruiter_client, django_capture_on_commit_callbacks
):
    feed = JobFeed.objects.create(owner=recruiter, url="https://localhost/jobs.json")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(recruiter_client, f"/jobs/feeds/{feed.id}/import/")
    assert response["Location"] == f"/jobs/feeds/{feed.id}/"
    run = feed.runs.get()
    assert run.status == "failed"
    log = recruiter_client.get(response["Location"]).content.decode()
    assert "Failed" in log and run.message in log


def test_another_accounts_feed_is_404_and_untouched(other_user, recruiter_client):
    feed = JobFeed.objects.create(owner=other_user, url="https://ats.example/jobs.json")
    assert recruiter_client.get(f"/jobs/feeds/{feed.id}/").status_code == 404
    assert post(recruiter_client, f"/jobs/feeds/{feed.id}/delete/").status_code == 404
    assert post(recruiter_client, f"/jobs/feeds/{feed.id}/toggle/").status_code == 404
    feed.refresh_from_db()
    assert feed.is_active is True


def test_feed_list_query_count_does_not_grow_with_feeds(recruiter, recruiter_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert recruiter_client.get("/jobs/feeds/").status_code == 200
        return len(ctx.captured_queries)

    JobFeed.objects.create(owner=recruiter, url="https://ats.example/a.json")
    few = queries()
    for n in range(5):
        JobFeed.objects.create(owner=recruiter, url=f"https://ats.example/{n}.json")
    assert queries() == few
