"""Public pages of the network and the hosts' portal. Thin: forms validate, services write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_countries.fields import Country
from django_filters.views import FilterView
from django_ratelimit.decorators import ratelimit

from alliance.core import freshness, maps
from alliance.core.abuse import address_key, limit_public_form, rate
from alliance.core.admin_forms import add_service_error
from alliance.core.downloads import private_download
from alliance.core.pagination import VersionedPaginationMixin
from alliance.core.roles import home_url_for, is_bdt_staff

from . import selectors, services
from .filters import CentreFilter
from .forms import (
    ActivityForm,
    ActivityProgressFormSet,
    ApplicationDocumentForm,
    ApplicationForm,
    ApplicationStatusLookupForm,
    CentreDocumentForm,
    CentreEventForm,
    CentreMessageForm,
    CentreProfileForm,
    ChangeProposalForm,
    DocumentReplaceForm,
    ProgressReportForm,
    SubmitConfirmForm,
)
from .models import Application, CentreChangeProposal, CentreProgressReport

APPLICATION_SESSION_KEY = "centres_application_reference"


# Public --------------------------------------------------------------------------------------


public_page = method_decorator(freshness.public_etag("centres"), name="dispatch")


@public_page
class DirectoryView(VersionedPaginationMixin, FilterView):
    """The network's landing page: the directory of centres with search and filters.

    The count and deep pages' anchors are cached per content version, and so are the rendered
    filter form and results table (per language and query string): a repeated request runs no
    query."""

    template_name = "centres/public/index.html"
    freshness_topic = "centres"
    keyset_ordering = ("name", "pk")
    filterset_class = CentreFilter
    paginate_by = 20
    strict = False

    def get_queryset(self):
        return selectors.centres_public()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        network_map = freshness.cached(
            "centres", f"centres-map:{freshness.code_token()}:{get_language()}", _network_map)
        return super().get_context_data(query_string=query.urlencode(), network_map=network_map,
                                        fragment_key=freshness.fragment_key("centres"), **kwargs)


def _network_map() -> str:
    """The map of the centres by country and its table, rendered (the directory caches it)."""
    counts = selectors.centre_counts_by_country()
    rows = sorted(((Country(code).name, count) for code, count in counts), key=lambda row: str(row[0]))
    return render_to_string("centres/public/_map.html", {"rows": rows, "map": maps.centres_map(
        map_id="centres-map", title=_("Map of the ITU Acceleration Centres"), countries=counts,
        table_id="centres-by-country", table_label=_("The centres by country, as a table"))})


@public_page
class CentreDetailView(DetailView):
    """A centre's page. The centre, with what its page shows prefetched, and the rendered page body
    are cached per content version (and the body per language): a repeated request runs no query."""

    template_name = "centres/public/detail.html"
    context_object_name = "centre"

    def get_queryset(self):
        return selectors.centre_public_detail_queryset()

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        centre = freshness.cached("centres", f"centre-page:{freshness.code_token()}:{slug}",
                                  lambda: self.get_queryset().filter(slug=slug).first())
        if centre is None:
            raise Http404
        return centre

    def get_context_data(self, **kwargs):
        events = selectors.CentreEvents(centre=self.object, today=timezone.localdate())
        return super().get_context_data(fragment_key=freshness.fragment_key("centres"), events=events,
                                        **kwargs)


@public_page
class FiguresView(TemplateView):
    template_name = "centres/public/figures.html"

    def get_context_data(self, **kwargs):
        rows = selectors.network_figures()
        return super().get_context_data(
            rows=rows, first=rows[0] if rows else None, total=selectors.figures_total(rows),
            network=selectors.lifecycle_counts(), trainings=selectors.trainings_recent(),
            events=selectors.events_recent(), **kwargs)


@public_page
@limit_public_form("application")
class ApplyView(FormView):
    template_name = "centres/public/apply.html"
    form_class = ApplicationForm
    success_url = reverse_lazy("centres:apply-thanks")

    def get_context_data(self, **kwargs):
        return super().get_context_data(criteria=selectors.criteria_published(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            application = services.application_submit(
                organisation=data["organisation"], host_type=data["host_type"], country=data["country"],
                city=data["city"], contact_name=data["contact_name"], contact_email=data["contact_email"],
                contact_phone=data["contact_phone"], website=data["website"],
                regional_initiative=data["regional_initiative"], objectives=list(data["objectives"]),
                support_plan=data["support_plan"], language=get_language() or "en",
                documents=[(file.name, file) for file in data["documents"]],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        self.request.session[APPLICATION_SESSION_KEY] = application.reference
        return super().form_valid(form)


class ApplyThanksView(TemplateView):
    template_name = "centres/public/apply_thanks.html"

    def get(self, request, *args, **kwargs):
        reference = request.session.get(APPLICATION_SESSION_KEY)
        if not reference:
            return redirect("centres:apply")
        application = Application.objects.filter(reference=reference).first()
        status_url = (reverse("centres:application-status", kwargs={
            "token": services.application_status_token(application=application)}) if application else "")
        return self.render_to_response(self.get_context_data(reference=reference, status_url=status_url))


@limit_public_form("application-status-lookup", email_field="email")
class ApplicationStatusLookupView(FormView):
    """An applicant without the e-mail's link reaches their status page with the reference number
    and the application's e-mail address. Whatever does not match gets one answer, which does not
    tell whether the reference exists; the public forms' rate limits stop guessing."""

    template_name = "centres/public/application_status_lookup.html"
    form_class = ApplicationStatusLookupForm

    def form_valid(self, form):
        application = selectors.application_for_status_lookup(reference=form.cleaned_data["reference"],
                                                              email=form.cleaned_data["email"])
        if application is None:
            form.add_error(None, _("No application matches this reference number and e-mail address. "
                                   "Check both against the confirmation e-mail and try again."))
            return self.form_invalid(form)
        return redirect("centres:application-status",
                        token=services.application_status_token(application=application))


# Uploads by address (the form sends no e-mail address, which the public forms' limits also count).
@method_decorator(ratelimit(group="application-document", key=address_key, rate=rate("form-address"),
                            method="POST"), name="dispatch")
class ApplicationStatusView(FormView):
    """Where an applicant follows the application, through the signed link of the confirmation
    e-mail: its status, its documents, and a form to add a missing one while it is screened."""

    template_name = "centres/public/application_status.html"
    form_class = ApplicationDocumentForm

    def dispatch(self, request, *args, **kwargs):
        self.application = selectors.application_from_status_token(kwargs["token"])
        if self.application is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        screening = self.application.status in services.SCREENING_STATUSES
        return super().get_context_data(application=self.application, screening=screening, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.application.status not in services.SCREENING_STATUSES:
            messages.error(request, _("Documents can be added only while the application is being screened."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.application_document_add(application=self.application, title=form.cleaned_data["title"],
                                              file=form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The document was added to your application."))
        return redirect(self.request.path)


# Host portal ---------------------------------------------------------------------------------


REPORT_CONFIRM_LABEL = _("I confirm that this report is ready for BDT. It cannot be changed once submitted, "
                         "unless BDT returns it for changes.")


def not_a_host(request) -> HttpResponse:
    """The portal's answer to a signed-in user who hosts no centre: a page in the site's layout
    saying where their own pages are (staff area, their pledges) or how to apply to host a centre,
    with the status of a refusal (403)."""
    home = home_url_for(request.user)
    if is_bdt_staff(request.user):
        way = "staff"
    elif home == reverse("partnerships:my-pledges"):
        way = "pledger"
    elif home != reverse("home"):
        way = "elsewhere"
    else:
        way = "apply"
    return TemplateResponse(request, "centres/portal/not_a_host.html", {"way": way, "home_url": home},
                            status=403)


class HostMixin(LoginRequiredMixin):
    """Portal pages: only for a centre host, and only about the host's own centre."""

    portal_section = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.centre = selectors.host_centre(request.user)
        if self.centre is None:
            return not_a_host(request)
        return self.refuse() or super().dispatch(request, *args, **kwargs)

    def refuse(self):
        """A response when the centre's state does not allow this page yet, or None."""
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(centre=self.centre, portal_section=self.portal_section, **kwargs)


class DashboardView(HostMixin, TemplateView):
    template_name = "centres/portal/dashboard.html"
    portal_section = "dashboard"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            due=selectors.host_due_items(self.centre),
            latest_reports=selectors.reports_of(self.centre)[:3],
            agreement=selectors.agreements_of(self.centre).first(), **kwargs)


class ProfileView(HostMixin, FormView):
    template_name = "centres/portal/profile.html"
    form_class = CentreProfileForm
    portal_section = "profile"
    success_url = reverse_lazy("portal:profile")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.centre}

    def form_valid(self, form):
        try:
            services.centre_update_profile(centre=self.centre, data=form.cleaned_data, by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The centre's profile was saved."))
        return super().form_valid(form)


class ChangeProposalView(HostMixin, FormView):
    """What only BDT may change (name, host organisation, city): the host proposes new values and
    follows the proposals' state; the form shows while no proposal waits."""

    template_name = "centres/portal/changes.html"
    form_class = ChangeProposalForm
    portal_section = "profile"
    success_url = reverse_lazy("portal:changes")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "centre": self.centre}

    def get_context_data(self, **kwargs):
        proposals = list(selectors.change_proposals_of(self.centre))
        waiting = any(p.status == CentreChangeProposal.Status.PENDING for p in proposals)
        return super().get_context_data(proposals=proposals, waiting=waiting, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.change_proposal_submit(centre=self.centre, data=data, reason=data["reason"],
                                            by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Your proposal was sent to BDT. The centre changes once BDT "
                                         "accepts it."))
        return super().form_valid(form)


class ActionPlanView(HostMixin, TemplateView):
    template_name = "centres/portal/action_plan.html"
    portal_section = "action-plan"

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=getattr(self.centre, "action_plan", None),
                                        activities=selectors.activities_of(self.centre), **kwargs)


class PlanRequiredMixin(HostMixin):
    def refuse(self):
        if getattr(self.centre, "action_plan", None) is None:
            messages.info(self.request, _("The action plan opens with the design phase."))
            return redirect("portal:action-plan")
        return None

    def get_plan(self):
        plan = getattr(self.centre, "action_plan", None)
        if plan is None:
            raise Http404(_("The action plan opens with the design phase."))
        return plan


class ActivityFormView(PlanRequiredMixin, FormView):
    template_name = "centres/portal/activity_form.html"
    form_class = ActivityForm
    portal_section = "action-plan"
    success_url = reverse_lazy("portal:action-plan")
    activity = None

    def get_activity(self):
        if "pk" in self.kwargs:
            return get_object_or_404(selectors.activities_of(self.centre), pk=self.kwargs["pk"])
        return None

    def get_form_kwargs(self):
        self.activity = self.get_activity()
        return {**super().get_form_kwargs(), "instance": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def form_valid(self, form):
        try:
            services.activity_save(plan=self.get_plan(), activity=self.activity, data=form.cleaned_data,
                                   by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The activity was saved."))
        return super().form_valid(form)


class ActionPlanSubmitView(PlanRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.action_plan_submit(plan=self.get_plan(), by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The action plan was sent to BDT for review."))
        return redirect("portal:action-plan")


class ReportListView(HostMixin, ListView):
    template_name = "centres/portal/reports.html"
    portal_section = "reports"
    paginate_by = 20
    context_object_name = "reports"

    def get_queryset(self):
        return selectors.reports_of(self.centre)


class ReportCreateView(HostMixin, FormView):
    template_name = "centres/portal/report_form.html"
    form_class = ProgressReportForm
    portal_section = "reports"

    def form_valid(self, form):
        try:
            report = services.progress_report_create(centre=self.centre, by=self.request.user,
                                                     **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The draft report was created; report progress on each activity."))
        return redirect("portal:report", pk=report.pk)


class ReportDetailView(HostMixin, TemplateView):
    """Shows a report; while it is a draft (or returned), edits it with a line per activity.

    One form with two buttons: "Save draft" saves; "Save and submit to BDT" saves what is on the
    page and submits it in one transaction, once the host ticks the confirmation. Without the tick
    the text is still saved as a draft, so nothing the host typed is lost. The page also holds the
    exchange with BDT about the report (BDT's return comment first) and a way to answer it."""

    template_name = "centres/portal/report_detail.html"
    portal_section = "reports"
    SUBMIT = "submit"
    MESSAGE = "message"

    def get_report(self) -> CentreProgressReport:
        return get_object_or_404(selectors.reports_of(self.centre), pk=self.kwargs["pk"])

    def editable(self, report: CentreProgressReport) -> bool:
        return report.status in (CentreProgressReport.Status.DRAFT, CentreProgressReport.Status.RETURNED)

    def forms(self, report: CentreProgressReport, data=None):
        lines = report.lines.select_related("activity__objective").order_by(
            "activity__objective__number", "activity__planned_start", "pk")
        return (ProgressReportForm(data, instance=report, prefix="report"),
                ActivityProgressFormSet(data, queryset=lines, prefix="lines"),
                SubmitConfirmForm(data, label=REPORT_CONFIRM_LABEL))

    def render_forms(self, report, form=None, formset=None, confirm=None, message_form=None):
        return self.render_to_response(self.get_context_data(
            report=report, form=form, formset=formset, confirm=confirm,
            thread=selectors.messages_about(report),
            message_form=message_form or CentreMessageForm(prefix=self.MESSAGE)))

    def post_message(self, request, report: CentreProgressReport):
        """The host writes to BDT about this report. While the report can be edited the message is
        part of the report's one form, and sending it saves the draft too: no edit is lost."""
        message_form = CentreMessageForm(request.POST, request.FILES, prefix=self.MESSAGE)
        form = formset = confirm = None
        valid = message_form.is_valid()
        if self.editable(report):
            form, formset, _confirm = self.forms(report, request.POST)
            confirm = SubmitConfirmForm(label=REPORT_CONFIRM_LABEL,
                                        initial={"confirm": bool(request.POST.get("submit-confirm"))})
            valid = form.is_valid() & formset.is_valid() & valid
        if not valid:
            return self.render_forms(report, form, formset, confirm, message_form)
        try:
            with transaction.atomic():
                if form is not None:
                    services.progress_report_update(
                        report=report, data=form.cleaned_data, by=request.user,
                        lines=[{"line": f.instance, **f.cleaned_data} for f in formset.forms])
                message = services.centre_message_send(
                    centre=self.centre, body=message_form.cleaned_data["body"],
                    attachment=message_form.cleaned_data["attachment"], by=request.user, from_bdt=False,
                    report=report)
        except ValidationError as exc:
            add_service_error(message_form, exc)
            return self.render_forms(report, form, formset, confirm, message_form)
        messages.success(request, _("Your message about this report was sent to BDT.")
                         if form is None else
                         _("The report was saved and your message about it was sent to BDT."))
        return redirect(reverse("portal:report", args=[report.pk]) + f"#message-{message.pk}")

    def get(self, request, *args, **kwargs):
        report = self.get_report()
        forms = self.forms(report) if self.editable(report) else (None, None, None)
        return self.render_forms(report, *forms)

    def post(self, request, *args, **kwargs):
        report = self.get_report()
        if request.POST.get("action") == self.MESSAGE:
            return self.post_message(request, report)
        if not self.editable(report):
            messages.error(request, _("This report was submitted; it can no longer be changed."))
            return redirect("portal:report", pk=report.pk)
        submitting = request.POST.get("action") == self.SUBMIT
        form, formset, confirm = self.forms(report, request.POST)
        if not submitting:  # "Save draft" asks for no confirmation: the box keeps its tick, no error
            confirm = SubmitConfirmForm(label=REPORT_CONFIRM_LABEL,
                                        initial={"confirm": bool(request.POST.get("submit-confirm"))})
        confirmed = submitting and confirm.is_valid()
        # A message typed but not sent ("Save draft" instead of "Send to BDT") stays on the page.
        typed = (CentreMessageForm(request.POST, prefix=self.MESSAGE)
                 if request.POST.get(f"{self.MESSAGE}-body", "").strip() else None)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_forms(report, form, formset, confirm, typed)
        lines = [{"line": f.instance, **f.cleaned_data} for f in formset.forms]
        try:
            with transaction.atomic():
                services.progress_report_update(report=report, data=form.cleaned_data, lines=lines,
                                                by=request.user)
                if confirmed:
                    services.progress_report_submit(report=report, by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.render_forms(report, form, formset, confirm, typed)
        if submitting and not confirmed:
            messages.warning(request, _("Your changes were saved as a draft. The report was not submitted: "
                                        "tick the confirmation box to submit it to BDT."))
            return self.render_forms(report, form, formset, confirm, typed)
        messages.success(request, _("The report was saved and sent to BDT for review.") if confirmed
                         else _("The report was saved."))
        if typed is not None:
            messages.warning(request, _("Your message was not sent yet: use \"Send to BDT\" to send it."))
            shown = (None, None, None) if confirmed else (form, formset, confirm)
            return self.render_forms(report, *shown, typed)
        return redirect("portal:report", pk=report.pk)


class ReportSubmitView(HostMixin, View):
    """The address the separate "submit" form of earlier pages posted to, which submitted the saved
    text and dropped the edits on the page. Kept so that such a page, still open in a browser,
    cannot lock a report with its old text: it submits nothing and sends the host back to the
    report, whose one form saves and submits."""

    def post(self, request, *args, **kwargs):
        report = get_object_or_404(selectors.reports_of(self.centre), pk=kwargs["pk"])
        messages.warning(request, _("Nothing was submitted. Check the report, then use \"Save and submit to "
                                    "BDT\" at the end of the form."))
        return redirect("portal:report", pk=report.pk)


class DocumentsView(HostMixin, FormView):
    template_name = "centres/portal/documents.html"
    form_class = CentreDocumentForm
    portal_section = "documents"
    success_url = reverse_lazy("portal:documents")

    def get_context_data(self, **kwargs):
        return super().get_context_data(documents=selectors.documents_of(self.centre), **kwargs)

    def form_valid(self, form):
        try:
            services.centre_document_upload(centre=self.centre, title=form.cleaned_data["title"],
                                            file=form.cleaned_data["file"], by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The document was uploaded."))
        return super().form_valid(form)


class DocumentDownloadView(HostMixin, View):
    def get(self, request, *args, **kwargs):
        document = get_object_or_404(selectors.documents_of(self.centre), pk=kwargs["pk"])
        return private_download(document.file)


class HostDocumentMixin(HostMixin):
    """A page about one of the centre's documents (``pk``), fetched once; another centre's -> 404."""

    portal_section = "documents"

    def dispatch(self, request, *args, **kwargs):
        self.document = None
        return super().dispatch(request, *args, **kwargs)

    def get_document(self):
        if self.document is None:
            self.document = get_object_or_404(selectors.documents_of(self.centre), pk=self.kwargs["pk"])
        return self.document


class DocumentDetailView(HostDocumentMixin, FormView):
    """One of the centre's documents: its current file, the files it held before (who uploaded
    each, who replaced it and when), and a form to replace it."""

    template_name = "centres/portal/document_detail.html"
    form_class = DocumentReplaceForm

    def get_context_data(self, **kwargs):
        document = self.get_document()
        return super().get_context_data(document=document, versions=selectors.document_versions_of(document),
                                        **kwargs)

    def form_valid(self, form):
        try:
            services.centre_document_replace(document=self.get_document(), file=form.cleaned_data["file"],
                                             by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The document was replaced; the previous file is kept below."))
        return redirect("portal:document", pk=self.document.pk)


class DocumentRemoveView(HostDocumentMixin, TemplateView):
    """Asks the host to confirm, then takes the document off the centre's list (BDT keeps it)."""

    template_name = "centres/portal/document_remove.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.get_document(), **kwargs)

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        try:
            services.centre_document_remove(document=document, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("portal:document", pk=document.pk)
        messages.success(request, _("“%(title)s” was removed from your documents.")
                         % {"title": document.title})
        return redirect("portal:documents")


class DocumentVersionDownloadView(HostMixin, View):
    def get(self, request, *args, **kwargs):
        version = get_object_or_404(selectors.document_versions_for_centre(self.centre),
                                    document_id=kwargs["pk"], pk=kwargs["version"])
        return private_download(version.file)


class AgreementView(HostMixin, TemplateView):
    template_name = "centres/portal/agreement.html"
    portal_section = "agreement"

    def get_context_data(self, **kwargs):
        return super().get_context_data(agreements=selectors.agreements_of(self.centre), **kwargs)


class AgreementDownloadView(HostMixin, View):
    def get(self, request, *args, **kwargs):
        agreement = get_object_or_404(selectors.agreements_of(self.centre), pk=kwargs["pk"])
        return private_download(agreement.document)



class MessagesView(HostMixin, FormView):
    """The centre's thread with BDT: every message, oldest first, and a form to write one."""

    template_name = "centres/portal/messages.html"
    form_class = CentreMessageForm
    portal_section = "messages"

    def get_context_data(self, **kwargs):
        return super().get_context_data(thread=selectors.messages_of(self.centre), **kwargs)

    def form_valid(self, form):
        try:
            message = services.centre_message_send(
                centre=self.centre, body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"], by=self.request.user, from_bdt=False)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Your message was sent to BDT."))
        return redirect(reverse("portal:messages") + f"#message-{message.pk}")


class MessageAttachmentView(HostMixin, View):
    def get(self, request, *args, **kwargs):
        message = get_object_or_404(selectors.messages_of(self.centre), pk=kwargs["pk"])
        return private_download(message.attachment)


class EventListView(HostMixin, ListView):
    template_name = "centres/portal/events.html"
    portal_section = "events"
    paginate_by = 20
    context_object_name = "events"

    def get_queryset(self):
        return selectors.centre_events_of(self.centre)


class EventFormView(HostMixin, FormView):
    """Record an event the centre organises, or correct one (only the centre's own)."""

    template_name = "centres/portal/event_form.html"
    form_class = CentreEventForm
    portal_section = "events"
    success_url = reverse_lazy("portal:events")
    event = None

    def get_form_kwargs(self):
        if "pk" in self.kwargs:
            self.event = get_object_or_404(selectors.centre_events_of(self.centre), pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": self.event}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form):
        try:
            services.centre_event_save(centre=self.centre, event=self.event, data=form.cleaned_data,
                                       by=self.request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The event was saved; it shows on the centre's public page."))
        return super().form_valid(form)
