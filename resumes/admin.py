"""Admin for templates, resumes (with a soft-deleted filter), share links, comments, profiles.

Writes that have rules (soft delete, template sync) go through ``resumes.services``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from resumes import services
from resumes.document import DocumentError, DocumentTooLarge, validate_document
from resumes.models import PublishedProfile, Resume, ShareComment, ShareLink, Template


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "category", "is_active", "sort_order", "updated_at"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "slug"]
    actions = ["sync_from_disk"]

    @admin.action(description="Sync all templates from templates/resume_layouts/")
    def sync_from_disk(self, request, queryset):
        slugs = services.templates_sync()
        self.message_user(
            request, f"Synced {len(slugs)} templates: {', '.join(slugs)}", messages.SUCCESS
        )


class DeletedFilter(admin.SimpleListFilter):
    title = "deleted"
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("no", "Live"), ("yes", "Deleted")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        return queryset


class ResumeAdminForm(forms.ModelForm):
    """Staff edit the canonical JSON; it must stay a valid ResumeDocument (the API, renderers
    and exports all read it)."""

    class Meta:
        model = Resume
        fields = [
            "owner",
            "title",
            "status",
            "template",
            "content",
            "sections_visibility",
            "target_job_description",
        ]

    def clean_content(self):
        try:
            return validate_document(self.cleaned_data["content"]).to_json()
        except (DocumentError, DocumentTooLarge) as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    form = ResumeAdminForm
    list_display = [
        "title",
        "owner",
        "status",
        "template",
        "ats_score",
        "keyword_match_score",
        "created_at",
        "deleted_at",
    ]
    list_filter = ["status", DeletedFilter, "template"]
    search_fields = ["title", "owner__username", "owner__email"]
    list_select_related = ["owner", "template"]
    raw_id_fields = ["owner"]
    readonly_fields = [
        "id",
        "ats_score",
        "keyword_match_score",
        "created_at",
        "updated_at",
        "deleted_at",
    ]
    actions = ["soft_delete"]

    @admin.action(description="Delete (soft) the selected resumes")
    def soft_delete(self, request, queryset):
        for resume in queryset.filter(deleted_at__isnull=True):
            services.resume_delete(resume=resume)


class ShareCommentInline(admin.TabularInline):
    model = ShareComment
    extra = 0
    readonly_fields = ["author_name", "text", "created_at"]


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = [
        "resume",
        "is_enabled",
        "expires_at",
        "allow_download",
        "allow_comments",
        "view_count",
        "last_viewed_at",
    ]
    list_filter = ["is_enabled", "allow_download", "allow_comments"]
    search_fields = ["resume__title", "resume__owner__username", "token"]
    list_select_related = ["resume"]
    raw_id_fields = ["resume"]
    # The password is write-only through the API; staff see only that one is set.
    exclude = ["password_hash"]
    readonly_fields = ["token", "view_count", "last_viewed_at", "created_at", "updated_at"]
    inlines = [ShareCommentInline]


@admin.register(ShareComment)
class ShareCommentAdmin(admin.ModelAdmin):
    list_display = ["author_name", "share_link", "created_at"]
    search_fields = ["author_name", "text"]
    list_select_related = ["share_link"]
    raw_id_fields = ["share_link"]


@admin.register(PublishedProfile)
class PublishedProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "is_live", "template", "updated_at"]
    list_filter = ["is_live", "template"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "template"]
    readonly_fields = ["created_at", "updated_at"]
