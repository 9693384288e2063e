"""Jobs in both dialects: parserpro /api/v1/jobs and reader /api/jobs/api-key…"""

import json

import pytest

from matching.models import Job, Match
from parsing.models import Candidate
from smartcv.services import api_key_create

pytestmark = pytest.mark.django_db

JOB = {
    "title": "Senior Backend Engineer",
    "description": "We are looking for...",
    "required_skills": [{"skill": "Python", "weight": 1.0}, {"skill": "postgres", "weight": 0.8}],
    "nice_to_have_skills": [{"skill": "Docker", "weight": 0.5}],
    "min_experience_years": 3,
    "max_experience_years": 8,
    "education_level": "bachelors",
    "preferred_locations": ["Remote", "Mexico City"],
    "salary_min": 80000,
    "salary_max": 120000,
}


def test_parserpro_create_as_documented(api_client, recruiter):
    response = api_client().post("/api/v1/jobs", JOB, format="json")
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["title"] == "Senior Backend Engineer"
    assert data["required_skills"] == [
        {"skill": "Python", "weight": 1.0},
        {"skill": "PostgreSQL", "weight": 0.8},
    ]
    assert data["status"] == "active"
    assert (data["candidate_count"], data["candidates"]) == (0, [])
    assert Job.objects.get(id=data["id"]).owner == recruiter


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"required_skills": [{"skill": "Python", "weight": 1.5}]}, "required_skills.0.weight"),
        ({"nice_to_have_skills": [{"skill": "", "weight": 0.5}]}, "nice_to_have_skills.0.skill"),
        ({"education_level": "wizard"}, "education_level"),
        ({"min_experience_years": 9, "max_experience_years": 2}, "min_experience_years"),
        ({"salary_min": 5, "salary_max": 1}, "salary_min"),
        ({"status": "open"}, "status"),
        ({"title": ""}, "title"),
    ],
)
def test_parserpro_bad_jobs_are_400_and_change_nothing(api_client, change, field):
    response = api_client().post("/api/v1/jobs", {**JOB, **change}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in [d["field"] for d in error["details"]]
    assert Job.objects.count() == 0


def test_parserpro_reference_clash_is_a_409(api_client):
    assert (
        api_client().post("/api/v1/jobs", {**JOB, "reference": "J-1"}, format="json").status_code == 201
    )
    clash = api_client().post("/api/v1/jobs", {**JOB, "reference": "J-1"}, format="json")
    assert clash.status_code == 409
    assert Job.objects.count() == 1


def test_parserpro_list_filters_sorts_and_paginates(api_client):
    client = api_client()
    for title, status in [
        ("Backend Engineer", "active"),
        ("Data Engineer", "paused"),
        ("Designer", "active"),
    ]:
        client.post("/api/v1/jobs", {**JOB, "title": title, "status": status}, format="json")
    body = client.get("/api/v1/jobs?status=active&search=ENGINEER").json()
    assert [j["title"] for j in body["data"]] == ["Backend Engineer"]
    assert body["meta"]["limit"] == 50
    ordered = client.get("/api/v1/jobs?sort=title&order=asc&limit=2").json()
    assert [j["title"] for j in ordered["data"]] == ["Backend Engineer", "Data Engineer"]
    assert ordered["meta"]["has_next"] is True
    for bad in ("sort=salary", "order=up", "status=open"):
        assert client.get(f"/api/v1/jobs?{bad}").status_code == 400


def test_parserpro_get_lists_candidates_best_first(api_client, recruiter):
    job_id = api_client().post("/api/v1/jobs", JOB, format="json").json()["data"]["id"]
    job = Job.objects.get(id=job_id)
    ann = Candidate.objects.create(owner=recruiter, full_name="Ann", skills=["Python"])
    bob = Candidate.objects.create(owner=recruiter, full_name="Bob", skills=["Go"])
    Match.objects.create(job=job, candidate=bob, total_score=41.4, breakdown={"skills": 20})
    Match.objects.create(
        job=job, candidate=ann, total_score=92.6, breakdown={"skills": 95}, pipeline_status="screening"
    )
    data = api_client().get(f"/api/v1/jobs/{job_id}").json()["data"]
    assert data["candidate_count"] == 2
    assert [(c["full_name"], c["match_score"], c["pipeline_status"]) for c in data["candidates"]] == [
        ("Ann", 93, "screening"),
        ("Bob", 41, "new"),
    ]
    assert data["candidates"][0]["score_breakdown"] == {"skills": 95}
    jobs = api_client().get(f"/api/v1/candidates/{ann.id}").json()["data"]["jobs"]
    assert jobs == [
        {
            "job_id": job_id,
            "job_title": JOB["title"],
            "match_score": 93,
            "status": "screening",
            "score_breakdown": {"skills": 95},
        }
    ]


def test_parserpro_patch_and_delete(api_client, recruiter):
    job_id = api_client().post("/api/v1/jobs", JOB, format="json").json()["data"]["id"]
    patched = api_client().patch(f"/api/v1/jobs/{job_id}", {"status": "closed"}, format="json")
    assert patched.json()["data"]["status"] == "closed"
    assert patched.json()["data"]["title"] == JOB["title"]
    refused = api_client().patch(f"/api/v1/jobs/{job_id}", {"min_experience_years": 20}, format="json")
    assert refused.status_code == 400
    assert Job.objects.get(id=job_id).min_experience_years == 3
    Match.objects.create(
        job_id=job_id, candidate=Candidate.objects.create(owner=recruiter), total_score=1
    )
    deleted = api_client().delete(f"/api/v1/jobs/{job_id}")
    assert deleted.json() == {"success": True, "message": "Job deleted successfully"}
    assert (Job.objects.count(), Match.objects.count()) == (0, 0)


def test_parserpro_foreign_job_is_a_404(api_client, other_user):
    job_id = api_client().post("/api/v1/jobs", JOB, format="json").json()["data"]["id"]
    foreign = api_client(api_key_create(user=other_user).raw)
    for method in ("get", "patch", "delete"):
        assert getattr(foreign, method)(f"/api/v1/jobs/{job_id}", {}, format="json").status_code == 404
    assert Job.objects.count() == 1


READER_JOB = {
    "title": "Senior Java Developer",
    "reference": "JOB-2026-001",
    "description": "We are looking for a Senior Java Developer...",
    "profile": "Experienced backend engineer",
    "experience": "5+ years",
    "education": "Bachelor's degree",
    "skills": '["Java","Spring Boot","Docker"]',
    "company": "TechCorp",
    "country": "FR",
    "city": "Paris",
    "status": "ACTIVE",
}


def test_reader_create_as_documented(api_client):
    response = api_client(style="apikey").post("/api/jobs/api-key", READER_JOB, format="json")
    assert response.status_code == 200
    data = response.json()
    for key in ("title", "reference", "company", "country", "city", "status", "experience", "education"):
        assert data[key] == READER_JOB[key]
    assert json.loads(data["skills"]) == ["Java", "Spring Boot", "Docker"]
    job = Job.objects.get(id=data["id"])
    assert (job.min_experience_years, job.education_level, job.status) == (5.0, "bachelors", "active")


@pytest.mark.parametrize(
    "change", [{"skills": "Java, Docker"}, {"skills": "[1, 2]"}, {"status": "OPEN"}, {"title": ""}]
)
def test_reader_bad_jobs_are_400(api_client, change):
    response = api_client(style="apikey").post(
        "/api/jobs/api-key", {**READER_JOB, **change}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["status"] == 400
    assert Job.objects.count() == 0


def test_reader_list_is_a_spring_page_with_filters(api_client):
    client = api_client(style="apikey")
    for index, status in enumerate(["ACTIVE", "DRAFT", "ACTIVE"]):
        client.post(
            "/api/jobs/api-key",
            {**READER_JOB, "reference": f"JOB-{index}", "title": f"Dev {index}", "status": status},
            format="json",
        )
    page = client.get("/api/jobs/api-key/my?page=0&size=2&status=ACTIVE").json()
    assert (page["totalElements"], page["totalPages"], page["number"], page["size"]) == (2, 1, 0, 2)
    assert {j["status"] for j in page["content"]} == {"ACTIVE"}
    assert client.get("/api/jobs/api-key/my?reference=job-1").json()["totalElements"] == 1
    assert client.get("/api/jobs/api-key/my?title=dev").json()["totalElements"] == 3
    assert client.get("/api/jobs/api-key/my?postedFrom=2999-01-01").json()["totalElements"] == 0
    assert client.get("/api/jobs/api-key/my?postedTo=2999-01-01T00:00:00Z").json()["totalElements"] == 3
    assert client.get("/api/jobs/api-key/my?postedFrom=yesterday").status_code == 400


def test_reader_get_and_partial_put(api_client):
    client = api_client(style="apikey")
    job_id = client.post("/api/jobs/api-key", READER_JOB, format="json").json()["id"]
    updated = client.put(
        f"/api/jobs/api-key/my/{job_id}", {"title": "Lead Java Developer", "city": "Lyon"}, format="json"
    ).json()
    assert (updated["title"], updated["city"], updated["company"]) == (
        "Lead Java Developer",
        "Lyon",
        "TechCorp",
    )
    assert client.get(f"/api/jobs/api-key/my/{job_id}").json()["city"] == "Lyon"


def test_reader_foreign_job_is_403_and_missing_is_404(api_client, other_user):
    job_id = api_client().post("/api/jobs/api-key", READER_JOB, format="json").json()["id"]
    foreign = api_client(api_key_create(user=other_user).raw, style="apikey")
    assert foreign.get(f"/api/jobs/api-key/my/{job_id}").status_code == 403
    assert (
        foreign.put(f"/api/jobs/api-key/my/{job_id}", {"title": "x"}, format="json").status_code == 403
    )
    assert Job.objects.get(id=job_id).title == READER_JOB["title"]
    missing = api_client(style="apikey").get("/api/jobs/api-key/my/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404


def _matched(recruiter, status="new"):
    job = Job.objects.create(owner=recruiter, title="Backend Engineer")
    candidate = Candidate.objects.create(owner=recruiter, full_name="Ann", skills=["Python"])
    match = Match.objects.create(
        job=job, candidate=candidate, total_score=80.4, breakdown={"skills": 90}, pipeline_status=status
    )
    return job, candidate, match


def test_parserpro_pipeline_status_is_settable(api_client, recruiter):
    job, candidate, match = _matched(recruiter)
    response = api_client().patch(
        f"/api/v1/jobs/{job.id}/candidates/{candidate.id}",
        {"pipeline_status": "interview"},
        format="json",
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["candidate_id"], data["full_name"], data["match_score"], data["pipeline_status"]) == (
        str(candidate.id),
        "Ann",
        80,
        "interview",
    )
    assert data["score_breakdown"] == {"skills": 90}
    match.refresh_from_db()
    assert match.pipeline_status == "interview"
    listed = api_client().get(f"/api/v1/jobs/{job.id}").json()["data"]["candidates"]
    assert [c["pipeline_status"] for c in listed] == ["interview"]


@pytest.mark.parametrize("body", [{"pipeline_status": "promoted"}, {"pipeline_status": ""}, {}])
def test_parserpro_unknown_pipeline_status_is_a_400_and_changes_nothing(api_client, recruiter, body):
    job, candidate, match = _matched(recruiter, status="screening")
    response = api_client().patch(
        f"/api/v1/jobs/{job.id}/candidates/{candidate.id}", body, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
    assert "pipeline_status" in [d["field"] for d in response.json()["error"]["details"]]
    match.refresh_from_db()
    assert match.pipeline_status == "screening"


def test_parserpro_pipeline_status_of_foreign_or_missing_match_is_a_404(
    api_client, recruiter, other_user
):
    job, candidate, match = _matched(recruiter)
    lone = Candidate.objects.create(owner=recruiter, full_name="Unmatched")
    foreign = api_client(api_key_create(user=other_user).raw)
    for client, path in [
        (foreign, f"/api/v1/jobs/{job.id}/candidates/{candidate.id}"),
        (api_client(), f"/api/v1/jobs/{job.id}/candidates/{lone.id}"),
        (api_client(), f"/api/v1/jobs/not-a-uuid/candidates/{candidate.id}"),
    ]:
        response = client.patch(path, {"pipeline_status": "hired"}, format="json")
        assert response.status_code == 404
    match.refresh_from_db()
    assert match.pipeline_status == "new"


def test_match_set_status_service(recruiter):
    from matching.services import match_set_status
    from smartcv.errors import ApplicationError

    _, _, match = _matched(recruiter)
    assert match_set_status(match=match, status="offer").pipeline_status == "offer"
    with pytest.raises(ApplicationError) as refused:
        match_set_status(match=match, status="OFFER")
    assert refused.value.status == 400
    match.refresh_from_db()
    assert match.pipeline_status == "offer"
