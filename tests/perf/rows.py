"""Many rows quickly (bulk inserts, no signals), for the query budgets and the pagination tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count

from django.utils import timezone

from alliance.core import freshness
from alliance.models import Priority
from centres.models import Call, Centre
from partnerships.models import (
    ActionArea,
    AgreementStatus,
    Event,
    ImpactIndicator,
    ImpactStory,
    Partner,
    PartnershipAgreement,
    Pledge,
    PledgeBenefit,
    PledgeProgressReport,
    Pledger,
    PledgeStatus,
)
from tests.centres.conftest import bulk_centres

_batches = count(1)


def centres(size: int) -> list[Centre]:
    call = Call.objects.get_or_create(code="perf", defaults={"name": "Perf call",
                                                             "opened_on": date(2023, 1, 25)})[0]
    made = bulk_centres(call, size)
    freshness.bump("centres")
    return made


def agreements(size: int, *, drafts: int = 0) -> list[PartnershipAgreement]:
    """``size`` signed agreements over 2023-2024 (several per day, so the order needs its second
    key) with one or two priorities each, one partner per ten, and ``drafts`` drafts without a date."""
    batch = next(_batches)
    partners = Partner.objects.bulk_create(
        Partner(name=f"Perf partner {batch}-{n}", kind="government" if n % 2 else "private_sector",
                membership_category="member_state" if n % 3 else "none")
        for n in range(size // 10 + 1))
    rows = [
        PartnershipAgreement(reference=f"PERF-{batch}-{n:05d}", title=f"Agreement {n}",
                  partner=partners[n % len(partners)],
                  signed_on=date(2023, 1, 1) + timedelta(days=(n * 7) % 700),
                  status=AgreementStatus.ACTIVE, region="africa",
                  partner_contribution_usd=Decimal(n % 5 * 1000), itu_contribution_usd=Decimal("0"))
        for n in range(size)]
    rows += [PartnershipAgreement(reference=f"PERF-{batch}-D{n:04d}", title=f"Draft {n}", partner=partners[0],
                       signed_on=None, status=AgreementStatus.DRAFT, region="global") for n in range(drafts)]
    made = PartnershipAgreement.objects.bulk_create(rows)
    made = list(PartnershipAgreement.objects.filter(reference__startswith=f"PERF-{batch}-"))
    priorities = list(Priority.objects.order_by("pk")[:2])
    Through = PartnershipAgreement.priorities.through
    Through.objects.bulk_create(
        Through(partnershipagreement=a, priority=priorities[i % 2]) for i, a in enumerate(made)
    )
    freshness.bump("partnerships")
    return made


def pledges(size: int) -> list[Pledge]:
    batch = next(_batches)
    pledgers = Pledger.objects.bulk_create(
        Pledger(organisation=f"Perf pledger {batch}-{n}", kind="private_sector", contact_name="C",
                contact_email=f"p{batch}-{n}@example.org") for n in range(size // 5 + 1))
    start = timezone.make_aware(datetime(2024, 1, 1))
    Pledge.objects.bulk_create(
        Pledge(pledger=pledgers[n % len(pledgers)], title=f"Perf pledge {batch}-{n}", description="D",
               kind="programmatic", target_countries=["KE", "GH"][: 1 + n % 2], target_year=2026,
               status=PledgeStatus.PUBLISHED if n % 5 else PledgeStatus.SUBMITTED,
               submitted_at=start + timedelta(hours=n // 3))
        for n in range(size))
    made = list(Pledge.objects.filter(title__startswith=f"Perf pledge {batch}-"))
    areas = list(ActionArea.objects.order_by("order"))
    Through = Pledge.action_areas.through
    Through.objects.bulk_create(Through(pledge=p, actionarea=areas[i % len(areas)])
                                for i, p in enumerate(made))
    # How much they benefit LDCs and SIDS, and progress reports with an indicator on every other one.
    PledgeBenefit.objects.bulk_create(
        PledgeBenefit(pledge=p, group=("ldc", "sids")[i % 2], share_percent=Decimal(i % 100),
                      people_reached=i) for i, p in enumerate(made))
    PledgeProgressReport.objects.bulk_create(
        PledgeProgressReport(pledge=p, status=("on_track", "delayed", "completed")[i % 3], narrative="N",
                       reported_on=date(2025, 1, 1)) for i, p in enumerate(made) if i % 2)
    ImpactIndicator.objects.bulk_create(
        ImpactIndicator(progress_report=r, name="Schools", value=Decimal(10), unit="schools",
                        measured_on=date(2025, 1, 1))
        for r in PledgeProgressReport.objects.filter(pledge__in=made))
    freshness.bump("partnerships")
    return made


def events(size: int, pledges: list[Pledge]) -> list[Event]:
    """``size`` published events; the first has every other pledge announced at it."""
    batch = next(_batches)
    Event.objects.bulk_create(
        Event(slug=f"perf-event-{batch}-{n}", name=f"Perf event {n}", kind="webinar", is_published=True,
              starts_on=date(2022, 1, 1) + timedelta(days=n), ends_on=date(2022, 1, 1) + timedelta(days=n))
        for n in range(size))
    made = list(Event.objects.filter(slug__startswith=f"perf-event-{batch}-").order_by("starts_on"))
    Pledge.objects.filter(pk__in=[p.pk for p in pledges[::2]]).update(announced_at=made[0])
    freshness.bump("partnerships")
    return made


def stories(size: int, partner: Partner) -> list[ImpactStory]:
    ImpactStory.objects.bulk_create(
        ImpactStory(title=f"Perf story {n}", summary="S", partner=partner, is_published=True,
                    published_on=date(2024, 1, 1) + timedelta(days=n % 300)) for n in range(size))
    freshness.bump("partnerships")
    return list(ImpactStory.objects.filter(title__startswith="Perf story"))


def board(size: int) -> None:
    from board.models import BoardMember, Meeting, Recommendation

    BoardMember.objects.bulk_create(
        BoardMember(slug=f"perf-member-{n}", full_name=f"Member {n:04d}", order=n) for n in range(size))
    meetings = Meeting.objects.bulk_create(
        Meeting(number=n + 1, start_date=date(2020, 1, 1) + timedelta(days=n), end_date=date(2020, 1, 1)
                + timedelta(days=n), city="Geneva", country="CH") for n in range(max(1, size // 10)))
    Recommendation.objects.bulk_create(
        Recommendation(meeting=meetings[n % len(meetings)], number=n // len(meetings) + 1, text=f"Do {n}")
        for n in range(size))
    freshness.bump("board")


def playbooks(size: int) -> None:
    from alliance.models import StrategicObjective
    from dtlab.models import Playbook

    objective = StrategicObjective.objects.order_by("number").first()
    Playbook.objects.bulk_create(
        Playbook(slug=f"perf-playbook-{n}", title_en=f"Playbook {n}", strategic_objective=objective,
                 status=Playbook.Status.PUBLISHED, published_on=date(2024, 1, 1), order=n)
        for n in range(size))
    freshness.bump("dtlab")


def news(size: int) -> None:
    from alliance.news.models import NewsItem

    NewsItem.objects.bulk_create(
        NewsItem(slug=f"perf-news-{n}", title_en=f"Bulk news {n}", body_en="Bulk text.",
                 published_on=date(2024, 1, 1) + timedelta(days=n % 365), is_published=bool(n % 5))
        for n in range(size))
