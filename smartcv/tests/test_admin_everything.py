"""Every model of the project is in the admin, and each changelist opens for staff."""

import pytest
from django.apps import apps
from django.contrib import admin

pytestmark = pytest.mark.django_db
APPS = ("smartcv", "resumes", "parsing", "matching", "rendering", "webhooks")
# Internal rows shown inline on their parent instead of on a page of their own.
INLINE_ONLY = {"CandidateSkill", "WebhookAttempt", "PdfBatchItem", "JobFeedRun", "ShareComment"}


def test_every_model_is_registered():
    missing = [
        model.__name__
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and model not in admin.site._registry
        and model.__name__ not in INLINE_ONLY
    ]
    assert missing == []


def test_every_changelist_opens(admin_client):
    for model in admin.site._registry:
        if model._meta.app_label in APPS:
            url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            assert admin_client.get(url).status_code == 200, url


def test_admin_rescore_action_scores_the_job(
    admin_client, recruiter, django_capture_on_commit_callbacks
):
    from matching.models import Job, Match
    from parsing.models import Candidate, ParseStatus

    job = Job.objects.create(
        owner=recruiter, title="Python Developer", required_skills=[{"skill": "Python", "weight": 1}]
    )
    Candidate.objects.create(
        owner=recruiter, full_name="Py", skills=["Python"], parsing_status=ParseStatus.COMPLETED
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/matching/job/", {"action": "rescore", "_selected_action": [str(job.pk)]}
        )
    assert Match.objects.filter(job=job).count() == 1


def test_admin_regenerates_only_failed_pdfs(admin_client, recruiter, django_capture_on_commit_callbacks):
    from parsing.models import Candidate, ParseStatus
    from rendering.models import PdfBatch, PdfBatchItem
    from resumes.document import ResumeDocument

    candidate = Candidate.objects.create(
        owner=recruiter,
        full_name="Ann Lee",
        parsing_status=ParseStatus.COMPLETED,
        document=ResumeDocument.model_validate({"personal": {"name": "Ann Lee"}}).to_json(),
    )
    batch = PdfBatch.objects.create(
        owner=recruiter, kind=PdfBatch.Kind.BULK, status=PdfBatch.Status.PARTIAL, total=2
    )
    done = PdfBatchItem.objects.create(
        batch=batch, candidate_id=candidate.id, position=0, status="DONE", file="x.pdf"
    )
    failed = PdfBatchItem.objects.create(
        batch=batch,
        candidate_id=Candidate.objects.create(
            owner=recruiter,
            full_name="Bo Li",
            parsing_status=ParseStatus.COMPLETED,
            document=ResumeDocument.model_validate({"personal": {"name": "Bo Li"}}).to_json(),
        ).id,
        position=1,
        status="FAILED",
        error="boom",
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/rendering/pdfbatch/", {"action": "retry_failed", "_selected_action": [str(batch.pk)]}
        )
    done.refresh_from_db()
    failed.refresh_from_db()
    assert (done.status, done.file) == ("DONE", "x.pdf")
    assert failed.status == "DONE" and failed.file and failed.error == ""
