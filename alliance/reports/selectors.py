"""Reads of the TDAG progress reports."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Max, Prefetch, Q, QuerySet

from .models import ReportListFile, TDAGReport


def reports_list() -> QuerySet[TDAGReport]:
    return TDAGReport.objects.select_related("requested_by").order_by("-requested_at", "-id")


def report_get(*, pk: int) -> TDAGReport:
    return reports_list().get(pk=pk)


def published_reports() -> QuerySet[TDAGReport]:
    from .models import Workflow

    return TDAGReport.objects.filter(workflow=Workflow.PUBLISHED).exclude(pdf="")


def list_files() -> QuerySet[ReportListFile]:
    return ReportListFile.objects.select_related("report").order_by("report", "id")


def published_list_files() -> QuerySet[ReportListFile]:
    return list_files().filter(report__in=published_reports())


def published_documents() -> list[dict]:
    """The published documents by kind and period (newest first), each with its language versions."""
    groups: dict[tuple, dict] = {}
    reports = published_reports().order_by("-period_end", "kind", "language", "-published_at")
    reports = reports.only("pk", "kind", "period_start", "period_end", "language", "symbol", "published_at",
                           "pdf", "size_bytes").prefetch_related(_list_files_in_order())
    for report in reports:
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


def report_request_groups(reports: QuerySet[TDAGReport]) -> QuerySet:
    """One row per requested kind and period (newest request first), for the staff list's pages:
    the six language versions of a request are one row."""
    return (reports.order_by().values("kind", "period_start", "period_end")
            .annotate(last_requested=Max("requested_at"))
            .order_by("-last_requested", "kind", "-period_end"))


def report_request_groups_with_versions(groups, reports: QuerySet[TDAGReport]) -> list[dict]:
    """The groups of one page, each with its reports by language (every language of the site, in
    its order; newest report first), in one query."""
    groups = list(groups)
    if not groups:
        return []
    keys = [(g["kind"], g["period_start"], g["period_end"]) for g in groups]
    wanted = reduce(or_, (Q(kind=kind, period_start=start, period_end=end) for kind, start, end in keys))
    by_key: dict[tuple, dict[str, list[TDAGReport]]] = {key: {} for key in keys}
    for report in reports.filter(wanted).order_by("-requested_at", "-pk"):
        by_key[(report.kind, report.period_start, report.period_end)].setdefault(
            report.language, []).append(report)
    rows = []
    for group, key in zip(groups, keys, strict=True):
        found = by_key[key]
        any_report = next(iter(found.values()))[0]
        rows.append({
            "kind": group["kind"], "label": any_report.get_kind_display(),
            "period_start": group["period_start"], "period_end": group["period_end"],
            "period_label": any_report.period_label, "last_requested": group["last_requested"],
            "languages": [{"code": code, "name": name, "reports": found.get(code, [])}
                          for code, name in settings.LANGUAGES],
        })
    return rows


def _list_files_in_order() -> Prefetch:
    """A report's list files in the order its kind declares its lists (the order they are written
    in), CSV before XLSX."""
    return Prefetch("list_files", queryset=ReportListFile.objects.order_by("id"), to_attr="lists")
