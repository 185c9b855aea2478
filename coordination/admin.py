"""Administration of inter-sectoral coordination: filters, change history, six-language fields and
CSV/XLSX import/export. Status changes with rules go through the services (actions)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import resources
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from alliance.core.admin_forms import apply_to_each, validated_by
from alliance.core.exports import ImportExportModelAdmin

from . import services
from .models import (
    AnnualReport,
    Body,
    CallToAction,
    FocalPoint,
    MapUpdate,
    Meeting,
    MeetingDocument,
    Outcome,
    ReminderSent,
    ReportingDeadline,
    Resolution,
    ResolutionMapping,
    Topic,
)


class TopicResource(resources.ModelResource):
    class Meta:
        model = Topic
        import_id_fields = ["slug"]


class FocalPointResource(resources.ModelResource):
    class Meta:
        model = FocalPoint
        fields = [
            "id",
            "topic",
            "topic__name",
            "sector",
            "vacant",
            "name",
            "title",
            "unit",
            "email",
            "vacancy_note",
            "since",
        ]
        export_order = fields


class MeetingResource(resources.ModelResource):
    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "body__acronym",
            "held_on",
            "title",
            "format",
            "place",
            "agenda",
            "report_summary",
        ]
        export_order = fields


class ResolutionResource(resources.ModelResource):
    class Meta:
        model = Resolution
        import_id_fields = ["assembly", "number"]
        fields = ["assembly", "number", "revision", "title", "url"]


class ResolutionMappingResource(resources.ModelResource):
    class Meta:
        model = ResolutionMapping
        fields = [
            "id",
            "resolution",
            "resolution__assembly",
            "resolution__number",
            "topic",
            "topic__name",
            "sector",
        ]
        export_order = fields


class AnnualReportResource(resources.ModelResource):
    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "focal_point",
            "focal_point__topic__name",
            "focal_point__sector",
            "focal_point__name",
            "year",
            "progress",
            "outcomes",
            "next_steps",
            "documents",
            "submitted_at",
        ]
        export_order = fields


class OutcomeResource(resources.ModelResource):
    class Meta:
        model = Outcome
        fields = ["id", "topic", "topic__name", "title", "description", "achieved_on", "meeting", "url"]
        export_order = fields


class CoordinationAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """CSV/XLSX import/export, change history and the six-language fields on one admin."""


class PlainCoordinationAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    pass


@admin.action(description=_("Accept the selected proposed topics"))
def accept_topics(modeladmin, request, queryset):
    apply_to_each(modeladmin, request, queryset, lambda topic: services.topic_accept(topic=topic),
                  _("%(count)d updated."))


@admin.action(description=_("Close the selected topics"))
def close_topics(modeladmin, request, queryset):
    apply_to_each(modeladmin, request, queryset, lambda topic: services.topic_close(topic=topic),
                  _("%(count)d updated."))


class FocalPointInline(TranslationTabularInline):
    model = FocalPoint
    extra = 0
    fields = ("sector", "vacant", "name", "title", "unit", "email", "user")
    autocomplete_fields = ["user"]


@admin.register(Topic)
class TopicAdmin(CoordinationAdmin):
    resource_classes = [TopicResource]
    list_display = ("name", "status", "added_on", "accepted_on", "order")
    list_filter = ("status", "added_on")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("status", "accepted_on")
    list_editable = ("order",)
    actions = [accept_topics, close_topics]


@admin.register(FocalPoint)
class FocalPointAdmin(CoordinationAdmin):
    resource_classes = [FocalPointResource]
    list_display = ("topic", "sector", "vacant", "name", "unit", "email", "user")
    list_filter = ("sector", "vacant", "topic__status", "topic")
    search_fields = ("name", "email", "unit", "topic__name")
    list_select_related = ("topic", "user")
    autocomplete_fields = ["user"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return validated_by(form, lambda instance: services.focal_point_validate(focal_point=instance))


class MeetingInline(TranslationTabularInline):
    model = Meeting
    extra = 0
    fields = ("held_on", "title", "format", "place")
    show_change_link = True


@admin.register(Body)
class BodyAdmin(CoordinationAdmin):
    list_display = ("acronym", "name", "kind", "chair", "established_by")
    list_filter = ("kind",)
    search_fields = ("acronym", "name", "chair")
    inlines = [MeetingInline]


class MeetingDocumentInline(TranslationTabularInline):
    model = MeetingDocument
    extra = 0


class CallToActionInline(TranslationTabularInline):
    model = CallToAction
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(CoordinationAdmin):
    resource_classes = [MeetingResource]
    list_display = ("held_on", "body", "title", "format", "place")
    list_filter = ("body", "format", "held_on")
    date_hierarchy = "held_on"
    search_fields = ("title", "agenda", "report_summary")
    list_select_related = ("body",)
    filter_horizontal = ("topics",)
    inlines = [MeetingDocumentInline, CallToActionInline]


class ResolutionMappingInline(admin.TabularInline):
    model = ResolutionMapping
    extra = 0


@admin.register(Resolution)
class ResolutionAdmin(CoordinationAdmin):
    resource_classes = [ResolutionResource]
    list_display = ("__str__", "revision", "title")
    list_filter = ("assembly",)
    search_fields = ("number", "title")
    inlines = [ResolutionMappingInline]


@admin.register(ResolutionMapping)
class ResolutionMappingAdmin(PlainCoordinationAdmin):
    resource_classes = [ResolutionMappingResource]
    list_display = ("resolution", "topic", "sector")
    list_filter = ("resolution__assembly", "sector", "topic")
    list_select_related = ("resolution", "topic")


@admin.register(MapUpdate)
class MapUpdateAdmin(admin.ModelAdmin):
    list_display = ("updated_on", "after_event")


@admin.register(AnnualReport)
class AnnualReportAdmin(PlainCoordinationAdmin):
    resource_classes = [AnnualReportResource]
    list_display = ("focal_point", "year", "submitted_at", "submitted_by")
    list_filter = ("year", "focal_point__sector", "focal_point__topic")
    search_fields = ("progress", "outcomes", "next_steps", "focal_point__name", "focal_point__topic__name")
    list_select_related = ("focal_point__topic", "submitted_by")
    readonly_fields = ("submitted_at", "submitted_by")


@admin.register(ReportingDeadline)
class ReportingDeadlineAdmin(admin.ModelAdmin):
    list_display = ("year", "due_on")

    def save_model(self, request, obj, form, change):
        services.deadline_set(year=obj.year, due_on=obj.due_on)


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ("focal_point", "year", "days_before", "sent_at")
    list_filter = ("year", "days_before")
    list_select_related = ("focal_point__topic",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Outcome)
class OutcomeAdmin(CoordinationAdmin):
    resource_classes = [OutcomeResource]
    list_display = ("title", "topic", "achieved_on", "meeting")
    list_filter = ("topic", "achieved_on")
    search_fields = ("title", "description")
    list_select_related = ("topic", "meeting__body")
    raw_id_fields = ("meeting", "annual_report")
