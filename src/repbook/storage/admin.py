"""Django admin for operators: users, site switches, and read-mostly views of the data."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm

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


if TYPE_CHECKING:
    _AdminPasswordForm = AdminPasswordChangeForm[User]
else:  # not subscriptable at run time
    _AdminPasswordForm = AdminPasswordChangeForm


class TemporaryPasswordForm(_AdminPasswordForm):
    """The admin's password form, plus: the user must choose their own password at the next login."""

    temporary = forms.BooleanField(
        required=False,
        initial=True,
        label="Temporary password",
        help_text="The user must choose their own password before anything else when they next log in.",
    )

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user.must_change_password = bool(self.cleaned_data.get("temporary")) and user.has_usable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class RepbookUserAdmin(UserAdmin[User]):
    change_password_form = TemporaryPasswordForm
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Password", {"fields": ["must_change_password"]}))
    list_display = ["username", "email", "is_staff", "is_active", "must_change_password", "last_login"]


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

    # Catalog exercises come from Repbook's catalog files and are loaded again from them on
    # upgrade: an edit here would be lost then, and each server process keeps the catalog's list
    # (storage.queries.catalog_rows). Users' own exercises stay editable.
    def has_change_permission(self, request: Any, obj: Exercise | None = None) -> bool:
        return super().has_change_permission(request, obj) and (obj is None or obj.owner_id is not None)

    def has_delete_permission(self, request: Any, obj: Exercise | None = None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.owner_id is not None)


@admin.register(Workout)
class WorkoutAdmin(admin.ModelAdmin[Workout]):
    list_display = ["id", "owner", "name", "started_at", "finished_at"]
    list_filter = ["owner"]


admin.site.register([UserSettings, BodyWeight, Set, Program])
