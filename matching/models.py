"""Jobs: one model for both job dialects (parserpro /api/v1/jobs and reader /api/jobs…)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class JobStatus(models.TextChoices):
    """Stored in parserpro's words; the reader dialect maps ACTIVE/CLOSED/DRAFT onto them."""

    ACTIVE = "active"
    PAUSED = "paused"  # reader: DRAFT
    CLOSED = "closed"


class EducationLevel(models.TextChoices):
    ANY = "any"
    HIGH_SCHOOL = "high_school"
    ASSOCIATE = "associate"
    BACHELORS = "bachelors"
    MASTERS = "masters"
    PHD = "phd"


class JobSource(models.TextChoices):
    API_KEY = "api_key"  # created through an API
    MANUAL = "manual"  # the recruiter pages
    PARSED = "parsed"  # POST /api/job/parse/api-key
    FEED = "feed"  # imported from the owner's job feed


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    title = models.CharField(max_length=300)
    reference = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    profile = models.TextField(blank=True)  # the candidate profile sought, as written
    experience = models.CharField(max_length=120, blank=True)  # as written, e.g. "5+ years"
    education = models.CharField(max_length=200, blank=True)  # as written, e.g. "Bachelor's degree"
    # [{"skill": "Python", "weight": 1.0}, …] — weights 0.0–1.0
    required_skills = models.JSONField(default=list, blank=True)
    nice_to_have_skills = models.JSONField(default=list, blank=True)
    min_experience_years = models.FloatField(null=True, blank=True)
    max_experience_years = models.FloatField(null=True, blank=True)
    education_level = models.CharField(
        max_length=16, choices=EducationLevel.choices, default=EducationLevel.ANY
    )
    preferred_locations = models.JSONField(default=list, blank=True)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    company = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=64, blank=True)
    city = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.ACTIVE)
    source = models.CharField(max_length=16, choices=JobSource.choices, default=JobSource.API_KEY)
    posted_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [
            # A reference names one job of its owner (feeds upsert by it; a clash is a 409).
            models.UniqueConstraint(
                fields=["owner", "reference"],
                condition=~models.Q(reference=""),
                name="job_owner_reference_unique",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def skill_names(self) -> list[str]:
        return [
            item["skill"]
            for item in self.required_skills
            if isinstance(item, dict) and item.get("skill")
        ]


class PipelineStatus(models.TextChoices):
    NEW = "new"
    SCREENING = "screening"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"


class Match(models.Model):
    """A candidate scored against a job, and where the candidate stands in its pipeline."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="matches")
    candidate = models.ForeignKey("parsing.Candidate", on_delete=models.CASCADE, related_name="matches")
    total_score = models.FloatField(default=0, db_index=True)
    # {"skills": 0–100, "experience": …, "education": …, "location": …}
    breakdown = models.JSONField(default=dict, blank=True)
    pipeline_status = models.CharField(
        max_length=10, choices=PipelineStatus.choices, default=PipelineStatus.NEW
    )
    scored_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-total_score"]
        constraints = [
            models.UniqueConstraint(fields=["job", "candidate"], name="match_job_candidate_unique")
        ]
        indexes = [models.Index(fields=["job", "-total_score"])]

    def __str__(self) -> str:
        return f"{self.candidate_id} × {self.job_id}: {self.total_score:.0f}"


class FeedRunStatus(models.TextChoices):
    OK = "ok"
    FAILED = "failed"


class JobFeed(models.Model):
    """The URL of an owner's own jobs endpoint (a JSON array of reader JobItems), imported on
    demand and hourly; jobs are upserted by ``reference``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_feeds"
    )
    url = models.URLField(max_length=2048)
    is_active = models.BooleanField(default=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=8, choices=FeedRunStatus.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "url"], name="job_feed_owner_url_unique")
        ]

    def __str__(self) -> str:
        return self.url


class JobFeedRun(models.Model):
    """One import of a feed: what came in, and per item what was refused and why."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    feed = models.ForeignKey(JobFeed, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=FeedRunStatus.choices)
    imported = models.PositiveIntegerField(default=0)  # jobs created
    updated = models.PositiveIntegerField(default=0)  # existing references changed
    # [{"item": 3, "reference": "J-1", "error": "title is missing"}, …] (capped)
    errors = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["feed", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.feed_id} {self.started_at:%Y-%m-%d %H:%M} {self.status}"
