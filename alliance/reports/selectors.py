"""Reads of the TDAG progress reports."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import ProgressReport


def reports_list() -> QuerySet[ProgressReport]:
    return ProgressReport.objects.select_related("requested_by").order_by("-requested_at", "-id")


def report_get(*, pk: int) -> ProgressReport:
    return reports_list().get(pk=pk)
