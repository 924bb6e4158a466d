"""Django admin for operators: users, site switches, and read-mostly views of the data."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from repbook.storage.models import (
    ApiToken,
    BodyWeight,
    Exercise,
    Program,
    Set,
    SiteSettings,
    User,
    UserSettings,
    Workout,
)

admin.site.site_header = "Repbook administration"
admin.site.register(User, UserAdmin)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin[SiteSettings]):
    list_display = ["id", "registration_open"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["name", "owner", "hint", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["token_hash", "hint", "created_at", "last_used_at"]


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin[Exercise]):
    list_display = ["name", "slug", "owner", "pattern", "level"]
    list_filter = ["pattern", "level", "category"]
    search_fields = ["name", "slug", "search_text"]


@admin.register(Workout)
class WorkoutAdmin(admin.ModelAdmin[Workout]):
    list_display = ["id", "owner", "name", "started_at", "finished_at"]
    list_filter = ["owner"]


admin.site.register([UserSettings, BodyWeight, Set, Program])
