from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from alliance.core.admin_forms import action_with_form, adopt, apply_to_each, form_values, validated_by
from alliance.core.exports import ExportMixin, ImportExportModelAdmin
from alliance.core.pagination import VersionedAdminPaginationMixin
from alliance.models import Priority

from . import services
from .models import (
    ActionArea,
    ActionAreaMembership,
    Event,
    EventSession,
    ExpressionOfInterest,
    ImpactIndicator,
    ImpactStory,
    Partner,
    PartnershipAgreement,
    Pledge,
    PledgeBenefit,
    PledgeProgressReport,
    Pledger,
)

LANGUAGE_SUFFIXES = [code.replace("-", "_") for code in settings.MODELTRANSLATION_LANGUAGES]


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Like ManyToManyWidget, but an unknown code is an error of the row instead of being dropped."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return self.model.objects.none()
        codes = [code.strip() for code in str(value).split(self.separator) if code.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": codes})
        unknown = sorted(set(codes) - {getattr(obj, self.field) for obj in found})
        if unknown:
            raise ValueError(_("Unknown code: %(codes)s.") % {"codes": ", ".join(unknown)})
        return found


class ValidatingResource(resources.ModelResource):
    """Validates each row like the admin form does; a file with any bad row imports nothing."""

    class Meta:
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = False

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None,
                    collect_failed_rows=False, rollback_on_validation_errors=False, **kwargs):
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors,
                                   use_transactions=True, collect_failed_rows=collect_failed_rows,
                                   rollback_on_validation_errors=True, **kwargs)


class PartnerResource(ValidatingResource):
    class Meta(ValidatingResource.Meta):
        model = Partner
        fields = ["id", *[f"name_{s}" for s in LANGUAGE_SUFFIXES], "acronym", "kind", "membership_category",
                  "country", "website", "contact_name", "contact_email", "contact_phone"]
        export_order = fields


class AgreementResource(ValidatingResource):
    partner = fields.Field(attribute="partner", column_name="partner",
                           widget=widgets.ForeignKeyWidget(Partner, "pk"))
    priorities = fields.Field(attribute="priorities", column_name="priorities",
                              widget=StrictManyToManyWidget(Priority, field="code", separator=","))

    class Meta(ValidatingResource.Meta):
        model = PartnershipAgreement
        import_id_fields = ["reference"]
        fields = ["reference", *[f"title_{s}" for s in LANGUAGE_SUFFIXES], "partner", "signed_on", "status",
                  "partner_contribution_usd", "itu_contribution_usd", "original_currency", "original_amount",
                  "region", "priorities", "vehicle", "linked_projects"]
        export_order = fields


class PartnershipsAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """CSV/XLSX import and export, change history and the six-language fields on one admin."""


def _in_default_language():
    """The services take a translated field in the default language of content, as the API gives it."""
    return translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


@admin.register(Partner)
class PartnerAdmin(VersionedAdminPaginationMixin, PartnershipsAdmin):
    """Saved by partner_create / partner_update and deleted by partner_delete, which keeps a partner
    that has agreements."""

    resource_classes = [PartnerResource]
    list_display = ("name", "acronym", "kind", "membership_category", "country")
    list_filter = ("kind", "membership_category")
    search_fields = ("name", "acronym")

    def save_model(self, request, obj, form, change):
        values = form_values(obj, form, services.PARTNER_FIELDS)
        with _in_default_language():
            if change:
                services.partner_update(partner=obj, **values)
            else:
                values.pop("kind", None)
                adopt(obj, services.partner_create(name=obj.name, kind=obj.kind, **values))

    def delete_view(self, request, object_id, extra_context=None):
        partner = self.get_object(request, unquote(object_id))
        if partner is not None:
            try:
                services.partner_check_deletable(partner=partner)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect(reverse("admin:partnerships_partner_change", args=[partner.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        services.partner_delete(partner=obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for partner in queryset:
                services.partner_delete(partner=partner)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (self.delete_selected_partners, name, description)
        return actions

    @staticmethod
    def delete_selected_partners(modeladmin, request, queryset):
        """Django's confirmation, once every selected partner may be deleted; else nothing is."""
        refused = False
        for partner in queryset:
            try:
                services.partner_check_deletable(partner=partner)
            except ValidationError as error:
                modeladmin.message_user(request, f"{partner}: {' '.join(error.messages)}", messages.ERROR)
                refused = True
        if refused:
            return None
        return delete_selected(modeladmin, request, queryset)


class AgreementAdminForm(forms.ModelForm):
    """Left empty, the reference is generated by agreement_create."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "reference" in self.fields:
            self.fields["reference"].required = False
            self.fields["reference"].help_text = _("Leave empty to have a reference generated.")


@admin.register(PartnershipAgreement)
class AgreementAdmin(VersionedAdminPaginationMixin, PartnershipsAdmin):
    """Saved by agreement_create / agreement_update (the reference, the priorities)."""

    form = AgreementAdminForm
    resource_classes = [AgreementResource]
    list_display = ("reference", "title", "partner", "signed_on", "status", "partner_contribution_usd",
                    "itu_contribution_usd", "region")
    list_filter = ("status", "region", "priorities", "partner__kind", "vehicle")
    search_fields = ("reference", "title", "partner__name", "partner__acronym")
    date_hierarchy = "signed_on"
    autocomplete_fields = ("partner",)
    filter_horizontal = ("priorities",)
    list_select_related = ("partner",)

    def save_model(self, request, obj, form, change):
        values = form_values(obj, form, services.AGREEMENT_FIELDS)
        priorities = [p.code for p in form.cleaned_data.get("priorities", [])]
        with _in_default_language():
            if change:
                services.agreement_update(agreement=obj, priorities=priorities, **values)
            else:
                for name in ("partner", "title", "region"):
                    values.pop(name, None)
                adopt(obj, services.agreement_create(partner=obj.partner, title=obj.title, region=obj.region,
                                                     priorities=priorities, **values))


@admin.register(ImpactStory)
class ImpactStoryAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("title", "partner", "agreement", "is_published", "published_on")
    list_filter = ("is_published",)
    search_fields = ("title", "summary", "partner__name")
    autocomplete_fields = ("partner", "agreement")


class MembershipInline(admin.TabularInline):
    model = ActionAreaMembership
    form = validated_by(forms.ModelForm, services.membership_check)
    extra = 0
    autocomplete_fields = ("pledger",)


@admin.register(ActionArea)
class ActionAreaAdmin(TranslationAdmin):
    list_display = ("name", "code", "order")
    filter_horizontal = ("priorities",)
    inlines = [MembershipInline]


class SessionInline(admin.TabularInline):
    model = EventSession
    extra = 0
    fields = ("day", "order", "kind", "title")


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "kind", "starts_on", "ends_on", "venue", "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("name", "venue")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [SessionInline]


class DeclineInterestForm(forms.Form):
    reason = forms.CharField(label=_("Reason, sent to the organization (optional)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(SimpleHistoryAdmin):
    """Staff decide with the two actions, which call the services; the rest is read-only."""

    list_display = ("organisation", "action_area", "stakeholder_group", "country", "status", "submitted_at")
    list_filter = ("status", "action_area", "stakeholder_group")
    search_fields = ("organisation", "contact_name", "contact_email", "contribution")
    list_select_related = ("action_area",)
    readonly_fields = ("status", "decided_by", "decided_at", "decline_reason", "membership", "submitted_at",
                       "language")
    actions = ["accept", "decline"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Accept: make the organizations members of the action area"),
                  permissions=["change"])
    def accept(self, request: HttpRequest, queryset: QuerySet[ExpressionOfInterest]) -> None:
        apply_to_each(self, request, queryset.select_related("action_area"),
                      lambda interest: services.interest_accept(interest=interest, by=request.user),
                      _("%(count)d expressions of interest accepted."))

    @admin.action(description=_("Decline the selected expressions of interest"), permissions=["change"])
    def decline(self, request: HttpRequest, queryset: QuerySet[ExpressionOfInterest]):
        return action_with_form(
            self, request, queryset, DeclineInterestForm, _("Decline expressions of interest"),
            lambda interest, data: services.interest_decline(interest=interest, by=request.user,
                                                             reason=data["reason"]),
            _("%(count)d expressions of interest declined."))


class PledgerResource(resources.ModelResource):
    class Meta:
        model = Pledger
        fields = ("id", "organisation", "kind", "country", "contact_name", "contact_email")
        export_order = fields


class PledgeResource(resources.ModelResource):
    class Meta:
        model = Pledge
        fields = ("id", "pledger", "title", "kind", "action_areas", "target_countries", "benefits_ldc",
                  "benefits_lldc", "benefits_sids", "value_usd", "target_year", "status", "submitted_at",
                  "decided_at", "next_report_due")
        export_order = fields


@admin.register(Pledger)
class PledgerAdmin(ExportMixin, SimpleHistoryAdmin):
    resource_classes = [PledgerResource]
    list_display = ("organisation", "kind", "country", "contact_email")
    list_filter = ("kind",)
    search_fields = ("organisation", "contact_name", "contact_email")
    raw_id_fields = ("user",)


class ProgressInline(admin.TabularInline):
    model = PledgeProgressReport
    extra = 0
    fields = ("reported_on", "status", "amount_delivered_usd", "narrative")


class BenefitInline(admin.TabularInline):
    model = PledgeBenefit
    extra = 0
    fields = ("group", "share_percent", "amount_usd", "people_reached")


@admin.register(Pledge)
class PledgeAdmin(VersionedAdminPaginationMixin, ExportMixin, SimpleHistoryAdmin):
    resource_classes = [PledgeResource]
    list_display = ("title", "pledger", "kind", "status", "value_usd", "target_year", "next_report_due")
    list_filter = ("status", "kind", "action_areas", "benefits_ldc", "benefits_lldc", "benefits_sids",
                   "announced_at")
    search_fields = ("title", "description", "pledger__organisation")
    autocomplete_fields = ("pledger",)
    filter_horizontal = ("action_areas",)
    readonly_fields = ("status", "reviewed_by", "decided_at", "decline_reason")
    inlines = [BenefitInline, ProgressInline]
    actions = ["publish"]
    list_select_related = ("pledger",)

    @admin.action(description=_("Publish the selected pledges (due diligence complete)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Pledge]) -> None:
        apply_to_each(self, request, queryset.select_related("pledger__user"),
                      lambda pledge: services.pledge_publish(pledge=pledge, by=request.user),
                      _("%(count)d pledges published."))


class IndicatorInline(admin.TabularInline):
    model = ImpactIndicator
    extra = 0
    fields = ("name", "value", "unit", "measured_on")


@admin.register(PledgeProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    inlines = [IndicatorInline]
    list_display = ("pledge", "reported_on", "status", "amount_delivered_usd")
    list_filter = ("status",)
    search_fields = ("pledge__title", "pledge__pledger__organisation")
    raw_id_fields = ("pledge", "submitted_by")
