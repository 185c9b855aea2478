"""Reads: the figures of partnerships and resource mobilization, and what the public may see.

Every figure is computed from the agreements of a calendar year (by signing date); drafts never
count. A number of queries that does not grow with the data: each figure is one aggregate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.functional import Promise
from django.utils.translation import get_language

from alliance.core import freshness
from alliance.core.roles import staff_may
from alliance.models import Priority

from .models import (
    SIGNED_STATUSES,
    ZERO,
    ActionArea,
    ActionAreaMembership,
    ActionAreaRole,
    AgreementRegion,
    BenefitGroup,
    Event,
    ImpactIndicator,
    ImpactStory,
    MembershipCategory,
    Partner,
    PartnerKind,
    PartnershipAgreement,
    Pledge,
    PledgeBenefit,
    PledgeKind,
    PledgeProgressReport,
    PledgeStatus,
    ProgressState,
)

TREND_YEARS = 5
TOP_PARTNERS = 10
AMOUNT = DecimalField(max_digits=16, decimal_places=2)
CENT = Decimal("0.01")

FINANCIAL = Q(partner_contribution_usd__gt=0) | Q(itu_contribution_usd__gt=0)


def _money(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(CENT)


def _total() -> Any:
    return F("partner_contribution_usd") + F("itu_contribution_usd")


def _percent(part: Decimal, whole: Decimal) -> int:
    if not whole:
        return 0
    return int((part * 100 / whole).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def signed_agreements() -> QuerySet[PartnershipAgreement]:
    return PartnershipAgreement.objects.filter(status__in=SIGNED_STATUSES)


def agreements_of_year(year: int) -> QuerySet[PartnershipAgreement]:
    return signed_agreements().filter(signed_on__year=year)


def agreement_years() -> list[int]:
    """The years that have signed agreements, newest first (for the year selector)."""
    bounds = signed_agreements().aggregate(first=Min("signed_on"), last=Max("signed_on"))
    if not bounds["first"]:
        return []
    return list(range(bounds["last"].year, bounds["first"].year - 1, -1))


def _summary(year: int) -> dict[str, Any]:
    financial_partner = Q(partner_contribution_usd__gt=0)
    row = agreements_of_year(year).aggregate(
        agreements=Count("id"),
        financial_agreements=Count("id", filter=FINANCIAL),
        partner_usd=Sum("partner_contribution_usd", output_field=AMOUNT),
        itu_usd=Sum("itu_contribution_usd", output_field=AMOUNT),
        partners=Count("partner", distinct=True),
        financial_partners=Count("partner", distinct=True, filter=financial_partner),
    )
    partner_usd, itu_usd = _money(row["partner_usd"]), _money(row["itu_usd"])
    total = partner_usd + itu_usd
    return {
        "agreements": row["agreements"],
        "financial_agreements": row["financial_agreements"],
        "contributions_usd": total,
        "partner_contributions_usd": partner_usd,
        "itu_contributions_usd": itu_usd,
        "partner_share_percent": _percent(partner_usd, total),
        "itu_share_percent": _percent(itu_usd, total),
        "partners": row["partners"],
        "financial_partners": row["financial_partners"],
        # What the financial partners signed: their own contributions, not ITU's.
        "financial_partners_usd": partner_usd,
    }


def _partners_by_kind_and_category(year: int) -> tuple[dict[str, int], dict[str, int]]:
    """Both breakdowns from one query: a partner has one type and one category, so the partners
    of each (type, category) pair add up to either breakdown. The partners are those of the year's
    agreements (a semi-join), counted once each: grouping the agreements and counting distinct
    partners sorted every agreement of the year (0.4-0.5 s at 278,451, against 0.17-0.20 s)."""
    by_kind = dict.fromkeys(PartnerKind.values, 0)
    by_category = dict.fromkeys(MembershipCategory.values, 0)
    rows = (Partner.objects.filter(pk__in=agreements_of_year(year).values("partner"))
            .values_list("kind", "membership_category").annotate(n=Count("pk")).order_by())
    for kind, category, n in rows:
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_category[category] = by_category.get(category, 0) + n
    return by_kind, by_category


def partners_by_kind(*, year: int) -> dict[str, int]:
    return _partners_by_kind_and_category(year)[0]


def partners_by_membership_category(*, year: int) -> dict[str, int]:
    return _partners_by_kind_and_category(year)[1]


def top_financial_partners(*, year: int, limit: int = TOP_PARTNERS) -> list[dict[str, Any]]:
    """Partners by what they signed in the year, largest first (ties by name for a stable order)."""
    rows = list(
        agreements_of_year(year).filter(partner_contribution_usd__gt=0)
        .values("partner").annotate(amount=Sum("partner_contribution_usd", output_field=AMOUNT))
        .order_by("-amount", "partner__name", "partner")[:limit]
    )
    partners = Partner.objects.in_bulk([row["partner"] for row in rows])
    return [
        {"partner": row["partner"], "name": partners[row["partner"]].name,
         "acronym": partners[row["partner"]].acronym, "amount_usd": _money(row["amount"])}
        for row in rows
    ]


def _breakdown_values() -> dict[str, Any]:
    return {
        "agreements": Count("id"),
        "financial_agreements": Count("id", filter=FINANCIAL),
        "contributions_usd": Coalesce(Sum(_total(), output_field=AMOUNT), Value(ZERO), output_field=AMOUNT),
    }


def by_region(*, year: int) -> list[dict[str, Any]]:
    rows = {
        row["region"]: row
        for row in agreements_of_year(year).values("region").annotate(**_breakdown_values())
        .order_by("region")
    }
    result = []
    for code, label in AgreementRegion.choices:
        row = rows.get(code, {})
        result.append({
            "region": code, "label": label,
            "agreements": row.get("agreements", 0),
            "financial_agreements": row.get("financial_agreements", 0),
            "contributions_usd": _money(row.get("contributions_usd")),
        })
    return result


def by_priority(*, year: int) -> list[dict[str, Any]]:
    """Agreements per ITU-D priority; an agreement serving two priorities counts in both.

    The links are grouped after restricting them to the year's agreements in ``WHERE`` (an
    aggregate ``FILTER`` would join every link of every year first)."""
    links = PartnershipAgreement.priorities.through.objects.filter(
        partnershipagreement__status__in=SIGNED_STATUSES, partnershipagreement__signed_on__year=year)
    financial = Q(partnershipagreement__partner_contribution_usd__gt=0) | Q(
        partnershipagreement__itu_contribution_usd__gt=0
    )
    total = F("partnershipagreement__partner_contribution_usd") + F(
        "partnershipagreement__itu_contribution_usd"
    )
    rows = {
        row["priority"]: row
        for row in links.values("priority")
        .annotate(
            n_agreements=Count("partnershipagreement"),
            n_financial=Count("partnershipagreement", filter=financial),
            amount=Sum(total, filter=financial, output_field=AMOUNT),
        )
        .order_by()
    }
    return [
        {"priority": p.code, "label": p.name, "agreements": rows.get(p.pk, {}).get("n_agreements", 0),
         "financial_agreements": rows.get(p.pk, {}).get("n_financial", 0),
         "contributions_usd": _money(rows.get(p.pk, {}).get("amount"))}
        for p in Priority.objects.order_by("order", "code")
    ]


def trend(*, year: int, years: int = TREND_YEARS) -> list[dict[str, Any]]:
    """The year asked and the four before it, oldest first."""
    first = year - years + 1
    rows = {
        row["year"]: row
        for row in signed_agreements().filter(signed_on__year__gte=first, signed_on__year__lte=year)
        .annotate(year=ExtractYear("signed_on")).values("year").annotate(**_breakdown_values())
        .order_by("year")
    }
    return [
        {"year": y, "agreements": rows.get(y, {}).get("agreements", 0),
         "financial_agreements": rows.get(y, {}).get("financial_agreements", 0),
         "contributions_usd": _money(rows.get(y, {}).get("contributions_usd"))}
        for y in range(first, year + 1)
    ]


def partnership_stats(*, year: int) -> dict[str, Any]:
    """Every figure of the "Partnerships and resource mobilization" report for one year.

    Cached under the content version of partnerships (bumped by any write to an agreement, a
    partner, a priority link...) and the language (the labels and partner names are translated).
    """
    return freshness.cached("partnerships", f"stats:{year}:{get_language()}",
                            lambda: _resolved(_partnership_stats(year)))


def _resolved(value: Any) -> Any:
    """``value`` with its lazy translations made plain strings (the entry is per language anyway):
    unpickling a lazy string rebuilds its proxy class, which cost the stats endpoint 1 ms a request."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _resolved(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_resolved(item) for item in value)
    return value


def _partnership_stats(year: int) -> dict[str, Any]:
    by_kind, by_category = _partners_by_kind_and_category(year)
    return {
        "year": year,
        **_summary(year),
        "partners_by_kind": by_kind,
        "partners_by_membership_category": by_category,
        "top_financial_partners": top_financial_partners(year=year),
        "by_region": by_region(year=year),
        "by_priority": by_priority(year=year),
        "trend": trend(year=year),
    }


# --- Lists --------------------------------------------------------------------------------------


def partner_list() -> QuerySet[Partner]:
    return Partner.objects.order_by("name", "pk")


def agreement_list(*, user=None) -> QuerySet[PartnershipAgreement]:
    """Agreements with what a list needs; drafts only for BDT staff."""
    qs = PartnershipAgreement.objects.select_related("partner").prefetch_related("priorities").order_by(
        "-signed_on", "reference")
    if user is not None and staff_may(user, "partnerships.view_partnershipagreement"):
        return qs
    # Signed agreements always have a date (a constraint); saying so lets PostgreSQL start the
    # ordered index scan after the drafts, whose NULL dates sort first.
    return qs.filter(status__in=SIGNED_STATUSES, signed_on__isnull=False)


def published_impact_stories() -> QuerySet[ImpactStory]:
    return (ImpactStory.objects.filter(is_published=True)
            .select_related("partner", "agreement__partner").order_by("-published_on", "-pk"))


# --- Partner2Connect ----------------------------------------------------------------------------


def with_progress_state(pledges: QuerySet[Pledge], *, as_of: date | None = None) -> QuerySet[Pledge]:
    """The pledges with ``progress_state``: the status of their latest progress report (made by
    ``as_of``, if given), or "not reported"."""
    reports = PledgeProgressReport.objects.filter(pledge=OuterRef("pk"))
    if as_of is not None:
        reports = reports.filter(reported_on__lte=as_of)
    latest = reports.order_by("-reported_on", "-pk").values("status")[:1]
    return pledges.annotate(progress_state=Coalesce(Subquery(latest), Value(ProgressState.NOT_REPORTED),
                                                    output_field=CharField()))


def published_pledges() -> QuerySet[Pledge]:
    """The only pledges the public and anonymous API users ever see, with their progress state."""
    return with_progress_state(
        Pledge.objects.filter(status=PledgeStatus.PUBLISHED)
        .select_related("pledger", "announced_at").prefetch_related("action_areas")
        .order_by("-submitted_at", "-pk"))


def pledges_of(user) -> QuerySet[Pledge]:
    """A signed-in pledger's own pledges, with their progress state and past progress reports."""
    reports = PledgeProgressReport.objects.order_by("-reported_on", "-pk")
    return with_progress_state(
        Pledge.objects.filter(pledger__user=user).select_related("pledger")
        .prefetch_related(Prefetch("progress_reports", queryset=reports)).order_by("-submitted_at", "-pk"))


def pledge_progress_history(pledge: Pledge) -> QuerySet[PledgeProgressReport]:
    """A pledge's progress reports, newest first, with their impact indicators."""
    return pledge.progress_reports.prefetch_related(
        Prefetch("indicators", queryset=ImpactIndicator.objects.order_by("measured_on", "pk"))
    ).order_by("-reported_on", "-pk")


def pledges_published_by(day: date) -> QuerySet[Pledge]:
    """The pledges published by the end of ``day``: a report for a past period leaves out those
    published since (a pledge's publication is its decision; older records have only a submission)."""
    return published_pledges().filter(
        Q(decided_at__date__lte=day) | Q(decided_at__isnull=True, submitted_at__date__lte=day))


def pledge_benefit_counts(pledges: QuerySet[Pledge]) -> dict[str, int]:
    """How many of the pledges benefit LDCs, LLDCs and SIDS (a pledge may benefit several)."""
    return Pledge.objects.filter(pk__in=pledges.order_by().values("pk")).aggregate(
        ldc=Count("pk", filter=Q(benefits_ldc=True)), lldc=Count("pk", filter=Q(benefits_lldc=True)),
        sids=Count("pk", filter=Q(benefits_sids=True)),
        any=Count("pk", filter=Q(benefits_ldc=True) | Q(benefits_lldc=True) | Q(benefits_sids=True)))


def pledge_benefit_totals(pledges: QuerySet[Pledge]) -> list[dict[str, Any]]:
    """Per group (LDCs, LLDCs, SIDS): the pledges that benefit it, the USD that goes to it and the
    people reached, as the pledges state them.

    The USD of a group is the amount a financial pledge states for it, or else its share of the
    pledge's value (a share of a pledge without a value adds no USD); summed, then rounded to
    the cent. A pledge that ticks a group without figures counts among its pledges only.
    """
    ids = pledges.order_by().values("pk")
    counts = pledge_benefit_counts(pledges)
    rows = {
        row["group"]: row for row in PledgeBenefit.objects.filter(pledge__in=ids).values("group").annotate(
            amounts=Sum("amount_usd", output_field=AMOUNT),
            shares=Sum(F("pledge__value_usd") * F("share_percent") / Value(Decimal(100)), output_field=AMOUNT,
                       filter=Q(amount_usd__isnull=True)),
            people=Sum("people_reached"),
        ).order_by()
    }
    result = []
    for group, label in BenefitGroup.choices:
        row = rows.get(group, {})
        usd = Decimal(str(row.get("amounts") or 0)) + Decimal(str(row.get("shares") or 0))
        result.append({"group": group, "label": label, "pledges": counts[group], "usd": _money(usd),
                       "people": row.get("people") or 0})
    return result


def pledges_by_progress(pledges: QuerySet[Pledge]) -> list[dict[str, Any]]:
    """The pledges in each progress state (the latest report's status, or not reported)."""
    rows = {
        row["progress_state"]: row for row in
        with_progress_state(Pledge.objects.filter(pk__in=pledges.order_by().values("pk")))
        .values("progress_state").annotate(n=Count("pk"), value=Sum("value_usd", output_field=AMOUNT))
        .order_by()
    }
    return [{"state": code, "label": label, "pledges": rows.get(code, {}).get("n", 0),
             "value_usd": _money(rows.get(code, {}).get("value"))} for code, label in ProgressState.choices]


def pledge_target_countries() -> list[str]:
    """The codes of the countries that published pledges target (stored comma-separated)."""
    codes: set[str] = set()
    for value in Pledge.objects.filter(status=PledgeStatus.PUBLISHED).values_list(
            "target_countries", flat=True).distinct().order_by():
        parts = value.split(",") if isinstance(value, str) else value
        codes.update(str(code) for code in parts if code)
    return sorted(codes)


def pledge_totals(pledges: QuerySet[Pledge]) -> dict[str, Any]:
    row = pledges.order_by().aggregate(
        pledges=Count("id", distinct=True),
        pledgers=Count("pledger", distinct=True),
        financial=Count("id", distinct=True, filter=Q(kind=PledgeKind.FINANCIAL)),
    )
    # Summed on the plain pledges so that a filter through action areas never counts one twice.
    value = Pledge.objects.filter(pk__in=pledges.order_by().values("pk")).aggregate(
        value=Sum("value_usd", output_field=AMOUNT))["value"]
    return {**row, "value_usd": _money(value)}


def pledges_by_kind(pledges: QuerySet[Pledge]) -> list[dict[str, Any]]:
    counts = {
        row["kind"]: row for row in Pledge.objects.filter(pk__in=pledges.order_by().values("pk"))
        .values("kind").annotate(n=Count("id"), value=Sum("value_usd", output_field=AMOUNT)).order_by("kind")
    }
    return [{"kind": code, "label": label, "pledges": counts.get(code, {}).get("n", 0),
             "value_usd": _money(counts.get(code, {}).get("value"))} for code, label in PledgeKind.choices]


def pledges_by_action_area(pledges: QuerySet[Pledge]) -> list[dict[str, Any]]:
    ids = pledges.order_by().values("pk")
    areas = ActionArea.objects.annotate(
        n=Count("pledges", filter=Q(pledges__in=ids), distinct=True),
        value=Sum("pledges__value_usd", filter=Q(pledges__in=ids), output_field=AMOUNT),
    ).order_by("order")
    return [{"code": a.code, "label": a.name, "pledges": a.n, "value_usd": _money(a.value)} for a in areas]


def action_areas_with_members() -> QuerySet[ActionArea]:
    """The action areas with the ITU-D priorities they serve and their leads and members; each
    membership says whether the organization holds a published pledge in that area
    (``has_published_pledge``: a lead's commitment, seed 003)."""
    published_here = Pledge.objects.filter(pledger=OuterRef("pledger"), action_areas=OuterRef("action_area"),
                                           status=PledgeStatus.PUBLISHED)
    memberships = (ActionAreaMembership.objects.select_related("pledger")
                   .annotate(has_published_pledge=Exists(published_here))
                   .order_by("role", "lead_seat", "pledger__organisation"))
    return (ActionArea.objects.prefetch_related(
        Prefetch("memberships", queryset=memberships),
        Prefetch("priorities", queryset=Priority.objects.order_by("order", "code")))
        .order_by("order"))


def action_area_by_code(code: str) -> ActionArea | None:
    return ActionArea.objects.filter(code=code).first() if code else None


def published_events() -> QuerySet[Event]:
    return Event.objects.filter(is_published=True).order_by("-starts_on", "pk")


def event_programme(event: Event) -> QuerySet:
    return event.sessions.order_by("day", "order", "pk")


def event_pledges(event: Event) -> QuerySet[Pledge]:
    """The published pledges announced at the event."""
    return published_pledges().filter(announced_at=event)


def lead_count(*, action_area: ActionArea) -> int:
    return action_area.memberships.filter(role=ActionAreaRole.LEAD).count()


class Light:
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


#: A published pledge whose next report is due within this many days is amber (red once overdue).
AMBER_WITHIN_DAYS = 30


@dataclass(frozen=True)
class PledgeFollowUp:
    pledge: Pledge
    light: str
    days_overdue: int


def pledge_light(pledge: Pledge, *, today: date, warn_days: int = AMBER_WITHIN_DAYS) -> str:
    """Green: report not due soon; amber: due within a month; red: overdue."""
    if pledge.next_report_due is None or pledge.next_report_due > today + timedelta(days=warn_days):
        return Light.GREEN
    if pledge.next_report_due >= today:
        return Light.AMBER
    return Light.RED


def pledge_follow_up(*, today: date, limit: int | None = None) -> list[PledgeFollowUp]:
    """Published pledges with their traffic light, most overdue first (the first ``limit``)."""
    pledges = (Pledge.objects.filter(status=PledgeStatus.PUBLISHED).select_related("pledger")
               .order_by(F("next_report_due").asc(nulls_last=True), "pk"))
    return [
        PledgeFollowUp(pledge=p, light=pledge_light(p, today=today),
                       days_overdue=max(0, (today - p.next_report_due).days) if p.next_report_due else 0)
        for p in (pledges[:limit] if limit is not None else pledges)
    ]


def pledge_lights_count(*, today: date, warn_days: int = AMBER_WITHIN_DAYS) -> dict[str, int]:
    """How many published pledges are red, amber and green (``pledge_light``'s rule), in one query."""
    amber_from, green_after = today, today + timedelta(days=warn_days)
    counts = Pledge.objects.filter(status=PledgeStatus.PUBLISHED).aggregate(
        red=Count("pk", filter=Q(next_report_due__lt=amber_from)),
        amber=Count("pk", filter=Q(next_report_due__gte=amber_from, next_report_due__lte=green_after)),
        green=Count("pk", filter=Q(next_report_due__isnull=True) | Q(next_report_due__gt=green_after)),
    )
    return {Light.RED: counts["red"], Light.AMBER: counts["amber"], Light.GREEN: counts["green"]}


def pledges_due_for_reminder(*, today: date) -> QuerySet[Pledge]:
    """Published pledges whose report is due and whose pledger has not been reminded since."""
    return (Pledge.objects.filter(status=PledgeStatus.PUBLISHED, next_report_due__lte=today)
            .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=F("next_report_due")))
            .select_related("pledger__user").order_by("pk"))


def pledge_progress_summary(*, today: date, as_of: date | None = None) -> dict[str, Any]:
    """Published pledges by progress state (their latest progress report's status, or not
    reported). A report gives the amount delivered so far, so the total takes the latest report
    of each pledge. ``as_of`` counts only the pledges published and the reports made by that day
    (a report's period)."""
    reports = PledgeProgressReport.objects.filter(pledge__status=PledgeStatus.PUBLISHED)
    if as_of is not None:
        reports = reports.filter(pledge__in=pledges_published_by(as_of).values("pk"), reported_on__lte=as_of)
    latest = (reports.order_by("pledge_id", "-reported_on", "-pk")
              .values("pledge_id", "status", "amount_delivered_usd"))
    latest_of: dict[int, dict[str, Any]] = {}
    for row in latest:
        latest_of.setdefault(row["pledge_id"], row)
    published = list((pledges_published_by(as_of) if as_of is not None
                      else Pledge.objects.filter(status=PledgeStatus.PUBLISHED))
                     .values_list("pk", "next_report_due").order_by("pk"))
    counts = dict.fromkeys(ProgressState.values, 0)
    for pk, _due in published:
        counts[latest_of[pk]["status"] if pk in latest_of else ProgressState.NOT_REPORTED] += 1
    delivered = sum((row["amount_delivered_usd"] for row in latest_of.values()), ZERO)
    return {
        "published": len(published),
        "by_state": [{"code": code, "label": label, "pledges": counts[code]}
                     for code, label in ProgressState.choices],
        "overdue": sum(1 for _pk, due in published if due is not None and due < today),
        "delivered_usd": _money(delivered),
    }
