"""Reads of the resumes app: ownership checks and the list queries (constant query count)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet

from resumes.models import PublishedProfile, Resume, ShareLink, Template
from smartcv.errors import ApplicationError


def parse_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def resume_not_found(resume_id: Any) -> ApplicationError:
    return ApplicationError(
        "resume_not_found",
        "Resume does not exist or has been deleted",
        status=404,
        details={"resumeId": str(resume_id)},
    )


def resume_get_for_user(*, user, resume_id: Any) -> Resume:
    """The user's live resume; 404 ``resume_not_found`` (missing, deleted, malformed id) or
    403 ``resume_not_owned`` (someone else's)."""
    pk = parse_uuid(resume_id)
    resume = (
        Resume.objects.select_related("template", "share_link").filter(pk=pk).first() if pk else None
    )
    if resume is None or resume.deleted_at is not None:
        raise resume_not_found(resume_id)
    if resume.owner_id != user.pk:
        raise ApplicationError(
            "resume_not_owned",
            "No permission to access this resume",
            status=403,
            details={"resumeId": str(resume_id)},
        )
    return resume


def resume_list(*, user, status: str | None = None) -> QuerySet[Resume]:
    """The user's live resumes, newest first, with template and share link joined in."""
    qs = (
        Resume.objects.alive()
        .filter(owner=user)
        .select_related("template", "share_link")
        .order_by("-created_at", "-id")
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def template_default() -> Template | None:
    return Template.objects.filter(is_active=True).order_by("sort_order", "name").first()


def template_list(*, category: str | None = None) -> QuerySet[Template]:
    qs = Template.objects.filter(is_active=True).order_by("sort_order", "name")
    if category:
        qs = qs.filter(category=category)
    return qs


def template_get(*, template_id: Any) -> Template:
    pk = parse_uuid(template_id)
    template = Template.objects.filter(pk=pk, is_active=True).first() if pk else None
    if template is None:
        raise ApplicationError(
            "template_not_found",
            "Template does not exist",
            status=404,
            details={"templateId": str(template_id)},
        )
    return template


def resume_template(resume: Resume) -> Template | None:
    """The template a resume renders with: its own if still active, else the default."""
    if resume.template is not None and resume.template.is_active:
        return resume.template
    return template_default()


def profile_template(profile: PublishedProfile) -> Template | None:
    """The layout a public profile is drawn in: the one it was published with while still
    active, else the default."""
    if profile.template is not None and profile.template.is_active:
        return profile.template
    return template_default()


def share_link_get_public(*, token: str) -> ShareLink | None:
    """The live share link for a token, or None (unknown, disabled, expired, deleted resume)."""
    if not token or len(token) > 64:
        return None
    link = (
        ShareLink.objects.select_related("resume", "resume__template", "resume__owner")
        .filter(token=token)
        .first()
    )
    if link is None or not link.is_live():
        return None
    return link
