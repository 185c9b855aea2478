"""Staff pages of the blind evaluation of applications (/staff/evaluation/).

An evaluator scores, on their own sheet, the applications they are assigned; they see the others'
scores only after submitting theirs. The lead evaluator assigns evaluators and, once every assigned
evaluator has submitted, sees every score, the spread per criterion, the weighted total and the
ranking. Thin: the rules are in ``services`` and ``selectors``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from alliance.core.admin_forms import add_service_error

from . import permissions, selectors, services
from .models import EvaluatorAssignment
from .staff_forms import AssignForm, ConflictForm, ScoreSheetForm


def _written(request, form, write, done: str) -> bool:
    """Call the service ``write(cleaned_data)`` for a valid form and say ``done``; a refusal goes on
    the form. True when written."""
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as exc:
        add_service_error(form, exc)
        return False
    messages.success(request, done)
    return True


@method_decorator(never_cache, name="dispatch")
class EvaluatorMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        return permissions.can_evaluate(self.request.user)

    def assignment(self) -> EvaluatorAssignment:
        """The signed-in evaluator's own assignment to this application: anyone else's is a 404."""
        return get_object_or_404(
            EvaluatorAssignment.objects.select_related("application__call",
                                                       "application__regional_initiative"),
            application_id=self.kwargs["pk"], evaluator=self.request.user, conflict_declared_at__isnull=True)


@method_decorator(never_cache, name="dispatch")
class LeadMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        return permissions.can_lead_evaluation(self.request.user)


class MyEvaluationsView(EvaluatorMixin, TemplateView):
    template_name = "centres/staff/evaluations.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "assignments": selectors.assignments_of(self.request.user)}


class ScoreSheetView(EvaluatorMixin, View):
    """The evaluator's own sheet: save a draft, or submit (final); declare a conflict instead."""

    template_name = "centres/staff/score_sheet.html"

    def get(self, request, pk: int):
        return self._page(self.assignment())

    def post(self, request, pk: int):
        assignment = self.assignment()
        sheet = selectors.evaluator_sheet(assignment)
        form = ScoreSheetForm(request.POST, criteria=sheet.criteria, own=sheet.own)
        submit = request.POST.get("action") == "submit"
        if _written(request, form, lambda data: services.score_sheet_save(
                assignment=assignment, scores=data["scores"], submit=submit),
                _("Your scores are submitted.") if submit else _("Your draft scores are saved.")):
            return redirect("evaluation:sheet", pk=pk)
        return self._page(assignment, form=form, status=400)

    def _page(self, assignment, *, form=None, conflict_form=None, status=200):
        sheet = selectors.evaluator_sheet(assignment)
        submitted = assignment.submitted_at is not None
        form = form or ScoreSheetForm(criteria=sheet.criteria, own=sheet.own, disabled=submitted)
        return TemplateResponse(self.request, self.template_name, {
            "sheet": sheet, "application": assignment.application, "form": form,
            "conflict_form": conflict_form or ConflictForm(), "submitted": submitted,
        }, status=status)


class ConflictView(ScoreSheetView):
    """Declare a conflict of interest: the evaluator leaves the application."""

    def get(self, request, pk: int):
        return redirect("evaluation:sheet", pk=pk)

    def post(self, request, pk: int):
        assignment = self.assignment()
        form = ConflictForm(request.POST)
        done = _("Your conflict of interest is recorded; you no longer evaluate %(reference)s.") % {
            "reference": assignment.application.reference}
        if _written(request, form, lambda data: services.conflict_declare(
                assignment=assignment, note=data["note"], by=request.user), done):
            return redirect("evaluation:mine")
        return self._page(assignment, conflict_form=form, status=400)


class RankingView(LeadMixin, TemplateView):
    template_name = "centres/staff/ranking.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "rankings": selectors.rankings_by_call()}


class LeadApplicationView(LeadMixin, View):
    """One application for the lead: its evaluators, and every score once all have submitted."""

    template_name = "centres/staff/lead_application.html"

    def get(self, request, pk: int):
        return self._page(pk)

    def _page(self, pk: int, *, form=None, status=200):
        application = get_object_or_404(selectors.applications_for_lead(), pk=pk)
        form = form or AssignForm(evaluators=selectors.evaluators_available(application))
        return TemplateResponse(self.request, self.template_name, {
            "application": application, "board": selectors.application_scoreboard(application),
            "form": form,
        }, status=status)


class AssignView(LeadApplicationView):
    def get(self, request, pk: int):
        return redirect("evaluation:application", pk=pk)

    def post(self, request, pk: int):
        application = get_object_or_404(selectors.applications_for_lead(), pk=pk)
        form = AssignForm(request.POST, evaluators=selectors.evaluators_available(application))
        if _written(request, form, lambda data: services.evaluator_assign(
                application=application, evaluator=data["evaluator"], by=request.user),
                _("The evaluator is assigned.")):
            return redirect("evaluation:application", pk=pk)
        return self._page(pk, form=form, status=400)


class UnassignView(LeadMixin, View):
    def post(self, request, pk: int):
        assignment = get_object_or_404(EvaluatorAssignment, pk=pk)
        try:
            services.evaluator_unassign(assignment=assignment, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The evaluator is no longer assigned."))
        return redirect("evaluation:application", pk=assignment.application_id)
