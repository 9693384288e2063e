from django.contrib import admin, messages

from parsing.models import Candidate, Tag
from parsing.services import candidates_reparse


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "color", "owner")
    search_fields = ("name", "owner__username")
    list_select_related = ("owner",)


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "owner",
        "parsing_status",
        "parsing_confidence",
        "source",
        "file_kind",
        "created_at",
    )
    list_filter = ("parsing_status", "source", "file_kind", "document_language")
    search_fields = ("full_name", "email", "original_filename", "owner__username")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "id",
        "owner",
        "source",
        "source_url",
        "file_name",
        "original_filename",
        "content_type",
        "file_size",
        "file_kind",
        "parsing_status",
        "parsing_confidence",
        "parsing_errors",
        "credits_charged",
        "document_language",
        "document_type",
        "document",
        "metadata",
        "created_at",
        "updated_at",
        "parsed_at",
    )
    filter_horizontal = ("tags",)
    actions = ["reparse"]

    def has_add_permission(self, request) -> bool:
        return False  # candidates come from parsed files

    @admin.action(description="Re-parse selected candidates")
    def reparse(self, request, queryset):
        count = candidates_reparse(candidates=queryset)
        messages.success(request, f"{count} candidate(s) queued for parsing.")
