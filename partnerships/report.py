"""Sections of the TDAG reports "Partnerships and resource mobilization in ITU-D" (seed 002) and
"Partner2Connect Digital Coalition" (seed 003).

The figures are those of the calendar year in which the report's period ends (a report for
2024 has the period 1 January-31 December 2024); the trend covers that year and the four before.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, figures, narrative_sections, per_report, section

from . import figures as figures_module
from . import selectors

P = ReportKind.PARTNERSHIPS
T = "partnerships/report/"


def _millions(value) -> Decimal:
    """USD as millions with two decimals, the way the seeds quote amounts (33.80)."""
    return (Decimal(value or 0) / Decimal(1_000_000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _year(period: Period) -> int:
    return period.end.year


@per_report
def _year_stats(year: int) -> dict[str, Any]:
    """Five sections show the same year's figures: compute them once per report."""
    return selectors.partnership_stats(year=year)


def _figures(period: Period, prefix: str) -> dict[str, Any]:
    stats = _year_stats(_year(period))
    return {"stats": stats, "year": stats["year"], **figures_module.labelled(stats),
            **figures_module.charts(stats, prefix=prefix)}


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


narrative_sections(kind=P, sections=[
    ("summary", _("Summary")),
    ("background", _("Background")),
    ("results", _("Partnerships and resource mobilization results")),
    ("impact", _("Key actions and results")),
    ("next_steps", _("Next steps")),
])


@figures(kind=P)
def partnership_figures(period: Period) -> dict:
    stats = _year_stats(_year(period))
    return {
        "year": stats["year"],
        "agreements": stats["agreements"],
        "financial_agreements": stats["financial_agreements"],
        "contributions_usd_million": _millions(stats["contributions_usd"]),
        "partners": stats["partners"],
        "financial_partners": stats["financial_partners"],
        "partner_share_percent": stats["partner_share_percent"],
        "itu_share_percent": stats["itu_share_percent"],
    }


# --- Partner2Connect ----------------------------------------------------------------------------
# Seed 003's frame: summary, action required, references, background and overview, governance of
# the coalition, objectives of the Roundtable; then the pledges published by the period's end.

C = ReportKind.P2C


@per_report
def _p2c_pledges(end) -> list[int]:
    return list(selectors.pledges_published_by(end).values_list("pk", flat=True))


def _pledges(period: Period):
    from .models import Pledge

    return Pledge.objects.filter(pk__in=_p2c_pledges(period.end))


@section(kind=C, key="summary", order=10, title=_("Summary"), template=T + "p2c_summary.html")
def p2c_summary(period: Period) -> dict:
    return {"totals": selectors.pledge_totals(_pledges(period))}


@section(kind=C, key="action_required", order=12, title=_("Action required"),
         template=T + "action_required.html")
def p2c_action_required(period: Period) -> dict:
    return {}


@section(kind=C, key="references", order=14, title=_("References"), template=T + "p2c_references.html")
def p2c_references(period: Period) -> dict:
    return {}


@section(kind=C, key="background", order=20, title=_("Background and overview"),
         template="reports/report/narrative.html")
def p2c_background(period: Period) -> dict:
    return {}


@section(kind=C, key="governance", order=25, title=_("Governance of the P2C Coalition"),
         template=T + "p2c_governance.html")
def p2c_governance(period: Period) -> dict:
    areas = [
        {"name": area.name,
         "leads": [m.pledger.organisation for m in area.memberships.all() if m.role == "lead"],
         "members": [m.pledger.organisation for m in area.memberships.all() if m.role == "member"]}
        for area in selectors.action_areas_with_members()
    ]
    return {"areas": areas}


@section(kind=C, key="roundtable", order=28, title=_("Objectives of the P2C Roundtable"),
         template="reports/report/narrative.html")
def p2c_roundtable(period: Period) -> dict:
    return {}


def _compilation_links() -> list[tuple[str, str]]:
    """The public compilation of the published pledges, in the report's language (absolute links)."""
    from django.urls import reverse

    from alliance.reports.document import portal_base_url

    base = portal_base_url()
    return [(str(_("PDF")), base + reverse("partnerships:compilation-request")),
            (str(_("CSV")), base + reverse("partnerships:compilation-csv")),
            (str(_("Excel (XLSX)")), base + reverse("partnerships:compilation-xlsx"))]


@section(kind=C, key="pledges", order=30, title=_("Pledges"), template=T + "p2c_pledges.html")
def p2c_pledges(period: Period) -> dict:
    from alliance.core.charts import bar_chart

    pledges = _pledges(period)
    kinds = selectors.pledges_by_kind(pledges)
    areas = selectors.pledges_by_action_area(pledges)
    return {
        "totals": selectors.pledge_totals(pledges), "kinds": kinds, "areas": areas,
        "benefit_totals": selectors.pledge_benefit_totals(pledges),
        "compilation": _compilation_links(),
        "kind_chart": bar_chart(chart_id="report-p2c-kinds", title=str(_("Pledges by type")),
                                items=[(str(row["label"]), row["pledges"]) for row in kinds],
                                format_value=figures_module.count),
        "area_chart": bar_chart(chart_id="report-p2c-areas", title=str(_("Pledges by action area")),
                                items=[(str(row["label"]), row["pledges"]) for row in areas],
                                format_value=figures_module.count, label_width=300),
    }


@section(kind=C, key="progress", order=40, title=_("Progress on pledges"),
         template=T + "p2c_progress.html")
def p2c_progress(period: Period) -> dict:
    return {"progress": selectors.pledge_progress_summary(today=period.end, as_of=period.end)}


@section(kind=C, key="next_steps", order=90, title=_("Next steps"), template="reports/report/narrative.html")
def p2c_next_steps(period: Period) -> dict:
    return {}


narrative_sections(kind=C, sections=[
    ("summary", _("Summary")),
    ("background", _("Background and overview")),
    ("governance", _("Governance of the P2C Coalition")),
    ("roundtable", _("Objectives of the P2C Roundtable")),
    ("next_steps", _("Next steps")),
])


@figures(kind=C)
def p2c_figures(period: Period) -> dict:
    pledges = _pledges(period)
    totals = selectors.pledge_totals(pledges)
    groups = {row["group"]: row for row in selectors.pledge_benefit_totals(pledges)}
    progress = selectors.pledge_progress_summary(today=period.end, as_of=period.end)
    return {
        "pledges": totals["pledges"], "pledgers": totals["pledgers"],
        "financial_pledges": totals["financial"],
        "pledges_usd_million": _millions(totals["value_usd"]),
        **{f"pledges_benefiting_{group}": row["pledges"] for group, row in groups.items()},
        **{f"usd_million_to_{group}": _millions(row["usd"]) for group, row in groups.items()},
        **{f"people_reached_in_{group}": row["people"] for group, row in groups.items()},
        **{f"pledges_{row['code']}": row["pledges"] for row in progress["by_state"]},
    }
