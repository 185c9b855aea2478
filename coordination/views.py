"""Pages of inter-sectoral coordination: the public ISC and ISCG pages, the focal points' portal
(each sees only their own topics; anything else is a 404) and the staff page of who has reported."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from alliance.core.admin_forms import add_service_error

from . import permissions, selectors, services
from .filters import ResolutionMapFilter
from .forms import AnnualReportForm, YearForm
from .models import Body, FocalPoint


def _default_year() -> int:
    """Reports are written in the new year about the one before."""
    return timezone.localdate().year - 1


# --- Public pages --------------------------------------------------------------------------------


class TopicListView(TemplateView):
    template_name = "coordination/public/topics.html"

    def get_context_data(self, **kwargs):
        topics = list(selectors.topics_public())
        return super().get_context_data(
            topics=topics,
            vacancies=[fp for topic in topics for fp in topic.focal_points.all() if fp.vacant],
            **kwargs,
        )


class BodyListView(TemplateView):
    template_name = "coordination/public/bodies.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bodies=list(selectors.bodies_with_meetings()), **kwargs)


class BodyDetailView(TemplateView):
    template_name = "coordination/public/body_detail.html"

    def get_context_data(self, **kwargs):
        try:
            body = selectors.body_detail(acronym=self.kwargs["acronym"])
        except Body.DoesNotExist as error:
            raise Http404 from error
        return super().get_context_data(body=body, meetings=list(selectors.meetings_of(body)), **kwargs)


class ResolutionMapView(ListView):
    template_name = "coordination/public/resolutions.html"
    context_object_name = "mappings"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = ResolutionMapFilter(self.request.GET or None, queryset=selectors.resolution_map())
        if self.filterset.is_bound and self.filterset.is_valid():
            return self.filterset.qs
        return selectors.resolution_map()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query_string=query.urlencode(),
                                         last_update=selectors.map_last_update(), **kwargs)


# --- Focal points' portal ------------------------------------------------------------------------


class PortalHomeView(LoginRequiredMixin, TemplateView):
    """A focal point's own topics and their annual reports; nobody else's."""

    template_name = "coordination/portal/home.html"

    def get_context_data(self, **kwargs):
        focal_points = list(selectors.focal_points_of(self.request.user).prefetch_related("annual_reports"))
        return super().get_context_data(focal_points=focal_points, year=_default_year(), **kwargs)


class AnnualReportView(LoginRequiredMixin, FormView):
    """Submit (or correct) the annual report of one of the user's own posts for a year."""

    template_name = "coordination/portal/annual_report.html"
    form_class = AnnualReportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.focal_point = selectors.focal_point_of(request.user, pk=kwargs["pk"])
        except FocalPoint.DoesNotExist as error:
            raise Http404 from error
        self.year = kwargs["year"]
        if not 2000 <= self.year <= timezone.localdate().year:
            raise Http404
        self.existing = self.focal_point.annual_reports.filter(year=self.year).first()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        if self.existing is None:
            return {}
        return {field: getattr(self.existing, field) for field in ("progress", "outcomes", "next_steps",
                                                                   "documents")}

    def form_valid(self, form):
        try:
            services.annual_report_submit(focal_point=self.focal_point, year=self.year, by=self.request.user,
                                          **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you: your annual report for %(year)s is recorded.")
                         % {"year": self.year})
        return redirect("coordination:portal-home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(focal_point=self.focal_point, year=self.year, existing=self.existing,
                                        deadline=selectors.deadline_for(year=self.year), **kwargs)


# --- Staff ---------------------------------------------------------------------------------------


class ReportingStatusView(UserPassesTestMixin, TemplateView):
    """Who has and has not sent the annual report for a year (login page for anonymous visitors,
    403 for users without the permission, as the other staff pages)."""

    template_name = "coordination/staff/reporting.html"

    def test_func(self) -> bool:
        return permissions.can_follow_annual_reports(self.request.user)

    def get_context_data(self, **kwargs):
        form = YearForm(self.request.GET or None)
        year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else _default_year()
        rows = selectors.reporting_status(year=year)
        received = [row for row in rows if row.report]
        return super().get_context_data(
            form=form, year=year, rows=rows, received_count=len(received), expected_count=len(rows),
            missing=[row for row in rows if not row.report], deadline=selectors.deadline_for(year=year),
            **kwargs,
        )
