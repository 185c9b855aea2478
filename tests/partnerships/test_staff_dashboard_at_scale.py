"""The partnerships dashboard shows the first pledges of each list and counts the rest, so it stays
one page whatever the number of pledges (the 10x bench data has 400,000 published ones)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from partnerships import selectors
from partnerships.models import PledgeStatus
from partnerships.views import DashboardView
from tests.factories import PledgeFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges():
    today = timezone.localdate()
    published = {
        "red": [PledgeFactory(status=PledgeStatus.PUBLISHED, title=f"Late {n}",
                              next_report_due=today - timedelta(days=n + 1)) for n in range(3)],
        "amber": [PledgeFactory(status=PledgeStatus.PUBLISHED, title="Soon", next_report_due=today),
                  PledgeFactory(status=PledgeStatus.PUBLISHED, title="In a month",
                                next_report_due=today + timedelta(days=30))],
        "green": [PledgeFactory(status=PledgeStatus.PUBLISHED, title="Later",
                                next_report_due=today + timedelta(days=31)),
                  PledgeFactory(status=PledgeStatus.PUBLISHED, title="Not set", next_report_due=None)],
    }
    submitted = [PledgeFactory(status=PledgeStatus.SUBMITTED, title=f"Waiting {n}") for n in range(4)]
    return published, submitted


def test_the_lights_are_counted_by_the_rule_that_colours_each_pledge(pledges):
    today = timezone.localdate()
    published, _ = pledges
    by_rule = {light: len(items) for light, items in published.items()}
    assert selectors.pledge_lights_count(today=today) == by_rule
    assert all(selectors.pledge_light(pledge, today=today) == light
               for light, items in published.items() for pledge in items)


def test_the_dashboard_lists_the_first_pledges_and_counts_them_all(client, pledges, monkeypatch,
                                                                    django_assert_max_num_queries):
    monkeypatch.setattr(DashboardView, "shown", 2)
    client.force_login(StaffFactory())
    with django_assert_max_num_queries(40):
        page = client.get("/en/partnerships/staff/")
    assert page.status_code == 200
    assert len(page.context["follow_up"]) == 2 and len(page.context["submitted"]) == 2
    text = " ".join(page.content.decode().split())
    assert "7 published pledges: 3 red (overdue), 2 amber (due within a month), 2 green." in text
    assert "The 2 oldest of 4 pledges waiting." in text
    # the most overdue first, and the two oldest submissions
    assert [item.pledge.title for item in page.context["follow_up"]] == ["Late 2", "Late 1"]
    assert [pledge.title for pledge in page.context["submitted"]] == ["Waiting 0", "Waiting 1"]
    assert text.count("?status__exact=") == 2


def test_the_query_count_does_not_grow_with_the_pledges(client, pledges, django_assert_num_queries):
    client.force_login(StaffFactory())
    client.get("/en/partnerships/staff/")  # figures cached
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/en/partnerships/staff/")
    PledgeFactory.create_batch(20, status=PledgeStatus.PUBLISHED)
    PledgeFactory.create_batch(20, status=PledgeStatus.SUBMITTED)
    client.get("/en/partnerships/staff/")
    with CaptureQueriesContext(connection) as many:
        client.get("/en/partnerships/staff/")
    assert len(many) == len(few)
