"""Staff admin of centres: lifecycle steps are admin actions that call the services."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from alliance.countries import MemberStateCountriesAdminMixin
from alliance.exports import ImportExportModelAdmin
from alliance.models import RegionalInitiative, StrategicObjective

from . import selectors, services
from .models import (
    ActionPlan,
    Activity,
    ActivityProgress,
    Agreement,
    Application,
    ApplicationDocument,
    Call,
    Centre,
    CentreDocument,
    CentreHost,
    Criterion,
    DueDiligenceCheck,
    NetworkEvent,
    ProgressReport,
    Score,
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


class RemoveForm(forms.Form):
    removed_on = forms.DateField(label=_("Removed on"), initial=timezone.localdate,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.ChoiceField(label=_("Reason"), choices=Centre.RemovalReason.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


def _apply(modeladmin, request, queryset, call: Callable, done: str) -> None:
    """Run a service on each selected object; report what worked and what was refused, per object."""
    count = 0
    for obj in queryset:
        try:
            with transaction.atomic():
                call(obj)
        except ValidationError as exc:
            modeladmin.message_user(request, f"{obj}: {' '.join(exc.messages)}", messages.ERROR)
        else:
            count += 1
    if count:
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)


def _with_form(modeladmin, request, queryset, form_class, title: str, call: Callable, done: str):
    """An action that first asks for a reason or a comment on an intermediate page."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        _apply(modeladmin, request, queryset, lambda obj: call(obj, form.cleaned_data), done)
        return None
    return TemplateResponse(request, "centres/staff/admin_action_form.html", {
        **modeladmin.admin_site.each_context(request), "title": title, "form": form, "objects": queryset,
        "action": request.POST.get("action"), "opts": modeladmin.model._meta,
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
    })


# Applications --------------------------------------------------------------------------------


class ApplicationDocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0


class CheckInlineForm(forms.ModelForm):
    class Meta:
        model = DueDiligenceCheck
        fields = ["item", "result", "note"]

    def clean(self):
        data = super().clean()
        if data.get("result") == DueDiligenceCheck.Result.FAILED and not (data.get("note") or "").strip():
            self.add_error("note", _("Say why the check failed."))
        return data


class DueDiligenceInline(admin.TabularInline):
    model = DueDiligenceCheck
    form = CheckInlineForm
    extra = 0
    readonly_fields = ["checked_by", "checked_at"]


class ScoreInlineForm(forms.ModelForm):
    class Meta:
        model = Score
        fields = ["criterion", "score", "comment"]

    def clean(self):
        data = super().clean()
        criterion, score = data.get("criterion"), data.get("score")
        if criterion and score is not None and score > criterion.max_score:
            self.add_error("score", _("The score must be between 0 and %(max)s.")
                           % {"max": criterion.max_score})
        return data


class ScoreInline(admin.TabularInline):
    model = Score
    form = ScoreInlineForm
    extra = 0
    readonly_fields = ["evaluator", "scored_at"]


@admin.register(Application)
class ApplicationAdmin(MemberStateCountriesAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    member_state_fields = ("country",)
    resource_classes = [ApplicationResource]
    list_display = ["reference", "organisation", "country", "host_type", "call", "status", "submitted_at"]
    list_filter = ["status", "call", "host_type", "regional_initiative", "language"]
    search_fields = ["reference", "organisation", "contact_name", "contact_email", "city"]
    date_hierarchy = "submitted_at"
    readonly_fields = ["reference", "status", "weighted_total", "decided_at", "decided_by", "decision_reason"]
    filter_horizontal = ["objectives"]
    inlines = [ApplicationDocumentInline, DueDiligenceInline, ScoreInline]

    @admin.display(description=_("Weighted total (out of 100)"))
    def weighted_total(self, obj) -> str:
        total = selectors.application_weighted_total(obj) if obj.pk else None
        return "–" if total is None else str(total)
    actions = ["start_due_diligence", "finish_due_diligence", "select", "reject"]
    list_select_related = ["call"]

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            if isinstance(instance, Score) and not instance.evaluator_id:
                instance.evaluator = request.user
            if isinstance(instance, DueDiligenceCheck):
                instance.checked_by, instance.checked_at = request.user, timezone.now()
            instance.save()
        formset.save_m2m()

    def get_urls(self):
        return [path("ranking/", self.admin_site.admin_view(self.ranking_view), name="centres_ranking"),
                *super().get_urls()]

    def ranking_view(self, request):
        # The admin's gate lets in any is_staff user: the ranking shows applications' scores.
        if not self.has_view_permission(request):
            raise PermissionDenied
        calls = Call.objects.order_by("-opened_on", "-pk")
        return TemplateResponse(request, "centres/staff/ranking.html", {
            **self.admin_site.each_context(request), "title": _("Ranking of applications"),
            "opts": self.model._meta,
            "rankings": [(call, selectors.call_ranking(call)) for call in calls],
        })

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
        site_url = request.build_absolute_uri("/")
        _apply(self, request, queryset,
               lambda a: services.application_select(application=a, decided_by=request.user,
                                                     site_url=site_url),
               ngettext_lazy("%(count)s application selected; its host was invited.",
                             "%(count)s applications selected; their hosts were invited.", "count"))

    @admin.action(description=_("Do not select…"), permissions=["change"])
    def reject(self, request, queryset):
        return _with_form(
            self, request, queryset, RejectForm, _("Do not select these applications"),
            lambda a, data: services.application_reject(application=a, decided_by=request.user,
                                                        reason=data["reason"]),
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


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["application", "criterion", "evaluator", "score", "scored_at"]
    list_filter = ["criterion", "application__call"]
    search_fields = ["application__reference", "application__organisation"]
    list_select_related = ["application", "criterion", "evaluator"]


# Centres -------------------------------------------------------------------------------------


class CentreHostInline(admin.TabularInline):
    model = CentreHost
    extra = 0
    raw_id_fields = ["user"]
    readonly_fields = ["invited_at"]


class AgreementInline(admin.TabularInline):
    model = Agreement
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
class CentreAdmin(MemberStateCountriesAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin,
                  TranslationAdmin):
    member_state_fields = ("country",)
    resource_classes = [CentreResource]
    list_display = ["name", "host_organisation", "country", "regional_initiative", "status", "selected_on",
                    "design_finished_on"]
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
        model = Agreement
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


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    form = AgreementAdminForm
    list_display = ["centre", "signed_on", "starts_on", "ends_on", "renews"]
    list_filter = ["signed_on"]
    search_fields = ["centre__name", "centre__host_organisation"]
    list_select_related = ["centre", "renews"]
    raw_id_fields = ["centre", "renews"]

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


class ActivityInline(admin.TabularInline):
    model = Activity
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


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "objective", "planned_start", "planned_end", "status", "progress"]
    list_filter = ["status", "objective"]
    search_fields = ["title", "plan__centre__name"]
    list_select_related = ["plan__centre", "objective"]


class ActivityProgressInline(admin.TabularInline):
    model = ActivityProgress
    extra = 0
    can_delete = False
    fields = ["activity", "status", "progress", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ProgressReport)
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
    list_display = ["title", "centre", "uploaded_by", "uploaded_at"]
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
    list_display = ["title", "location", "starts_on", "ends_on"]
    search_fields = ["title", "location"]
    filter_horizontal = ["centres"]

