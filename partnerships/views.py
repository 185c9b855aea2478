from __future__ import annotations

import tempfile
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_ratelimit.decorators import ratelimit

from alliance.core import export_formats, freshness, maps
from alliance.core.abuse import account_key, address_key, limit_public_form, rate
from alliance.core.admin_forms import add_service_error
from alliance.core.downloads import private_download
from alliance.core.filters import country_choices
from alliance.core.pagination import VersionedPaginationMixin
from alliance.countries import ITU_REGIONS

from . import compilation, figures, permissions, selectors, services
from .filters import ImpactStoryFilter, PledgeFilter
from .forms import (
    DecisionForm,
    DueDiligenceForm,
    ImpactIndicatorFormSet,
    InterestForm,
    PledgeEditForm,
    PledgeForm,
    ProgressReportForm,
    YearForm,
)
from .models import (
    CompilationStatus,
    PartnershipAgreement,
    Pledge,
    PledgeCompilation,
    PledgeProgressReport,
    PledgeStatus,
)


def _chosen_year(request: HttpRequest, *, years: list[int] | None = None) -> tuple[YearForm, int]:
    years = (selectors.agreement_years() if years is None else years) or [timezone.localdate().year]
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else years[0]
    if not form.is_bound:
        form = YearForm(initial={"year": year}, years=years)
    return form, year


def _year_figures(year: int, prefix: str) -> dict[str, Any]:
    """The year's figures with their labels and charts, as the figures templates use them."""
    stats = selectors.partnership_stats(year=year)
    return {"year": year, "stats": stats, **figures.labelled(stats), **figures.charts(stats, prefix=prefix)}


def _figures_context(request: HttpRequest, prefix: str) -> dict[str, Any]:
    form, year = _chosen_year(request)
    return {"year_form": form, **_year_figures(year, prefix)}


def _public_figures(year: int) -> dict[str, Any]:
    """The year's figures for the public page: those of the report, and the map of agreements by region."""
    context = _year_figures(year, "figures")
    context["region_map"] = maps.agreements_map(
        map_id="regions-map",
        title=_("Map of the agreements signed in %(year)s by ITU region") % {"year": year},
        regions=[(row["region"], row["label"], row["agreements"]) for row in context["stats"]["by_region"]],
        region_of=ITU_REGIONS, table_id="regions-table",
        table_label=_("The agreements by region, as a table"))
    return context


public_page = method_decorator(freshness.public_etag("partnerships"), name="dispatch")


@public_page
class FiguresView(TemplateView):
    """Partnerships in figures: every figure of a year, as charts and accessible tables.

    The charts and tables are rendered once per year, language and content version."""

    template_name = "partnerships/public/index.html"

    def get_context_data(self, **kwargs):
        years = freshness.cached("partnerships", "agreement-years", selectors.agreement_years)
        form, year = _chosen_year(self.request, years=years)
        language = translation.get_language()

        figures_html = freshness.cached(
            "partnerships", f"figures-html:{freshness.code_token()}:{year}:{language}",
            lambda: render_to_string("partnerships/public/_figures.html", _public_figures(year)))
        stories = freshness.cached("partnerships", f"stories-3:{language}",
                                   lambda: list(selectors.published_impact_stories()[:3]))
        return super().get_context_data(year_form=form, year=year, figures_html=figures_html,
                                        stories=stories, **kwargs)


@public_page
class ImpactStoryListView(ListView):
    template_name = "partnerships/public/story_list.html"
    context_object_name = "stories"
    paginate_by = 12

    def get_queryset(self):
        self.filterset = ImpactStoryFilter(self.request.GET, queryset=selectors.published_impact_stories())
        return self.filterset.qs if self.filterset.is_valid() else selectors.published_impact_stories().none()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query_string=query.urlencode(), **kwargs)


@public_page
class ImpactStoryDetailView(DetailView):
    template_name = "partnerships/public/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        return selectors.published_impact_stories()


@public_page
class PledgeListView(VersionedPaginationMixin, ListView):
    """The public pledge explorer: published pledges only, with totals for the filter.

    The totals of the unfiltered explorer, the page count, deep pages' anchors and the rendered
    form and results (with the selection's totals) are cached per content version (and language
    and query string); the country filter offers only the countries that pledges target."""

    template_name = "partnerships/public/pledge_list.html"
    freshness_topic = "partnerships"
    keyset_ordering = ("-submitted_at", "-pk")
    context_object_name = "pledges"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = PledgeFilter(self.request.GET, queryset=selectors.published_pledges())
        # Only the countries some published pledge targets, not all 249.
        self.filterset.filters["country"].extra["choices"] = country_choices(
            "partnerships", "pledge-countries", selectors.pledge_target_countries)
        return self.filterset.qs if self.filterset.is_valid() else selectors.published_pledges().none()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        pledges = self.object_list

        def all_totals() -> dict[str, Any]:
            return {**selectors.pledge_totals(pledges),
                    "groups": selectors.pledge_benefit_totals(pledges),
                    "progress": selectors.pledges_by_progress(pledges)}

        if any(value for value in query.values()):
            totals = SimpleLazyObject(all_totals)
        else:
            totals = SimpleLazyObject(lambda: freshness.cached(
                "partnerships", f"pledge-totals:{freshness.code_token()}", all_totals))
        # Lazy: computed only when the results fragment is not in the cache.
        return super().get_context_data(filter=self.filterset, totals=totals,
                                        query_string=query.urlencode(),
                                        fragment_key=freshness.fragment_key("partnerships"), **kwargs)


@public_page
class PledgeDetailView(DetailView):
    template_name = "partnerships/public/pledge_detail.html"
    context_object_name = "pledge"

    def get_queryset(self):
        return selectors.published_pledges()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            progress_reports=selectors.pledge_progress_history(self.object), **kwargs)


@public_page
class ActionAreasView(TemplateView):
    template_name = "partnerships/public/action_areas.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(areas=selectors.action_areas_with_members(), **kwargs)


@limit_public_form("interest")
class InterestSubmitView(FormView):
    """Joining the coalition: an organization asks to become a member of an action area."""

    template_name = "partnerships/public/interest_form.html"
    form_class = InterestForm
    success_url = reverse_lazy("partnerships:interest-thanks")

    def get_initial(self):
        area = selectors.action_area_by_code(self.request.GET.get("area", ""))
        return {"action_area": area} if area else {}

    def form_valid(self, form: InterestForm) -> HttpResponse:
        try:
            services.interest_submit(**form.cleaned_data, language=translation.get_language() or "en")
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        return super().form_valid(form)


class InterestThanksView(TemplateView):
    template_name = "partnerships/public/interest_thanks.html"


@public_page
class EventListView(ListView):
    template_name = "partnerships/public/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return selectors.published_events()


@public_page
class EventDetailView(DetailView):
    """An event's programme and the published pledges announced at it."""

    template_name = "partnerships/public/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return selectors.published_events()

    def get_context_data(self, **kwargs):
        return super().get_context_data(sessions=selectors.event_programme(self.object),
                                        pledges=selectors.event_pledges(self.object), **kwargs)


@limit_public_form("pledge")
class PledgeSubmitView(FormView):
    template_name = "partnerships/public/pledge_form.html"
    form_class = PledgeForm
    success_url = reverse_lazy("partnerships:pledge-thanks")

    def form_valid(self, form: PledgeForm) -> HttpResponse:
        try:
            services.pledge_submit(**form.pledge_fields(), language=translation.get_language() or "en",
                                   by=self.request.user)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        return super().form_valid(form)


class PledgeThanksView(TemplateView):
    template_name = "partnerships/public/pledge_thanks.html"


# --- The compilation of pledges ------------------------------------------------------------------


@public_page
class CompilationDataView(View):
    """The explorer's selection as a spreadsheet (CSV or XLSX), in the visitor's language. The rows
    are read in chunks and sent as they are written (the CSV line by line; the XLSX, a zip file
    complete only at its end, from a temporary file): memory does not grow with the selection, and
    a streamed answer is never kept whole in the page cache. A selection larger than
    ``P2C_DOWNLOAD_MAX_PLEDGES`` is refused with a message asking to narrow it."""

    fmt = "csv"
    content_types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def get(self, request: HttpRequest) -> HttpResponseBase:
        pledges, query = compilation.selection(request.GET)
        limit = settings.P2C_DOWNLOAD_MAX_PLEDGES
        if pledges[limit:limit + 1].exists():
            messages.error(request, _("This selection has more than %(limit)s pledges: narrow it with the "
                                      "filters to download it.") % {
                "limit": number_format(limit, force_grouping=True)})
            return redirect(f"{reverse('partnerships:pledges')}?{query}" if query
                            else reverse("partnerships:pledges"))
        table = compilation.table(pledges)
        filename = f"p2c-pledges.{self.fmt}"
        if self.fmt == "csv":
            response = StreamingHttpResponse(export_formats.csv_lines(table),
                                             content_type=self.content_types["csv"])
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        scratch = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it (and so removes it)
        export_formats.write_table(table, xlsx_file=scratch)
        scratch.seek(0)
        return FileResponse(scratch, as_attachment=True, filename=filename,
                            content_type=self.content_types["xlsx"])


@method_decorator([ratelimit(group="compilation", key=key, rate=rate(name), method="POST")
                   for name, key in (("form-address", address_key), ("form-account", account_key))],
                  name="post")
class CompilationRequestView(View):
    """The PDF compilation of the explorer's selection: asked for with a POST (a worker lays it
    out), then shown where it is."""

    def get(self, request: HttpRequest) -> HttpResponse:
        pledges, query = compilation.selection(request.GET)
        count = compilation.pdf_count(pledges)
        return render(request, "partnerships/public/compilation_request.html", {
            "query": QueryDict(query), "query_string": query, "count": count,
            "too_long": compilation.too_long_for_pdf_message() if count is None else ""})

    def post(self, request: HttpRequest) -> HttpResponse:
        _pledges, query = compilation.selection(request.POST)
        try:
            item = services.compilation_request(query=query, language=translation.get_language() or "en")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(f"{reverse('partnerships:compilation-request')}?{query}" if query
                            else reverse("partnerships:compilation-request"))
        return redirect("partnerships:compilation", key=item.key)


class CompilationView(TemplateView):
    template_name = "partnerships/public/compilation.html"

    def get_context_data(self, **kwargs):
        item = get_object_or_404(PledgeCompilation, key=kwargs["key"])
        return super().get_context_data(compilation=item, **kwargs)


class CompilationDownloadView(View):
    def get(self, request: HttpRequest, key: str) -> FileResponse:
        item = get_object_or_404(PledgeCompilation, key=key, status=CompilationStatus.DONE)
        return FileResponse(item.pdf.open("rb"), as_attachment=True, content_type="application/pdf",
                            filename=f"p2c-pledges-{item.language}.pdf")


# --- The pledger's own pages ----------------------------------------------------------------------


class MyPledgesView(LoginRequiredMixin, ListView):
    template_name = "partnerships/portal/my_pledges.html"
    context_object_name = "pledges"

    def get_queryset(self):
        return selectors.pledges_of(self.request.user)


class PledgeEditView(LoginRequiredMixin, FormView):
    """A signed-in pledger corrects their own pledge while it is under review."""

    template_name = "partnerships/portal/pledge_edit.html"
    form_class = PledgeEditForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.pledge = get_object_or_404(
            Pledge.objects.select_related("pledger").prefetch_related("action_areas", "benefits"),
            pk=kwargs["pk"], pledger__user=request.user, status=PledgeStatus.SUBMITTED)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pledge": self.pledge}

    def get_context_data(self, **kwargs):
        return super().get_context_data(pledge=self.pledge, **kwargs)

    def form_valid(self, form: PledgeEditForm) -> HttpResponse:
        try:
            services.pledge_update_by_pledger(pledge=self.pledge, by=self.request.user,
                                              **form.pledge_fields())
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your pledge is updated; ITU reviews it as it now reads."))
        return redirect("partnerships:my-pledges")


INDICATORS_PREFIX = "indicators"


class ProgressReportView(LoginRequiredMixin, FormView):
    template_name = "partnerships/portal/progress_form.html"
    form_class = ProgressReportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.pledge = get_object_or_404(Pledge.objects.select_related("pledger"), pk=kwargs["pk"],
                                        status=PledgeStatus.PUBLISHED)
        if not services.can_report_on(user=request.user, pledge=self.pledge):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if "indicators" not in kwargs:
            kwargs["indicators"] = self._indicators()
        return super().get_context_data(pledge=self.pledge, **kwargs)

    def _indicators(self) -> ImpactIndicatorFormSet:
        bound = self.request.method == "POST" and self._has_indicators()
        return ImpactIndicatorFormSet(
            self.request.POST if bound else None,
            instance=PledgeProgressReport(pledge=self.pledge),
            prefix=INDICATORS_PREFIX,
        )

    def _has_indicators(self) -> bool:
        """Whether the page sent the indicators' rows (a report may come without any)."""
        return f"{INDICATORS_PREFIX}-TOTAL_FORMS" in self.request.POST

    def form_valid(self, form: ProgressReportForm) -> HttpResponse:
        indicators = self._indicators()
        if self._has_indicators() and not indicators.is_valid():
            return self.render_to_response(self.get_context_data(form=form, indicators=indicators))
        rows = [{name: row.cleaned_data[name] for name in services.INDICATOR_FIELDS}
                for row in indicators.forms if row.has_changed()] if self._has_indicators() else []
        try:
            services.progress_report_submit(pledge=self.pledge, by=self.request.user, indicators=rows,
                                            **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, indicators=indicators))
        messages.success(self.request, _("Thank you: your progress report has been recorded."))
        return redirect("partnerships:my-pledges")

    def form_invalid(self, form: ProgressReportForm) -> HttpResponse:
        indicators = self._indicators()
        if self._has_indicators():
            indicators.is_valid()
        return self.render_to_response(self.get_context_data(form=form, indicators=indicators))


# --- Staff ----------------------------------------------------------------------------------------


class StaffOnlyMixin(UserPassesTestMixin):
    permission_test = staticmethod(permissions.can_see_dashboard)

    def test_func(self) -> bool:
        return self.permission_test(self.request.user)


class DashboardView(StaffOnlyMixin, TemplateView):
    """The year's figures, the pledges waiting for due diligence (oldest first) and the published
    ones' progress reports (most overdue first): the first ``shown`` of each with their counts, as
    the lists run to hundreds of thousands; the admin lists them all."""

    template_name = "partnerships/staff/dashboard.html"
    shown = 50

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        submitted = Pledge.objects.filter(status=PledgeStatus.SUBMITTED)
        lights = selectors.pledge_lights_count(today=today)
        return super().get_context_data(
            **_figures_context(self.request, "dashboard"),
            follow_up=selectors.pledge_follow_up(today=today, limit=self.shown),
            lights=lights, published_count=sum(lights.values()),
            submitted=submitted.select_related("pledger").order_by("submitted_at", "pk")[:self.shown],
            submitted_count=submitted.count(),
            **kwargs)


class PledgeReviewView(StaffOnlyMixin, View):
    """Due diligence checklist and the decision on a submitted pledge."""

    permission_test = staticmethod(permissions.can_review_pledges)
    template_name = "partnerships/staff/pledge_review.html"

    def _render(self, request, pledge, checklist, decision) -> HttpResponse:
        return render(request, self.template_name,
                      {"pledge": pledge, "checklist": checklist, "decision": decision})

    def _pledge(self, pk: int) -> Pledge:
        pledges = Pledge.objects.select_related("pledger__user").prefetch_related("action_areas")
        return get_object_or_404(pledges, pk=pk)

    def get(self, request, pk: int) -> HttpResponse:
        pledge = self._pledge(pk)
        return self._render(request, pledge, DueDiligenceForm(instance=pledge), DecisionForm())

    def post(self, request, pk: int) -> HttpResponse:
        pledge = self._pledge(pk)
        checklist = DueDiligenceForm(request.POST, instance=pledge)
        decision = DecisionForm(request.POST) if "decide" in request.POST else DecisionForm()
        if not checklist.is_valid() or (decision.is_bound and not decision.is_valid()):
            return self._render(request, pledge, checklist, decision)
        try:
            services.pledge_due_diligence(pledge=pledge, by=request.user,
                                          checklist={k: checklist.cleaned_data[k] for k in checklist.fields})
            if decision.is_bound:
                if decision.cleaned_data["decision"] == DecisionForm.PUBLISH:
                    services.pledge_publish(pledge=pledge, by=request.user)
                    messages.success(request, _("The pledge is published."))
                else:
                    services.pledge_decline(pledge=pledge, by=request.user,
                                            reason=decision.cleaned_data["reason"])
                    messages.success(request, _("The pledge is declined; the pledger has been told why."))
                return redirect("partnerships:dashboard")
        except ValidationError as error:
            add_service_error(decision, error)
            return self._render(request, pledge, checklist, decision)
        messages.success(request, _("The due diligence checklist is saved."))
        return redirect(reverse("partnerships:pledge-review", args=[pledge.pk]))


class AgreementDocumentView(StaffOnlyMixin, View):
    permission_test = staticmethod(permissions.can_download_agreement)

    def get(self, request, pk: int) -> FileResponse:
        agreement = get_object_or_404(PartnershipAgreement, pk=pk)
        return private_download(agreement.document, filename=f"{agreement.reference}.pdf")
