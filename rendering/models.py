"""Rendering: the record of every resume export (render settings and PDF batches come later)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class ResumeExport(models.Model):
    """One file produced by ``POST /api/resumes/<id>/export``.

    Kept so an owner's exports can be listed, counted and cleaned up: ``file`` is the storage
    name (``smartcv.files``), valid until ``expires_at`` when the download URL stops working.
    """

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word"
        HTML = "html", "HTML"
        TXT = "txt", "Plain text"
        JSON = "json", "JSON Resume"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=8, choices=Format.choices)
    options = models.JSONField(default=dict)
    template_slug = models.CharField(max_length=64, blank=True)
    filename = models.CharField(max_length=255)
    file = models.CharField(max_length=500, help_text="Storage name (smartcv.files).")
    file_size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.filename
