"""Staff pages of the TDAG progress reports: list and request, detail with status, download."""

from __future__ import annotations

from csp.constants import NONCE, SELF
from csp.decorators import csp_replace, csp_update
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import DetailView, FormView, ListView

from alliance.core import freshness
from alliance.core.admin_forms import add_service_error
from alliance.core.downloads import private_download
from alliance.core.roles import staff_may

from . import selectors, services
from .filters import ProgressReportFilter
from .forms import ALL_LANGUAGES, NarrativeForm, ReportRequestForm
from .models import TDAGReport
from .permissions import policy


class StaffRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Staff with the permission the page needs: reading reports, or requesting them."""

    permission = "reports.view_tdagreport"

    def test_func(self) -> bool:
        return staff_may(self.request.user, self.permission)


def report_status_payload(report: TDAGReport) -> dict:
    return {
        "id": report.pk,
        "kind": report.kind,
        "status": report.status,
        "status_label": report.get_status_display(),
        "progress": report.progress,
        "error": report.error,
        "pdf_url": reverse("reports:download", kwargs={"pk": report.pk}) if report.is_done else None,
    }


class ReportListView(StaffRequiredMixin, ListView):
    """The requested reports, one row per kind and period with its language versions side by side."""

    template_name = "reports/staff/list.html"
    context_object_name = "groups"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = ProgressReportFilter(self.request.GET or None, queryset=selectors.reports_list())
        # The request form on the same page has fields of the same names.
        self.filterset.form.auto_id = "filter_%s"
        return selectors.report_request_groups(self.filterset.qs)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(
            filter=self.filterset, form=kwargs.pop("form", None) or ReportRequestForm(),
            query_string=query.urlencode(), **kwargs,
        )
        context["groups"] = selectors.report_request_groups_with_versions(
            context["page_obj"].object_list if context["page_obj"] else context["groups"], self.filterset.qs)
        return context


def _say_where_the_report_is(request, report: TDAGReport, queued: str) -> None:
    """The message after a request, by the report's state now: with the tasks run in-process (no
    broker) the report is already done, or failed, when the page comes back."""
    report.refresh_from_db(fields=["status", "pdf"])
    if report.is_done:
        messages.success(request, _("The report is ready."))
    elif report.is_pending:
        messages.success(request, queued)


class ReportRequestView(StaffRequiredMixin, FormView):
    permission = "reports.add_tdagreport"
    form_class = ReportRequestForm
    template_name = "reports/staff/list.html"

    def get(self, request, *args, **kwargs):
        return HttpResponseRedirect(reverse("reports:list"))

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            if data["language"] == ALL_LANGUAGES:
                del data["language"]
                outcomes = services.report_request_all_languages(by=self.request.user, **data)
            else:
                report, created = services.report_request_with_outcome(by=self.request.user, **data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        if form.cleaned_data["language"] == ALL_LANGUAGES:
            return self._all_languages_requested(outcomes)
        if created:
            _say_where_the_report_is(self.request, report, _("The report is queued."))
        else:
            messages.info(self.request, _("An identical report was already requested; here it is."))
        return HttpResponseRedirect(reverse("reports:detail", kwargs={"pk": report.pk}))

    def _all_languages_requested(self, outcomes: list[tuple[TDAGReport, bool]]):
        created = sum(1 for _report, new in outcomes if new)
        if created:
            messages.success(self.request, ngettext(
                "%(count)d report is requested, one per language; follow them below.",
                "%(count)d reports are requested, one per language; follow them below.",
                created) % {"count": created})
        if created < len(outcomes):
            already = len(outcomes) - created
            messages.info(self.request, ngettext(
                "%(count)d language was already queued; it is shown below.",
                "%(count)d languages were already queued; they are shown below.",
                already) % {"count": already})
        return HttpResponseRedirect(reverse("reports:list"))

    def form_invalid(self, form):
        view = ReportListView()
        view.setup(self.request, *self.args, **self.kwargs)
        view.object_list = view.get_queryset()
        context = view.get_context_data(form=form)
        return self.response_class(request=self.request, template=["reports/staff/list.html"],
                                   context=context, status=400)


@method_decorator(never_cache, name="dispatch")
class ReportDetailView(StaffRequiredMixin, DetailView):
    template_name = "reports/staff/detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return selectors.reports_list()


@method_decorator(never_cache, name="dispatch")
class ReportStatusView(StaffRequiredMixin, View):
    """The status as JSON, for static/js/report-status.js."""

    def get(self, request, pk: int):
        report = get_object_or_404(selectors.reports_list(), pk=pk)
        return JsonResponse(report_status_payload(report))


class ReportGenerateAgainView(StaffRequiredMixin, View):
    permission = "reports.add_tdagreport"
    def post(self, request, pk: int):
        report = get_object_or_404(selectors.reports_list(), pk=pk)
        report = services.report_generate_again(report=report, by=request.user)
        _say_where_the_report_is(request, report, _("The report is queued again."))
        return HttpResponseRedirect(reverse("reports:detail", kwargs={"pk": report.pk}))


def report_file_response(report: TDAGReport, *, previous_version: bool = False) -> FileResponse:
    """The PDF; ``previous_version`` serves the last one written while the report is generated again."""
    if not (report.is_done or (previous_version and report.pdf)):
        raise Http404(_("The report is not ready."))
    return private_download(report.pdf, filename=report.file_name)


class ReportDownloadView(StaffRequiredMixin, View):
    def get(self, request, pk: int):
        return report_file_response(get_object_or_404(selectors.reports_list(), pk=pk))


def report_docx_response(report: TDAGReport) -> FileResponse:
    return private_download(report.docx, filename=report.docx_file_name,
                            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


class ReportDocxView(StaffRequiredMixin, View):
    def get(self, request, pk: int):
        return report_docx_response(get_object_or_404(selectors.reports_list(), pk=pk))


def list_file_response(list_file) -> FileResponse:
    """A full list's CSV or XLSX file, streamed from the storage."""
    return private_download(list_file.file, filename=list_file.file_name, content_type=list_file.content_type)


class ReportListFileView(StaffRequiredMixin, View):
    """A report's full list for staff, before publication too."""

    def get(self, request, pk: int, name: str, fmt: str):
        return list_file_response(get_object_or_404(selectors.list_files(), report_id=pk, name=name,
                                                    format=fmt))


@method_decorator(never_cache, name="dispatch")
class ReportNarrativeView(StaffRequiredMixin, FormView):
    """Write the report's narrative (draft and in review), beside the workflow's buttons."""

    template_name = "reports/staff/narrative.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(selectors.reports_list(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return NarrativeForm(self.report, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report=self.report, steps=self.report.steps.select_related("by"),
            can_approve=policy.can_approve(self.request.user, self.report),
            holds_approval=policy.holds_approval(self.request.user), **kwargs)

    def form_valid(self, form):
        try:
            services.report_narrative_update(report=self.report, narrative=form.cleaned_data,
                                             by=self.request.user)
        except services.WorkflowConflict as conflict:
            messages.error(self.request, str(conflict))
            return HttpResponseRedirect(reverse("reports:narrative", kwargs={"pk": self.report.pk}))
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The narrative is saved."))
        return HttpResponseRedirect(reverse("reports:narrative", kwargs={"pk": self.report.pk}))

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


@method_decorator(never_cache, name="dispatch")
@method_decorator(csp_update({"style-src": [NONCE]}), name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": [SELF]}), name="dispatch")
@method_decorator(xframe_options_sameorigin, name="dispatch")
class ReportPreviewView(StaffRequiredMixin, View):
    """The whole document as HTML, from the same templates as the PDF: GET with the saved
    narrative; POST (the narrative page's "Preview these changes", and its script as staff type)
    with the narrative on the page, unsaved. Framed by the narrative page only (same origin)."""

    def get(self, request, pk: int):
        from .document import render_document

        report = get_object_or_404(selectors.reports_list(), pk=pk)
        return self._page(request, render_document(report))

    def post(self, request, pk: int):
        from .document import render_preview

        report = get_object_or_404(selectors.reports_list(), pk=pk)
        form = NarrativeForm(report, data=request.POST)
        form.is_valid()
        try:
            html = render_preview(report, {code: form.cleaned_data.get(code, "") for code in form.fields})
        except ValidationError as error:
            return TemplateResponse(request, "reports/staff/preview_errors.html",
                                    {"report": report, "errors": error.message_dict}, status=400)
        return self._page(request, html)

    @staticmethod
    def _page(request, html: str) -> HttpResponse:
        return HttpResponse(html.replace("<style>", f'<style nonce="{request.csp_nonce}">', 1))


WORKFLOW_STEPS = {
    "submit": (services.report_submit, gettext_lazy("The report is submitted for review.")),
    "approve": (services.report_approve,
                gettext_lazy("The report is approved; its PDF and Word file are generated again.")),
    "publish": (services.report_publish, gettext_lazy("The report is published.")),
    "return": (services.report_return, gettext_lazy("The report is returned to draft.")),
}


class ReportWorkflowView(StaffRequiredMixin, View):
    """One step of the workflow from the staff page: submit, approve, publish or return."""

    def post(self, request, pk: int, step: str):
        report = get_object_or_404(selectors.reports_list(), pk=pk)
        if step not in WORKFLOW_STEPS:
            raise Http404
        service, done = WORKFLOW_STEPS[step]
        extra = {"symbol": request.POST.get("symbol", "")[:40]} if step == "approve" else {}
        try:
            service(report=report, by=request.user, comment=request.POST.get("comment", "")[:2000], **extra)
        except (services.WorkflowConflict, PermissionDenied) as refused:
            messages.error(request, str(refused))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(done))
        return HttpResponseRedirect(reverse("reports:narrative", kwargs={"pk": report.pk}))


def public_pdf_path(report: TDAGReport) -> str:
    with translation.override(report.language):
        return reverse("documents:pdf", kwargs={"pk": report.pk})


@method_decorator(freshness.public_etag(freshness.DOCUMENTS), name="dispatch")
class PublishedDocumentListView(ListView):
    """/<lang>/documents/: the published TDAG documents by kind and period, each language version."""

    template_name = "reports/public/documents.html"
    context_object_name = "documents"

    def get_queryset(self):
        return selectors.published_documents()


class PublishedDocumentPdfView(View):
    """A published report's PDF, for anyone; an unpublished one is not found."""

    def get(self, request, pk: int):
        # A published report generated again (from its frozen figures) stays downloadable meanwhile.
        return report_file_response(get_object_or_404(selectors.published_reports(), pk=pk),
                                    previous_version=True)


class PublishedListFileView(View):
    """A published report's full list (CSV or XLSX), for anyone; an unpublished one is not found."""

    def get(self, request, pk: int, name: str, fmt: str):
        return list_file_response(get_object_or_404(selectors.published_list_files(), report_id=pk,
                                                    name=name, format=fmt))
