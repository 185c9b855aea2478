from django.contrib import admin

from .models import LeadTime, OptOut, ReminderSent


@admin.register(LeadTime)
class LeadTimeAdmin(admin.ModelAdmin):
    """Staff set how many days before each deadline its reminders go out (beat runs daily)."""

    list_display = ("kind", "days_before", "enabled")
    list_editable = ("days_before", "enabled")
    fields = ("kind", "days_before", "enabled")

    def get_readonly_fields(self, request, obj=None):
        return ("kind",) if obj else ()


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ("kind", "about", "deadline", "days_before", "sent_at")
    list_filter = ("kind", "days_before")
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    """Who stopped which optional e-mails (the person changes it; staff may remove one on request)."""

    list_display = ("email", "topic", "created_at")
    search_fields = ("email",)
    list_filter = ("topic",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
