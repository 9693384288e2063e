from django.contrib import admin

from matching.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "reference", "owner", "status", "source", "company", "city", "created_at")
    list_filter = ("status", "source", "education_level")
    search_fields = ("title", "reference", "company", "owner__username")
    list_select_related = ("owner",)
    readonly_fields = ("id", "created_at", "updated_at")
