"""Writes of the resumes app: templates, resumes, projects, share links, comments, profiles.

Every write goes through here (API views, pages, admin actions, seed data). Services are
keyword-only; they validate content as a ``ResumeDocument`` and keep the ATS and keyword
scores in step with it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from matching.ats import AtsReport, analyse
from resumes.document import (
    MAX_DOCUMENT_BYTES,
    SECTIONS,
    DocumentError,
    DocumentTooLarge,
    ProjectItem,
    ResumeDocument,
    validate_document,
)
from resumes.layouts import layouts_read
from resumes.models import PublishedProfile, Resume, ShareComment, ShareLink, Template
from resumes.selectors import parse_uuid, template_default
from smartcv.errors import ApplicationError
from smartcv.services import credits_charge, credits_require, user_plan

# Active share links (enabled, not expired, resume not deleted) one account may have, per
# plan code; plans not listed are unlimited. SHARE_LIMIT_EXCEEDED (429) past the limit.
SHARE_LINK_LIMITS: dict[str, int] = {"free": 3, "free_trial": 3, "starter": 20}
# Wrong share-link passwords allowed per link and client address within the window.
SHARE_PASSWORD_MAX_ATTEMPTS = 5
SHARE_PASSWORD_WINDOW_SECONDS = 15 * 60
SHARE_PASSWORD_MAX_LENGTH = 128
# Visitor comments allowed per link and client address within the window (spam brake).
SHARE_COMMENT_MAX = 10
SHARE_COMMENT_WINDOW_SECONDS = 60 * 60
UNSET: Any = object()  # "not given" in partial updates (None is a value: "clear it")


def templates_sync(*, template_model: Any = None) -> list[str]:
    """Upsert one Template row per layout directory on disk; returns the slugs synced.

    Idempotent. Rows whose directory has gone are left alone (resumes may still point to
    them; staff can deactivate them). ``template_model`` lets a data migration pass its
    historical model.
    """
    model = template_model or Template
    slugs = []
    with transaction.atomic():
        for layout in layouts_read():
            model.objects.update_or_create(
                slug=layout.slug,
                defaults={
                    "name": layout.name,
                    "category": layout.category,
                    "description": layout.description,
                    "html_template": layout.html_template,
                    "css_styles": layout.css_styles,
                    "sort_order": layout.sort_order,
                },
            )
            slugs.append(layout.slug)
    return slugs


# --- Resumes --------------------------------------------------------------------------------


def content_too_large(exc: DocumentTooLarge) -> ApplicationError:
    return ApplicationError(
        "content_too_large",
        f"Resume content is too large ({exc.size} bytes; the limit is {MAX_DOCUMENT_BYTES} bytes)",
        status=413,
        details={"size": exc.size, "limit": MAX_DOCUMENT_BYTES},
    )


def document_invalid(exc: DocumentError) -> ApplicationError:
    return ApplicationError("validation_error", str(exc), status=400, details=exc.fields)


def template_resolve(template_id: Any) -> Template:
    """The active template with this id, or INVALID_TEMPLATE (400)."""
    pk = parse_uuid(template_id)
    template = Template.objects.filter(pk=pk, is_active=True).first() if pk else None
    if template is None:
        raise ApplicationError(
            "invalid_template",
            "Template does not exist or is invalid",
            status=400,
            details={"templateId": str(template_id)},
        )
    return template


def sections_visibility_validate(value: Any) -> dict[str, bool]:
    """{section: bool} with sections from ``resumes.document.SECTIONS`` only."""
    if not isinstance(value, dict):
        raise ApplicationError(
            "validation_error",
            "sectionsVisibility: must be an object",
            details={"sectionsVisibility": ["must be an object of section names to true/false"]},
        )
    errors: dict[str, list[str]] = {}
    for key, shown in value.items():
        if key not in SECTIONS:
            errors[f"sectionsVisibility.{key}"] = [f"unknown section; one of: {', '.join(SECTIONS)}"]
        elif not isinstance(shown, bool):
            errors[f"sectionsVisibility.{key}"] = ["must be true or false"]
    if errors:
        first = next(iter(errors))
        raise ApplicationError("validation_error", f"{first}: {errors[first][0]}", details=errors)
    return dict(value)


def _score(resume: Resume) -> None:
    report = analyse(resume.document, resume.target_job_description)
    resume.ats_score = report.ats_score
    resume.keyword_match_score = report.keyword_match_score


def _checked(document: ResumeDocument) -> dict[str, Any]:
    """The document as stored JSON, re-validated (size included) — the one write path."""
    data = document.to_json()
    try:
        validate_document(data)
    except DocumentTooLarge as exc:
        raise content_too_large(exc) from None
    except DocumentError as exc:  # pragma: no cover - a ResumeDocument dumps valid JSON
        raise document_invalid(exc) from None
    return data


@transaction.atomic
def resume_create(
    *,
    owner,
    title: str,
    document: ResumeDocument | None = None,
    template: Template | None = None,
    sections_visibility: dict[str, bool] | None = None,
    target_job_description: str = "",
    status: str = Resume.Status.DRAFT,
) -> Resume:
    """A new resume; without a template, the default one. Scores computed from the content."""
    resume = Resume(
        owner=owner,
        title=title,
        status=status,
        template=template or template_default(),
        content=_checked(document or ResumeDocument()),
        sections_visibility=sections_visibility or {},
        target_job_description=target_job_description,
    )
    _score(resume)
    resume.save()
    return resume


@transaction.atomic
def resume_update(
    *,
    resume: Resume,
    title: str = UNSET,
    document: ResumeDocument = UNSET,
    template: Template | None = UNSET,
    sections_visibility: dict[str, bool] = UNSET,
    status: str = UNSET,
    target_job_description: str = UNSET,
) -> Resume:
    """Partial update: only the arguments given change. Scores are recomputed when the
    content or the target job description changes."""
    rescore = False
    if title is not UNSET:
        resume.title = title
    if document is not UNSET:
        resume.content = _checked(document)
        rescore = True
    if template is not UNSET:
        resume.template = template or template_default()
    if sections_visibility is not UNSET:
        resume.sections_visibility = {**resume.sections_visibility, **sections_visibility}
    if status is not UNSET:
        resume.status = status
    if target_job_description is not UNSET and target_job_description != resume.target_job_description:
        resume.target_job_description = target_job_description
        rescore = True
    if rescore:
        _score(resume)
    resume.save()
    return resume


def resume_delete(*, resume: Resume) -> None:
    """Soft delete: the row stays (exports, audit) but every API answers RESUME_NOT_FOUND and
    its share link stops working."""
    Resume.objects.filter(pk=resume.pk, deleted_at__isnull=True).update(
        deleted_at=timezone.now(), updated_at=timezone.now()
    )


@transaction.atomic
def resume_project_add(*, resume: Resume, project: dict[str, Any]) -> ProjectItem:
    """Append a project to the resume's document (a new stable id unless one is given)."""
    locked = Resume.objects.select_for_update().get(pk=resume.pk)
    data = locked.document.to_json()
    data["projects"].append(project)
    try:
        document = validate_document(data)
    except DocumentTooLarge as exc:
        raise content_too_large(exc) from None
    except DocumentError as exc:
        raise document_invalid(exc) from None
    added = document.projects[-1]
    if any(p.id == added.id for p in document.projects[:-1]):
        raise ApplicationError(
            "validation_error",
            f"id: a project with id {added.id!r} already exists",
            details={"id": ["a project with this id already exists"]},
        )
    resume_update(resume=locked, document=document)
    resume.content, resume.ats_score = locked.content, locked.ats_score
    resume.keyword_match_score, resume.updated_at = locked.keyword_match_score, locked.updated_at
    return added


# Parse credits one CV import costs (the same credits the parserpro /parse endpoints use).
IMPORT_CREDITS = 1


def resume_import_file(*, owner, data: bytes, filename: str, title: str = "") -> Resume:
    """A DRAFT resume from a CV file, through the CV parser; costs IMPORT_CREDITS.

    The balance is checked before the (slow) parse and charged in the transaction that creates
    the resume, so a failed parse or a 402 leaves nothing behind.
    """
    from parsing.extract import ExtractionError
    from parsing.pipeline import parse_bytes

    credits_require(user=owner, amount=IMPORT_CREDITS)
    try:
        result = parse_bytes(data, filename=filename)
    except ExtractionError as exc:
        status = 413 if exc.code == "too_large" else 400
        raise ApplicationError(
            "unreadable_file",
            f"Could not read the CV: {exc.message}",
            status=status,
            details={"reason": exc.code},
        ) from None
    document = result.document
    name = document.personal.name
    with transaction.atomic():
        resume = resume_create(
            owner=owner,
            title=title or (f"{name} resume" if name else "Imported resume"),
            document=document,
        )
        credits_charge(
            user=owner, amount=IMPORT_CREDITS, operation="resume_import", reference=str(resume.pk)
        )
    return resume


def resume_analysis(*, resume: Resume, job_description: str | None = None) -> AtsReport:
    """The explainable ATS report; ``job_description`` overrides the stored target for this
    analysis only."""
    jd = resume.target_job_description if job_description is None else job_description
    return analyse(resume.document, jd)


# --- Share links ----------------------------------------------------------------------------


def share_url(token: str) -> str:
    return f"{settings.SITE_URL}/share/{token}"


def share_link_limit(user) -> int | None:
    return SHARE_LINK_LIMITS.get(user_plan(user).code)


def _active_links(user, *, exclude_pk=None):
    now = timezone.now()
    qs = ShareLink.objects.filter(
        resume__owner=user, resume__deleted_at__isnull=True, is_enabled=True
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def _enforce_share_limit(*, user, link: ShareLink) -> None:
    if not link.is_enabled or (link.expires_at is not None and link.expires_at <= timezone.now()):
        return
    limit = share_link_limit(user)
    if limit is not None and _active_links(user, exclude_pk=link.pk).count() >= limit:
        raise ApplicationError(
            "share_limit_exceeded",
            f"Share limit exceeded: your plan allows {limit} active share links",
            status=429,
            details={"limit": limit},
        )


def _password_hash(password: str | None) -> str:
    if not password:
        return ""
    if len(password) > SHARE_PASSWORD_MAX_LENGTH:
        raise ApplicationError(
            "validation_error",
            f"password: at most {SHARE_PASSWORD_MAX_LENGTH} characters",
            details={"password": [f"at most {SHARE_PASSWORD_MAX_LENGTH} characters"]},
        )
    return make_password(password)


@transaction.atomic
def share_link_create(
    *,
    resume: Resume,
    is_enabled: bool = True,
    password: str | None = None,
    expires_at: datetime | None = None,
    allow_download: bool = False,
    allow_comments: bool = False,
) -> tuple[ShareLink, bool]:
    """The resume's share link with these settings; (link, created).

    A resume has one share link: creating it again applies the settings to the existing link
    and keeps its token (and view count), so shared URLs do not break.
    """
    # Lock the owner row: concurrent creations cannot both slip under the plan limit.
    type(resume.owner).objects.select_for_update().filter(pk=resume.owner_id).first()
    link = ShareLink.objects.filter(resume=resume).first()
    created = link is None
    if link is None:
        link = ShareLink(resume=resume, token=secrets.token_urlsafe(24))
    link.is_enabled = is_enabled
    link.password_hash = _password_hash(password)
    link.expires_at = expires_at
    link.allow_download = allow_download
    link.allow_comments = allow_comments
    _enforce_share_limit(user=resume.owner, link=link)
    link.save()
    resume.share_link = link
    return link, created


@transaction.atomic
def share_link_update(
    *,
    resume: Resume,
    is_enabled: bool = UNSET,
    password: str | None = UNSET,
    expires_at: datetime | None = UNSET,
    allow_download: bool = UNSET,
    allow_comments: bool = UNSET,
) -> ShareLink:
    """Change the given settings of the resume's link; ``password=None`` (or "") removes it."""
    type(resume.owner).objects.select_for_update().filter(pk=resume.owner_id).first()
    link = ShareLink.objects.filter(resume=resume).first()
    if link is None:
        raise ApplicationError(
            "share_link_not_found",
            "This resume has no share link yet; create one with POST first",
            status=404,
            details={"resumeId": str(resume.pk)},
        )
    if is_enabled is not UNSET:
        link.is_enabled = is_enabled
    if password is not UNSET:
        link.password_hash = _password_hash(password)
    if expires_at is not UNSET:
        link.expires_at = expires_at
    if allow_download is not UNSET:
        link.allow_download = allow_download
    if allow_comments is not UNSET:
        link.allow_comments = allow_comments
    _enforce_share_limit(user=resume.owner, link=link)
    link.save()
    resume.share_link = link
    return link


def _counter_key(kind: str, link: ShareLink, client: str) -> str:
    digest = hashlib.sha256(f"{kind}:{link.pk}:{client}".encode()).hexdigest()[:32]
    return f"share-{kind}:{digest}"


def _count(key: str, window: int) -> None:
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)


def _too_many(message: str, window: int) -> ApplicationError:
    return ApplicationError(
        "too_many_attempts", message, status=429, headers={"Retry-After": str(window)}
    )


def share_link_check_password(*, link: ShareLink, password: str, client: str) -> bool:
    """True when the password opens the link. Throttled per link and client address:
    after SHARE_PASSWORD_MAX_ATTEMPTS wrong tries within the window, 429 (even for the
    right password, so guessing cannot continue)."""
    key = _counter_key("pw", link, client)
    if (cache.get(key) or 0) >= SHARE_PASSWORD_MAX_ATTEMPTS:
        raise _too_many("Too many wrong passwords; try again later", SHARE_PASSWORD_WINDOW_SECONDS)
    if link.password_hash and password and check_password(password, link.password_hash):
        return True
    _count(key, SHARE_PASSWORD_WINDOW_SECONDS)
    return False


def share_link_record_view(*, link: ShareLink) -> None:
    """Count one real visit (atomic across processes)."""
    now = timezone.now()
    ShareLink.objects.filter(pk=link.pk).update(view_count=F("view_count") + 1, last_viewed_at=now)
    link.view_count += 1
    link.last_viewed_at = now


def share_comment_create(*, link: ShareLink, author_name: str, text: str, client: str) -> ShareComment:
    """A visitor's comment (stored as typed; pages escape it). At most SHARE_COMMENT_MAX per
    link and client address per window."""
    if not link.allow_comments or not link.is_live():
        raise ApplicationError(
            "comments_disabled", "Comments are not allowed on this resume", status=403
        )
    key = _counter_key("comment", link, client)
    if (cache.get(key) or 0) >= SHARE_COMMENT_MAX:
        raise _too_many("Too many comments; try again later", SHARE_COMMENT_WINDOW_SECONDS)
    author_name, text = author_name.strip(), text.strip()
    errors: dict[str, list[str]] = {}
    if not author_name or len(author_name) > 100:
        errors["name"] = ["1–100 characters"]
    if not text or len(text) > 5000:
        errors["text"] = ["1–5000 characters"]
    if errors:
        raise ApplicationError("validation_error", "Invalid comment", details=errors)
    comment = ShareComment.objects.create(share_link=link, author_name=author_name, text=text)
    _count(key, SHARE_COMMENT_WINDOW_SECONDS)
    return comment


# --- Public profiles ------------------------------------------------------------------------


@transaction.atomic
def profile_publish(
    *,
    user,
    document: ResumeDocument | None,
    template: Template | None = UNSET,
    sections_visibility: dict[str, Any] | None = UNSET,
) -> PublishedProfile:
    """Publish the document at /u/<username>, or unpublish with None (``is_live`` follows).

    The page is drawn in ``template`` hiding the sections ``sections_visibility`` turns off
    (the builder passes the resume's). Left out (the profile API, whose body is only the
    resume), the profile keeps the layout it was last published with.
    """
    profile, _ = PublishedProfile.objects.select_for_update().get_or_create(user=user)
    profile.content = None if document is None else _checked(document)
    profile.is_live = document is not None
    if template is not UNSET:
        profile.template = template
    if sections_visibility is not UNSET:
        profile.sections_visibility = dict(sections_visibility or {})
    profile.save()
    return profile
