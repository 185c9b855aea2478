"""TDAG reports that need staff: those that failed (see ``alliance.todo``)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.todo import TodoList, register_todo, todo_list

from .models import ReportStatus, TDAGReport


@register_todo
def reports_todo(now: datetime) -> list[TodoList]:
    return [todo_list(
        TDAGReport.objects.filter(status=ReportStatus.FAILED), key="tdag-reports-failed",
        title=_("TDAG reports that failed, to generate again"),
        url=f"{reverse('reports:list')}?status={ReportStatus.FAILED}", since="requested_at", now=now,
        label=str,
        item_url=lambda report: reverse("reports:detail", args=[report.pk]))]
