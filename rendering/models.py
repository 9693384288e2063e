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


class Layout(models.TextChoices):
    """Layouts of the render settings → the directory under templates/resume_layouts/."""

    MODERN = "modern", "Modern"
    CLASSIC = "classic", "Classic"
    COMPACT = "compact", "Compact"
    CREATIVE = "creative", "Creative"


class RenderSettings(models.Model):
    """An owner's "Paramètres du CV": how every generated PDF of theirs looks and what it hides.

    One row per owner, created with the defaults on first read. Ranges are enforced by
    ``rendering.services.settings_update`` (see ``SETTINGS_RANGES``). ``canvas_pages`` holds
    the storage names of the preview PNGs of the last canvas render, page order.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="render_settings"
    )
    layout = models.CharField(max_length=16, choices=Layout.choices, default=Layout.MODERN)
    font_style = models.CharField(max_length=60, default="Calibri")
    font_size = models.FloatField(default=11)
    line_height = models.FloatField(default=1.35)
    margin_top = models.FloatField(default=20)
    margin_bottom = models.FloatField(default=18)
    margin_x = models.FloatField(default=18)
    section_spacing = models.FloatField(default=10)
    agency_name = models.CharField(max_length=120, blank=True)
    agency_website = models.CharField(max_length=300, blank=True)
    # Storage name (smartcv.files) of a PNG/JPEG logo; empty for none.
    agency_logo = models.CharField(max_length=500, blank=True)
    privacy = models.JSONField(default=dict, blank=True)
    canvas_pages = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"render settings of {self.owner_id}"


class PdfBatch(models.Model):
    """A batch of generated PDFs: instant (1–10, synchronous), bulk (1–500, by webhook) or
    format (standard/anonymised, by webhook or e-mail). The id is the reader's ``jobId``."""

    class Kind(models.TextChoices):
        INSTANT = "instant"
        BULK = "bulk"
        FORMAT = "format"

    class Status(models.TextChoices):
        QUEUED = "QUEUED"
        PROCESSING = "PROCESSING"
        COMPLETED = "COMPLETED"
        PARTIAL = "PARTIAL"
        FAILED = "FAILED"

    class Delivery(models.TextChoices):
        NONE = "none"
        WEBHOOK = "webhook"
        EMAIL = "email"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    delivery = models.CharField(max_length=8, choices=Delivery.choices, default=Delivery.NONE)
    anonymised = models.BooleanField(default=False)
    # Every identifying detail hidden whatever the privacy flags say (the pages' "Anonymised
    # PDFs"); False: the flags decide, as for standard PDFs.
    force_anonymised = models.BooleanField(default=False)
    total = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} batch {self.id}"


class PdfBatchItem(models.Model):
    """One resume (candidate) of a batch. ``status`` moves PENDING → PROCESSING (claimed by
    one worker) → DONE or FAILED; ``file`` is the stored PDF's name."""

    class Status(models.TextChoices):
        PENDING = "PENDING"
        PROCESSING = "PROCESSING"
        DONE = "DONE"
        FAILED = "FAILED"

    id = models.BigAutoField(primary_key=True)
    batch = models.ForeignKey(PdfBatch, on_delete=models.CASCADE, related_name="items")
    candidate_id = models.UUIDField()
    position = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    file = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=300, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "candidate_id"], name="pdf_batch_item_unique")
        ]
        indexes = [models.Index(fields=["batch", "status"])]

    def __str__(self) -> str:
        return f"{self.candidate_id} in {self.batch_id}"

    @property
    def processed(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
