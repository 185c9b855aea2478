"""Public pages of the Digital Innovation Board: thin views over the selectors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from alliance.core import freshness
from alliance.core.abuse import limit_public_form
from alliance.core.admin_forms import add_service_error
from alliance.core.downloads import private_download

from . import selectors, services
from .filters import BoardMemberFilter, ExpertFilter, ForesightFilter, MeetingFilter, RecommendationFilter
from .forms import ExpertRequestForm
from .models import (
    BoardDocument,
    BoardMember,
    ForesightReport,
    ForesightReportFile,
    Meeting,
    MeetingDocument,
    WorkingGroup,
)

# Conditional GET for anonymous visitors: 304 until the board data changes.
public_page = method_decorator(freshness.public_etag("board"), name="dispatch")


class FilteredListView(ListView):
    """A list with a django-filter GET form, pagination that keeps the filters, and an empty state."""

    filterset_class = None
    paginate_by = 24

    def get_base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=self.get_base_queryset())
        return (
            self.filterset.qs
            if self.filterset.is_bound and self.filterset.is_valid()
            else self.get_base_queryset()
        )

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=self.filterset, query_string=query.urlencode(), **kwargs)


@public_page
class BoardIndexView(TemplateView):
    template_name = "board/public/index.html"

    def get_context_data(self, **kwargs):
        meetings = list(selectors.meetings_list()[:3])
        return super().get_context_data(
            meeting_count=selectors.meetings_list().count(),
            co_chairs=list(selectors.co_chairs()),
            member_count=selectors.members_list().count(),
            meetings=meetings,
            workplan=selectors.current_workplan(),
            foresight_reports=list(selectors.foresight_list()[:3]),
            **kwargs,
        )


@public_page
class MemberListView(FilteredListView):
    template_name = "board/public/member_list.html"
    filterset_class = BoardMemberFilter
    context_object_name = "members"

    def get_base_queryset(self):
        return selectors.members_list()


@public_page
class MemberDetailView(DetailView):
    template_name = "board/public/member_detail.html"
    context_object_name = "member"
    queryset = BoardMember.objects.prefetch_related("working_groups")


@public_page
class MeetingListView(FilteredListView):
    template_name = "board/public/meeting_list.html"
    filterset_class = MeetingFilter
    context_object_name = "meetings"

    def get_base_queryset(self):
        return selectors.meetings_list()


@public_page
class MeetingDetailView(TemplateView):
    template_name = "board/public/meeting_detail.html"

    def get_context_data(self, **kwargs):
        try:
            meeting = selectors.meeting_detail(number=kwargs["number"])
        except Meeting.DoesNotExist as exc:
            raise Http404 from exc
        previous = selectors.previous_meeting(meeting=meeting)
        recommendations = list(meeting.recommendations.all())
        return super().get_context_data(
            meeting=meeting,
            recommendations=recommendations,
            previous=previous,
            follow_up=list(previous.recommendations.all()) if previous else [],
            **kwargs,
        )


@public_page
class RecommendationListView(FilteredListView):
    template_name = "board/public/recommendation_list.html"
    filterset_class = RecommendationFilter
    context_object_name = "recommendations"
    paginate_by = 50

    def get_base_queryset(self):
        return selectors.recommendations_list()


@public_page
class WorkplanView(TemplateView):
    template_name = "board/public/workplan.html"

    def get_context_data(self, **kwargs):
        workplan = selectors.current_workplan()
        return super().get_context_data(
            workplan=workplan,
            progress=selectors.workplan_progress(workplan) if workplan else None,
            working_groups=list(selectors.working_groups_list()),
            documents=list(selectors.documents_list()),
            **kwargs,
        )


@public_page
class ForesightListView(FilteredListView):
    template_name = "board/public/foresight_list.html"
    filterset_class = ForesightFilter
    context_object_name = "reports"

    def get_base_queryset(self):
        return selectors.foresight_list()


@public_page
class ForesightDetailView(DetailView):
    template_name = "board/public/foresight_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return selectors.foresight_list()


@public_page
class ExpertListView(FilteredListView):
    template_name = "board/public/expert_list.html"
    filterset_class = ExpertFilter
    context_object_name = "experts"

    def get_base_queryset(self):
        return selectors.experts_list()


@limit_public_form("expert-request", email_field="email")
class ExpertRequestView(FormView):
    template_name = "board/public/expert_request.html"
    form_class = ExpertRequestForm
    success_url = reverse_lazy("board:expert-request-thanks")

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.expert_request_submit(
                full_name=data["full_name"],
                email=data["email"],
                organisation=data["organisation"],
                country=data["country"],
                areas=list(data["areas"]),
                motivation=data["motivation"],
                language=translation.get_language() or "en",
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you. The BDT secretariat will review your request."))
        return super().form_valid(form)


class ExpertRequestThanksView(TemplateView):
    template_name = "board/public/expert_request_thanks.html"


def meeting_document_download(request, pk: int) -> FileResponse:
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    name = f"board-meeting-{document.meeting.number}-{document.kind}-{document.language}.pdf"
    return private_download(document.file, filename=name)


def board_document_download(request, slug: str) -> FileResponse:
    document = get_object_or_404(BoardDocument, slug=slug)
    return private_download(document.file, filename=f"{document.slug}.pdf")


def working_group_terms_of_reference(request, slug: str) -> FileResponse:
    group = get_object_or_404(WorkingGroup, slug=slug, is_active=True)
    return private_download(group.terms_of_reference, filename=f"{group.slug}-terms-of-reference.pdf")


def foresight_file_download(request, slug: str, language: str) -> FileResponse:
    file = get_object_or_404(
        ForesightReportFile.objects.select_related("report").exclude(
            report__status=ForesightReport.Status.IN_PREPARATION
        ),
        report__slug=slug,
        language=language,
    )
    return private_download(file.file, filename=f"{slug}-{language}.pdf")
