"""Small services the recruiter pages need on top of ``parsing.services``: tags and the
candidate list of the pages (search, tag filter, sorting), kept apart from the API code."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from parsing.models import Candidate, Tag
from parsing.selectors import candidate_list
from smartcv.errors import ApplicationError
from smartcv.models import User

# Sort keys the candidate list accepts, mapped to columns (a leading "-" means descending).
CANDIDATE_SORTS = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "name": ("full_name", "id"),
    "confidence": ("-parsing_confidence", "-id"),
}


def candidate_page_list(
    *,
    owner: User,
    search: str = "",
    status: str = "",
    skills: str = "",
    tag: str = "",
    sort: str = "newest",
) -> QuerySet[Candidate]:
    """The candidates page's rows: ``candidate_list`` plus search, a tag and a sort, with
    the tags prefetched so a page costs the same number of queries at any length."""
    qs = candidate_list(owner=owner, status=status or None, skills=skills or None)
    search = search.strip()
    if search:
        qs = qs.filter(
            Q(full_name__icontains=search)
            | Q(email__icontains=search)
            | Q(current_title__icontains=search)
            | Q(original_filename__icontains=search)
        )
    if tag:
        qs = qs.filter(tags__owner=owner, tags__name=tag)
    return qs.order_by(*CANDIDATE_SORTS.get(sort, CANDIDATE_SORTS["newest"])).prefetch_related("tags")


def tag_list(*, owner: User) -> QuerySet[Tag]:
    return Tag.objects.filter(owner=owner)


@transaction.atomic
def candidate_tag_add(*, candidate: Candidate, name: str, color: str = "#64748B") -> Tag:
    """Attach the owner's tag called ``name`` to the candidate, creating the tag if new."""
    name = name.strip()[:60]
    if not name:
        raise ApplicationError(
            "validation_error",
            "Tag name is required",
            details=[{"field": "name", "message": "Required"}],
        )
    try:
        with transaction.atomic():
            tag, _ = Tag.objects.get_or_create(
                owner_id=candidate.owner_id, name=name, defaults={"color": color}
            )
    except IntegrityError:  # created by a concurrent request between the get and the create
        tag = Tag.objects.get(owner_id=candidate.owner_id, name=name)
    candidate.tags.add(tag)
    return tag


def candidate_tag_remove(*, candidate: Candidate, tag_id) -> None:
    """Detach one tag; the tag itself stays for the owner's other candidates."""
    candidate.tags.remove(*Tag.objects.filter(owner_id=candidate.owner_id, id=tag_id))


PREVIEW_TEXT_CHARS = 20_000


def candidate_file_bytes(*, candidate: Candidate) -> bytes | None:
    """The stored original file, or None once it is gone (purged or never fetched)."""
    from django.core.files.storage import default_storage

    if not candidate.file_name:
        return None
    try:
        with default_storage.open(candidate.file_name, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def candidate_file_text(*, candidate: Candidate) -> str:
    """The beginning of a TXT original, for the detail page's preview."""
    if candidate.file_kind != "txt":
        return ""
    data = candidate_file_bytes(candidate=candidate)
    return data[: PREVIEW_TEXT_CHARS * 4].decode("utf-8", "replace")[:PREVIEW_TEXT_CHARS] if data else ""


def job_text_from_upload(*, upload) -> str:
    """The text of an uploaded job description (any CV format), or 413/415/422 as
    ``ApplicationError`` — the job form's "parse from a file"."""
    from parsing.extract import ExtractionError, extract
    from parsing.intake import read_upload

    incoming = read_upload(upload)
    try:
        extracted = extract(incoming.data, filename=incoming.filename)
    except ExtractionError as error:
        raise ApplicationError(
            "extraction_failed", f"Could not read {incoming.filename!r}: {error}", status=422
        ) from None
    return extracted.text
