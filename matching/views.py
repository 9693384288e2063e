"""Recruiter pages for jobs: list, create/edit with weighted skills, parse from text or a
file, ranked candidates with explanations and the pipeline board. Views only call services
and selectors."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from matching import page_selectors, selectors, services
from matching.forms import JobForm, JobTextForm, PipelineForm, SkillFormSet, skill_rows
from matching.models import JobSource, JobStatus
from parsing.jobparse import parse_job_text
from parsing.page_services import job_text_from_upload
from smartcv.errors import ApplicationError

PAGE_SIZE = 25
# Ranked candidates shown with their matched / missing skills (each one is rescored).
EXPLAINED = 10


def _job_or_404(request: HttpRequest, job_id):
    try:
        return selectors.job_get(owner=request.user, job_id=job_id)
    except ApplicationError:
        raise Http404("Job not found") from None


@login_required
def job_list_page(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    search = request.GET.get("q", "").strip()[:200]
    qs = selectors.job_list_parserpro(
        owner=request.user,
        status=status if status in JobStatus.values else None,
        search=search or None,
        sort=None,
        order=None,
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {
            "page": page,
            "status": status,
            "search": search,
            "statuses": JobStatus.choices,
            "query": query.urlencode(),
        },
    )


def _job_initial(job) -> tuple[dict, list[dict], list[dict]]:
    initial = {name: getattr(job, name) for name in JobForm.base_fields}
    initial["preferred_locations"] = ", ".join(job.preferred_locations or [])
    return initial, list(job.required_skills or []), list(job.nice_to_have_skills or [])


def _forms(data=None, *, initial=None, required=(), nice=()):
    return (
        JobForm(data, initial=initial),
        SkillFormSet(data, prefix="req", initial=list(required)),
        SkillFormSet(data, prefix="nice", initial=list(nice)),
    )


def _render_form(request, job, form, required, nice, status: int = 200) -> HttpResponse:
    return render(
        request,
        "jobs/form.html",
        {"job": job, "form": form, "required": required, "nice": nice, "text_form": JobTextForm()},
        status=status,
    )


def _save(request: HttpRequest, job=None) -> HttpResponse:
    form, required, nice = _forms(request.POST)
    if form.is_valid() and required.is_valid() and nice.is_valid():
        data = {
            **form.cleaned_data,
            "required_skills": skill_rows(required),
            "nice_to_have_skills": skill_rows(nice),
        }
        try:
            if job is None:
                job = services.job_create(owner=request.user, data=data, source=JobSource.MANUAL)
            else:
                job = services.job_update(job=job, data=data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Job “{job.title}” saved; candidates are being ranked.")
            return redirect("job-detail", job_id=job.id)
    return _render_form(request, job, form, required, nice, status=400)


@login_required
def job_create_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _save(request)
    form, required, nice = _forms()
    return _render_form(request, None, form, required, nice)


@login_required
def job_edit_page(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_or_404(request, job_id)
    if request.method == "POST":
        return _save(request, job)
    initial, req, nice_rows = _job_initial(job)
    form, required, nice = _forms(initial=initial, required=req, nice=nice_rows)
    return _render_form(request, job, form, required, nice)


@login_required
@require_POST
def job_parse_page(request: HttpRequest) -> HttpResponse:
    """Structure pasted text or an uploaded file and pre-fill the new-job form with it."""
    text_form = JobTextForm(request.POST, request.FILES)
    if text_form.is_valid():
        text = text_form.cleaned_data.get("text") or ""
        try:
            if text_form.cleaned_data.get("file"):
                text = job_text_from_upload(upload=text_form.cleaned_data["file"])
        except ApplicationError as error:
            text_form.add_error("file", error.message)
        else:
            parsed = parse_job_text(text)
            initial = {
                name: getattr(parsed, name)
                for name in JobForm.base_fields
                if hasattr(parsed, name) and getattr(parsed, name) not in (None, "")
            }
            form, required, nice = _forms(
                initial=initial,
                required=parsed.weighted_required(),
                nice=parsed.weighted_nice(),
            )
            messages.info(request, "Parsed — check the fields, then save the job.")
            return _render_form(request, None, form, required, nice)
    form, required, nice = _forms()
    return render(
        request,
        "jobs/form.html",
        {"job": None, "form": form, "required": required, "nice": nice, "text_form": text_form},
        status=400,
    )


@login_required
def job_detail_page(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_or_404(request, job_id)
    page = Paginator(selectors.job_matches(job=job), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for index, match in enumerate(page.object_list):
        match.job = job  # the explanation reads the job: no query per row
        explanation = services.match_explanation(match=match) if index < EXPLAINED else None
        rows.append((match, explanation))
    return render(
        request,
        "jobs/detail.html",
        {"job": job, "page": page, "rows": rows, "query": "", "pipeline": PipelineForm()},
    )


@login_required
def job_pipeline_page(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_or_404(request, job_id)
    return render(
        request,
        "jobs/pipeline.html",
        {"job": job, "columns": page_selectors.pipeline_columns(job=job), "form": PipelineForm()},
    )


@login_required
@require_POST
def match_status_page(request: HttpRequest, job_id, candidate_id) -> HttpResponse:
    job = _job_or_404(request, job_id)
    form = PipelineForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a pipeline stage.")
        return redirect("job-pipeline", job_id=job.id)
    try:
        match = selectors.match_get(owner=request.user, job_id=job.id, candidate_id=candidate_id)
    except ApplicationError:
        raise Http404("Match not found") from None
    services.match_set_status(match=match, status=form.cleaned_data["status"])
    messages.success(request, f"{match.candidate} moved to {match.get_pipeline_status_display()}.")
    target = "job-detail" if request.POST.get("next") == "detail" else "job-pipeline"
    return redirect(target, job_id=job.id)


@login_required
def job_delete_page(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_or_404(request, job_id)
    if request.method == "POST":
        title = job.title
        services.job_delete(job=job)
        messages.success(request, f"Job “{title}” deleted.")
        return redirect("jobs")
    return render(request, "jobs/delete.html", {"job": job})


# --- job feeds ---------------------------------------------------------------------------------

FEED_RUNS_PER_PAGE = 20


class FeedForm(forms.Form):
    url = forms.CharField(
        label="Feed URL",
        max_length=2048,
        help_text="A public http(s) URL answering a JSON array of jobs; imported hourly.",
        widget=forms.URLInput(attrs={"placeholder": "https://ats.example/jobs.json"}),
    )


def _feed_or_404(request: HttpRequest, feed_id):
    try:
        return selectors.feed_get(owner=request.user, feed_id=feed_id)
    except ApplicationError:
        raise Http404("Feed not found") from None


@login_required
def feed_list_page(request: HttpRequest) -> HttpResponse:
    """The owner's feeds; POST registers one (and imports it straight away)."""
    form = FeedForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                feed = services.feed_create(owner=request.user, url=form.cleaned_data["url"])
            except ApplicationError as error:
                # A 409 lists the URL itself in its details: its message is what reads well.
                details = error.details if isinstance(error.details, dict) else {}
                texts = details.get("url") if error.status == 400 else None
                for text in texts or [error.message]:
                    form.add_error("url", str(text))
            else:
                services.feed_import_request(feed=feed)
                messages.success(request, "Feed registered; the first import has started.")
                return redirect("job-feed-detail", feed_id=feed.id)
        status = 400
    return render(
        request,
        "jobs/feeds.html",
        {"form": form, "feeds": selectors.feed_list(owner=request.user)},
        status=status,
    )


@login_required
def feed_detail_page(request: HttpRequest, feed_id) -> HttpResponse:
    """The feed's import log, newest run first, with each run's per-item errors."""
    feed = _feed_or_404(request, feed_id)
    page = Paginator(selectors.feed_runs(feed=feed), FEED_RUNS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "jobs/feeds_detail.html", {"feed": feed, "page": page, "query": ""})


@login_required
@require_POST
def feed_toggle_page(request: HttpRequest, feed_id) -> HttpResponse:
    feed = _feed_or_404(request, feed_id)
    feed = services.feed_update(feed=feed, is_active=not feed.is_active)
    messages.success(request, f"Feed {'activated' if feed.is_active else 'paused'}.")
    if request.POST.get("next") == "detail":
        return redirect("job-feed-detail", feed_id=feed.id)
    return redirect("job-feeds")


@login_required
@require_POST
def feed_import_page(request: HttpRequest, feed_id) -> HttpResponse:
    feed = _feed_or_404(request, feed_id)
    services.feed_import_request(feed=feed)
    messages.success(request, "Import started; its run appears in the log below.")
    return redirect("job-feed-detail", feed_id=feed.id)


@login_required
@require_POST
def feed_delete_page(request: HttpRequest, feed_id) -> HttpResponse:
    feed = _feed_or_404(request, feed_id)
    url = feed.url
    services.feed_delete(feed=feed)
    messages.success(request, f"Feed {url} deleted; the jobs it imported stay.")
    return redirect("job-feeds")
