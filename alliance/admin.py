from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from modeltranslation.admin import TranslationAdmin

from .models import Priority, Region, RegionalInitiative, StrategicObjective, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (None, {"fields": ("preferred_language",)}))
    list_filter = ("is_staff", "is_active", "groups")


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
