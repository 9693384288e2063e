"""Webhook pages: endpoints (secret shown once), secret rotation, delivery log, redeliver."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from smartcv.errors import ApplicationError
from webhooks import services
from webhooks.forms import WebhookEndpointForm
from webhooks.models import WebhookDelivery, WebhookEndpoint


def _form_error(form: WebhookEndpointForm, err: ApplicationError) -> None:
    for field, texts in (err.details or {}).items() if isinstance(err.details, dict) else []:
        target = field if field in form.fields else None
        for text in texts if isinstance(texts, list) else [texts]:
            form.add_error(target, text)
    if not form.errors:
        form.add_error(None, err.message)


@login_required
def webhook_list(request: HttpRequest) -> HttpResponse:
    form = WebhookEndpointForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.endpoint_create(owner=request.user, **form.cleaned_data)
            form = WebhookEndpointForm()
        except ApplicationError as err:
            _form_error(form, err)
    endpoints = WebhookEndpoint.objects.filter(owner=request.user).order_by("-created_at")
    return render(
        request, "webhooks/list.html", {"form": form, "endpoints": endpoints, "created": created}
    )


@login_required
def webhook_detail(request: HttpRequest, pk) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk, owner=request.user)
    form = WebhookEndpointForm(
        request.POST or None,
        initial={name: getattr(endpoint, name) for name in WebhookEndpointForm.base_fields},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.endpoint_update(endpoint=endpoint, **form.cleaned_data)
            messages.success(request, "Webhook saved.")
            return redirect("webhook-detail", pk=endpoint.pk)
        except ApplicationError as err:
            _form_error(form, err)
    deliveries = Paginator(
        WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-created_at"),
        20,
    ).get_page(request.GET.get("page"))
    return render(
        request, "webhooks/detail.html", {"endpoint": endpoint, "form": form, "deliveries": deliveries}
    )


@login_required
@require_POST
def webhook_rotate(request: HttpRequest, pk) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk, owner=request.user)
    endpoint = services.endpoint_rotate_secret(endpoint=endpoint)
    return render(request, "webhooks/secret.html", {"endpoint": endpoint})


@login_required
@require_POST
def webhook_delete(request: HttpRequest, pk) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk, owner=request.user)
    services.endpoint_delete(endpoint=endpoint)
    messages.success(request, "Webhook deleted.")
    return redirect("webhooks")


@login_required
@require_POST
def delivery_redeliver(request: HttpRequest, pk) -> HttpResponse:
    delivery = get_object_or_404(WebhookDelivery, pk=pk, endpoint__owner=request.user)
    try:
        services.redeliver(delivery=delivery)
        messages.success(request, "Delivery queued again.")
    except ApplicationError as err:
        messages.error(request, err.message)
    return redirect("webhook-detail", pk=delivery.endpoint_id)
