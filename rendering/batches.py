"""PDF batches: instant (1–10, in the request), bulk (1–500, webhook) and format (webhook or
e-mail) — one item model, one per-item render path, one completion step.

Safe to run twice (healthchecks style): a worker *claims* an item with
``filter(id=…, status=PENDING).update(status=PROCESSING)`` and skips it when no row changed,
so a redelivered or retried chunk never renders or charges an item twice. A batch completes
with a conditional ``filter(completed_at=None).update(…)``: whichever chunk finishes last
wins it, exactly once, and only that one announces the result (one ``PDF_GENERATED``
webhook per batch, or one e-mail). Items claimed by a worker that died are put back to
PENDING and re-enqueued by ``batches_requeue_stale`` (beat, every minute), so no batch is
left PROCESSING forever.

Credits: 1 per generated PDF, charged in the transaction that marks the item DONE; an item
that fails (unparsed resume, renderer error, credits exhausted) is not charged.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from parsing.models import Candidate
from rendering.models import PdfBatch, PdfBatchItem, RenderSettings
from rendering.privacy import anonymise
from rendering.selectors import foreign_candidate_ids
from rendering.services import (
    PDF_TTL_SECONDS,
    anonymised_rules,
    candidate_document,
    document_render,
    render_options,
    settings_get,
)
from smartcv import files
from smartcv.errors import ApplicationError
from smartcv.models import User
from smartcv.services import credits_charge, credits_require
from webhooks.models import WebhookEvent
from webhooks.selectors import endpoint_list, pending_delivery_count
from webhooks.services import emit

logger = logging.getLogger(__name__)

INSTANT_MAX = 10
BULK_MAX = 500
FORMAT_MAX = 500
CHUNK_SIZE = 10  # ids per rendering task: ~1–2 s of work, small enough to spread over workers
# More undelivered webhooks than this for one owner and new bulk batches are refused (429):
# a receiver that is down should not pile up thousands of payloads.
MAX_PENDING_DELIVERIES = 100
_OPEN = (PdfBatchItem.Status.PENDING, PdfBatchItem.Status.PROCESSING)


# --- input -----------------------------------------------------------------------------------


def resume_ids_parse(data: Any, *, maximum: int) -> list[uuid.UUID]:
    """A bare JSON array of UUIDs (the spec's examples) or ``{"resumeIds": [...]}`` → the
    unique ids in order. 400 when empty, malformed, or more than ``maximum`` unique ids."""
    ids = data.get("resumeIds") if isinstance(data, dict) else data
    if not isinstance(ids, list) or not ids:
        raise ApplicationError(
            "validation_error",
            "No resume IDs provided: send a JSON array of resume UUIDs",
            status=400,
            details={"resumeIds": [f"A list of 1–{maximum} resume UUIDs"]},
        )
    parsed: list[uuid.UUID] = []
    bad: list[str] = []
    for value in ids:
        try:
            parsed.append(uuid.UUID(str(value)) if isinstance(value, str) else uuid.UUID(""))
        except ValueError:
            bad.append(str(value)[:64])
    if bad:
        raise ApplicationError(
            "validation_error",
            "Invalid resume IDs: every ID must be a UUID",
            status=400,
            details={"resumeIds": [f"Not a UUID: {value}" for value in bad[:20]]},
        )
    unique = list(dict.fromkeys(parsed))
    if len(unique) > maximum:
        raise ApplicationError(
            "validation_error",
            f"Too many resume IDs: at most {maximum} per request, got {len(unique)}",
            status=400,
            details={"resumeIds": [f"At most {maximum} IDs"]},
        )
    return unique


def _require_owned(*, owner: User, ids: list[uuid.UUID]) -> None:
    foreign = foreign_candidate_ids(owner=owner, ids=ids)
    if foreign:
        raise ApplicationError(
            "forbidden",
            "One or more resume IDs do not belong to the current user",
            status=403,
            details={"resumeIds": [str(candidate_id) for candidate_id in foreign[:20]]},
        )


def _has_pdf_webhook(owner: User) -> bool:
    return endpoint_list(owner=owner).filter(is_active=True, pdf_generated=True).exists()


def _batch_create(
    *,
    owner: User,
    ids: list[uuid.UUID],
    kind: str,
    status: str,
    delivery: str,
    anonymised: bool,
    force_anonymised: bool = False,
) -> PdfBatch:
    batch = PdfBatch.objects.create(
        owner=owner,
        kind=kind,
        status=status,
        delivery=delivery,
        anonymised=anonymised,
        force_anonymised=force_anonymised,
        total=len(ids),
    )
    PdfBatchItem.objects.bulk_create(
        [
            PdfBatchItem(batch=batch, candidate_id=candidate_id, position=index)
            for index, candidate_id in enumerate(ids)
        ]
    )
    return batch


# --- one item --------------------------------------------------------------------------------


def _item_fail(item_id: int, message: str) -> None:
    PdfBatchItem.objects.filter(id=item_id).update(
        status=PdfBatchItem.Status.FAILED, error=message[:300]
    )


def _item_process(
    item: PdfBatchItem,
    *,
    owner: User,
    render_settings: RenderSettings,
    options,
    candidate,
    force_anonymised: bool = False,
) -> bool:
    """Claim, render, store and charge one item; True when this call generated its PDF.

    ``force_anonymised``: every identifying detail hidden whatever the privacy flags say,
    exactly as ``candidate_pdf_anonymised`` does for one candidate (no photo either)."""
    claimed = PdfBatchItem.objects.filter(id=item.id, status=PdfBatchItem.Status.PENDING).update(
        status=PdfBatchItem.Status.PROCESSING, claimed_at=timezone.now()
    )
    if not claimed:
        return False  # another worker has it, or it is already done
    reference = str(item.candidate_id)
    try:
        if candidate is None:  # deleted since the batch was accepted
            raise ApplicationError("not_found", "Resume not found", status=404)
        document = candidate_document(candidate)
        if force_anonymised:
            document = anonymise(document, anonymised_rules(render_settings), seed=reference)
        data = document_render(
            document,
            render_settings=render_settings,
            seed=reference,
            options=options,
            fetch_photo=not force_anonymised,
        )
    except ApplicationError as exc:
        _item_fail(item.id, exc.message)
        return False
    except Exception:  # a renderer failure fails this item only, never the batch
        logger.exception("PDF of candidate %s in batch %s failed", reference, item.batch_id)
        _item_fail(item.id, "PDF generation failed")
        return False
    name = files.store(data=data, name=f"pdfs/resume_{reference}.pdf", content_type="application/pdf")
    try:
        with transaction.atomic():
            credits_charge(user=owner, amount=1, operation="pdf_generate", reference=reference)
            PdfBatchItem.objects.filter(id=item.id).update(
                status=PdfBatchItem.Status.DONE, file=name, generated_at=timezone.now(), error=""
            )
    except ApplicationError as exc:  # credits ran out mid-batch
        files.delete(name)
        _item_fail(item.id, exc.message)
        return False
    return True


def batch_items_process(*, batch_id: uuid.UUID | str, item_ids: list[int] | None = None) -> int:
    """Process the given (or all pending) items of a batch; returns how many PDFs were made.

    Settings and the logo are loaded once per call, not per item.
    """
    batch = PdfBatch.objects.select_related("owner").filter(id=batch_id).first()
    if batch is None:
        return 0
    PdfBatch.objects.filter(id=batch.id, status=PdfBatch.Status.QUEUED).update(
        status=PdfBatch.Status.PROCESSING
    )
    items = PdfBatchItem.objects.filter(batch=batch, status=PdfBatchItem.Status.PENDING)
    if item_ids is not None:
        items = items.filter(id__in=item_ids)
    items = list(items.order_by("position"))
    if items:
        render_settings = settings_get(owner=batch.owner)
        options = render_options(render_settings)
        if batch.force_anonymised:
            options = dataclasses.replace(options, include_photo=False)
        candidates = Candidate.objects.filter(
            owner=batch.owner, id__in=[item.candidate_id for item in items]
        ).in_bulk()
    made = 0
    for item in items:
        made += _item_process(
            item,
            owner=batch.owner,
            render_settings=render_settings,
            options=options,
            candidate=candidates.get(item.candidate_id),
            force_anonymised=batch.force_anonymised,
        )
    return made


# --- results ---------------------------------------------------------------------------------


def _download_url(item: PdfBatchItem) -> str | None:
    if item.status != PdfBatchItem.Status.DONE or not item.file:
        return None
    return files.signed_url(
        item.file, expires_in=PDF_TTL_SECONDS, filename=f"resume_{item.candidate_id}.pdf"
    )[0]


def batch_results(batch: PdfBatch) -> list[dict[str, Any]]:
    """Per item, in request order: resumeId, processed, downloadUrl, generatedAt, error."""
    return [
        {
            "resumeId": str(item.candidate_id),
            "processed": item.processed,
            "downloadUrl": _download_url(item),
            "generatedAt": item.generated_at,
            "error": item.error or None,
        }
        for item in batch.items.order_by("position")
    ]


def batch_counts(batch: PdfBatch) -> dict[str, int]:
    done = batch.items.filter(status=PdfBatchItem.Status.DONE).count()
    failed = batch.items.filter(status=PdfBatchItem.Status.FAILED).count()
    return {"total": batch.total, "processed": done + failed, "succeeded": done, "failed": failed}


def _final_status(succeeded: int, total: int) -> str:
    if succeeded == total:
        return PdfBatch.Status.COMPLETED
    return PdfBatch.Status.PARTIAL if succeeded else PdfBatch.Status.FAILED


def batch_payload(batch: PdfBatch) -> dict[str, Any]:
    """The PDF_GENERATED webhook body: the job, its counts and every item's result."""
    counts = batch_counts(batch)
    return {
        "jobId": str(batch.id),
        "status": batch.status,
        **counts,
        "results": [
            {key: value for key, value in result.items() if key != "processed"}
            for result in batch_results(batch)
        ],
    }


def batch_complete_if_done(*, batch_id: uuid.UUID | str) -> bool:
    """Mark the batch COMPLETED once no item is open, and announce it — exactly once."""
    if PdfBatchItem.objects.filter(batch_id=batch_id, status__in=_OPEN).exists():
        return False
    with transaction.atomic():
        won = PdfBatch.objects.filter(id=batch_id, completed_at__isnull=True).update(
            status=PdfBatch.Status.COMPLETED, completed_at=timezone.now()
        )
        if not won:
            return False
        batch = PdfBatch.objects.select_related("owner").get(id=batch_id)
        if batch.delivery == PdfBatch.Delivery.WEBHOOK:
            emit(
                owner=batch.owner,
                event=WebhookEvent.PDF_GENERATED,
                payload=batch_payload(batch),
                reference=str(batch.id),
            )
        elif batch.delivery == PdfBatch.Delivery.EMAIL:
            message = _email_body(batch)
            transaction.on_commit(lambda: _send_batch_email(batch, message))
        PdfBatch.objects.filter(id=batch_id).update(notified_at=timezone.now())
    return True


def _email_body(batch: PdfBatch) -> str:
    counts = batch_counts(batch)
    return render_to_string(
        "emails/pdf_batch_ready.txt",
        {
            "batch": batch,
            "counts": counts,
            "results": batch_results(batch),
            "ttl_days": PDF_TTL_SECONDS // 86400,
        },
    )


def _send_batch_email(batch: PdfBatch, message: str) -> None:
    try:
        send_mail(
            subject=f"Your {batch.total} CV(s) are ready",
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[batch.owner.email],
        )
    except Exception:  # a mail server outage must not fail the worker after the commit
        logger.exception("e-mail of PDF batch %s failed", batch.id)


# --- the three kinds -------------------------------------------------------------------------


def instant_batch_run(*, owner: User, data: Any) -> PdfBatch:
    """``POST /api/resume-settings/v1/generate-pdf``: 1–10 PDFs rendered in the request.

    400 bad list, 403 foreign ids, 429 when no credit remains (the spec's status for it);
    the batch ends COMPLETED (all made), PARTIAL or FAILED (none made).
    """
    ids = resume_ids_parse(data, maximum=INSTANT_MAX)
    _require_owned(owner=owner, ids=ids)
    try:
        credits_require(user=owner, amount=1)
    except ApplicationError as exc:
        raise ApplicationError(
            "no_credits", "No credits remaining", status=429, details=exc.details
        ) from None
    batch = _batch_create(
        owner=owner,
        ids=ids,
        kind=PdfBatch.Kind.INSTANT,
        status=PdfBatch.Status.PROCESSING,
        delivery=PdfBatch.Delivery.NONE,
        anonymised=False,
    )
    made = batch_items_process(batch_id=batch.id)
    batch.status = _final_status(made, len(ids))
    batch.completed_at = timezone.now()
    batch.save(update_fields=["status", "completed_at"])
    return batch


def _enqueue(batch: PdfBatch) -> None:
    from rendering.tasks import render_pdf_chunk_task
    from smartcv.celery import enqueue_on_commit

    item_ids = list(batch.items.order_by("position").values_list("id", flat=True))
    for start in range(0, len(item_ids), CHUNK_SIZE):
        enqueue_on_commit(render_pdf_chunk_task, str(batch.id), item_ids[start : start + CHUNK_SIZE])


def _refuse_when_backlogged(owner: User) -> None:
    pending = pending_delivery_count(owner=owner)
    if pending > MAX_PENDING_DELIVERIES:
        raise ApplicationError(
            "too_many_pending_deliveries",
            f"Too many pending webhook deliveries ({pending}); retry once your endpoint has caught up",
            status=429,
            details={"pendingDeliveries": pending, "limit": MAX_PENDING_DELIVERIES},
        )


@transaction.atomic
def bulk_batch_create(*, owner: User, data: Any) -> PdfBatch:
    """``POST /api/webhook/generate-pdfs``: accept 1–500 ids, render them in the background.

    400 without an active webhook subscribed to PDF_GENERATED (checked first: without one
    the results could go nowhere), 429 past ``MAX_PENDING_DELIVERIES``, 403 foreign ids.
    """
    ids = resume_ids_parse(data, maximum=BULK_MAX)
    if not _has_pdf_webhook(owner):
        raise ApplicationError(
            "webhook_not_configured",
            "Configure a webhook with pdfGenerated=true (POST /api/webhook) before bulk generation",
            status=400,
        )
    _refuse_when_backlogged(owner)
    _require_owned(owner=owner, ids=ids)
    batch = _batch_create(
        owner=owner,
        ids=ids,
        kind=PdfBatch.Kind.BULK,
        status=PdfBatch.Status.QUEUED,
        delivery=PdfBatch.Delivery.WEBHOOK,
        anonymised=False,
    )
    _enqueue(batch)
    return batch


@transaction.atomic
def format_batch_create(*, owner: User, data: Any, force_anonymised: bool = False) -> PdfBatch:
    """``POST /api/resume-settings/format``: CVs in the owner's settings, standard or
    anonymised per their privacy rules, delivered by the PDF_GENERATED webhook when one is
    configured, else by e-mail with download links. 400 when neither is possible.

    ``force_anonymised`` (the candidate list's "Anonymised PDFs"): every identifying detail
    hidden whatever the privacy flags say, as the candidate page's anonymised PDF."""
    ids = resume_ids_parse(data, maximum=FORMAT_MAX)
    _require_owned(owner=owner, ids=ids)
    if _has_pdf_webhook(owner):
        _refuse_when_backlogged(owner)
        delivery = PdfBatch.Delivery.WEBHOOK
    elif owner.email:
        delivery = PdfBatch.Delivery.EMAIL
    else:
        raise ApplicationError(
            "no_delivery_channel",
            "Configure a webhook with pdfGenerated=true or an account e-mail to receive the CVs",
            status=400,
        )
    from rendering.services import privacy_rules

    batch = _batch_create(
        owner=owner,
        ids=ids,
        kind=PdfBatch.Kind.FORMAT,
        status=PdfBatch.Status.QUEUED,
        delivery=delivery,
        anonymised=force_anonymised or privacy_rules(settings_get(owner=owner)).anonymises,
        force_anonymised=force_anonymised,
    )
    _enqueue(batch)
    return batch


def batches_requeue_stale(*, now=None) -> int:
    """Beat's safety net, so no batch stays open forever; returns the items re-enqueued.

    - items claimed by a worker that died (PROCESSING for ``SMARTCV_PDF_STALE_SECONDS``) go back to
      PENDING;
    - PENDING items of batches older than that (their chunk task was lost or gave up) are
      enqueued again — harmless if the original message is merely late: items are claimed;
    - batches whose items are all processed but which were never completed (the worker died
      between the last item and the completion) are completed and announced now.
    """
    from rendering.tasks import render_pdf_chunk_task

    now = now or timezone.now()
    # A claimed item older than this belongs to a dead worker.
    cutoff = now - timedelta(seconds=settings.SMARTCV_PDF_STALE_SECONDS)
    open_batches = PdfBatch.objects.filter(
        kind__in=(PdfBatch.Kind.BULK, PdfBatch.Kind.FORMAT), completed_at__isnull=True
    )
    PdfBatchItem.objects.filter(
        batch__in=open_batches, status=PdfBatchItem.Status.PROCESSING, claimed_at__lt=cutoff
    ).update(status=PdfBatchItem.Status.PENDING, claimed_at=None)
    pending = list(
        PdfBatchItem.objects.filter(
            batch__in=open_batches.filter(created_at__lt=cutoff), status=PdfBatchItem.Status.PENDING
        ).values_list("id", "batch_id")
    )
    by_batch: dict[uuid.UUID, list[int]] = {}
    for item_id, batch_id in pending:
        by_batch.setdefault(batch_id, []).append(item_id)
    for batch_id, item_ids in by_batch.items():
        for start in range(0, len(item_ids), CHUNK_SIZE):
            render_pdf_chunk_task.delay(str(batch_id), item_ids[start : start + CHUNK_SIZE])
    for batch_id in (
        open_batches.filter(created_at__lt=cutoff)
        .exclude(id__in=list(by_batch))
        .values_list("id", flat=True)
    ):
        batch_complete_if_done(batch_id=batch_id)
    return len(pending)


@transaction.atomic
def batch_retry_failed(*, batch: PdfBatch) -> int:
    """Render a batch's failed items again (staff action); the batch reopens until they finish.

    Only failed items go back to PENDING, so PDFs already made are neither redone nor charged
    twice; completion (and its webhook) follows as for a new batch."""
    from rendering.tasks import render_pdf_chunk_task

    ids = list(batch.items.filter(status=PdfBatchItem.Status.FAILED).values_list("id", flat=True))
    if not ids:
        return 0
    PdfBatchItem.objects.filter(id__in=ids).update(
        status=PdfBatchItem.Status.PENDING, error="", claimed_at=None
    )
    PdfBatch.objects.filter(pk=batch.pk).update(status=PdfBatch.Status.PROCESSING, completed_at=None)
    for start in range(0, len(ids), CHUNK_SIZE):
        render_pdf_chunk_task.delay_on_commit(str(batch.pk), ids[start : start + CHUNK_SIZE])
    return len(ids)
