"""Reads across the Alliance's vehicles, for the home page: the Alliance at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Max, Q, QuerySet, Sum

from board.models import BoardMember, Meeting
from centres.models import Centre
from dtlab.models import Playbook
from partnerships import selectors as partnerships
from partnerships.selectors import AMOUNT


@dataclass(frozen=True)
class HomeFigures:
    centres_operating: int
    countries: int
    board_members: int
    playbooks: int
    #: The year of the agreements' figures: this year, or the latest year with a signed agreement.
    agreements_year: int | None
    agreements: int
    mobilized_usd: Decimal
    pledges: int


def home_figures(*, today: date) -> HomeFigures:
    """Key figures computed from the data, in six queries.

    Countries count those with a centre shown to the public (any stage but removed); Board
    members those whose term has not ended; playbooks the published ones; USD mobilized is what
    partners and ITU contributed through the agreements signed in ``agreements_year``.
    """
    shown = ~Q(status=Centre.Status.REMOVED)
    centres = Centre.objects.aggregate(
        operating=Count("pk", filter=Q(status=Centre.Status.OPERATING)),
        countries=Count("country", filter=shown, distinct=True),
    )
    board_members = BoardMember.objects.filter(Q(term_end__isnull=True) | Q(term_end__gte=today)).count()
    playbooks = Playbook.objects.filter(status=Playbook.Status.PUBLISHED).count()
    last_signed = partnerships.signed_agreements().filter(signed_on__year__lte=today.year).aggregate(
        last=Max("signed_on"))["last"]
    year = last_signed.year if last_signed else None
    agreements = {"count": 0, "usd": None}
    if year is not None:
        agreements = partnerships.agreements_of_year(year).aggregate(
            count=Count("pk"),
            usd=Sum(F("partner_contribution_usd") + F("itu_contribution_usd"), output_field=AMOUNT))
    return HomeFigures(
        centres_operating=centres["operating"],
        countries=centres["countries"],
        board_members=board_members,
        playbooks=playbooks,
        agreements_year=year,
        agreements=agreements["count"],
        mobilized_usd=agreements["usd"] or Decimal("0"),
        pledges=partnerships.published_pledges().count(),
    )


def next_board_meetings(*, today: date, limit: int = 3) -> QuerySet[Meeting]:
    """Board meetings not yet over, soonest first."""
    return Meeting.objects.filter(end_date__gte=today).order_by("start_date", "number")[:limit]
