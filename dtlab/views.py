from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from alliance.core import freshness
from alliance.core.abuse import limit_public_form
from alliance.core.admin_forms import add_service_error
from alliance.core.downloads import private_download

from . import permissions, selectors, services
from .filters import CohortFilter, PlaybookFilter, ServiceFilter, ServiceRequestFilter
from .forms import RequestMoveForm, ServiceRequestForm
from .models import Playbook, PlaybookDocument, RIACohort, ServiceRequest

# Conditional GET for anonymous visitors: 304 until the dtlab data changes.
public_page = method_decorator(freshness.public_etag("dtlab"), name="dispatch")


class FilteredListView(ListView):
    """A list with a django-filter GET form, pagination that keeps the filters, and an empty state."""

    filterset_class = None
    paginate_by = 12

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=super().get_queryset())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query_string=query.urlencode(), **kwargs)


@public_page
class OverviewView(TemplateView):
    template_name = "dtlab/public/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.dtlab_figures(),
                                        latest_cohort=selectors.cohort_list().first(), **kwargs)


@public_page
class PlaybookListView(FilteredListView):
    template_name = "dtlab/public/playbook_list.html"
    context_object_name = "playbooks"
    filterset_class = PlaybookFilter

    def get_queryset(self):
        self.queryset = selectors.playbook_list()
        return super().get_queryset()


@public_page
class PlaybookDetailView(DetailView):
    template_name = "dtlab/public/playbook_detail.html"
    context_object_name = "playbook"

    def get_object(self, queryset=None):
        try:
            return selectors.playbook_get(slug=self.kwargs["slug"])
        except Playbook.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        playbook = self.object
        return super().get_context_data(
            downloadable=permissions.can_download_playbook(self.request.user, playbook),
            current_language=get_language(), **kwargs,
        )


class PlaybookDownloadView(View):
    """Serve one PDF as an attachment and count the download for its version and language."""

    def get(self, request, slug: str, version: str, language: str):
        try:
            document = selectors.playbook_document_get(slug=slug, version=version, language=language)
        except PlaybookDocument.DoesNotExist as error:
            raise Http404 from error
        if not permissions.can_download(request.user, document):
            raise Http404
        response = private_download(document.file, filename=f"{slug}-{version}-{language}.pdf")
        services.playbook_document_count_download(document=document)
        return response


@public_page
class ServiceListView(FilteredListView):
    template_name = "dtlab/public/service_list.html"
    context_object_name = "services"
    filterset_class = ServiceFilter

    def get_queryset(self):
        self.queryset = selectors.service_list()
        return super().get_queryset()


@limit_public_form("service-request")
class ServiceRequestView(FormView):
    template_name = "dtlab/public/service_request.html"
    form_class = ServiceRequestForm

    def dispatch(self, request, *args, **kwargs):
        self.service = get_object_or_404(selectors.service_list(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "service": self.service}

    def get_initial(self):
        user = self.request.user
        if not user.is_authenticated:
            return {}
        return {"contact_name": user.get_full_name(), "contact_email": user.email}

    def get_context_data(self, **kwargs):
        return super().get_context_data(service=self.service, **kwargs)

    def form_valid(self, form):
        try:
            services.service_request_submit(
                service=self.service, by=self.request.user, language=get_language() or "en",
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        return redirect(reverse("dtlab:service-request-sent", kwargs={"slug": self.service.slug}))


class ServiceRequestSentView(TemplateView):
    template_name = "dtlab/public/service_request_sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            service=get_object_or_404(selectors.service_list(), slug=self.kwargs["slug"]), **kwargs
        )


@public_page
class CohortListView(FilteredListView):
    template_name = "dtlab/public/cohort_list.html"
    context_object_name = "cohorts"
    filterset_class = CohortFilter

    def get_queryset(self):
        self.queryset = selectors.cohort_list()
        return super().get_queryset()


@public_page
class CohortDetailView(DetailView):
    template_name = "dtlab/public/cohort_detail.html"
    context_object_name = "cohort"

    def get_object(self, queryset=None):
        try:
            return selectors.cohort_get(number=self.kwargs["number"])
        except RIACohort.DoesNotExist as error:
            raise Http404 from error


class StaffRequestListView(UserPassesTestMixin, FilteredListView):
    """BDT staff follow each service request to completion (login page for anonymous visitors,
    403 for users without the permission, as the other staff pages)."""

    template_name = "dtlab/staff/requests.html"
    context_object_name = "requests"
    filterset_class = ServiceRequestFilter
    paginate_by = 25

    def test_func(self) -> bool:
        return permissions.can_follow_requests(self.request.user)

    def get_queryset(self):
        self.queryset = selectors.service_requests_for_staff()
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        transitions = services.REQUEST_TRANSITIONS
        context["rows"] = [
            (request, [ServiceRequest.Status(status) for status in ServiceRequest.Status.values
                       if status in transitions[request.status]])
            for request in context["requests"]
        ]
        return context


class StaffRequestMoveView(UserPassesTestMixin, View):
    def test_func(self) -> bool:
        return permissions.can_move_requests(self.request.user)

    def post(self, request, pk: int):
        service_request = get_object_or_404(selectors.service_requests_for_staff(), pk=pk)
        form = RequestMoveForm(request.POST)
        if form.is_valid():
            try:
                services.service_request_move(service_request=service_request,
                                              status=form.cleaned_data["status"], by=request.user,
                                              note=form.cleaned_data["note"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, str(service_request))
        else:
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            next_url = reverse("dtlab:staff-requests")
        return redirect(next_url)
