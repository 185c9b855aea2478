"""Sections of the TDAG reports "Partnerships and resource mobilization in ITU-D" (seed 002) and
"Partner2Connect Digital Coalition" (seed 003).

The figures are those of the calendar year in which the report's period ends (a report for
2024 has the period 1 January-31 December 2024); the trend covers that year and the four before.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, per_report, section

from . import figures, selectors

P = ReportKind.PARTNERSHIPS
T = "partnerships/report/"


def _year(period: Period) -> int:
    return period.end.year


@per_report
def _year_stats(year: int) -> dict[str, Any]:
    """Five sections show the same year's figures: compute them once per report."""
    return selectors.partnership_stats(year=year)


def _figures(period: Period, prefix: str) -> dict[str, Any]:
    stats = _year_stats(_year(period))
    return {"stats": stats, "year": stats["year"], **figures.labelled(stats),
            **figures.charts(stats, prefix=prefix)}


@section(kind=P, key="summary", order=10, title=_("Summary"), template=T + "summary.html")
def summary(period: Period) -> dict:
    return {"year": _year(period)}


@section(kind=P, key="action_required", order=12, title=_("Action required"),
         template=T + "action_required.html")
def action_required(period: Period) -> dict:
    return {}


@section(kind=P, key="references", order=14, title=_("References"), template=T + "references.html")
def references(period: Period) -> dict:
    return {}


@section(kind=P, key="background", order=20, title=_("Background"), template=T + "background.html")
def background(period: Period) -> dict:
    return {}


@section(kind=P, key="strategic_goal", order=25,
         title=_("ITU-D strategic goal: partnerships and resource mobilization"),
         template=T + "strategic_goal.html")
def strategic_goal(period: Period) -> dict:
    return {}


@section(kind=P, key="results", order=30, title=_("Partnerships and resource mobilization results"),
         template=T + "results.html")
def results(period: Period) -> dict:
    return _figures(period, "report-results")


@section(kind=P, key="top_partners", order=40, title=_("Top 10 financial partners"),
         template=T + "top_partners.html")
def top_partners(period: Period) -> dict:
    return _figures(period, "report-top")


@section(kind=P, key="by_region", order=50, title=_("Agreements and contributions by region"),
         template=T + "by_region.html")
def by_region(period: Period) -> dict:
    return _figures(period, "report-region")


@section(kind=P, key="by_priority", order=55, title=_("Agreements and contributions by ITU-D priority"),
         template=T + "by_priority.html")
def by_priority(period: Period) -> dict:
    return _figures(period, "report-priority")


@section(kind=P, key="trend", order=60, title=_("Agreements and contributions over five years"),
         template=T + "trend.html")
def trend(period: Period) -> dict:
    return _figures(period, "report-trend")


@section(kind=P, key="impact", order=70, title=_("Key actions and results"), template=T + "impact.html")
def impact(period: Period) -> dict:
    stories = list(selectors.published_impact_stories().filter(
        published_on__gte=period.start, published_on__lte=period.end))
    return {"stories": stories}


@section(kind=P, key="next_steps", order=90, title=_("Next steps"), template=T + "next_steps.html")
def next_steps(period: Period) -> dict:
    return {}


# --- Partner2Connect ----------------------------------------------------------------------------


@section(kind=ReportKind.P2C, key="summary", order=10, title=_("Summary"), template=T + "p2c_summary.html")
def p2c_summary(period: Period) -> dict:
    pledges = selectors.published_pledges()
    return {"totals": selectors.pledge_totals(pledges)}


@section(kind=ReportKind.P2C, key="action_required", order=12, title=_("Action required"),
         template=T + "action_required.html")
def p2c_action_required(period: Period) -> dict:
    return {}


@section(kind=ReportKind.P2C, key="pledges", order=30, title=_("Pledges"), template=T + "p2c_pledges.html")
def p2c_pledges(period: Period) -> dict:
    from alliance.charts import bar_chart

    pledges = selectors.published_pledges()
    kinds = selectors.pledges_by_kind(pledges)
    areas = selectors.pledges_by_action_area(pledges)
    return {
        "totals": selectors.pledge_totals(pledges), "kinds": kinds, "areas": areas,
        "kind_chart": bar_chart(chart_id="report-p2c-kinds", title=str(_("Pledges by type")),
                                items=[(str(row["label"]), row["pledges"]) for row in kinds],
                                format_value=figures.count),
        "area_chart": bar_chart(chart_id="report-p2c-areas", title=str(_("Pledges by action area")),
                                items=[(str(row["label"]), row["pledges"]) for row in areas],
                                format_value=figures.count, label_width=300),
    }


@section(kind=ReportKind.P2C, key="progress", order=40, title=_("Progress on pledges"),
         template=T + "p2c_progress.html")
def p2c_progress(period: Period) -> dict:
    return {"progress": selectors.pledge_progress_summary(today=period.end)}


@section(kind=ReportKind.P2C, key="governance", order=50, title=_("Action areas: leads and members"),
         template=T + "p2c_governance.html")
def p2c_governance(period: Period) -> dict:
    areas = [
        {"name": area.name,
         "leads": [m.pledger.organisation for m in area.memberships.all() if m.role == "lead"],
         "members": [m.pledger.organisation for m in area.memberships.all() if m.role == "member"]}
        for area in selectors.action_areas_with_members()
    ]
    return {"areas": areas}
