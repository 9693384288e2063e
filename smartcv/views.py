"""Server pages of the platform: sign-up, dashboard, API keys. Views only call services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smartcv import page_selectors
from smartcv.forms import ApiKeyForm, SignUpForm
from smartcv.services import api_key_create, api_key_revoke, usage_summary, user_create


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "home.html")


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_create(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to SmartCV, {user.username}!")
        return redirect("dashboard")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    from matching.page_selectors import jobs_with_best_matches

    usage = usage_summary(request.user)
    percent = round(100 * usage.credits_used / usage.credits_total) if usage.credits_total else 0
    counts = page_selectors.candidate_status_counts(user=request.user)
    bars = page_selectors.credits_by_day(user=request.user)
    return render(
        request,
        "dashboard.html",
        {
            "usage": usage,
            "credits_percent": min(100, percent),
            "key_count": request.user.api_keys.filter(revoked_at__isnull=True).count(),
            "counts": counts,
            "candidate_total": sum(counts.values()),
            "recent": page_selectors.recent_candidates(user=request.user),
            "bars": bars,
            "chart_total": sum(bar.credits for bar in bars),
            "chart": {"width": page_selectors.CHART_WIDTH, "height": page_selectors.CHART_HEIGHT},
            "jobs": jobs_with_best_matches(owner=request.user),
        },
    )


@login_required
def usage(request: HttpRequest) -> HttpResponse:
    from smartcv.selectors import plans, usage_ledger

    summary = usage_summary(request.user)
    return render(
        request,
        "usage.html",
        {"usage": summary, "entries": usage_ledger(user=request.user, limit=50), "plans": plans()},
    )


@login_required
def api_keys(request: HttpRequest) -> HttpResponse:
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        new_key = api_key_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiKeyForm()
    keys = request.user.api_keys.all()
    return render(request, "api_keys.html", {"form": form, "keys": keys, "new_key": new_key})


@login_required
@require_POST
def api_key_revoke_view(request: HttpRequest, pk) -> HttpResponse:
    api_key = get_object_or_404(request.user.api_keys, pk=pk)
    api_key_revoke(api_key=api_key)
    messages.success(request, f"Key {api_key.prefix}… revoked. Requests using it now get 401.")
    return redirect("api-keys")
