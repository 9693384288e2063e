"""Recruiter pages for candidates: upload, list, detail, edit, tags, delete. Views only
parse the request and call services and selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from matching.selectors import candidate_matches
from parsing import page_services, selectors, services
from parsing.forms import CandidateEditForm, CandidateFilterForm, TagForm, UploadForm
from parsing.intake import CONTENT_TYPES, check_upload_limits, install_upload_limits, read_upload
from parsing.models import CandidateSource, ParseStatus
from smartcv import files
from smartcv.errors import ApplicationError

PAGE_SIZE = 25
# Seconds between polls of a pending row; the rows stop polling once completed or failed.
POLL_SECONDS = 2


def _candidate_or_404(request: HttpRequest, candidate_id):
    try:
        return selectors.candidate_get(owner=request.user, candidate_id=candidate_id)
    except ApplicationError:
        raise Http404("Candidate not found") from None


def _by_script(request: HttpRequest) -> bool:
    """An htmx or XHR request: it wants a fragment, not a page."""
    return (
        request.headers.get("HX-Request") == "true"
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
    )


@login_required
def candidate_list_page(request: HttpRequest) -> HttpResponse:
    tags = list(page_services.tag_list(owner=request.user))
    form = CandidateFilterForm(request.GET or None, tags=tags)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        qs = page_services.candidate_page_list(
            owner=request.user,
            search=filters.get("q", ""),
            status=filters.get("status", ""),
            skills=filters.get("skills", ""),
            tag=filters.get("tag", ""),
            sort=filters.get("sort") or "newest",
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        qs = page_services.candidate_page_list(owner=request.user)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "candidates/list.html",
        {
            "form": form,
            "upload_form": UploadForm(),
            "page": page,
            "query": query.urlencode(),
            "poll_seconds": POLL_SECONDS,
        },
    )


@csrf_exempt  # only until the limits are in place: _upload checks the token itself
@login_required
def candidate_upload_page(request: HttpRequest) -> HttpResponse:
    """Many CVs in one multipart POST (the form's ``files`` input, or one XHR per file when
    JavaScript is on). The size limits go in before the CSRF check reads the body."""
    if request.method != "POST":
        return redirect("candidates")
    install_upload_limits(request)
    return _upload(request)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    """With a script the answer is the new rows (or the reason as text); without, the list."""
    try:
        uploads = request.FILES.getlist("files")
        check_upload_limits(request)
        incoming = [read_upload(upload) for upload in uploads]
        candidates, remaining = services.candidates_create_from_files(
            owner=request.user, incoming=incoming, source=CandidateSource.UPLOAD
        )
    except ApplicationError as error:
        if _by_script(request):
            return HttpResponse(
                error.message, status=error.status, content_type="text/plain; charset=utf-8"
            )
        messages.error(request, error.message)
        return redirect("candidates")
    if _by_script(request):
        return render(
            request,
            "candidates/_rows.html",
            {
                "candidates": page_services.candidate_page_list(owner=request.user).filter(
                    id__in=[c.id for c in candidates]
                ),
                "poll_seconds": POLL_SECONDS,
            },
        )
    messages.success(
        request,
        f"{len(candidates)} CV{'s' if len(candidates) != 1 else ''} uploaded; {remaining} credits left.",
    )
    return redirect("candidates")


@login_required
def candidate_row_page(request: HttpRequest, candidate_id) -> HttpResponse:
    """One list row: what the pending rows poll until their parse completes or fails."""
    candidate = _candidate_or_404(request, candidate_id)
    return render(
        request, "candidates/_row.html", {"candidate": candidate, "poll_seconds": POLL_SECONDS}
    )


@login_required
def candidate_detail_page(request: HttpRequest, candidate_id) -> HttpResponse:
    candidate = _candidate_or_404(request, candidate_id)
    form = CandidateEditForm(initial=CandidateEditForm.initial_for(candidate))
    return _detail(request, candidate, form)


def _detail(request: HttpRequest, candidate, form, status: int = 200) -> HttpResponse:
    download_url = ""
    if candidate.file_name:
        download_url, _ = files.signed_url(candidate.file_name, filename=candidate.original_filename)
    preview_text = page_services.candidate_file_text(candidate=candidate)
    confidence = (candidate.metadata or {}).get("field_confidence") or {}
    matches = candidate_matches(candidate_ids=[candidate.id]).get(candidate.id, [])
    return render(
        request,
        "candidates/detail.html",
        {
            "candidate": candidate,
            "form": form,
            "tag_form": TagForm(),
            "download_url": download_url,
            "preview_text": preview_text,
            "confidence": confidence if isinstance(confidence, dict) else {},
            "matches": matches,
            "poll_seconds": POLL_SECONDS,
            "is_pending": candidate.parsing_status in (ParseStatus.PENDING, ParseStatus.PROCESSING),
        },
        status=status,
    )


@login_required
@require_POST
def candidate_edit_page(request: HttpRequest, candidate_id) -> HttpResponse:
    candidate = _candidate_or_404(request, candidate_id)
    form = CandidateEditForm(request.POST)
    if not form.is_valid():
        return _detail(request, candidate, form, status=400)
    services.candidate_update(candidate=candidate, data=form.cleaned_data)
    messages.success(request, "Candidate saved.")
    return redirect("candidate-detail", candidate_id=candidate.id)


@login_required
@require_POST
def candidate_tag_add_page(request: HttpRequest, candidate_id) -> HttpResponse:
    candidate = _candidate_or_404(request, candidate_id)
    form = TagForm(request.POST)
    if form.is_valid():
        tag = page_services.candidate_tag_add(candidate=candidate, name=form.cleaned_data["name"])
        messages.success(request, f"Tagged “{tag.name}”.")
    else:
        messages.error(request, "Give the tag a name (up to 60 characters).")
    return redirect("candidate-detail", candidate_id=candidate.id)


@login_required
@require_POST
def candidate_tag_remove_page(request: HttpRequest, candidate_id, tag_id) -> HttpResponse:
    candidate = _candidate_or_404(request, candidate_id)
    page_services.candidate_tag_remove(candidate=candidate, tag_id=tag_id)
    return redirect("candidate-detail", candidate_id=candidate.id)


@login_required
def candidate_delete_page(request: HttpRequest, candidate_id) -> HttpResponse:
    """GET asks for confirmation; POST deletes."""
    candidate = _candidate_or_404(request, candidate_id)
    if request.method == "POST":
        name = str(candidate)
        services.candidate_delete(candidate=candidate)
        messages.success(request, f"{name} deleted.")
        return redirect("candidates")
    return render(request, "candidates/delete.html", {"candidate": candidate})


@login_required
@xframe_options_sameorigin
def candidate_file_page(request: HttpRequest, candidate_id) -> HttpResponse:
    """The original file shown inline (the detail page embeds PDFs); owner only."""
    candidate = _candidate_or_404(request, candidate_id)
    data = page_services.candidate_file_bytes(candidate=candidate)
    if data is None:
        raise Http404("The original file is no longer stored")
    response = HttpResponse(
        data, content_type=CONTENT_TYPES.get(candidate.file_kind, "application/octet-stream")
    )
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    if candidate.file_kind != "pdf":  # a sandboxed frame would also switch off the PDF viewer
        response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_POST
def candidate_pdf_page(request: HttpRequest, candidate_id, variant: str) -> HttpResponse:
    """POST → the candidate's PDF as an attachment: ``standard`` in the owner's settings, or
    ``anonymised`` with every identifying field hidden. 1 credit; failures go back to the
    detail page with the reason."""
    from rendering.services import candidate_pdf, candidate_pdf_anonymised, export_filename

    if variant not in ("standard", "anonymised"):
        raise Http404("Unknown PDF variant")
    candidate = _candidate_or_404(request, candidate_id)
    anonymised = variant == "anonymised"
    render = candidate_pdf_anonymised if anonymised else candidate_pdf
    try:
        data = render(owner=request.user, candidate_id=candidate.id)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("candidate-detail", candidate_id=candidate.id)
    if anonymised:
        filename = f"Candidate_{str(candidate.id)[:8]}_anonymised.pdf"
    else:
        filename = export_filename(name=candidate.full_name or "", title="", extension="pdf")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
