from django.contrib import admin, messages

from matching.models import Job, JobFeed, JobFeedRun, Match
from matching.services import feed_import_request, job_requirements_changed


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "reference", "owner", "status", "source", "company", "city", "created_at")
    list_filter = ("status", "source", "education_level")
    search_fields = ("title", "reference", "company", "owner__username")
    list_select_related = ("owner",)
    readonly_fields = ("id", "created_at", "updated_at")
    actions = ["rescore"]

    @admin.action(description="Re-score selected jobs against their candidates")
    def rescore(self, request, queryset):
        for job in queryset:
            job_requirements_changed(job=job)
        messages.success(request, f"{queryset.count()} job(s) queued for scoring.")


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ("candidate", "job", "total_score", "pipeline_status", "scored_at")
    list_filter = ("pipeline_status",)
    search_fields = ("candidate__full_name", "job__title", "job__reference")
    list_select_related = ("candidate", "job")
    readonly_fields = (
        "id",
        "job",
        "candidate",
        "total_score",
        "breakdown",
        "scored_at",
        "created_at",
        "updated_at",
    )


class JobFeedRunInline(admin.TabularInline):
    model = JobFeedRun
    extra = 0
    can_delete = False
    fields = ("started_at", "finished_at", "status", "imported", "updated", "message")
    readonly_fields = fields
    ordering = ("-started_at",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(JobFeed)
class JobFeedAdmin(admin.ModelAdmin):
    list_display = ("url", "owner", "is_active", "last_run_at", "last_status")
    list_filter = ("is_active", "last_status")
    search_fields = ("url", "owner__username")
    list_select_related = ("owner",)
    inlines = [JobFeedRunInline]
    actions = ["import_now"]

    @admin.action(description="Import selected feeds now")
    def import_now(self, request, queryset):
        for feed in queryset:
            feed_import_request(feed=feed)
        messages.success(request, f"{queryset.count()} feed(s) queued for import.")
