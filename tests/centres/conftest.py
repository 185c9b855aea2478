from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from alliance.models import RegionalInitiative, StrategicObjective
from centres.models import (
    Application,
    Call,
    Centre,
    CentreHost,
    CentreProgressReport,
    Criterion,
)
from tests.factories import StagedCentreFactory

_numbers = itertools.count(1)


@pytest.fixture
def call(db) -> Call:
    return Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))


@pytest.fixture
def criteria(db) -> list[Criterion]:
    return [
        Criterion.objects.create(name="Alignment", weight=Decimal("60"), max_score=5, order=1),
        Criterion.objects.create(name="Support", weight=Decimal("40"), max_score=10, order=2),
    ]


def make_host(django_user_model, centre: Centre, username: str | None = None):
    user = django_user_model.objects.create_user(username=username or f"host{next(_numbers)}",
                                                 password="correct horse battery")
    CentreHost.objects.create(user=user, centre=centre)
    return user


def make_report(
    centre: Centre, status: str = CentreProgressReport.Status.DRAFT, days: int = 0
) -> CentreProgressReport:
    today = timezone.localdate()
    return CentreProgressReport.objects.create(
        centre=centre, period_start=today - timedelta(days=180 + days),
        period_end=today - timedelta(days=days),
        summary="Half-year summary.", status=status,
        review_comment="Please add figures." if status == CentreProgressReport.Status.RETURNED else "")


@pytest.fixture
def centre(call) -> Centre:
    return StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)


@pytest.fixture
def host_user(django_user_model, centre):
    return make_host(django_user_model, centre, "host-a")


@pytest.fixture
def host_client(host_user):
    """Its own Client: pytest-django's ``client`` is shared with ``staff_client``."""
    host = Client()
    host.force_login(host_user)
    return host


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture
def other_centre(call) -> Centre:
    return StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING, country="GH")


def bulk_centres(call: Call, count: int, status: str = Centre.Status.OPERATING) -> list[Centre]:
    """Many centres quickly (bulk inserts), for the query-count tests."""
    ri = RegionalInitiative.objects.get(code="EUR5")
    now, today = timezone.now(), timezone.localdate()
    start = next(_numbers) * 1000
    applications = Application.objects.bulk_create(
        Application(call=call, reference=f"AC-B-{start + i}", organisation=f"Bulk host {start + i}",
                    host_type="academia", country="FR", city="Lyon", contact_name="C",
                    contact_email=f"bulk{start + i}@example.org", regional_initiative=ri, support_plan="S",
                    submitted_at=now, status=Application.Status.SELECTED, decided_at=now)
        for i in range(count))
    applications = list(Application.objects.filter(reference__startswith="AC-B-", centre__isnull=True)
                        .order_by("pk"))
    centres = Centre.objects.bulk_create(
        Centre(application=a, name=f"Bulk centre {a.reference}", slug=a.reference.lower(),
               host_organisation=a.organisation, host_type="academia", country="FR", city="Lyon",
               regional_initiative=ri, selected_on=today, status=status,
               design_finished_on=today if status in ("capacity_building", "operating") else None)
        for a in applications)
    centres = list(Centre.objects.filter(slug__startswith="ac-b-").order_by("pk"))
    objectives = list(StrategicObjective.objects.filter(number__in=[1, 2, 3]))
    Through = Centre.objectives.through
    Through.objects.bulk_create(Through(centre=c, strategicobjective=o) for c in centres for o in objectives)
    return centres
