"""Resumes: templates (layouts), resumes, their share links and comments, public profiles.

A resume's content is one canonical ``ResumeDocument`` stored as JSON (``Resume.content``);
every API dialect converts to and from it (``resumes.convert``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from resumes.document import ResumeDocument


class Template(models.Model):
    """A resume layout. Rows mirror ``templates/resume_layouts/<slug>/`` (``templates_sync``)."""

    class Category(models.TextChoices):
        MODERN = "MODERN", "Modern"
        CLASSIC = "CLASSIC", "Classic"
        COMPACT = "COMPACT", "Compact"
        CREATIVE = "CREATIVE", "Creative"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=16, choices=Category.choices, default=Category.MODERN)
    description = models.TextField(blank=True)
    html_template = models.TextField(blank=True, help_text="Django template syntax.")
    css_styles = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ResumeQuerySet(models.QuerySet):
    def alive(self) -> ResumeQuerySet:
        return self.filter(deleted_at__isnull=True)


class Resume(models.Model):
    class Status(models.TextChoices):
        DRAFT = "DRAFT", "Draft"
        PUBLISHED = "PUBLISHED", "Published"
        ARCHIVED = "ARCHIVED", "Archived"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumes")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    # None: the default template (the first active one by sort order).
    template = models.ForeignKey(
        Template, on_delete=models.SET_NULL, null=True, blank=True, related_name="resumes"
    )
    content = models.JSONField(default=dict, help_text="A canonical ResumeDocument.")
    sections_visibility = models.JSONField(default=dict, help_text="{section: bool}; missing = shown.")
    target_job_description = models.TextField(blank=True)
    ats_score = models.PositiveSmallIntegerField(null=True, blank=True)
    keyword_match_score = models.PositiveSmallIntegerField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResumeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "deleted_at", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def document(self) -> ResumeDocument:
        return ResumeDocument.model_validate(self.content or {})

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class ShareLink(models.Model):
    """The public link of one resume (at most one per resume). The password is stored hashed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resume = models.OneToOneField(Resume, on_delete=models.CASCADE, related_name="share_link")
    token = models.CharField(max_length=64, unique=True)
    password_hash = models.CharField(max_length=256, blank=True)
    is_enabled = models.BooleanField(default=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    allow_download = models.BooleanField(default=False)
    allow_comments = models.BooleanField(default=False)
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"share of {self.resume_id}"

    @property
    def has_password(self) -> bool:
        return bool(self.password_hash)

    def is_live(self, *, now=None) -> bool:
        """Visible to the public: enabled, not expired, resume not deleted."""
        now = now or timezone.now()
        if not self.is_enabled or (self.expires_at is not None and self.expires_at <= now):
            return False
        return self.resume.deleted_at is None


class ShareComment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    share_link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="comments")
    author_name = models.CharField(max_length=100)
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"


class PublishedProfile(models.Model):
    """A user's public profile (/u/<username>): the profile dialect's published resume."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="published_profile"
    )
    # A canonical ResumeDocument, or None when unpublished.
    content = models.JSONField(null=True, blank=True)
    is_live = models.BooleanField(default=False)
    # The layout the page is drawn in (the published resume's; None: the default template)
    # and the sections it hides, as on a Resume.
    template = models.ForeignKey(
        Template, on_delete=models.SET_NULL, null=True, blank=True, related_name="profiles"
    )
    sections_visibility = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"profile of {self.user_id}"

    @property
    def document(self) -> ResumeDocument | None:
        return None if self.content is None else ResumeDocument.model_validate(self.content)
