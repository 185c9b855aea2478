from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import resources

from alliance.core.exports import ExportMixin

from . import services
from .forms import PeriodFormMixin
from .models import ReportListFile, ReportStep, TDAGReport


class ProgressReportResource(resources.ModelResource):
    class Meta:
        model = TDAGReport
        fields = ("id", "kind", "period_start", "period_end", "language", "status", "progress",
                  "page_count", "size_bytes", "checksum", "error", "requested_at", "finished_at")


class ProgressReportAddForm(PeriodFormMixin, forms.ModelForm):
    class Meta:
        model = TDAGReport
        fields = ("kind", "period_start", "period_end", "language")

    def validate_constraints(self):
        # The service returns the identical queued report instead of refusing a twin.
        pass


class ReportStepInline(admin.TabularInline):
    """The workflow's record; steps are taken through the services (staff pages, API), never here."""

    model = ReportStep
    extra = 0
    can_delete = False
    fields = ("action", "from_state", "to_state", "by", "at", "comment")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ReportListFileInline(admin.TabularInline):
    """The full lists written with the report (by the generation, never here)."""

    model = ReportListFile
    extra = 0
    can_delete = False
    fields = ("name", "format", "rows", "size_bytes", "written_at", "download")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, obj: ReportListFile) -> str:
        from django.urls import reverse

        url = reverse("reports:list-file", kwargs={"pk": obj.report_id, "name": obj.name, "fmt": obj.format})
        return format_html('<a href="{}">{}</a>', url, obj.file_name)


@admin.register(TDAGReport)
class ProgressReportAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [ProgressReportResource]
    inlines = [ReportStepInline, ReportListFileInline]
    list_display = ("__str__", "kind", "period_start", "period_end", "language", "workflow", "symbol",
                    "status", "progress", "page_count", "requested_by", "requested_at")
    list_filter = ("kind", "workflow", "status", "language", "period_start")
    search_fields = ("error", "requested_by__username", "requested_by__email")
    date_hierarchy = "requested_at"
    list_select_related = ("requested_by",)
    actions = ("generate_again",)
    readonly_fields = ("kind", "period_start", "period_end", "language", "requested_by", "workflow", "symbol",
                       "published_at", "status", "progress",
                       "download", "page_count", "size_bytes", "checksum", "error", "attempts",
                       "requested_at", "started_at", "finished_at", "updated_at")
    exclude = ("pdf", "docx", "narrative")

    def get_inlines(self, request, obj=None):
        return self.inlines if obj else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ProgressReportAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def get_fields(self, request, obj=None):
        if obj is None:
            return ProgressReportAddForm.Meta.fields
        return self.readonly_fields

    @admin.display(description=_("PDF"))
    def download(self, obj: TDAGReport) -> str:
        from django.urls import reverse

        if not obj.is_done:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("reports:download", kwargs={"pk": obj.pk}),
                           obj.file_name)

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            report = services.report_request(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            raise
        obj.pk = report.pk
        obj.refresh_from_db()

    @admin.action(description=_("Generate again"), permissions=["change"])
    def generate_again(self, request, queryset):
        reports = [services.report_generate_again(report=report, by=request.user)
                   for report in queryset.order_by("pk")]
        self.message_user(request, ngettext("%(count)d report queued.", "%(count)d reports queued.",
                                            len(reports)) % {"count": len(reports)}, messages.SUCCESS)
