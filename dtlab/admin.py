from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from alliance.core.admin_forms import apply_to_each
from alliance.core.exports import ExportMixin, ImportExportModelAdmin
from alliance.countries import MemberStateCountriesAdminMixin

from . import selectors, services
from .models import (
    Funder,
    Playbook,
    PlaybookDocument,
    PlaybookVersion,
    ProjectConcept,
    RIACohort,
    Service,
    ServiceRequest,
)


class PlaybookResource(resources.ModelResource):
    # Publishing needs a released PDF (playbook_publish): the status and its date are never imported.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    published_on = fields.Field(attribute="published_on", column_name="published_on", readonly=True)
    strategic_objective = fields.Field(attribute="strategic_objective__number",
                                       column_name="strategic_objective")
    funder = fields.Field(attribute="funder__code", column_name="funder")
    downloads = fields.Field(attribute="downloads", column_name="downloads", readonly=True)

    class Meta:
        model = Playbook
        fields = ("id", "slug", "title", "strategic_objective", "topic", "status", "published_on", "funder",
                  "partners", "downloads")
        export_order = fields
        clean_model_instances = True

    def get_queryset(self):
        return selectors.playbook_list()


class ServiceRequestResource(resources.ModelResource):
    service = fields.Field(attribute="service__slug", column_name="service")

    class Meta:
        model = ServiceRequest
        fields = ("id", "service", "requester_type", "organisation", "country", "contact_name",
                  "contact_email", "status", "submitted_at", "completed_on")
        export_order = fields


class RIACohortResource(resources.ModelResource):
    region = fields.Field(attribute="region__code", column_name="region")
    regional_initiative = fields.Field(attribute="regional_initiative__code",
                                       column_name="regional_initiative")
    funder = fields.Field(attribute="funder__code", column_name="funder")
    concept_count = fields.Field(attribute="concept_count", column_name="concepts", readonly=True)
    total_budget_usd = fields.Field(attribute="total_budget_usd", column_name="total_budget_usd",
                                    readonly=True)

    class Meta:
        model = RIACohort
        fields = ("id", "number", "name", "region", "regional_initiative", "funder", "start_date", "end_date",
                  "city", "country", "concept_count", "total_budget_usd")
        export_order = fields
        clean_model_instances = True

    def get_queryset(self):
        return selectors.cohort_list()


class ProjectConceptResource(resources.ModelResource):
    # A concept moves forward one step at a time (project_concept_advance): never by an import.
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    cohort = fields.Field(attribute="cohort__number", column_name="cohort")
    regional_initiative = fields.Field(attribute="regional_initiative__code",
                                       column_name="regional_initiative")

    class Meta:
        model = ProjectConcept
        fields = ("id", "cohort", "number", "title", "lead_country", "budget_usd", "status",
                  "regional_initiative")
        export_order = fields
        clean_model_instances = True


@admin.register(Funder)
class FunderAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "code", "country")
    search_fields = ("name", "code")


class PlaybookVersionInline(TranslationTabularInline):
    model = PlaybookVersion
    extra = 0
    show_change_link = True


@admin.register(Playbook)
class PlaybookAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    resource_classes = [PlaybookResource]
    list_display = ("title", "subject", "status", "published_on", "funder", "order")
    list_filter = ("status", "strategic_objective", "topic", "funder")
    search_fields = ("title", "summary", "partners", "slug")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [PlaybookVersionInline]
    readonly_fields = ("status", "published_on")  # playbook_publish (the action) needs a released PDF
    actions = ["publish"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("strategic_objective", "funder")

    @admin.display(description=_("objective or topic"))
    def subject(self, obj: Playbook) -> str:
        return obj.subject

    @admin.action(description=_("Publish the selected playbooks"))
    def publish(self, request, queryset):
        apply_to_each(self, request, queryset, lambda p: services.playbook_publish(playbook=p),
             _("%(count)d playbook(s) published."))


class PlaybookDocumentInline(admin.TabularInline):
    model = PlaybookDocument
    extra = 1
    readonly_fields = ("download_count",)


@admin.register(PlaybookVersion)
class PlaybookVersionAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("playbook", "number", "released_on")
    list_filter = ("playbook__status", "released_on")
    search_fields = ("playbook__title", "number")
    inlines = [PlaybookDocumentInline]
    list_select_related = ("playbook",)


@admin.register(PlaybookDocument)
class PlaybookDocumentAdmin(ExportMixin, SimpleHistoryAdmin):
    """Export only (downloads per language and version); PDFs are uploaded on their version."""

    list_display = ("version", "language", "download_count")
    list_filter = ("language", "version__playbook")
    search_fields = ("version__playbook__title", "version__number")
    readonly_fields = ("download_count",)
    list_select_related = ("version__playbook",)


@admin.register(Service)
class ServiceAdmin(ImportExportModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "is_active", "open_to_members", "open_to_centres", "open_to_regional_offices")
    list_filter = ("is_active", "open_to_members", "open_to_centres", "open_to_regional_offices")
    search_fields = ("name", "description")
    filter_horizontal = ("playbooks",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ServiceRequest)
class ServiceRequestAdmin(ExportMixin, SimpleHistoryAdmin):
    """Export only: requests arrive through the public form and move through the services."""

    resource_classes = [ServiceRequestResource]
    list_display = ("organisation", "service", "requester_type", "country", "status", "submitted_at",
                    "completed_on", "handled_by")
    list_filter = ("status", "service", "requester_type", "country")
    search_fields = ("organisation", "contact_name", "contact_email", "description")
    date_hierarchy = "submitted_at"
    list_select_related = ("service", "handled_by")
    readonly_fields = ("status", "submitted_at", "submitted_by", "completed_on", "handled_by")
    actions = ["accept", "start", "complete", "decline"]

    def _move(self, request, queryset, status: str, done: str) -> None:
        apply_to_each(self, request, queryset.select_related("service"),
             lambda r: services.service_request_move(service_request=r, status=status, by=request.user), done)

    @admin.action(description=_("Accept the selected requests"))
    def accept(self, request, queryset):
        self._move(request, queryset, ServiceRequest.Status.ACCEPTED, _("%(count)d request(s) accepted."))

    @admin.action(description=_("Start work on the selected requests"))
    def start(self, request, queryset):
        self._move(request, queryset, ServiceRequest.Status.IN_PROGRESS, _("%(count)d request(s) started."))

    @admin.action(description=_("Mark the selected requests as completed today"))
    def complete(self, request, queryset):
        self._move(request, queryset, ServiceRequest.Status.COMPLETED, _("%(count)d request(s) completed."))

    @admin.action(description=_("Decline the selected requests"))
    def decline(self, request, queryset):
        self._move(request, queryset, ServiceRequest.Status.DECLINED, _("%(count)d request(s) declined."))


class ProjectConceptInline(TranslationTabularInline):
    model = ProjectConcept
    extra = 0
    fields = ("number", "title", "lead_country", "budget_usd", "status", "regional_initiative")
    readonly_fields = ("status",)  # moved by project_concept_advance (the concepts' actions)
    show_change_link = True


@admin.register(RIACohort)
class RIACohortAdmin(MemberStateCountriesAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin,
                     TranslationAdmin):
    member_state_fields = ("country", "participating_countries")
    resource_classes = [RIACohortResource]
    list_display = ("number", "name", "region", "regional_initiative", "funder", "start_date", "city",
                    "concept_count", "total_budget_usd")
    list_filter = ("region", "regional_initiative", "funder")
    search_fields = ("name", "city", "participating_organisations")
    date_hierarchy = "start_date"
    inlines = [ProjectConceptInline]

    def get_queryset(self, request):
        return selectors.cohort_list()

    @admin.display(description=_("concepts"), ordering="concept_count")
    def concept_count(self, obj: RIACohort) -> int:
        return obj.concept_count

    @admin.display(description=_("total budget (USD)"), ordering="total_budget_usd")
    def total_budget_usd(self, obj: RIACohort):
        return obj.total_budget_usd


@admin.register(ProjectConcept)
class ProjectConceptAdmin(MemberStateCountriesAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin,
                          TranslationAdmin):
    member_state_fields = ("lead_country",)
    resource_classes = [ProjectConceptResource]
    list_display = ("title", "cohort", "number", "lead_country", "budget_usd", "status",
                    "regional_initiative")
    list_filter = ("status", "cohort", "regional_initiative", "lead_country")
    search_fields = ("title", "summary")
    list_select_related = ("cohort", "regional_initiative")
    # Forward only, concept → approved → funded: project_concept_advance, through the actions.
    readonly_fields = ("status",)
    actions = ["approve", "fund"]

    @admin.action(description=_("Mark the selected concepts as approved"))
    def approve(self, request, queryset):
        apply_to_each(self, request, queryset,
             lambda c: services.project_concept_advance(concept=c, status=ProjectConcept.Status.APPROVED),
             _("%(count)d concept(s) approved."))

    @admin.action(description=_("Mark the selected concepts as funded"))
    def fund(self, request, queryset):
        apply_to_each(self, request, queryset,
             lambda c: services.project_concept_advance(concept=c, status=ProjectConcept.Status.FUNDED),
             _("%(count)d concept(s) funded."))
