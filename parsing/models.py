"""Candidates: CVs received as files or URLs, parsed into structured fields."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class ParseStatus(models.TextChoices):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"


class CandidateSource(models.TextChoices):
    API = "api"  # POST /api/v1/parse
    URL = "url"  # POST /api/v1/parse/url
    READER = "reader"  # POST /api/v1/parser
    READER_ASYNC = "reader_async"  # POST /api/v1/parser/async: result delivered by webhook
    UPLOAD = "upload"  # the recruiter pages


# The structured fields the parser fills (parserpro's names); the API, the reader's
# resumeData and the pages all read this one list.
PROFILE_FIELDS = (
    "full_name",
    "email",
    "phone",
    "location",
    "current_title",
    "years_of_experience",
    "skills",
    "languages",
    "work_history",
    "education",
    "certifications",
    "linkedin_url",
    "github_url",
    "portfolio_url",
    "ai_summary",
)


class Tag(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=60)
    color = models.CharField(max_length=7, default="#64748B")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="tag_owner_name_unique")]

    def __str__(self) -> str:
        return self.name


class Candidate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidates"
    )
    source = models.CharField(
        max_length=16, choices=CandidateSource.choices, default=CandidateSource.API
    )
    source_url = models.URLField(max_length=2048, blank=True)
    # The original file, in the default storage (see smartcv.files); empty until fetched.
    file_name = models.CharField(max_length=500, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    file_kind = models.CharField(max_length=8, blank=True)  # pdf, docx, … (decided by content)

    parsing_status = models.CharField(
        max_length=12, choices=ParseStatus.choices, default=ParseStatus.PENDING, db_index=True
    )
    parsing_confidence = models.FloatField(null=True, blank=True)
    parsing_errors = models.JSONField(null=True, blank=True)
    credits_charged = models.PositiveSmallIntegerField(default=0)

    full_name = models.CharField(max_length=300, blank=True)
    email = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=64, blank=True)
    location = models.CharField(max_length=300, blank=True)
    current_title = models.CharField(max_length=300, blank=True)
    years_of_experience = models.FloatField(null=True, blank=True)
    skills = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    work_history = models.JSONField(default=list, blank=True)
    education = models.JSONField(default=list, blank=True)
    certifications = models.JSONField(default=list, blank=True)
    linkedin_url = models.CharField(max_length=2048, blank=True)
    github_url = models.CharField(max_length=2048, blank=True)
    portfolio_url = models.CharField(max_length=2048, blank=True)
    ai_summary = models.TextField(blank=True)
    document_language = models.CharField(max_length=8, blank=True)
    document_type = models.CharField(max_length=16, blank=True)
    # The canonical ResumeDocument the renderers consume (resumes.document).
    document = models.JSONField(default=dict, blank=True)
    # Parser facts kept for the full object: pages, extraction method, timings, field confidence.
    metadata = models.JSONField(default=dict, blank=True)

    tags = models.ManyToManyField(Tag, blank=True, related_name="candidates")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    parsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.full_name or self.original_filename or str(self.id)


class CandidateSkill(models.Model):
    """One normalised skill of a candidate: the index behind skill filters and matching."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="skill_rows")
    skill = models.CharField(max_length=120)  # lower-cased canonical name

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "skill"], name="candidate_skill_unique")
        ]
        indexes = [models.Index(fields=["skill", "candidate"])]

    def __str__(self) -> str:
        return self.skill
