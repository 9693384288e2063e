"""reader score endpoints, the scoring queue, and matches kept current."""

import json

import pytest

from matching.models import Job, Match
from parsing.models import Candidate, ParseStatus
from smartcv.services import api_key_create
from webhooks.services import endpoint_create

pytestmark = pytest.mark.django_db


def _candidate(owner, name, skills, title, years=5, location="Paris, France"):
    return Candidate.objects.create(
        owner=owner,
        full_name=name,
        skills=skills,
        current_title=title,
        years_of_experience=years,
        location=location,
        parsing_status=ParseStatus.COMPLETED,
        education=[{"institution": "X", "degree": "Master of Science", "field": "CS"}],
    )


@pytest.fixture
def people(recruiter):
    return {
        "java": _candidate(recruiter, "Jade", ["Java", "Spring Boot", "Docker"], "Java Developer"),
        "python": _candidate(recruiter, "Paul", ["Python", "Django"], "Backend Engineer"),
        "books": _candidate(recruiter, "Anna", ["Excel", "Accounting"], "Accountant", years=10),
    }


def _job(client, **overrides):
    body = {
        "title": "Senior Java Developer",
        "reference": "JOB-1",
        "skills": '["Java","Spring Boot","Docker"]',
        "experience": "3+ years",
        "education": "Bachelor's degree",
        "city": "Paris",
        "country": "France",
        "status": "ACTIVE",
        **overrides,
    }
    return client.post("/api/jobs/api-key", body, format="json").json()


def test_creating_a_job_scores_the_candidates(api_client, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = _job(api_client(style="apikey"))
    scores = dict(
        Match.objects.filter(job_id=job["id"]).values_list("candidate__full_name", "total_score")
    )
    assert set(scores) == {"Jade", "Paul", "Anna"}
    # all three skills of a job naming fewer than 4 (evidence 3/4); the job's only text is its
    # title, whose words senior/java/developer Jade's words java/developer/spring/boot/docker
    # share: (2/√3)/√5 = 0.52 ≥ 0.3, a full text fit; so fit = 0.75·1 + 0.25·1 = 1 and skills
    # = 100·(0.8·1 + 0.2·1) = 100; years, degree and city fit: total = 0.7·100 + 0.3·100 = 100
    assert scores["Jade"] == 100.0
    assert scores["Jade"] > max(scores["Paul"], scores["Anna"])


def test_resumes_for_job_ranks_best_first(api_client, people):
    client = api_client(style="apikey")
    _job(client)
    ranked = client.get("/api/scores/resumes-for-job/JOB-1").json()
    assert ranked[0]["resumeId"] == str(people["java"].id)
    assert [r["totalScore"] for r in ranked] == sorted((r["totalScore"] for r in ranked), reverse=True)
    assert len(client.get("/api/scores/resumes-for-job/JOB-1?limit=1").json()) == 1
    assert client.get("/api/scores/resumes-for-job/NOPE").status_code == 404


def test_jobs_for_resume_ranks_my_open_jobs(api_client, people):
    client = api_client(style="apikey")
    java = _job(client)
    python = _job(client, title="Python Engineer", reference="JOB-2", skills='["Python","Django"]')
    _job(client, title="Closed Java role", reference="JOB-3", status="CLOSED")
    ranked = client.get(f"/api/scores/jobs-for-resume/{people['python'].id}").json()
    assert [r["jobId"] for r in ranked] == [python["id"], java["id"]]
    assert ranked[0]["totalScore"] > ranked[1]["totalScore"]


def test_foreign_resume_is_a_404(api_client, people, other_user):
    foreign = api_client(api_key_create(user=other_user).raw, style="apikey")
    assert foreign.get(f"/api/scores/jobs-for-resume/{people['java'].id}").status_code == 404
    assert (
        foreign.post(
            f"/api/scores/match-job-resume/{people['java'].id}", {"title": "x"}, format="json"
        ).status_code
        == 404
    )


def test_match_job_resume_scores_without_storing(api_client, people):
    client = api_client(style="apikey")
    body = {"title": "Java Developer", "skills": '["Java","Salesforce"]', "experience": "10+ years"}
    result = client.post(f"/api/scores/match-job-resume/{people['java'].id}", body, format="json").json()
    assert result["resumeId"] == str(people["java"].id)
    assert result["explanation"]["matched"] == ["Java"]
    assert result["explanation"]["missing"] == ["Salesforce"]
    assert result["breakdown"]["experience"] == 50
    assert (Job.objects.count(), Match.objects.count()) == (0, 0)


def test_match_job_resume_reads_skills_from_a_description(api_client, people):
    body = {"title": "Backend Engineer", "description": "Requirements: Python and Django."}
    result = (
        api_client(style="apikey")
        .post(f"/api/scores/match-job-resume/{people['python'].id}", body, format="json")
        .json()
    )
    assert set(result["explanation"]["matched"]) == {"Python", "Django"}


def test_queue_scores_and_delivers_by_webhook(
    api_client, recruiter, people, receiver, settings, django_capture_on_commit_callbacks
):
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    endpoint_create(owner=recruiter, url=receiver.url(), scores=True)
    client = api_client(style="apikey")
    _job(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/jobs/queue", ["JOB-1"], format="json")
    assert response.status_code == 202
    assert response.json() == {"status": "QUEUED", "references": ["JOB-1"]}
    (request,) = receiver.received
    payload = json.loads(request.body)
    assert payload["jobReference"] == "JOB-1"
    assert payload["scores"][0]["resumeId"] == str(people["java"].id)


@pytest.mark.parametrize(
    ("body", "status"), [([], 400), ({"refs": 1}, 400), (["NOPE"], 404), ([1, 2], 400)]
)
def test_queue_bad_requests(api_client, body, status):
    assert api_client(style="apikey").post("/api/jobs/queue", body, format="json").status_code == status


def test_a_skill_the_cv_text_mentions_counts_as_matched(api_client, people):
    jade = people["java"]
    jade.metadata = {"skills_mentioned": ["Salesforce"]}
    jade.save()
    body = {"title": "Java Developer", "skills": '["Java","Salesforce"]'}
    result = api_client(style="apikey").post(
        f"/api/scores/match-job-resume/{jade.id}", body, format="json"
    )
    explanation = result.json()["explanation"]
    assert explanation["matched"] == ["Java", "Salesforce"]
    assert explanation["mentioned"] == ["Salesforce"]
    assert explanation["missing"] == []
