"""Reads of the TDAG progress reports."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import ProgressReport


def reports_list() -> QuerySet[ProgressReport]:
    return ProgressReport.objects.select_related("requested_by").order_by("-requested_at", "-id")


def report_get(*, pk: int) -> ProgressReport:
    return reports_list().get(pk=pk)


def published_reports() -> QuerySet[ProgressReport]:
    from .models import Workflow

    return ProgressReport.objects.filter(workflow=Workflow.PUBLISHED).exclude(pdf="")


def published_documents() -> list[dict]:
    """The published documents by kind and period (newest first), each with its language versions."""
    groups: dict[tuple, dict] = {}
    reports = published_reports().order_by("-period_end", "kind", "language", "-published_at")
    for report in reports.only("pk", "kind", "period_start", "period_end", "language", "symbol",
                               "published_at", "pdf", "size_bytes"):
        key = (report.kind, report.period_start, report.period_end)
        group = groups.setdefault(key, {"kind": report.kind, "label": report.get_kind_display(),
                                        "period_start": report.period_start, "period_end": report.period_end,
                                        "period_label": report.period_label, "symbol": report.symbol,
                                        "published_at": report.published_at, "versions": {}})
        group["versions"].setdefault(report.language, report)
        group["symbol"] = group["symbol"] or report.symbol
    for group in groups.values():
        group["versions"] = sorted(group["versions"].values(), key=lambda r: r.language)
    return list(groups.values())
