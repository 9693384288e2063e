"""Two tenants with one real object of every kind each, and a snapshot of what a tenant owns.

``build_tenant`` creates, through the services wherever a service exists, everything a user
can address by id or token: resume (+ share link with a comment, an export, a published
profile), candidate (+ stored file, tag, match), job (+ reference), job feed (+ run), webhook
endpoint (+ delivery), PDF batch, API key and render settings. Every text field carries the
tenant's ``marker`` so a response can be searched for leaked data.

``owned_snapshot`` reads every row that belongs to a user, in every model (found by walking
foreign keys to the user model), so a test can assert that another tenant's request changed
nothing of it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

DOCUMENT_PATH = Path(__file__).resolve().parents[2] / "rendering" / "tests" / "data" / "full_resume.json"


@dataclass
class Tenant:
    user: Any
    key: str
    marker: str
    ids: dict[str, str] = field(default_factory=dict)  # fixture kind → id / token
    secrets: list[str] = field(default_factory=list)  # values that must never leak

    def leaks(self, text: str) -> list[str]:
        """Which of this tenant's markers and secrets appear in ``text``."""
        lowered = text.lower()
        found = [self.marker] if self.marker.lower() in lowered else []
        return found + [secret for secret in self.secrets if secret in text]


def _document(marker: str) -> dict[str, Any]:
    document = json.loads(DOCUMENT_PATH.read_text(encoding="utf-8"))
    document["personal"]["name"] = f"Ada {marker}"
    document["personal"]["email"] = f"ada.{marker.lower()}@example.com"
    document["summary"] = f"Engineer {marker} with Python and Django."
    return document


def build_tenant(username: str, marker: str) -> Tenant:
    from matching.models import FeedRunStatus, JobFeedRun
    from matching.services import candidate_match_all, feed_create, job_create
    from parsing.models import Candidate, ParseStatus
    from parsing.page_services import candidate_tag_add
    from rendering.context import RenderOptions
    from rendering.models import PdfBatch, PdfBatchItem
    from rendering.services import resume_export, settings_get
    from resumes.document import validate_document
    from resumes.services import (
        profile_publish,
        resume_create,
        share_comment_create,
        share_link_create,
    )
    from smartcv import files
    from smartcv.services import api_key_create, credits_charge, user_create
    from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
    from webhooks.services import endpoint_create

    user = user_create(
        username=username,
        email=f"{username}@{marker.lower()}.example.com",
        password="correct horse 42",
        plan_code="growth",
    )
    key = api_key_create(user=user, name=f"{marker} key")
    tenant = Tenant(user=user, key=key.raw, marker=marker, secrets=[key.raw])
    ids = tenant.ids
    ids["api_key"] = str(key.api_key.pk)

    document = validate_document(_document(marker))
    resume = resume_create(owner=user, title=f"{marker} resume", document=document)
    ids["resume"] = str(resume.pk)
    link, _ = share_link_create(
        resume=resume,
        is_enabled=True,
        password=None,
        expires_at=None,
        allow_download=True,
        allow_comments=True,
    )
    ids["share_token"] = link.token
    tenant.secrets.append(link.token)
    share_comment_create(link=link, author_name=f"Visitor {marker}", text=f"Nice {marker}", client="t")
    resume_export(user=user, resume_id=resume.pk, fmt="txt", options=RenderOptions())
    profile_publish(user=user, document=document)
    settings_get(owner=user)
    credits_charge(user=user, amount=1, operation="parse", reference=marker)  # a usage period

    raw_document = _document(marker)
    stored = files.store(
        data=f"{marker} CV text\nPython Django\n".encode(), name="cvs/cv.txt", content_type="text/plain"
    )
    candidate = Candidate.objects.create(
        owner=user,
        full_name=raw_document["personal"]["name"],
        email=raw_document["personal"]["email"],
        current_title=f"{marker} engineer",
        skills=["Python", "Django"],
        document=raw_document,
        parsing_status=ParseStatus.COMPLETED,
        parsed_at=timezone.now(),
        file_name=stored,
        original_filename="cv.txt",
        content_type="text/plain",
        file_kind="txt",
        file_size=20,
    )
    ids["candidate"] = str(candidate.pk)
    ids["tag"] = str(candidate_tag_add(candidate=candidate, name=f"{marker} tag").pk)

    job = job_create(
        owner=user,
        data={
            "title": f"{marker} Python engineer",
            "reference": f"REF-{marker}",
            "description": f"{marker}: Python and Django",
            "required_skills": [{"skill": "Python", "weight": 1.0}],
        },
    )
    ids["job"] = str(job.pk)
    ids["job_reference"] = job.reference
    candidate_match_all(candidate=candidate)

    feed = feed_create(owner=user, url=f"https://feeds.{marker.lower()}.example.com/jobs.json")
    JobFeedRun.objects.create(
        feed=feed, status=FeedRunStatus.OK, finished_at=timezone.now(), message=f"{marker} ok"
    )
    ids["feed"] = str(feed.pk)

    endpoint = endpoint_create(
        owner=user,
        url=f"https://hooks.{marker.lower()}.example.com/in",
        description=f"{marker} hook",
        pdf_generated=True,
        parser_results=True,
        scores=True,
    )
    ids["webhook"] = str(endpoint.pk)
    tenant.secrets.append(endpoint.secret)
    # A settled (failed) delivery: redelivering it is a write another tenant must not trigger.
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        owner=user,
        event=WebhookEvent.PDF_GENERATED,
        payload=json.dumps({"marker": marker}),
        status=DeliveryStatus.FAILED,
        attempt_count=1,
        error_message=f"{marker} refused",
        last_attempt_at=timezone.now() - dt.timedelta(hours=1),
    )
    ids["delivery"] = str(delivery.pk)

    batch = PdfBatch.objects.create(
        owner=user,
        kind=PdfBatch.Kind.BULK,
        status=PdfBatch.Status.COMPLETED,
        total=1,
        completed_at=timezone.now(),
    )
    PdfBatchItem.objects.create(
        batch=batch,
        candidate_id=candidate.pk,
        position=0,
        status=PdfBatchItem.Status.FAILED,
        error=marker,
    )
    ids["batch"] = str(batch.pk)
    ids["username"] = user.username
    return tenant


def global_objects() -> dict[str, str]:
    """Ids of objects no tenant owns (templates, plans, groups), for the admin routes."""
    from resumes.models import Template
    from smartcv.models import Plan

    group, _ = Group.objects.get_or_create(name="security-tests")
    return {
        "resumes.template": str(Template.objects.order_by("sort_order").values_list("pk", flat=True)[0]),
        "smartcv.plan": str(Plan.objects.values_list("pk", flat=True)[0]),
        "auth.group": str(group.pk),
    }


# --- What a user owns -------------------------------------------------------------------------


def _owner_path(model, user_model, depth: int = 3) -> str | None:
    """The ORM lookup from ``model`` to its owning user ("" for the user model itself), or None
    when the model belongs to nobody (plans, templates…). Direct ``owner``/``user`` first."""
    if model is user_model:
        return ""
    relations = [f for f in model._meta.concrete_fields if f.many_to_one or f.one_to_one]
    relations = [f for f in relations if f.related_model is not None]
    for relation in relations:
        if relation.related_model is user_model:
            return relation.name
    if depth <= 1:
        return None
    for relation in relations:
        if relation.related_model is model:
            continue
        sub = _owner_path(relation.related_model, user_model, depth - 1)
        if sub:
            return f"{relation.name}__{sub}"
    return None


def owned_snapshot(user) -> dict[str, list[dict[str, Any]]]:
    """Every row of every model that belongs to ``user`` (auto-created m2m tables included)."""
    user_model = get_user_model()
    snapshot: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_models(include_auto_created=True):
        path = _owner_path(model, user_model)
        if path is None:
            continue
        lookup = "pk" if path == "" else path
        rows = model._base_manager.filter(**{lookup: user.pk}).order_by("pk").values()
        snapshot[model._meta.label] = [dict(row) for row in rows]
    return snapshot


# Bookkeeping every authenticated request of its own user updates (key last used, API calls).
_REQUEST_BOOKKEEPING = {"smartcv.ApiKey": ("last_used_at",), "smartcv.UsagePeriod": ("api_calls",)}


def own_snapshot(user) -> dict[str, list[dict[str, Any]]]:
    """``owned_snapshot`` without the counters the caller's own requests move: what must stay
    the same for the *caller* when a request is refused (no batch, no charge, no job)."""
    snapshot = owned_snapshot(user)
    for label, names in _REQUEST_BOOKKEEPING.items():
        snapshot[label] = [{k: v for k, v in row.items() if k not in names} for row in snapshot[label]]
    return snapshot


def global_snapshot() -> dict[str, list[dict[str, Any]]]:
    """Rows nobody owns that a tenant's request must not change either (templates, plans)."""
    from resumes.models import Template
    from smartcv.models import Plan

    return {
        model._meta.label: [dict(r) for r in model._base_manager.order_by("pk").values()]
        for model in (Template, Plan, Group)
    }
