"""Staff admin of centres: lifecycle steps are admin actions that call the services."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from alliance.core.admin_forms import action_with_form as _with_form
from alliance.core.admin_forms import apply_to_each as _apply
from alliance.core.admin_forms import save_inline_through, validated_by
from alliance.core.downloads import private_download
from alliance.core.exports import ImportExportModelAdmin
from alliance.core.pagination import VersionedAdminPaginationMixin
from alliance.countries import MemberStateCountriesAdminMixin
from alliance.models import RegionalInitiative, StrategicObjective

from . import services
from .models import (
    ActionPlan,
    ActionPlanActivity,
    ActivityProgress,
    Application,
    ApplicationDocument,
    Call,
    Centre,
    CentreChangeProposal,
    CentreDocument,
    CentreHost,
    CentreMessage,
    CentreProgressReport,
    CooperationAgreement,
    Criterion,
    DueDiligenceCheck,
    NetworkEvent,
    Training,
    TrainingAttendance,
)

# Import / export -----------------------------------------------------------------------------


class ApplicationResource(resources.ModelResource):
    # The decision is taken by the services (due diligence, scores, selection): an import carries it
    # out to a file but never writes it back.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    decision_reason = fields.Field(attribute="decision_reason", column_name="decision_reason", readonly=True)
    decided_at = fields.Field(attribute="decided_at", column_name="decided_at", readonly=True)
    call = fields.Field(attribute="call", column_name="call", widget=ForeignKeyWidget(Call, "code"))
    regional_initiative = fields.Field(attribute="regional_initiative", column_name="regional_initiative",
                                       widget=ForeignKeyWidget(RegionalInitiative, "code"))
    objectives = fields.Field(attribute="objectives", column_name="objectives",
                              widget=ManyToManyWidget(StrategicObjective, field="number", separator=","))

    class Meta:
        model = Application
        import_id_fields = ["reference"]
        fields = ["reference", "call", "organisation", "host_type", "country", "city", "contact_name",
                  "contact_email", "contact_phone", "website", "objectives", "regional_initiative",
                  "support_plan", "language", "submitted_at", "status", "decision_reason", "decided_at"]
        export_order = fields
        skip_unchanged = True


class CentreResource(resources.ModelResource):
    # A centre's lifecycle moves only through the services (agreement, design, plan approval,
    # accepted report, removal): its status and dates are exported, never imported. A centre is
    # created by selecting an application, never by an import row.
    application = fields.Field(attribute="application", column_name="application", readonly=True,
                               widget=ForeignKeyWidget(Application, "reference"))
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    selected_on = fields.Field(attribute="selected_on", column_name="selected_on", readonly=True)
    design_finished_on = fields.Field(attribute="design_finished_on", column_name="design_finished_on",
                                      readonly=True)
    operating_since = fields.Field(attribute="operating_since", column_name="operating_since", readonly=True)
    removed_on = fields.Field(attribute="removed_on", column_name="removed_on", readonly=True)
    removal_reason = fields.Field(attribute="removal_reason", column_name="removal_reason", readonly=True)
    removal_note = fields.Field(attribute="removal_note", column_name="removal_note", readonly=True)
    regional_initiative = fields.Field(attribute="regional_initiative", column_name="regional_initiative",
                                       widget=ForeignKeyWidget(RegionalInitiative, "code"))
    objectives = fields.Field(attribute="objectives", column_name="objectives",
                              widget=ManyToManyWidget(StrategicObjective, field="number", separator=","))

    class Meta:
        model = Centre
        import_id_fields = ["slug"]
        fields = ["slug", "application", "name", "host_organisation", "host_type", "country", "city",
                  "regional_initiative", "objectives", "status", "selected_on", "design_finished_on",
                  "operating_since", "removed_on", "removal_reason", "removal_note", "website",
                  "contact_email", "contact_phone", "description_en", "description_fr", "description_es",
                  "description_ru", "description_ar", "description_zh_hans"]
        export_order = fields
        skip_unchanged = True

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            raise ValidationError(_("A centre is created by selecting its application, not by an import."))


# Actions that ask for a reason ---------------------------------------------------------------


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for not selecting"), widget=forms.Textarea(attrs={"rows": 4}))
    reason_given = forms.CharField(
        label=_("Reason given to the applicant"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent in the e-mail telling the applicant the decision; leave empty to give none."))


class RemoveForm(forms.Form):
    removed_on = forms.DateField(label=_("Removed on"), initial=timezone.localdate,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.ChoiceField(label=_("Reason"), choices=Centre.RemovalReason.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


# Applications --------------------------------------------------------------------------------


class ApplicationDocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0


class CheckInlineForm(forms.ModelForm):
    class Meta:
        model = DueDiligenceCheck
        fields = ["item", "result", "note"]


class DueDiligenceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """A check is deleted during due diligence only: above the checklist, and nothing saved."""
        super().clean()
        if any(form.instance.pk for form in self.deleted_forms):
            services.due_diligence_check_open(application=self.instance)


class DueDiligenceInline(admin.TabularInline):
    """Each changed check is validated and recorded by the services (due_diligence_record), each
    deleted one taken off by them (due_diligence_delete)."""

    model = DueDiligenceCheck
    formset = DueDiligenceFormSet
    form = validated_by(CheckInlineForm, lambda check: services.due_diligence_check_result(
        check=check, result=check.result, note=check.note))
    extra = 0
    readonly_fields = ["checked_by", "checked_at"]


@admin.register(Application)
class ApplicationAdmin(VersionedAdminPaginationMixin, MemberStateCountriesAdminMixin, ImportExportModelAdmin,
                       SimpleHistoryAdmin):
    member_state_fields = ("country",)
    resource_classes = [ApplicationResource]
    list_display = ["reference", "organisation", "country_name", "host_type", "call", "status",
                    "submitted_at"]
    list_filter = ["status", "call", "host_type", "regional_initiative", "language"]
    search_fields = ["reference", "organisation", "contact_name", "contact_email", "city"]
    date_hierarchy = "submitted_at"
    readonly_fields = ["reference", "status", "decided_at", "decided_by", "decision_reason"]
    filter_horizontal = ["objectives"]
    # No scores here: evaluators score blind on their own sheets, and the lead evaluator alone sees
    # every score (centres/staff_views.py).
    inlines = [ApplicationDocumentInline, DueDiligenceInline]
    actions = ["start_due_diligence", "finish_due_diligence", "select", "reject"]
    list_select_related = ["call"]

    def save_formset(self, request, form, formset, change):
        if formset.model is not DueDiligenceCheck:
            super().save_formset(request, form, formset, change)
            return
        save_inline_through(
            formset, delete=lambda check: services.due_diligence_delete(check=check, by=request.user),
            save=lambda check: services.due_diligence_record(
                check=check, result=check.result, note=check.note, by=request.user))

    @admin.action(description=_("Start due diligence"), permissions=["change"])
    def start_due_diligence(self, request, queryset):
        _apply(self, request, queryset,
               lambda a: services.application_start_due_diligence(application=a, by=request.user),
               ngettext_lazy("Due diligence started for %(count)s application.",
                             "Due diligence started for %(count)s applications.", "count"))

    @admin.action(description=_("Finish due diligence and send to evaluation"), permissions=["change"])
    def finish_due_diligence(self, request, queryset):
        _apply(self, request, queryset,
               lambda a: services.application_finish_due_diligence(application=a, by=request.user),
               ngettext_lazy("%(count)s application sent to evaluation.",
                             "%(count)s applications sent to evaluation.", "count"))

    @admin.action(description=_("Select (creates the centre and invites the host)"), permissions=["change"])
    def select(self, request, queryset):
        _apply(self, request, queryset,
               lambda a: services.application_select(application=a, by=request.user),
               ngettext_lazy("%(count)s application selected; its host was invited.",
                             "%(count)s applications selected; their hosts were invited.", "count"))

    @admin.action(description=_("Do not select…"), permissions=["change"])
    def reject(self, request, queryset):
        return _with_form(
            self, request, queryset, RejectForm, _("Do not select these applications"),
            lambda a, data: services.application_reject(application=a, by=request.user,
                                                        reason=data["reason"],
                                                        reason_given=data["reason_given"]),
            ngettext_lazy("%(count)s application not selected.",
                          "%(count)s applications not selected.", "count"))


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "code", "opened_on", "closed_on"]
    search_fields = ["name", "code"]


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "weight", "max_score", "order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


# Centres -------------------------------------------------------------------------------------


class CentreHostInline(admin.TabularInline):
    model = CentreHost
    extra = 0
    raw_id_fields = ["user"]
    readonly_fields = ["invited_at"]


class AgreementInline(admin.TabularInline):
    model = CooperationAgreement
    fk_name = "centre"
    extra = 0
    can_delete = False
    fields = ["signed_on", "starts_on", "ends_on", "renews", "document"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AttendanceInline(admin.TabularInline):
    model = TrainingAttendance
    extra = 0


@admin.register(Centre)
class CentreAdmin(VersionedAdminPaginationMixin, MemberStateCountriesAdminMixin, ImportExportModelAdmin,
                  SimpleHistoryAdmin, TranslationAdmin):
    member_state_fields = ("country",)
    resource_classes = [CentreResource]
    list_display = ["name", "host_organisation", "country_name", "regional_initiative", "status",
                    "selected_on", "design_finished_on"]
    list_filter = ["status", "regional_initiative__region", "regional_initiative", "host_type",
                   "removal_reason", "objectives", "application__call"]
    search_fields = ["name", "host_organisation", "city", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "design_finished_on", "operating_since", "removed_on", "removal_reason",
                       "removal_note"]
    filter_horizontal = ["objectives"]
    raw_id_fields = ["application"]
    inlines = [CentreHostInline, AgreementInline, AttendanceInline]
    actions = ["start_design", "start_operating", "remove"]
    list_select_related = ["regional_initiative"]

    @admin.action(description=_("Start the design phase"), permissions=["change"])
    def start_design(self, request, queryset):
        _apply(self, request, queryset, lambda c: services.centre_start_design(centre=c, by=request.user),
               ngettext_lazy("%(count)s centre entered the design phase.",
                             "%(count)s centres entered the design phase.", "count"))

    @admin.action(description=_("Mark as operating"), permissions=["change"])
    def start_operating(self, request, queryset):
        _apply(self, request, queryset, lambda c: services.centre_start_operating(centre=c, by=request.user),
               ngettext_lazy("%(count)s centre is now operating.",
                             "%(count)s centres are now operating.", "count"))

    @admin.action(description=_("Remove from the network…"), permissions=["change"])
    def remove(self, request, queryset):
        return _with_form(
            self, request, queryset, RemoveForm, _("Remove these centres from the network"),
            lambda c, data: services.centre_remove(centre=c, removed_on=data["removed_on"],
                                                   reason=data["reason"], note=data["note"], by=request.user),
            ngettext_lazy("%(count)s centre removed.",
                          "%(count)s centres removed.", "count"))


class AgreementAdminForm(forms.ModelForm):
    class Meta:
        model = CooperationAgreement
        fields = ["centre", "renews", "signed_on", "starts_on", "ends_on", "document"]

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and data.get("centre"):
            try:
                services.agreement_check_new(centre=data["centre"], renews=data.get("renews"),
                                             starts_on=data.get("starts_on"))
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


@admin.register(CooperationAgreement)
class AgreementAdmin(SimpleHistoryAdmin):
    """Signed and renewed by the services; a recorded agreement keeps its centre and what it renews,
    and its dates keep the services' rules."""

    form = validated_by(AgreementAdminForm,
                        lambda agreement: services.agreement_check_terms(agreement=agreement),
                        fields=("starts_on", "ends_on"))
    list_display = ["centre", "signed_on", "starts_on", "ends_on", "renews"]
    list_filter = ["signed_on"]
    search_fields = ["centre__name", "centre__host_organisation"]
    list_select_related = ["centre", "renews"]
    raw_id_fields = ["centre", "renews"]

    def get_readonly_fields(self, request, obj=None):
        return ["centre", "renews"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        values = {name: form.cleaned_data[name] for name in ("signed_on", "starts_on", "ends_on", "document")}
        if obj.renews:
            saved = services.agreement_renew(agreement=obj.renews, by=request.user, **values)
        else:
            saved = services.agreement_sign(centre=obj.centre, by=request.user, **values)
        obj.pk = saved.pk


def _activity_form(form_class: type) -> type:
    """An activity's changes, status and progress too, keep the services' rules (activity_check):
    a form error, never a write around them."""
    return validated_by(form_class, lambda activity: services.activity_check(activity=activity),
                        fields=("planned_start", "planned_end"))


def _activity_save(request, activity: ActionPlanActivity) -> None:
    """The admin's changes on ``activity``, written by the service."""
    services.activity_save(plan=activity.plan, activity=activity, by=request.user,
                           data={name: getattr(activity, name) for name in services.ACTIVITY_FIELDS})


class ActivityInline(admin.TabularInline):
    model = ActionPlanActivity
    form = _activity_form(forms.ModelForm)
    extra = 0
    fields = ["objective", "title", "planned_start", "planned_end", "status", "progress"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["centre", "status", "submitted_at", "approved_at"]
    list_filter = ["status"]
    search_fields = ["centre__name"]
    readonly_fields = ["status", "submitted_at", "approved_at", "approved_by"]
    inlines = [ActivityInline]
    actions = ["approve", "send_back"]
    list_select_related = ["centre"]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ActionPlanActivity:
            super().save_formset(request, form, formset, change)
            return
        save_inline_through(formset, save=lambda activity: _activity_save(request, activity),
                            delete=lambda activity: activity.delete())

    @admin.action(description=_("Approve (finishes the design phase)"), permissions=["change"])
    def approve(self, request, queryset):
        _apply(self, request, queryset, lambda p: services.action_plan_approve(plan=p, by=request.user),
               ngettext_lazy("%(count)s action plan approved.",
                             "%(count)s action plans approved.", "count"))

    @admin.action(description=_("Return to the host for changes…"), permissions=["change"])
    def send_back(self, request, queryset):
        return _with_form(
            self, request, queryset, CommentForm, _("Return these action plans"),
            lambda p, data: services.action_plan_return(plan=p, comment=data["comment"], by=request.user),
            ngettext_lazy("%(count)s action plan returned.",
                          "%(count)s action plans returned.", "count"))


@admin.register(ActionPlanActivity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "objective", "planned_start", "planned_end", "status", "progress"]
    list_filter = ["status", "objective"]
    search_fields = ["title", "plan__centre__name"]
    list_select_related = ["plan__centre", "objective"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _activity_form(super().get_form(request, obj, change=change, **kwargs))

    def get_readonly_fields(self, request, obj=None):
        return ["plan"] if obj else []  # a recorded activity stays in its plan, whose rules it keeps

    def save_model(self, request, obj, form, change):
        _activity_save(request, obj)


class ActivityProgressInline(admin.TabularInline):
    model = ActivityProgress
    extra = 0
    can_delete = False
    fields = ["activity", "status", "progress", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CentreProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    inlines = [ActivityProgressInline]
    list_display = ["centre", "period_start", "period_end", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status"]
    search_fields = ["centre__name", "summary"]
    readonly_fields = ["status", "submitted_at", "reviewed_at", "reviewed_by", "review_comment"]
    actions = ["accept", "send_back"]
    list_select_related = ["centre"]

    @admin.action(description=_("Accept"), permissions=["change"])
    def accept(self, request, queryset):
        _apply(self, request, queryset, lambda r: services.progress_report_accept(report=r, by=request.user),
               ngettext_lazy("%(count)s progress report accepted.",
                             "%(count)s progress reports accepted.", "count"))

    @admin.action(description=_("Return to the host with a comment…"), permissions=["change"])
    def send_back(self, request, queryset):
        return _with_form(
            self, request, queryset, CommentForm, _("Return these progress reports"),
            lambda r, data: services.progress_report_return(report=r, comment=data["comment"],
                                                            by=request.user),
            ngettext_lazy("%(count)s progress report returned.",
                          "%(count)s progress reports returned.", "count"))


@admin.register(CentreDocument)
class CentreDocumentAdmin(SimpleHistoryAdmin):
    """Every document, those a host removed too (filter "removed at"): their history stays here."""

    list_display = ["title", "centre", "uploaded_by", "uploaded_at", "removed_at"]
    list_filter = [("removed_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["removed_at", "removed_by"]
    search_fields = ["title", "centre__name"]
    list_select_related = ["centre", "uploaded_by"]


@admin.register(CentreHost)
class CentreHostAdmin(SimpleHistoryAdmin):
    list_display = ["user", "centre", "invited_at"]
    search_fields = ["user__username", "user__email", "centre__name"]
    raw_id_fields = ["user", "centre"]
    list_select_related = ["user", "centre"]


class TrainingAttendanceInline(admin.TabularInline):
    model = TrainingAttendance
    extra = 0
    raw_id_fields = ["centre"]


@admin.register(Training)
class TrainingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "provider", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["title", "provider"]
    inlines = [TrainingAttendanceInline]


@admin.register(NetworkEvent)
class NetworkEventAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "organiser", "location", "is_online", "starts_on", "ends_on"]
    list_filter = [("organiser", admin.EmptyFieldListFilter), "is_online"]
    search_fields = ["title", "location", "organiser__name"]
    list_select_related = ["organiser"]
    raw_id_fields = ["organiser"]
    readonly_fields = ["recorded_by"]
    filter_horizontal = ["centres"]



@admin.register(CentreChangeProposal)
class CentreChangeProposalAdmin(SimpleHistoryAdmin):
    """Hosts propose; BDT decides with the actions (through the services), nothing is edited here."""

    list_display = ["centre", "name", "host_organisation", "city", "status", "proposed_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["centre__name", "name", "host_organisation"]
    list_select_related = ["centre"]
    readonly_fields = ["centre", "name", "host_organisation", "city", "reason", "status", "proposed_by",
                       "proposed_at", "decided_by", "decided_at", "decision_comment"]
    actions = ["accept", "decline"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Accept (the centre takes the proposed values)"), permissions=["change"])
    def accept(self, request, queryset):
        _apply(self, request, queryset.select_related("centre"),
               lambda p: services.change_proposal_accept(proposal=p, by=request.user),
               ngettext_lazy("%(count)s proposed change accepted.",
                             "%(count)s proposed changes accepted.", "count"))

    @admin.action(description=_("Decline with a reason…"), permissions=["change"])
    def decline(self, request, queryset):
        return _with_form(
            self, request, queryset, CommentForm, _("Decline these proposed changes"),
            lambda p, data: services.change_proposal_decline(proposal=p, comment=data["comment"],
                                                             by=request.user),
            ngettext_lazy("%(count)s proposed change declined.",
                          "%(count)s proposed changes declined.", "count"))


class CentreMessageAdminForm(forms.ModelForm):
    class Meta:
        model = CentreMessage
        fields = ["centre", "report", "body", "attachment"]


@admin.register(CentreMessage)
class CentreMessageAdmin(admin.ModelAdmin):
    """BDT's side of each centre's thread: filter by centre to read it, "Add" to answer (the hosts
    are told by e-mail). Sent messages are not edited."""

    form = CentreMessageAdminForm
    list_display = ["centre", "sent_at", "from_bdt", "author", "report", "excerpt"]
    list_filter = ["from_bdt", "centre"]
    search_fields = ["centre__name", "body"]
    list_select_related = ["centre", "author", "report"]
    raw_id_fields = ["centre", "report"]
    date_hierarchy = "sent_at"

    @admin.display(description=_("message"))
    def excerpt(self, obj) -> str:
        return obj.body[:120]

    def get_readonly_fields(self, request, obj=None):
        return ["centre", "report", "author", "from_bdt", "body", "attachment_link", "sent_at"] if obj else []

    @admin.display(description=_("attachment (PDF)"))
    def attachment_link(self, obj) -> str:
        if not obj.attachment:
            return "–"
        url = reverse("admin:centres_centremessage_attachment", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download (PDF)"))

    def get_urls(self):
        return [path("<int:pk>/attachment/", self.admin_site.admin_view(self.attachment_view),
                     name="centres_centremessage_attachment"), *super().get_urls()]

    def attachment_view(self, request, pk: int):
        """Attachments are private files (not under /media/): served after the admin's own check."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return private_download(get_object_or_404(CentreMessage, pk=pk).attachment)

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj) or ["centre", "report", "body", "attachment"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        saved = services.centre_message_send(centre=obj.centre, body=form.cleaned_data["body"],
                                             attachment=form.cleaned_data.get("attachment"),
                                             report=form.cleaned_data.get("report"), by=request.user,
                                             from_bdt=True)
        obj.pk = saved.pk
