"""DT Lab report counts on small datasets built here, the expected figures worked out by hand."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from alliance.reports.registry import Period
from dtlab import selectors
from dtlab.models import Playbook
from tests.factories import (
    PlaybookFactory,
    ProjectConceptFactory,
    RIACohortFactory,
    ServiceFactory,
    ServiceRequestFactory,
)

pytestmark = pytest.mark.django_db

YEAR_2024 = Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))


def completed(service, day):
    return ServiceRequestFactory(service=service, status="completed", completed_on=day)


def test_services_delivered_count_requests_completed_within_the_period_busiest_first():
    cafe = ServiceFactory(name="Innovation Café", order=2)
    scan = ServiceFactory(name="Ecosystem scan", order=1)
    idle = ServiceFactory(name="Idle service")
    completed(cafe, datetime.date(2024, 1, 1))      # first day: counts
    completed(cafe, datetime.date(2024, 12, 31))    # last day: counts
    completed(cafe, datetime.date(2023, 12, 31))    # the day before: does not
    completed(scan, datetime.date(2024, 6, 1))
    completed(scan, datetime.date(2025, 1, 1))      # the day after: does not
    ServiceRequestFactory(service=scan, status="in_progress")   # not completed: does not
    ServiceRequestFactory(service=idle, status="declined")
    delivered = [(service.name, service.delivered) for service in selectors.services_delivered_in(YEAR_2024)]
    assert delivered == [("Innovation Café", 2), ("Ecosystem scan", 1)]


def test_two_services_with_as_many_deliveries_follow_their_order():
    late, early = ServiceFactory(name="Late", order=5), ServiceFactory(name="Early", order=1)
    completed(late, datetime.date(2024, 3, 1))
    completed(early, datetime.date(2024, 3, 1))
    assert [s.name for s in selectors.services_delivered_in(YEAR_2024)] == ["Early", "Late"]


def test_a_year_without_deliveries_lists_no_service():
    completed(ServiceFactory(), datetime.date(2023, 6, 1))
    assert list(selectors.services_delivered_in(YEAR_2024)) == []


def test_playbooks_published_and_cohorts_held_in_a_multi_year_period():
    period = Period(start=datetime.date(2023, 7, 1), end=datetime.date(2025, 6, 30))
    PlaybookFactory(slug="a", status=Playbook.Status.PUBLISHED, published_on=datetime.date(2023, 7, 1))
    PlaybookFactory(slug="b", status=Playbook.Status.PUBLISHED, published_on=datetime.date(2025, 6, 30))
    PlaybookFactory(slug="c", status=Playbook.Status.PUBLISHED, published_on=datetime.date(2025, 7, 1))
    PlaybookFactory(slug="d")
    assert [p.slug for p in selectors.playbooks_published_in(period)] == ["a", "b"]
    RIACohortFactory(number=1, start_date=datetime.date(2023, 6, 30), end_date=datetime.date(2023, 7, 2))
    RIACohortFactory(number=2, start_date=datetime.date(2024, 2, 3), end_date=datetime.date(2024, 2, 5))
    assert [c.number for c in selectors.cohorts_held_in(period)] == [2]    # held by its first day


def test_the_headline_figures_add_up_the_concepts_budgets():
    cohort = RIACohortFactory()
    ProjectConceptFactory(cohort=cohort, budget_usd=Decimal("250000.50"))
    ProjectConceptFactory(cohort=cohort, budget_usd=Decimal("0"))
    ServiceFactory(is_active=False)
    ServiceFactory()
    figures = selectors.dtlab_figures()
    assert (figures["concept_count"], figures["concepts_total_usd"]) == (2, Decimal("250000.50"))
    assert (figures["cohort_count"], figures["service_count"], figures["published_count"]) == (1, 1, 0)
