"""What of the network waits for BDT staff (see ``alliance.todo``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.todo import TodoList, register_todo, todo_list

from .models import ActionPlan, Application, CentreChangeProposal, CentreProgressReport


def _admin(model: str, status: str) -> str:
    return f"{reverse(f'admin:centres_{model}_changelist')}?status__exact={status}"


def _change(model: str) -> Callable[[object], str]:
    return lambda obj: reverse(f"admin:centres_{model}_change", args=[obj.pk])


@register_todo
def centres_todo(now: datetime) -> list[TodoList]:
    applications = Application.objects.only("pk", "reference", "organisation", "submitted_at")
    application_label = lambda a: f"{a.reference} – {a.organisation}"  # noqa: E731
    lists = [
        todo_list(applications.filter(status=status), key=f"applications-{status}", title=title,
                  url=_admin("application", status), since="submitted_at", now=now,
                  label=application_label, item_url=_change("application"))
        for status, title in (
            (Application.Status.SUBMITTED, _("Applications to screen")),
            (Application.Status.DUE_DILIGENCE, _("Applications in due diligence")),
            (Application.Status.EVALUATION, _("Applications to evaluate")),
        )
    ]
    lists.append(todo_list(
        ActionPlan.objects.filter(status=ActionPlan.Status.SUBMITTED).select_related("centre"),
        key="action-plans", title=_("Action plans to review"),
        url=_admin("actionplan", ActionPlan.Status.SUBMITTED), since="submitted_at", now=now,
        label=lambda plan: plan.centre.name, item_url=_change("actionplan")))
    lists.append(todo_list(
        CentreProgressReport.objects.filter(status=CentreProgressReport.Status.SUBMITTED).select_related("centre"),
        key="host-reports", title=_("Host progress reports to review"),
        url=_admin("centreprogressreport", CentreProgressReport.Status.SUBMITTED), since="submitted_at",
        now=now,
        label=lambda report: f"{report.centre.name}: {report}", item_url=_change("centreprogressreport")))
    lists.append(todo_list(
        CentreChangeProposal.objects.filter(status=CentreChangeProposal.Status.PENDING).select_related("centre"),
        key="change-proposals", title=_("Changes of a centre's name or host organisation to decide"),
        url=_admin("centrechangeproposal", CentreChangeProposal.Status.PENDING), since="proposed_at", now=now,
        label=lambda proposal: proposal.centre.name, item_url=_change("centrechangeproposal")))
    return lists
