"""The compilation of published pledges (seed 003: pledges are compiled for the Roundtable): the
explorer's selection as CSV and XLSX, and as a PDF laid out by a worker with the reports' PDF
writer (``alliance.reports.pdf``)."""

from __future__ import annotations

import hashlib
from typing import Any

import tablib
from django.db.models import Max, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from alliance.core.exports import SafeCSV, SafeXLSX
from alliance.core.links import absolute_url

from . import selectors
from .forms import PledgeFilter
from .models import BenefitGroup, Pledge, PledgeProgressReport, PledgeStatus


def selection(query: QueryDict) -> tuple[QuerySet[Pledge], str]:
    """The published pledges the explorer's filters select, and the filters as a canonical query
    string (unknown parameters and the page left out); an invalid filter selects nothing."""
    allowed = set(PledgeFilter.base_filters)
    kept = QueryDict(mutable=True)
    for name in sorted(allowed):
        value = query.get(name, "")
        if value:
            kept[name] = value
    filterset = PledgeFilter(kept, queryset=selectors.published_pledges().prefetch_related("benefits"))
    pledges = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return pledges, kept.urlencode()


def data_stamp() -> str:
    """Changes whenever what a compilation shows may have changed (pledges, their progress)."""
    pledges = Pledge.objects.filter(status=PledgeStatus.PUBLISHED).aggregate(
        last=Max("pk"), decided=Max("decided_at"))
    reports = PledgeProgressReport.objects.aggregate(last=Max("pk"))
    from .models import PledgeBenefit

    benefits = PledgeBenefit.objects.aggregate(last=Max("pk"))
    return f"{pledges['last']}|{pledges['decided']}|{reports['last']}|{benefits['last']}"


def compilation_key(*, query: str, language: str) -> str:
    return hashlib.sha256(f"{query}|{language}|{data_stamp()}".encode()).hexdigest()


def _figure(value: Any) -> Any:
    return "" if value is None else value


def dataset(pledges: QuerySet[Pledge]) -> tablib.Dataset:
    """One row per pledge, labels in the active language, figures as numbers."""
    groups = BenefitGroup.choices
    headers = [_("Pledge"), _("Pledger"), _("Type of organization"), _("Country"), _("Type of pledge"),
               _("Action areas"), _("Value (USD)"), _("Target year"), _("Target countries"), _("Progress"),
               _("Announced at")]
    for _code, label in groups:
        headers += [_("%(group)s: share of the pledge (%%)") % {"group": label},
                    _("%(group)s: amount (USD)") % {"group": label},
                    _("%(group)s: people reached") % {"group": label}]
    headers.append(_("Link"))
    data = tablib.Dataset(headers=headers, title=_("Pledges")[:31])
    for pledge in pledges:
        benefits = {row.group: row for row in pledge.benefits.all()}
        row: list[Any] = [
            pledge.title, pledge.pledger.organisation, pledge.pledger.get_kind_display(),
            pledge.pledger.country.name if pledge.pledger.country else "", pledge.get_kind_display(),
            "; ".join(area.name for area in pledge.action_areas.all()),
            _figure(pledge.value_usd), pledge.target_year,
            ", ".join(country.name for country in pledge.target_countries),
            str(_progress_label(pledge.progress_state)),
            pledge.announced_at.name if pledge.announced_at and pledge.announced_at.is_published else "",
        ]
        for code, _label in groups:
            benefit = benefits.get(code)
            row += [_figure(benefit and benefit.share_percent), _figure(benefit and benefit.amount_usd),
                    _figure(benefit and benefit.people_reached)]
        row.append(absolute_url(pledge_path(pledge)))
        data.append(row)
    return data


def _progress_label(state: str) -> str:
    from .models import ProgressState

    return ProgressState(state).label


def pledge_path(pledge: Pledge) -> str:
    from django.urls import reverse

    return reverse("partnerships:pledge", args=[pledge.pk])


def as_csv(pledges: QuerySet[Pledge]) -> str:
    return SafeCSV().export_data(dataset(pledges))


def as_xlsx(pledges: QuerySet[Pledge]) -> bytes:
    return SafeXLSX().export_data(dataset(pledges))


def totals(pledges: QuerySet[Pledge]) -> dict[str, Any]:
    return {**selectors.pledge_totals(pledges), "groups": selectors.pledge_benefit_totals(pledges),
            "progress": selectors.pledges_by_progress(pledges)}
