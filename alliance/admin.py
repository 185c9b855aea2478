from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.admin import WebAuthnCredentialAdmin
from django_otp_webauthn.models import WebAuthnCredential
from modeltranslation.admin import TranslationAdmin
from rest_framework.authtoken.models import TokenProxy

from .models import ApiToken, Priority, Region, RegionalInitiative, StrategicObjective, User


def groups_assignable_by(user) -> QuerySet[Group]:
    """The groups ``user`` may hand out: those whose every permission they hold themselves."""
    if user.is_superuser:
        return Group.objects.all()
    held = user.get_all_permissions()
    allowed = [group.pk for group in Group.objects.prefetch_related("permissions__content_type")
               if all(f"{p.content_type.app_label}.{p.codename}" in held for p in group.permissions.all())]
    return Group.objects.filter(pk__in=allowed)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Superusers see Django's user admin in full. Other staff manage people through a narrower
    form: no superuser status, no individual permissions, only groups they could hold themselves;
    superusers are out of their reach, and other staff members' identity and password too."""

    fieldsets = (*DjangoUserAdmin.fieldsets, (None, {"fields": ("preferred_language",)}))
    list_filter = ("is_staff", "is_active", "groups")
    superuser_only_fields = ("is_superuser", "user_permissions")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [(name, {**options, "fields": [f for f in options["fields"]
                                              if f not in self.superuser_only_fields]})
                for name, options in fieldsets]

    def get_list_filter(self, request):
        return self.list_filter if request.user.is_superuser else ("is_staff", "is_active")

    def get_readonly_fields(self, request, obj=None):
        if not request.user.is_superuser and self._is_other_staff(request, obj):
            return ("username", "email")
        return super().get_readonly_fields(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = groups_assignable_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        """Groups the editor may not assign are not in their form: keep the ones the user had."""
        user = form.instance
        kept = list(user.groups.exclude(pk__in=groups_assignable_by(request.user))) if change else []
        super().save_related(request, form, formsets, change)
        user.groups.add(*kept)

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, id)
        if target is not None and not request.user.is_superuser and self._is_other_staff(request, target):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    @staticmethod
    def _is_other_staff(request, obj) -> bool:
        return obj is not None and obj.pk != request.user.pk and (obj.is_staff or obj.is_superuser)


class SuperuserOnlyMixin:
    """Who may grant roles, hold tokens, reset second factors or schedule arbitrary tasks:
    superusers only, whatever permissions a group gives."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


def _superuser_only(model) -> None:
    registered = admin.site._registry.get(model)
    base = type(registered) if registered else admin.ModelAdmin
    if registered:
        admin.site.unregister(model)
    admin.site.register(model, type(f"SuperuserOnly{base.__name__}", (SuperuserOnlyMixin, base), {}))


# A lost passkey is removed here by a superuser (the library's admin, which it does not register).
admin.site.register(WebAuthnCredential, WebAuthnCredentialAdmin)
for _model in (Group, TOTPDevice, StaticDevice, WebAuthnCredential, PeriodicTask, IntervalSchedule,
               CrontabSchedule, SolarSchedule, ClockedSchedule):
    _superuser_only(_model)


class ApiTokenAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    """API tokens: who holds one and since when; the key is stored nowhere (shown once, on the
    token page), its digest is not shown either. Deleting one revokes it. Tokens are created by
    their holders on the API token page."""

    list_display = ("user", "created")
    fields = ("user", "created")
    readonly_fields = ("user", "created")
    search_fields = ("user__username",)
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
admin.site.register(ApiToken, ApiTokenAdmin)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("code", "name", "order")


@admin.register(RegionalInitiative)
class RegionalInitiativeAdmin(TranslationAdmin):
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")


@admin.register(StrategicObjective)
class StrategicObjectiveAdmin(TranslationAdmin):
    list_display = ("number", "name")


@admin.register(Priority)
class PriorityAdmin(TranslationAdmin):
    list_display = ("code", "name", "order")
