"""Recruiter pages of the rendering app: render settings with the canvas preview, and PDF
batches with their progress, results and webhook deliveries. Views only call services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from parsing.models import Candidate, ParseStatus
from rendering import batches, selectors, services
from rendering.forms import BatchForm, CandidateBatchForm, RenderSettingsForm
from rendering.models import PdfBatch, PdfBatchItem
from smartcv.errors import ApplicationError
from webhooks.selectors import deliveries_for_reference

BATCHES_SHOWN = 50
# Choices of the new-batch form: the most recent parsed candidates, as many as one bulk takes.
CANDIDATE_CHOICES = batches.BULK_MAX


@login_required
def render_settings_page(request: HttpRequest) -> HttpResponse:
    """GET shows the form and the preview pages; POST saves, which re-renders the preview."""
    render_settings = services.settings_get(owner=request.user)
    status = 200
    if request.method == "POST":
        form = RenderSettingsForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.settings_update(owner=request.user, data=form.settings_data())
            except ApplicationError as error:
                form.add_service_errors(error.details, error.message)
            else:
                messages.success(request, "Render settings saved; the preview shows them.")
                return redirect("render-settings")
        status = 400
    else:
        form = RenderSettingsForm(initial=RenderSettingsForm.initial_for(render_settings))
        if not render_settings.canvas_pages:
            # First visit: draw the preview of the defaults once, so the page is never blank.
            try:
                render_settings = services.canvas_regenerate(render_settings=render_settings)
            except ApplicationError as error:
                messages.error(request, error.message)
    return render(
        request,
        "rendering/settings.html",
        {
            "form": form,
            "render_settings": render_settings,
            "pages": services.canvas_urls(render_settings),
        },
        status=status,
    )


@login_required
@require_POST
def render_settings_preview_page(request: HttpRequest) -> HttpResponse:
    """htmx: the preview pages of the form's current (unsaved) values; with a bad value the
    preview stays as it was and the reason is shown above it."""
    form = RenderSettingsForm(request.POST)
    pages: list[dict] = []
    if form.is_valid():
        try:
            uris = services.canvas_preview(owner=request.user, data=form.settings_data())
        except ApplicationError as exc:
            form.add_service_errors(exc.details, exc.message)
        else:
            pages = [{"index": index, "url": uri} for index, uri in enumerate(uris)]
    error = "; ".join(
        f"{form[name].label}: {errors[0]}" if name in form.fields else errors[0]
        for name, errors in form.errors.items()
    )
    if error:
        pages = services.canvas_urls(services.settings_get(owner=request.user))
    return render(
        request, "rendering/_canvas.html", {"pages": pages, "preview_error": error, "unsaved": not error}
    )


def _candidate_choices(owner) -> list[tuple[str, str]]:
    rows = (
        Candidate.objects.filter(owner=owner, parsing_status=ParseStatus.COMPLETED)
        .order_by("-created_at")
        .values_list("id", "full_name", "original_filename")[:CANDIDATE_CHOICES]
    )
    return [(str(pk), name or filename or str(pk)) for pk, name, filename in rows]


@login_required
def batch_list_page(request: HttpRequest) -> HttpResponse:
    """The owner's batches with progress; POST starts a bulk or format batch."""
    form = BatchForm(request.POST or None, choices=_candidate_choices(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            ids = list(form.cleaned_data["candidates"])
            try:
                if kind == "bulk":
                    batch = batches.bulk_batch_create(owner=request.user, data=ids)
                else:
                    batch = batches.format_batch_create(
                        owner=request.user, data=ids, force_anonymised=kind == "anonymised"
                    )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Batch of {batch.total} PDF(s) started.")
                return redirect("pdf-batch-detail", batch_id=batch.id)
        status = 400
    done = Q(items__status=PdfBatchItem.Status.DONE)
    failed = Q(items__status=PdfBatchItem.Status.FAILED)
    rows = (
        PdfBatch.objects.filter(owner=request.user)
        .annotate(succeeded=Count("items", filter=done), failed=Count("items", filter=failed))
        .order_by("-created_at")[:BATCHES_SHOWN]
    )
    return render(request, "rendering/batches.html", {"form": form, "batches": rows}, status=status)


@login_required
@require_POST
def candidate_batch_page(request: HttpRequest) -> HttpResponse:
    """The candidate list's checked rows → one batch of standard or anonymised PDFs in the
    owner's settings (``format_batch_create``: by webhook or e-mail, and on the batch page).
    A refusal goes back to the list, its filters kept, with the reason."""
    form = CandidateBatchForm(request.POST)
    back = request.POST.get("next", "")
    if not back.startswith("/candidates/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        back = reverse("candidates")
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect(back)
    anonymised = form.cleaned_data["variant"] == "anonymised"
    try:
        batch = batches.format_batch_create(
            owner=request.user, data=form.cleaned_data["candidates"], force_anonymised=anonymised
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(back)
    kind = "anonymised" if anonymised else "standard"
    messages.success(request, f"Batch of {batch.total} {kind} PDF(s) started.")
    return redirect("pdf-batch-detail", batch_id=batch.id)


@login_required
def batch_detail_page(request: HttpRequest, batch_id) -> HttpResponse:
    try:
        batch = selectors.batch_get(owner=request.user, job_id=batch_id)
    except ApplicationError:
        raise Http404("Batch not found") from None
    results = batches.batch_results(batch)
    names = dict(
        Candidate.objects.filter(
            owner=request.user, id__in=[row["resumeId"] for row in results]
        ).values_list("id", "full_name")
    )
    names = {str(pk): name for pk, name in names.items()}
    for row in results:
        row["name"] = names.get(row["resumeId"]) or ""
    counts = batches.batch_counts(batch)
    return render(
        request,
        "rendering/batch_detail.html",
        {
            "batch": batch,
            "results": results,
            "counts": counts,
            "percent": round(100 * counts["processed"] / counts["total"]) if counts["total"] else 100,
            "deliveries": deliveries_for_reference(owner=request.user, reference=str(batch.id)),
            "open": batch.completed_at is None,
        },
    )
