"""Presentation of the figures shared by the web pages and the report: labels, formats and charts.

Formats follow the active language (``django.utils.formats``), so the same code serves an
English page and a Russian PDF.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from alliance.core.charts import bar_chart, pie_chart

from .models import MembershipCategory, PartnerKind

MILLION = Decimal(1_000_000)


def usd_millions(value: Decimal | str | None, places: int = 2) -> str:
    return floatformat(Decimal(value or 0) / MILLION, places)


def usd_millions_label(value: Decimal | str | None) -> str:
    return _("USD %(amount)s million") % {"amount": usd_millions(value)}


def count(value: Any) -> str:
    return number_format(value, force_grouping=True)


def labelled(stats: dict[str, Any]) -> dict[str, Any]:
    """The breakdowns with their labels, in the order of the choices, for tables."""
    kinds = [{"code": code, "label": label, "partners": stats["partners_by_kind"].get(code, 0)}
             for code, label in PartnerKind.choices]
    by_category = stats["partners_by_membership_category"]
    categories = [{"code": code, "label": label, "partners": by_category.get(code, 0)}
                  for code, label in MembershipCategory.choices]
    return {"kinds": kinds, "categories": categories}


def charts(stats: dict[str, Any], *, prefix: str = "pship") -> dict[str, SafeString]:
    """Every chart of the figures for one year, as inline SVG."""
    rows = labelled(stats)
    year = stats["year"]
    return {
        "share_chart": pie_chart(
            chart_id=f"{prefix}-share", title=_("Financial contributions %(year)s: partners and ITU") % {
                "year": year},
            items=[(_("Partners"), stats["partner_contributions_usd"]),
                   (_("ITU"), stats["itu_contributions_usd"])],
            format_value=usd_millions_label),
        "kind_chart": pie_chart(
            chart_id=f"{prefix}-kinds", title=_("Partners by type, %(year)s") % {"year": year},
            items=[(str(row["label"]), row["partners"]) for row in rows["kinds"]], format_value=count),
        "category_chart": bar_chart(
            chart_id=f"{prefix}-categories",
            title=_("Partners by ITU membership category, %(year)s") % {"year": year},
            items=[(str(row["label"]), row["partners"]) for row in rows["categories"]], format_value=count,
            label_width=300),
        "top_chart": bar_chart(
            chart_id=f"{prefix}-top", title=_("Top 10 financial partners, %(year)s") % {"year": year},
            items=[(row["acronym"] or row["name"][:40], row["amount_usd"])
                   for row in stats["top_financial_partners"]],
            format_value=usd_millions_label),
        "region_chart": bar_chart(
            chart_id=f"{prefix}-regions",
            title=_("Financial contributions by region, %(year)s") % {"year": year},
            items=[(str(row["label"]), row["contributions_usd"]) for row in stats["by_region"]],
            format_value=usd_millions_label),
        "priority_chart": bar_chart(
            chart_id=f"{prefix}-priorities",
            title=_("Financial contributions by ITU-D priority, %(year)s") % {"year": year},
            items=[(str(row["label"]), row["contributions_usd"]) for row in stats["by_priority"]],
            format_value=usd_millions_label, label_width=300),
        "trend_chart": bar_chart(
            chart_id=f"{prefix}-trend",
            title=_("Financial contributions signed, %(first)s–%(last)s") % {
                "first": stats["trend"][0]["year"], "last": year},
            items=[(str(row["year"]), row["contributions_usd"]) for row in stats["trend"]],
            format_value=usd_millions_label, label_width=80),
    }
