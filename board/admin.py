from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from alliance.core.admin_forms import action_with_form, apply_to_each, validated_by
from alliance.core.exports import ImportExportModelAdmin
from alliance.countries import MemberStateCountriesAdminMixin

from . import services
from .models import (
    Attendance,
    BoardDocument,
    BoardMember,
    Expert,
    ExpertiseArea,
    ExpertRequest,
    ForesightReport,
    ForesightReportFile,
    Meeting,
    MeetingDocument,
    Recommendation,
    WorkingGroup,
    Workplan,
    WorkplanActivity,
    Workstream,
)


class BoardMemberResource(resources.ModelResource):
    class Meta:
        model = BoardMember
        import_id_fields = ["slug"]
        exclude = ["photo"]

    def before_save_instance(self, instance, row, **kwargs):
        services.board_member_validate(member=instance)   # co-chairs: two at most, one elected


class MeetingResource(resources.ModelResource):
    class Meta:
        model = Meeting
        import_id_fields = ["number"]


class RecommendationResource(resources.ModelResource):
    # The implementation status moves through recommendation_update_status (a note before
    # "implemented"): exported, never imported.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    status_updated_at = fields.Field(attribute="status_updated_at", column_name="status_updated_at",
                                     readonly=True)

    class Meta:
        model = Recommendation
        fields = ["id", "meeting__number", "number", "kind", "text", "owner", "due_date", "status",
                  "progress_note", "status_updated_at"]
        export_order = fields


class ActivityResource(resources.ModelResource):
    # Status and progress move together through activity_update_progress: exported, never imported.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    progress = fields.Field(attribute="progress", column_name="progress", readonly=True)

    class Meta:
        model = WorkplanActivity
        fields = ["id", "workstream__workplan__title", "workstream__number", "order", "title", "status",
                  "progress", "due_date"]
        export_order = fields


class ExpertResource(resources.ModelResource):
    class Meta:
        model = Expert
        import_id_fields = ["email"]
        fields = ["full_name", "email", "organisation", "country", "is_active", "joined_on"]


class ExpertRequestResource(resources.ModelResource):
    # Requests are approved or rejected by the services (which admit the expert): never by an import.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    decided_at = fields.Field(attribute="decided_at", column_name="decided_at", readonly=True)

    class Meta:
        model = ExpertRequest
        fields = ["id", "full_name", "email", "organisation", "country", "status", "submitted_at",
                  "decided_at"]


class ForesightReportResource(resources.ModelResource):
    class Meta:
        model = ForesightReport
        import_id_fields = ["slug"]


class BoardAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """CSV/XLSX export, change history and the six-language fields on one admin."""


class PlainBoardAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    pass


@admin.register(BoardMember)
class BoardMemberAdmin(BoardAdmin):
    resource_classes = [BoardMemberResource]
    list_display = ("full_name", "role", "is_founding_member", "elected_by_members", "organisation",
                    "country", "term_start", "term_end", "order")
    list_filter = ("role", "is_founding_member", "elected_by_members", "personal_capacity", "country")
    search_fields = ("full_name", "organisation", "title", "notes")
    prepopulated_fields = {"slug": ("full_name",)}
    list_editable = ("order",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return validated_by(form, lambda instance: services.board_member_validate(member=instance))


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["member"]


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


class RecommendationInline(TranslationTabularInline):
    model = Recommendation
    extra = 0
    fields = ("number", "kind", "text", "owner", "due_date", "status")
    readonly_fields = ("status",)  # moved by the actions of the recommendations' list
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(MemberStateCountriesAdminMixin, BoardAdmin):
    member_state_fields = ("country",)
    resource_classes = [MeetingResource]
    list_display = ("number", "start_date", "end_date", "city", "country", "format", "held_with")
    list_filter = ("format", "country")
    search_fields = ("city", "held_with", "agenda")
    date_hierarchy = "start_date"
    inlines = [AttendanceInline, MeetingDocumentInline, RecommendationInline]


class ProgressNoteForm(forms.Form):
    progress_note = forms.CharField(
        label=_("Implementation follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How the recommendation is being carried out; needed before it is marked implemented, "
                    "unless it already has one. Left empty, the present note stays."))


def _update_status(modeladmin, request, queryset, status: str, title: str):
    return action_with_form(
        modeladmin, request, queryset, ProgressNoteForm, title,
        lambda recommendation, data: services.recommendation_update_status(
            recommendation=recommendation, status=status, progress_note=data["progress_note"] or None),
        _("%(count)d updated."))


@admin.action(description=_("Mark as in progress"), permissions=["change"])
def mark_in_progress(modeladmin, request, queryset):
    return _update_status(modeladmin, request, queryset, Recommendation.Status.IN_PROGRESS,
                          _("Mark as in progress"))


@admin.action(description=_("Mark as implemented"), permissions=["change"])
def mark_implemented(modeladmin, request, queryset):
    return _update_status(modeladmin, request, queryset, Recommendation.Status.IMPLEMENTED,
                          _("Mark as implemented"))


@admin.register(Recommendation)
class RecommendationAdmin(BoardAdmin):
    resource_classes = [RecommendationResource]
    list_display = ("__str__", "meeting", "kind", "short_text", "owner", "due_date", "status")
    list_filter = ("status", "kind", "meeting")
    search_fields = ("text", "owner", "progress_note")
    list_select_related = ("meeting",)
    # The status moves through recommendation_update_status (the actions), which asks for a note.
    readonly_fields = ("status", "status_updated_at")
    actions = [mark_in_progress, mark_implemented]

    @admin.display(description=_("text"))
    def short_text(self, obj: Recommendation) -> str:
        return obj.text if len(obj.text) < 90 else obj.text[:87] + "…"


class WorkstreamInline(TranslationTabularInline):
    model = Workstream
    extra = 0
    show_change_link = True


@admin.register(Workplan)
class WorkplanAdmin(BoardAdmin):
    list_display = ("title", "start_year", "end_year", "approved_at")
    inlines = [WorkstreamInline]
    search_fields = ("title",)


def _activity_form(form_class: type) -> type:
    """Status and progress checked by the service: a form error, not the database's refusal."""
    return validated_by(form_class, lambda activity: services.activity_check_progress(
        status=activity.status, progress=activity.progress), fields=("status", "progress"))


class ActivityInline(TranslationTabularInline):
    model = WorkplanActivity
    form = _activity_form(forms.ModelForm)
    extra = 0
    fields = ("order", "title", "status", "progress", "due_date")


@admin.register(Workstream)
class WorkstreamAdmin(TranslationAdmin):
    list_display = ("title", "workplan", "number")
    list_filter = ("workplan",)
    search_fields = ("title",)
    inlines = [ActivityInline]


@admin.register(WorkplanActivity)
class ActivityAdmin(BoardAdmin):
    resource_classes = [ActivityResource]
    list_display = ("title", "workstream", "status", "progress", "due_date")
    list_filter = ("status", "workstream__workplan", "workstream")
    search_fields = ("title", "description")
    list_select_related = ("workstream",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _activity_form(super().get_form(request, obj, change=change, **kwargs))


@admin.register(WorkingGroup)
class WorkingGroupAdmin(BoardAdmin):
    list_display = ("name", "workstream", "approved_at", "is_active")
    list_filter = ("is_active", "workstream")
    search_fields = ("name", "mandate")
    filter_horizontal = ("members",)
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(BoardDocument)
class BoardDocumentAdmin(BoardAdmin):
    list_display = ("title", "kind", "approved_at")
    list_filter = ("kind",)
    search_fields = ("title", "summary")


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)


@admin.register(Expert)
class ExpertAdmin(PlainBoardAdmin):
    resource_classes = [ExpertResource]
    list_display = ("full_name", "organisation", "country", "is_active", "joined_on")
    list_filter = ("is_active", "areas", "country")
    search_fields = ("full_name", "email", "organisation")
    filter_horizontal = ("areas",)


@admin.action(description=_("Approve the selected requests"))
def approve_requests(modeladmin, request, queryset):
    apply_to_each(modeladmin, request, queryset,
                  lambda expert_request: services.expert_request_approve(expert_request=expert_request,
                                                                         by=request.user),
                  _("%(count)d updated."))


@admin.action(description=_("Reject the selected requests"))
def reject_requests(modeladmin, request, queryset):
    apply_to_each(modeladmin, request, queryset,
                  lambda expert_request: services.expert_request_reject(expert_request=expert_request,
                                                                        by=request.user),
                  _("%(count)d updated."))


@admin.register(ExpertRequest)
class ExpertRequestAdmin(PlainBoardAdmin):
    resource_classes = [ExpertRequestResource]
    list_display = ("full_name", "organisation", "country", "status", "submitted_at", "decided_at")
    list_filter = ("status", "areas", "country")
    search_fields = ("full_name", "email", "organisation", "motivation")
    readonly_fields = ("status", "submitted_at", "decided_at", "decided_by", "expert")
    actions = [approve_requests, reject_requests]


class ForesightReportFileInline(admin.TabularInline):
    model = ForesightReportFile
    extra = 0


@admin.register(ForesightReport)
class ForesightReportAdmin(BoardAdmin):
    resource_classes = [ForesightReportResource]
    list_display = ("title", "theme", "status", "approved_at", "publication_date")
    list_filter = ("status",)
    search_fields = ("title", "theme", "authors", "summary")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [ForesightReportFileInline]
