from django.contrib import admin, messages

from smartcv.errors import ApplicationError
from webhooks import services
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = (
        "url",
        "owner",
        "is_active",
        "pdf_generated",
        "parser_results",
        "scores",
        "created_at",
    )
    list_filter = ("is_active", "pdf_generated", "parser_results", "scores")
    search_fields = ("url", "description", "owner__username", "owner__email")
    list_select_related = ("owner",)
    # The secret never leaves the owner's create/rotate responses; the URL is validated by
    # the owner's API, so staff only switch an endpoint off or change its subscriptions.
    fields = (
        "owner",
        "url",
        "description",
        "is_active",
        "pdf_generated",
        "parser_results",
        "scores",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("owner", "url", "created_at", "updated_at")

    def has_add_permission(self, request) -> bool:
        return False  # endpoints are created by their owner (the secret is shown to them)

    def save_model(self, request, obj, form, change) -> None:
        services.endpoint_update(
            endpoint=obj,
            description=obj.description,
            is_active=obj.is_active,
            pdf_generated=obj.pdf_generated,
            parser_results=obj.parser_results,
            scores=obj.scores,
        )


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    fields = (
        "number",
        "started_at",
        "duration_ms",
        "response_status_code",
        "response_body",
        "error_message",
        "next_attempt_at",
    )
    readonly_fields = fields
    ordering = ("number",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "event",
        "endpoint",
        "owner",
        "status",
        "attempt_count",
        "response_status_code",
        "next_attempt_at",
        "created_at",
    )
    list_filter = ("status", "event")
    search_fields = ("=id", "reference", "endpoint__url", "owner__username")
    list_select_related = ("endpoint", "owner")
    date_hierarchy = "created_at"
    inlines = [WebhookAttemptInline]
    readonly_fields = (
        "id",
        "endpoint",
        "owner",
        "event",
        "reference",
        "status",
        "attempt_count",
        "next_attempt_at",
        "last_attempt_at",
        "delivered_at",
        "response_status_code",
        "response_body",
        "error_message",
        "payload",
        "created_at",
    )
    fields = readonly_fields
    actions = ["redeliver"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # history: read-only; use the "Redeliver" action to try again

    def has_redeliver_permission(self, request) -> bool:
        return request.user.has_perm("webhooks.change_webhookdelivery")

    @admin.action(description="Redeliver selected", permissions=["redeliver"])
    def redeliver(self, request, queryset) -> None:
        done = skipped = 0
        for delivery in queryset:
            try:
                services.redeliver(delivery=delivery)
            except ApplicationError:
                skipped += 1  # being attempted right now
            else:
                done += 1
        messages.success(request, f"{done} deliveries queued again.")
        if skipped:
            messages.warning(request, f"{skipped} deliveries were in flight and left alone.")
