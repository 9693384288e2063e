"""Candidates: intake, parsing, edits and deletion. Views, tasks and pages call these.

Credits: one credit per CV, charged atomically when the CV is accepted (402 and nothing
created when the balance cannot cover the whole request) and given back when the CV cannot
be fetched or parsed, so only successful parses cost anything.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from parsing.intake import MAX_FILE_BYTES, IncomingFile
from parsing.models import PROFILE_FIELDS, Candidate, CandidateSkill, CandidateSource, ParseStatus
from smartcv import files, netguard
from smartcv.errors import ApplicationError
from smartcv.models import User
from smartcv.services import credits_charge, credits_refund

logger = logging.getLogger(__name__)

MAX_URLS = 50
MAX_URL_LENGTH = 2048
URL_FETCH_TIMEOUT = 30.0
URL_MAX_REDIRECTS = 5
# At most this many candidates are handed back to the queue per sweep (every minute).
REQUEUE_BATCH = 1000
# parserpro PATCH: the profile fields a client may change; everything else is the parser's.
EDITABLE_FIELDS = (
    "full_name",
    "email",
    "phone",
    "location",
    "current_title",
    "years_of_experience",
    "skills",
    "languages",
    "linkedin_url",
    "github_url",
    "portfolio_url",
    "ai_summary",
)


def _enqueue_parse(candidate_ids: list[str]) -> None:
    from parsing.tasks import parse_candidate_task
    from smartcv.celery import enqueue_on_commit

    for candidate_id in candidate_ids:
        enqueue_on_commit(parse_candidate_task, candidate_id)


def candidates_create_from_files(
    *, owner: User, incoming: list[IncomingFile], source: str = CandidateSource.API
) -> tuple[list[Candidate], int]:
    """Store the files, charge one credit each and queue their parsing; (candidates, credits left)."""
    if not incoming:
        raise ApplicationError(
            "validation_error",
            "No file provided",
            status=400,
            details=[{"field": "files", "message": "Upload at least one file"}],
        )
    stored: list[str] = []
    try:
        for item in incoming:
            stored.append(
                files.store(data=item.data, name=f"cvs/{item.filename}", content_type=item.content_type)
            )
        with transaction.atomic():
            candidates = [
                Candidate.objects.create(
                    owner=owner,
                    source=source,
                    file_name=name,
                    original_filename=item.filename,
                    content_type=item.content_type,
                    file_size=len(item.data),
                    file_kind=item.kind,
                    credits_charged=1,
                )
                for item, name in zip(incoming, stored, strict=True)
            ]
            remaining = credits_charge(
                user=owner,
                amount=len(candidates),
                operation="parse",
                reference=",".join(str(c.id)[:8] for c in candidates),
            )
            _enqueue_parse([str(c.id) for c in candidates])
    except BaseException:
        for name in stored:
            files.delete(name)
        raise
    return candidates, remaining


@dataclass(frozen=True)
class UrlError:
    url: str
    error: str


def _url_problem(url: Any) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return "URL must be a non-empty string"
    if len(url) > MAX_URL_LENGTH:
        return f"URL is longer than {MAX_URL_LENGTH} characters"
    try:
        target = netguard.parse_target(url.strip())
        netguard.check_host_syntax(target.host)
    except netguard.FetchError as exc:
        return exc.message
    return None


def candidates_create_from_urls(
    *, owner: User, urls: Any
) -> tuple[list[Candidate], list[UrlError], int]:
    """Queue a fetch-and-parse per acceptable URL; per-URL errors for the others.

    Addresses are checked again after DNS resolution and on every redirect when the worker
    fetches (``smartcv.netguard``); a URL that cannot be fetched ends its candidate ``failed``
    and its credit is given back.
    """
    if not isinstance(urls, list) or not urls:
        raise ApplicationError(
            "validation_error",
            "urls must be a non-empty array of URLs",
            status=400,
            details=[{"field": "urls", "message": "Provide 1 to 50 URLs"}],
        )
    if len(urls) > MAX_URLS:
        raise ApplicationError(
            "validation_error",
            f"At most {MAX_URLS} URLs per request (got {len(urls)})",
            status=400,
            details=[{"field": "urls", "message": f"At most {MAX_URLS} URLs"}],
        )
    accepted: list[str] = []
    errors: list[UrlError] = []
    for url in urls:
        problem = _url_problem(url)
        if problem:
            errors.append(UrlError(url=str(url)[:MAX_URL_LENGTH], error=problem))
        else:
            accepted.append(url.strip())
    candidates: list[Candidate] = []
    from smartcv.services import credits_remaining

    remaining = credits_remaining(owner)
    if accepted:
        with transaction.atomic():
            candidates = [
                Candidate.objects.create(
                    owner=owner,
                    source=CandidateSource.URL,
                    source_url=url,
                    original_filename=_filename_from_url(url),
                    credits_charged=1,
                )
                for url in accepted
            ]
            remaining = credits_charge(user=owner, amount=len(candidates), operation="parse_url")
            _enqueue_parse([str(c.id) for c in candidates])
    return candidates, errors, remaining


def _filename_from_url(url: str) -> str:
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    name = path.rsplit("/", 1)[-1] if "/" in path.split("://", 1)[-1] else ""
    return (name or "resume")[:255]


# --- Parsing --------------------------------------------------------------------------------


def stale_after() -> timedelta:
    """How long a candidate may stay claimed ("processing") before its worker is presumed
    lost (``SMARTCV_PARSE_STALE_SECONDS``; above the parse task's hard time limit)."""
    return timedelta(seconds=settings.SMARTCV_PARSE_STALE_SECONDS)


def _claim(candidate_id: str) -> bool:
    now = timezone.now()
    pending = Candidate.objects.filter(id=candidate_id, parsing_status=ParseStatus.PENDING)
    if pending.update(parsing_status=ParseStatus.PROCESSING, updated_at=now):
        return True
    stale = Candidate.objects.filter(
        id=candidate_id, parsing_status=ParseStatus.PROCESSING, updated_at__lt=now - stale_after()
    )
    return bool(stale.update(updated_at=now))


def candidates_requeue_stale(*, now=None, limit: int = REQUEUE_BATCH) -> int:
    """Beat's safety net (every minute), so no candidate stays pending or processing forever;
    returns how many were queued again.

    - claimed candidates whose worker died (``processing`` for longer than ``stale_after``,
      e.g. the worker was killed: its message is gone or comes back only much later) go back
      to ``pending`` and are queued;
    - ``pending`` candidates not touched for that long (their message was lost, e.g. Redis
      restarted without persistence, or the enqueue after the commit failed) are queued
      again, and touched so that each is queued at most once per period.

    Harmless when the original message is merely late: the task claims the candidate with a
    conditional UPDATE, so only one run parses it and it is charged once (at intake).
    """
    now = now or timezone.now()
    cutoff = now - stale_after()
    stale = Candidate.objects.filter(
        parsing_status__in=(ParseStatus.PENDING, ParseStatus.PROCESSING), updated_at__lt=cutoff
    )
    ids = [str(cid) for cid in stale.order_by("updated_at").values_list("id", flat=True)[:limit]]
    if not ids:
        return 0
    with transaction.atomic():
        # Conditional on the row still being stale: a worker claiming it meanwhile wins.
        Candidate.objects.filter(id__in=ids, updated_at__lt=cutoff).filter(
            parsing_status__in=(ParseStatus.PENDING, ParseStatus.PROCESSING)
        ).update(parsing_status=ParseStatus.PENDING, updated_at=now)
        _enqueue_parse(ids)
    logger.warning("Queued %d stale candidates again", len(ids))
    return len(ids)


def _candidate_new(
    *, owner: User, item: IncomingFile, source: str, metadata: dict | None = None
) -> Candidate:
    name = files.store(data=item.data, name=f"cvs/{item.filename}", content_type=item.content_type)
    try:
        with transaction.atomic():
            candidate = Candidate.objects.create(
                owner=owner,
                source=source,
                file_name=name,
                original_filename=item.filename,
                content_type=item.content_type,
                file_size=len(item.data),
                file_kind=item.kind,
                credits_charged=1,
                metadata=metadata or {},
            )
            credits_charge(user=owner, amount=1, operation="parse", reference=str(candidate.id))
    except BaseException:
        files.delete(name)
        raise
    return candidate


def candidate_parse_now(*, owner: User, incoming: IncomingFile, parser_type: str) -> Candidate:
    """The reader's synchronous parse: charge, parse in this request, keep the result.

    A CV that cannot be parsed is a 400 and leaves nothing behind (no candidate, no file,
    no charge)."""
    candidate = _candidate_new(
        owner=owner, item=incoming, source=CandidateSource.READER, metadata={"parser_type": parser_type}
    )
    parsed = candidate_parse(candidate_id=str(candidate.id))
    if parsed is None or parsed.parsing_status != ParseStatus.COMPLETED:
        errors = (parsed.parsing_errors if parsed else None) or [
            {"code": "failed", "message": "Parsing failed"}
        ]
        candidate_delete(candidate=parsed or candidate)
        raise ApplicationError(
            "parse_failed",
            f"The CV could not be parsed: {errors[0]['message']}",
            status=400,
            details=errors,
        )
    candidate_parse_finished(candidate=parsed)
    return parsed


def candidate_parse_async(*, owner: User, incoming: IncomingFile, parser_type: str) -> Candidate:
    """Queue a parse whose result is delivered to the owner's ``parserResults`` webhook."""
    from webhooks.models import WebhookEndpoint

    if not WebhookEndpoint.objects.filter(owner=owner, is_active=True, parser_results=True).exists():
        raise ApplicationError(
            "webhook_not_configured",
            "Configure a webhook with parserResults=true (POST /api/webhook) "
            "before using the async parser",
            status=400,
        )
    candidate = _candidate_new(
        owner=owner,
        item=incoming,
        source=CandidateSource.READER_ASYNC,
        metadata={"parser_type": parser_type},
    )
    _enqueue_parse([str(candidate.id)])
    return candidate


def reader_result(*, candidate: Candidate, parser_type: str) -> dict[str, Any]:
    """The reader's ``resumeData`` for a parsed candidate, with the parser type's fields."""
    from parsing.reader_fields import PARSER_TYPES, build_premium, project

    extra = ("parsing_confidence", "document_language", "document_type")
    fields = {name: getattr(candidate, name) for name in (*PROFILE_FIELDS, *extra)}
    premium = build_premium(
        resume_id=str(candidate.id),
        candidate=fields,
        document=candidate.document or {},
        parsed_at=candidate.parsed_at.isoformat().replace("+00:00", "Z")
        if candidate.parsed_at
        else None,
        parser_type=parser_type,
    )
    return project(premium, PARSER_TYPES[parser_type])


@transaction.atomic
def candidate_update_from_reader(*, candidate: Candidate, data: dict[str, Any]) -> Candidate:
    """Apply a reader ``PUT /api/v1/parser/{id}`` body (reader field names) to the candidate."""
    person = data.get("candidate") or {}
    names = {
        "email": "email",
        "phone": "phone",
        "location": "location",
        "title": "current_title",
        "currentTitle": "current_title",
        "linkedinUrl": "linkedin_url",
        "githubUrl": "github_url",
        "portfolioUrl": "portfolio_url",
    }
    for key, field in names.items():
        if key in person:
            setattr(candidate, field, str(person[key] or "")[:300])
    if "fullName" in person or "firstName" in person or "lastName" in person:
        full = person.get("fullName") or " ".join(
            str(part) for part in (person.get("firstName"), person.get("lastName")) if part
        )
        candidate.full_name = str(full)[:300]
    if "skills" in data:
        candidate.skills = [
            str(s.get("name") if isinstance(s, dict) else s)[:120] for s in data["skills"]
        ]
    if "languages" in data:
        candidate.languages = [
            str(s.get("name") if isinstance(s, dict) else s)[:60] for s in data["languages"]
        ]
    if "experiences" in data:
        candidate.work_history = [
            {
                "company": e.get("company") or "",
                "title": e.get("title") or "",
                "start_date": e.get("startDate") or "",
                "end_date": e.get("endDate") or "",
                "is_current": bool(e.get("isCurrent")),
                "description": e.get("description") or "",
            }
            for e in data["experiences"]
        ]
    if "educations" in data:
        candidate.education = [
            {
                "institution": e.get("institution") or "",
                "degree": e.get("degree") or "",
                "field": e.get("field") or "",
                "start_year": e.get("startYear"),
                "end_year": e.get("endYear"),
            }
            for e in data["educations"]
        ]
    if "certifications" in data:
        candidate.certifications = [
            {"name": c.get("name") or "", "issuer": c.get("issuer") or "", "date": c.get("date") or ""}
            for c in data["certifications"]
        ]
    if "aiSummary" in data:
        candidate.ai_summary = data["aiSummary"]
    candidate.save()
    _index_skills(candidate)
    return candidate


def candidate_fail(*, candidate: Candidate, code: str, message: str) -> Candidate:
    with transaction.atomic():
        candidate.parsing_status = ParseStatus.FAILED
        candidate.parsing_errors = [{"code": code, "message": message}]
        candidate.parsed_at = timezone.now()
        refunded = Candidate.objects.filter(id=candidate.id, credits_charged__gt=0).update(
            credits_charged=0
        )
        if refunded:
            credits_refund(
                user=candidate.owner, amount=1, operation="parse_failed", reference=str(candidate.id)
            )
        candidate.credits_charged = 0
        candidate.save(
            update_fields=[
                "parsing_status",
                "parsing_errors",
                "parsed_at",
                "credits_charged",
                "updated_at",
            ]
        )
    return candidate


def _fetch_source(candidate: Candidate) -> bytes:
    response = netguard.fetch(
        candidate.source_url,
        timeout=URL_FETCH_TIMEOUT,
        deadline=URL_FETCH_TIMEOUT,
        max_bytes=MAX_FILE_BYTES,
        follow_redirects=URL_MAX_REDIRECTS,
    )
    if not 200 <= response.status < 300:
        raise netguard.FetchError("http_error", f"The URL answered HTTP {response.status}")
    if not response.body:
        raise netguard.FetchError("empty", "The URL returned an empty body")
    return response.body


def candidate_parse(*, candidate_id: str) -> Candidate | None:
    """Parse one pending candidate; safe to run twice (claimed by a conditional UPDATE)."""
    from parsing.extract import ExtractionError, sniff
    from parsing.intake import CONTENT_TYPES
    from parsing.pipeline import parse_bytes

    if not _claim(candidate_id):
        return None
    candidate = Candidate.objects.select_related("owner").get(id=candidate_id)
    if candidate.source_url and not candidate.file_name:
        try:
            data = _fetch_source(candidate)
            kind = sniff(data, candidate.original_filename)
        except netguard.FetchError as exc:
            return candidate_fail(candidate=candidate, code="fetch_failed", message=exc.message)
        except ExtractionError:
            return candidate_fail(
                candidate=candidate,
                code="unsupported_type",
                message="The URL did not return a supported CV file",
            )
        candidate.file_name = files.store(
            data=data, name=f"cvs/{candidate.original_filename}", content_type=CONTENT_TYPES[kind]
        )
        candidate.file_kind, candidate.file_size = kind, len(data)
        candidate.content_type = CONTENT_TYPES[kind]
        candidate.save(
            update_fields=["file_name", "file_kind", "file_size", "content_type", "updated_at"]
        )
    else:
        with default_storage.open(candidate.file_name, "rb") as handle:
            data = handle.read()
    try:
        result = parse_bytes(data, filename=candidate.original_filename)
    except ExtractionError as exc:
        return candidate_fail(candidate=candidate, code=exc.code, message=exc.message)
    return candidate_apply_result(candidate=candidate, result=result)


def candidate_parse_finished(*, candidate: Candidate) -> None:
    """What follows a finished parse: matching against the owner's jobs, and the reader's
    async result to the owner's webhook."""
    if candidate.parsing_status == ParseStatus.COMPLETED:
        from matching.tasks import match_candidate_task

        match_candidate_task.delay_on_commit(str(candidate.id))
    if candidate.source != CandidateSource.READER_ASYNC:
        return
    from webhooks.models import WebhookEvent
    from webhooks.services import emit

    ok = candidate.parsing_status == ParseStatus.COMPLETED
    parser_type = candidate.metadata.get("parser_type", "PREMIUM")
    emit(
        owner=candidate.owner,
        event=WebhookEvent.PARSER_RESULTS,
        payload={
            "id": str(candidate.id),
            "status": "SUCCESS" if ok else "FAILED",
            "resumeData": reader_result(candidate=candidate, parser_type=parser_type) if ok else None,
            "errors": None if ok else candidate.parsing_errors,
        },
        reference=str(candidate.id),
    )


@transaction.atomic
def candidate_apply_result(*, candidate: Candidate, result) -> Candidate:
    fields = result.candidate
    for name in (
        "full_name",
        "email",
        "phone",
        "location",
        "current_title",
        "linkedin_url",
        "github_url",
        "portfolio_url",
        "ai_summary",
        "document_language",
        "document_type",
    ):
        setattr(
            candidate,
            name,
            (fields.get(name) or "")[: Candidate._meta.get_field(name).max_length or None],
        )
    candidate.years_of_experience = fields.get("years_of_experience")
    for name in ("skills", "languages", "work_history", "education", "certifications"):
        setattr(candidate, name, fields.get(name) or [])
    candidate.parsing_confidence = fields.get("parsing_confidence")
    candidate.parsing_errors = fields.get("parsing_errors") or None
    candidate.document = result.document.to_json()
    candidate.metadata = {**candidate.metadata, **(getattr(result, "metadata", None) or {})}
    candidate.parsing_status = ParseStatus.COMPLETED
    candidate.parsed_at = timezone.now()
    candidate.save()
    _index_skills(candidate)
    return candidate


def _index_skills(candidate: Candidate) -> None:
    """One row per canonical skill (lower-cased), so skill filters and matching use an index."""
    from matching.skills import normalise

    CandidateSkill.objects.filter(candidate=candidate).delete()
    raw = [str(skill).strip() for skill in candidate.skills if str(skill).strip()]
    names = {(normalise(skill) or skill).lower()[:120] for skill in raw}
    CandidateSkill.objects.bulk_create(
        [CandidateSkill(candidate=candidate, skill=n) for n in sorted(names)]
    )


# --- Edits and deletion ----------------------------------------------------------------------


@transaction.atomic
def candidate_update(*, candidate: Candidate, data: dict[str, Any]) -> Candidate:
    for name, value in data.items():
        setattr(candidate, name, value)
    candidate.save()
    if "skills" in data:
        _index_skills(candidate)
    return candidate


def candidate_delete(*, candidate: Candidate) -> None:
    """Delete the candidate and its stored file (after the row is gone, so a failure to
    delete the row never leaves it pointing at nothing)."""
    name = candidate.file_name
    candidate.delete()
    if name:
        transaction.on_commit(lambda: files.delete(name))


def new_reference() -> str:
    return uuid.uuid4().hex


# --- Retention (GDPR) -----------------------------------------------------------------------


def candidates_expired(*, now=None):
    """Candidates older than their owner's retention period (or the site default)."""
    from django.conf import settings
    from django.db.models import Q

    now = now or timezone.now()
    default_days = settings.SMARTCV_CANDIDATE_RETENTION_DAYS
    condition = Q(
        owner__candidate_retention_days__isnull=True, created_at__lt=now - timedelta(days=default_days)
    )
    custom = (
        User.objects.filter(candidate_retention_days__isnull=False, candidates__isnull=False)
        .values_list("candidate_retention_days", flat=True)
        .distinct()
    )
    for days in custom:
        condition |= Q(owner__candidate_retention_days=days, created_at__lt=now - timedelta(days=days))
    return Candidate.objects.filter(condition)


def candidates_purge_expired(*, now=None, batch: int = 500) -> int:
    """Delete expired candidates with their files, a batch at a time; returns how many."""
    purged = 0
    while True:
        chunk = list(candidates_expired(now=now).values_list("id", "file_name")[:batch])
        if not chunk:
            return purged
        with transaction.atomic():
            Candidate.objects.filter(id__in=[cid for cid, _ in chunk]).delete()
        for _, name in chunk:
            if name:
                files.delete(name)
        purged += len(chunk)


def candidates_reparse(*, candidates) -> int:
    """Queue completed or failed candidates for a fresh parse (staff action; not charged)."""
    ids = [
        str(cid)
        for cid in candidates.filter(parsing_status__in=[ParseStatus.COMPLETED, ParseStatus.FAILED])
        .exclude(file_name="", source_url="")
        .values_list("id", flat=True)
    ]
    with transaction.atomic():
        Candidate.objects.filter(id__in=ids).update(
            parsing_status=ParseStatus.PENDING, updated_at=timezone.now()
        )
        _enqueue_parse(ids)
    return len(ids)
