from django.contrib import admin, messages

from rendering.batches import batch_retry_failed
from rendering.models import PdfBatch, PdfBatchItem, RenderSettings, ResumeExport


@admin.register(RenderSettings)
class RenderSettingsAdmin(admin.ModelAdmin):
    list_display = ("owner", "layout", "created_at")
    list_select_related = ("owner",)
    search_fields = ("owner__username",)
    readonly_fields = ("created_at",)


@admin.register(ResumeExport)
class ResumeExportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "owner", "created_at")
    list_select_related = ("owner",)
    search_fields = ("owner__username",)
    readonly_fields = [f.name for f in ResumeExport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


class PdfBatchItemInline(admin.TabularInline):
    model = PdfBatchItem
    extra = 0
    can_delete = False
    fields = ("position", "candidate_id", "status", "error", "generated_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PdfBatch)
class PdfBatchAdmin(admin.ModelAdmin):
    list_display = ("id", "owner", "kind", "status", "total", "created_at")
    list_filter = ("kind", "status")
    list_select_related = ("owner",)
    search_fields = ("id", "owner__username")
    readonly_fields = [f.name for f in PdfBatch._meta.fields]
    inlines = [PdfBatchItemInline]
    actions = ["retry_failed"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Regenerate the failed PDFs of selected batches")
    def retry_failed(self, request, queryset):
        count = sum(batch_retry_failed(batch=batch) for batch in queryset)
        messages.success(request, f"{count} PDF(s) queued again.")
