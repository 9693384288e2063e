from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from smartcv.models import ApiKey, CreditLedgerEntry, Plan, UsagePeriod, User
from smartcv.services import api_key_revoke


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "requests_per_minute", "monthly_credits", "overage_price_cents")
    ordering = ("sort_order",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "plan", "is_active", "is_staff", "date_joined")
    list_filter = ("plan", "is_staff", "is_active")
    search_fields = ("username", "email")
    list_select_related = ("plan",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            "Plan and billing",
            {"fields": ("plan", "billing_anchor", "credits_override", "overage_enabled")},
        ),
    )


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("prefix", "name", "user__username")
    list_select_related = ("user",)
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # keys are created by their owner (shown once) or by `createapikey`

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset):
        for api_key in queryset.filter(revoked_at__isnull=True):
            api_key_revoke(api_key=api_key)
        messages.success(request, "Selected keys revoked.")


class CreditLedgerInline(admin.TabularInline):
    model = CreditLedgerEntry
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "amount", "overage", "operation", "reference")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(UsagePeriod)
class UsagePeriodAdmin(admin.ModelAdmin):
    list_display = ("user", "period_start", "period_end", "credits_used", "overage_credits", "api_calls")
    list_select_related = ("user",)
    search_fields = ("user__username",)
    readonly_fields = (
        "user",
        "period_start",
        "period_end",
        "credits_used",
        "overage_credits",
        "api_calls",
    )
    inlines = [CreditLedgerInline]


@admin.register(CreditLedgerEntry)
class CreditLedgerEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "user", "operation", "amount", "overage", "reference")
    list_filter = ("operation",)
    search_fields = ("user__username", "reference")
    list_select_related = ("user",)
    readonly_fields = ("period", "user", "amount", "overage", "operation", "reference", "created_at")
