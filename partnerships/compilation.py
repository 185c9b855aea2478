"""The compilation of published pledges (seed 003: pledges are compiled for the Roundtable): the
explorer's selection as CSV and XLSX, and as a PDF laid out by a worker with the reports' PDF
writer (``alliance.reports.pdf``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db.models import Max, QuerySet
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from alliance.core.exports import Table
from alliance.core.links import absolute_url

from . import selectors
from .filters import PledgeFilter
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


def pdf_count(pledges: QuerySet[Pledge]) -> int | None:
    """How many pledges the selection holds, or None when they are more than a PDF compilation
    lays out (``settings.P2C_COMPILATION_MAX_PLEDGES``): one query, which counts no further."""
    limit = settings.P2C_COMPILATION_MAX_PLEDGES
    count = Pledge.objects.filter(pk__in=pledges.order_by().values("pk")[:limit + 1]).count()
    return None if count > limit else count


def too_long_for_pdf_message() -> str:
    return _("This selection has more than %(limit)s pledges, too many for one PDF: narrow it with the "
             "filters, or download it as a spreadsheet.") % {
        "limit": number_format(settings.P2C_COMPILATION_MAX_PLEDGES, force_grouping=True)}


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


def headers() -> list[str]:
    """The compilation's columns, in the active language."""
    names = [_("Pledge"), _("Pledger"), _("Type of organization"), _("Country"), _("Type of pledge"),
             _("Action areas"), _("Value (USD)"), _("Target year"), _("Target countries"), _("Progress"),
             _("Announced at")]
    for _code, label in BenefitGroup.choices:
        names += [_("%(group)s: share of the pledge (%%)") % {"group": label},
                  _("%(group)s: amount (USD)") % {"group": label},
                  _("%(group)s: people reached") % {"group": label}]
    names.append(_("Link"))
    return names


def rows(pledges: Iterable[Pledge]) -> Iterator[list[Any]]:
    """One row per pledge, labels in the active language, figures as numbers. Each label and
    country name is translated once per download, not once per cell (a download may hold tens of
    thousands of pledges)."""
    groups = BenefitGroup.values
    labels: dict[tuple[str, str], str] = {}

    def label(kind: str, value: str, make) -> str:
        if (kind, value) not in labels:
            labels[kind, value] = str(make())
        return labels[kind, value]

    for pledge in pledges:
        benefits = {row.group: row for row in pledge.benefits.all()}
        pledger = pledge.pledger
        row: list[Any] = [
            pledge.title, pledger.organisation, label("pledger", pledger.kind, pledger.get_kind_display),
            (label("country", pledger.country.code, lambda p=pledger: p.country.name)
             if pledger.country else ""),
            label("kind", pledge.kind, pledge.get_kind_display),
            "; ".join(area.name for area in pledge.action_areas.all()),
            _figure(pledge.value_usd), pledge.target_year,
            ", ".join(label("country", country.code, lambda c=country: c.name)
                      for country in pledge.target_countries),
            label("progress", pledge.progress_state, lambda p=pledge: _progress_label(p.progress_state)),
            pledge.announced_at.name if pledge.announced_at and pledge.announced_at.is_published else "",
        ]
        for code in groups:
            benefit = benefits.get(code)
            row += [_figure(benefit and benefit.share_percent), _figure(benefit and benefit.amount_usd),
                    _figure(benefit and benefit.people_reached)]
        row.append(absolute_url(pledge_path(pledge)))
        yield row


def table(pledges: QuerySet[Pledge], *, chunk_size: int = 2000) -> Table:
    """The same rows, read from the database in chunks (each chunk's benefits, action areas and
    events prefetched): a compilation of any length in bounded memory."""
    return Table(title=_("Pledges")[:31], headers=headers(),
                 rows=rows(pledges.prefetch_related("benefits").iterator(chunk_size=chunk_size)))


def _progress_label(state: str) -> str:
    from .models import ProgressState

    return ProgressState(state).label


def pledge_path(pledge: Pledge) -> str:
    from django.urls import reverse

    return reverse("partnerships:pledge", args=[pledge.pk])


def totals(pledges: QuerySet[Pledge]) -> dict[str, Any]:
    return {**selectors.pledge_totals(pledges), "groups": selectors.pledge_benefit_totals(pledges),
            "progress": selectors.pledges_by_progress(pledges)}
