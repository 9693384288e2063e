"""Job feeds: registration (reader-style API), imports through the real public-address-only
fetcher against a live HTTP server, and the per-feed error log."""

import ipaddress
import json

import pytest

from matching.models import Job, JobFeed, JobFeedRun, JobSource
from matching.services import feed_import
from smartcv import netguard
from smartcv.services import api_key_create
from smartcv.tests.http_receiver import Reply

pytestmark = pytest.mark.django_db

ITEMS = [
    {
        "title": "Senior Software Engineer",
        "reference": "JOB-2023-456",
        "description": "Required: Python, Django and PostgreSQL. 5+ years of experience.",
        "company": "TechCorp",
        "country": "FR",
        "city": "Paris",
    },
    {"title": "Data Analyst", "reference": "JOB-2023-457", "description": "SQL", "city": "Lyon"},
]


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Only for success paths: let the live receiver on 127.0.0.1 count as public. The fetch
    itself stays real (resolution, connection, limits)."""
    real = netguard.is_public_address
    monkeypatch.setattr(
        netguard, "is_public_address", lambda ip: ip == ipaddress.ip_address("127.0.0.1") or real(ip)
    )


def _feed(owner, receiver) -> JobFeed:
    return JobFeed.objects.create(owner=owner, url=receiver.url("/api/jobs"))


def _json(data, status=200) -> Reply:
    return Reply(
        status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )


def test_import_creates_jobs_from_job_items(recruiter, receiver, loopback_is_public):
    receiver.reply(_json(ITEMS))
    feed = _feed(recruiter, receiver)
    run = feed_import(feed=feed)
    assert (run.status, run.imported, run.updated, run.errors) == ("ok", 2, 0, [])
    assert run.message == "2 item(s): 2 imported, 0 updated, 0 unchanged, 0 refused"
    job = Job.objects.get(reference="JOB-2023-456")
    assert (job.owner, job.title, job.company, job.country, job.city, job.source) == (
        recruiter,
        "Senior Software Engineer",
        "TechCorp",
        "FR",
        "Paris",
        JobSource.FEED,
    )
    assert [s["skill"] for s in job.required_skills] == ["Python", "Django", "PostgreSQL"]
    assert job.min_experience_years == 5
    assert receiver.received[0].headers["accept"] == "application/json"
    feed.refresh_from_db()
    assert feed.last_status == "ok"
    assert feed.last_run_at == run.finished_at


def test_import_upserts_by_reference(recruiter, receiver, loopback_is_public):
    Job.objects.create(owner=recruiter, title="Old title", reference="JOB-2023-456")
    receiver.reply(_json(ITEMS), _json([{**ITEMS[0], "city": "Nice"}, ITEMS[1]]))
    feed = _feed(recruiter, receiver)
    first = feed_import(feed=feed)
    assert (first.imported, first.updated) == (1, 1)
    second = feed_import(feed=feed)
    assert (second.imported, second.updated) == (0, 1)
    assert second.message == "2 item(s): 0 imported, 1 updated, 1 unchanged, 0 refused"
    assert Job.objects.count() == 2
    assert Job.objects.get(reference="JOB-2023-456").city == "Nice"


def test_bad_items_are_reported_per_item_and_the_rest_imported(recruiter, receiver, loopback_is_public):
    receiver.reply(
        _json(
            [
                ITEMS[0],
                {"title": "No reference"},
                {"reference": "R-2", "description": "no title"},
                "not an object",
                {**ITEMS[0], "title": "Same reference again"},
                {"title": 5, "reference": "R-3"},
                ITEMS[1],
            ]
        )
    )
    run = feed_import(feed=_feed(recruiter, receiver))
    assert (run.status, run.imported) == ("ok", 2)
    assert run.errors == [
        {"item": 1, "reference": None, "error": "reference is missing"},
        {"item": 2, "reference": "R-2", "error": "title is missing"},
        {"item": 3, "reference": None, "error": "not a JSON object"},
        {
            "item": 4,
            "reference": "JOB-2023-456",
            "error": "duplicate reference in this feed (the first one was kept)",
        },
        {"item": 5, "reference": "R-3", "error": "title must be a string"},
    ]
    assert sorted(Job.objects.values_list("reference", "title")) == [
        ("JOB-2023-456", "Senior Software Engineer"),
        ("JOB-2023-457", "Data Analyst"),
    ]


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (
            Reply(body=b"{not json", headers={"Content-Type": "application/json"}),
            "not_json: the response is not JSON (application/json)",
        ),
        (
            Reply(body=b"<html><body>Jobs</body></html>", headers={"Content-Type": "text/html"}),
            "not_json: the response is not JSON (text/html)",
        ),
        (_json({"jobs": ITEMS}), "not_an_array: expected a JSON array of jobs, got a JSON dict"),
        (_json({"error": "boom"}, status=500), "http_error: the feed answered HTTP 500"),
    ],
)
def test_garbage_feeds_fail_with_a_clear_message_and_change_nothing(
    recruiter, receiver, loopback_is_public, reply, message
):
    receiver.reply(reply)
    feed = _feed(recruiter, receiver)
    run = feed_import(feed=feed)
    assert (run.status, run.message, run.imported, run.errors) == ("failed", message, 0, [])
    assert Job.objects.count() == 0
    feed.refresh_from_db()
    assert feed.last_status == "failed"


def test_a_slow_feed_times_out(recruiter, receiver, loopback_is_public, monkeypatch):
    monkeypatch.setattr("matching.services.FEED_TIMEOUT", 0.3)
    receiver.reply(Reply(body=json.dumps(ITEMS).encode(), delay=1.5))
    run = feed_import(feed=_feed(recruiter, receiver))
    assert run.status == "failed"
    assert run.message.startswith("timeout: ")
    assert Job.objects.count() == 0


def test_a_private_address_is_refused_without_a_request(recruiter, receiver):
    receiver.reply(_json(ITEMS))
    feed = _feed(recruiter, receiver)  # stored directly: the API refuses it at registration
    run = feed_import(feed=feed)
    assert run.status == "failed"
    assert run.message.startswith("blocked_address: ")
    assert receiver.received == []
    assert Job.objects.count() == 0


def test_a_feed_larger_than_the_cap_is_refused(recruiter, receiver, loopback_is_public, monkeypatch):
    monkeypatch.setattr("matching.services.FEED_MAX_BYTES", 100)
    receiver.reply(_json(ITEMS))
    run = feed_import(feed=_feed(recruiter, receiver))
    assert (run.status, run.message.split(":")[0]) == ("failed", "too_large")
    assert Job.objects.count() == 0


# --- API ----------------------------------------------------------------------------------------


def test_feed_api_create_list_get_update_delete(api_client, recruiter):
    client = api_client()
    created = client.post("/api/jobs/feeds", {"url": "https://jobs.example.com/api/jobs"}, format="json")
    assert created.status_code == 201
    feed = created.json()
    assert (feed["url"], feed["isActive"], feed["lastRunAt"], feed["lastStatus"]) == (
        "https://jobs.example.com/api/jobs",
        True,
        None,
        None,
    )
    page = client.get("/api/jobs/feeds").json()
    assert (page["totalElements"], [f["id"] for f in page["content"]]) == (1, [feed["id"]])
    assert client.get(f"/api/jobs/feeds/{feed['id']}").json()["url"] == feed["url"]
    paused = client.put(f"/api/jobs/feeds/{feed['id']}", {"isActive": False}, format="json")
    assert (paused.json()["isActive"], paused.json()["url"]) == (False, feed["url"])
    assert client.delete(f"/api/jobs/feeds/{feed['id']}").status_code == 204
    assert JobFeed.objects.filter(owner=recruiter).count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/jobs",
        "http://10.0.0.7/jobs",
        "http://localhost/jobs",
        "ftp://example.com/x",
        "nope",
        "",
    ],
)
def test_feed_api_refuses_bad_and_private_urls(api_client, url):
    response = api_client().post("/api/jobs/feeds", {"url": url}, format="json")
    assert response.status_code == 400
    assert response.json()["status"] == 400
    assert JobFeed.objects.count() == 0


def test_feed_api_duplicate_url_is_a_409(api_client):
    body = {"url": "https://jobs.example.com/api/jobs"}
    assert api_client().post("/api/jobs/feeds", body, format="json").status_code == 201
    assert api_client().post("/api/jobs/feeds", body, format="json").status_code == 409
    assert JobFeed.objects.count() == 1


def test_feed_api_foreign_feed_is_a_404(api_client, recruiter, other_user):
    feed = JobFeed.objects.create(owner=recruiter, url="https://jobs.example.com/api/jobs")
    foreign = api_client(api_key_create(user=other_user).raw)
    for method, path in [
        ("get", f"/api/jobs/feeds/{feed.id}"),
        ("put", f"/api/jobs/feeds/{feed.id}"),
        ("delete", f"/api/jobs/feeds/{feed.id}"),
        ("post", f"/api/jobs/feeds/{feed.id}/import"),
        ("get", f"/api/jobs/feeds/{feed.id}/runs"),
        ("get", "/api/jobs/feeds/not-a-uuid"),
    ]:
        assert getattr(foreign, method)(path, {"isActive": False}, format="json").status_code == 404
    feed.refresh_from_db()
    assert (feed.is_active, JobFeedRun.objects.count()) == (True, 0)


def test_feed_api_import_on_demand_then_runs(
    api_client, recruiter, receiver, loopback_is_public, django_capture_on_commit_callbacks
):
    receiver.reply(_json(ITEMS))
    client = api_client()
    feed_id = client.post("/api/jobs/feeds", {"url": receiver.url("/api/jobs")}, format="json").json()[
        "id"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(f"/api/jobs/feeds/{feed_id}/import")
    assert (queued.status_code, queued.json()) == (202, {"feedId": feed_id, "status": "QUEUED"})
    runs = client.get(f"/api/jobs/feeds/{feed_id}/runs").json()
    assert runs["totalElements"] == 1
    run = runs["content"][0]
    assert (run["status"], run["imported"], run["updated"], run["errors"]) == ("OK", 2, 0, [])
    assert client.get(f"/api/jobs/feeds/{feed_id}").json()["lastStatus"] == "OK"
    assert Job.objects.filter(owner=recruiter, source="feed").count() == 2


def test_beat_imports_only_active_feeds(recruiter, receiver, loopback_is_public):
    from matching.tasks import feeds_import_due_task

    receiver.reply(_json(ITEMS))
    active = _feed(recruiter, receiver)
    JobFeed.objects.create(owner=recruiter, url=receiver.url("/paused"), is_active=False)
    assert feeds_import_due_task.delay().get() == 1
    assert list(JobFeedRun.objects.values_list("feed_id", "status")) == [(active.id, "ok")]
    assert [r.path for r in receiver.received] == ["/api/jobs"]
