"""The staff home is a to-do list: what waits for BDT, counted against data built here, oldest and
overdue first, each linked to where it is handled; the admin's index shows the same counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.reports.models import ReportStatus, TDAGReport
from alliance.todo import staff_todo
from board.models import ExpertRequest
from centres.models import ActionPlan, Application, Call, Centre, CentreProgressReport
from dtlab.models import Service, ServiceRequest
from partnerships.models import ActionArea, ExpressionOfInterest, Pledge, Pledger, PledgeStatus
from tests.centres.conftest import make_report
from tests.factories import ApplicationFactory, StagedCentreFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
LISTS = 12  # six of the network, pledges, expressions of interest, expert requests, two of service
#            requests, TDAG reports


def ago(days: int):
    return NOW - timedelta(days=days)


@pytest.fixture
def call():
    return Call.objects.create(code="todo", name="To-do call", opened_on=date(2023, 1, 25))


def build(call, scale: int = 1) -> None:
    """Per kind: some waiting (one overdue), and some already handled that must not be counted."""
    for n in range(scale):
        ApplicationFactory(call=call, status=Application.Status.SUBMITTED, submitted_at=ago(40 + n))
        ApplicationFactory(call=call, status=Application.Status.SUBMITTED, submitted_at=ago(3))
        ApplicationFactory(call=call, status=Application.Status.SUBMITTED, submitted_at=ago(1))
        ApplicationFactory(call=call, status=Application.Status.DUE_DILIGENCE, submitted_at=ago(10))
        ApplicationFactory(call=call, status=Application.Status.DUE_DILIGENCE, submitted_at=ago(20))
        ApplicationFactory(call=call, status=Application.Status.EVALUATION, submitted_at=ago(5))
        ApplicationFactory(call=call, status=Application.Status.NOT_SELECTED, submitted_at=ago(90),
                         decided_at=NOW, decision_reason="Not enough support.")

        design = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
        ActionPlan.objects.filter(centre=design).update(status=ActionPlan.Status.SUBMITTED,
                                                        submitted_at=ago(2))
        reporting = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
        CentreProgressReport.objects.filter(
            pk=make_report(reporting, CentreProgressReport.Status.SUBMITTED).pk
        ).update(submitted_at=ago(35))
        make_report(reporting, CentreProgressReport.Status.ACCEPTED, days=200)

        pledger = Pledger.objects.create(organisation=f"Connect Foundation {n}", kind="government",
                                         contact_name="C", contact_email="c@example.org")
        for status, days in ((PledgeStatus.SUBMITTED, 45), (PledgeStatus.SUBMITTED, 4),
                             (PledgeStatus.PUBLISHED, 60)):
            Pledge.objects.create(pledger=pledger, title=f"Schools online {n}-{days}", description="D",
                                  kind="programmatic", status=status, submitted_at=ago(days),
                                  target_year=2027,
                                  decided_at=NOW if status == PledgeStatus.PUBLISHED else None)

        for status in ("submitted", "accepted", "declined"):
            ExpressionOfInterest.objects.create(
                action_area=ActionArea.objects.order_by("order").first(), organisation=f"Youth {n} {status}",
                stakeholder_group="youth", contact_name="Y", contact_email="y@example.org", contribution="C",
                status=status, submitted_at=ago(2))

        pending = ExpertRequest.objects.create(full_name=f"Ana {n}", email=f"ana{n}@example.org",
                                               organisation="Uni", country="PT", motivation="M")
        ExpertRequest.objects.filter(pk=pending.pk).update(submitted_at=ago(6))
        ExpertRequest.objects.create(full_name="Bo", email=f"bo{n}@example.org", organisation="Uni",
                                     country="PT", motivation="M", status=ExpertRequest.Status.APPROVED,
                                     decided_at=NOW)

        service = Service.objects.create(slug=f"cafe-{n}", name_en="Innovation Café")
        for status in ("submitted", "accepted", "in_progress", "completed", "declined"):
            ServiceRequest.objects.create(
                service=service, requester_type="member", organisation=f"Office {status}", country="KE",
                contact_name="A", contact_email="a@example.org", description="D", status=status,
                completed_on=date.today() if status == "completed" else None)

        for status in (ReportStatus.FAILED, ReportStatus.DONE):
            TDAGReport.objects.create(kind="alliance", period_start=date(2020 + n, 1, 1),
                                      period_end=date(2020 + n, 12, 31), status=status, language="en")


def test_each_count_is_what_waits_and_nothing_handled(call):
    build(call)
    lists = {t.key: t for t in staff_todo()}
    counts = {key: (t.count, t.overdue) for key, t in lists.items()}
    assert counts == {
        "applications-submitted": (3, 1),
        "applications-due_diligence": (2, 0),
        "applications-evaluation": (1, 0),
        "action-plans": (1, 0),
        "host-reports": (1, 1),
        "change-proposals": (0, 0),  # counted against data in tests/centres/test_todo_change_proposals.py
        "pledges": (2, 1),
        "interests": (1, 0),
        "expert-requests": (1, 0),
        "service-requests-new": (1, 0),
        "service-requests-open": (2, 0),
        "tdag-reports-failed": (1, 0),
    }


def test_oldest_first_and_lists_with_overdue_items_first(call):
    build(call)
    lists = staff_todo()
    screening = next(t for t in lists if t.key == "applications-submitted")
    assert [item.since for item in screening.oldest] == [ago(40), ago(3), ago(1)]
    assert [item.overdue for item in screening.oldest] == [True, False, False]
    # Three lists have an overdue item; among them the oldest waits first (pledges: 45 days).
    assert [t.key for t in lists[:3]] == ["pledges", "applications-submitted", "host-reports"]


def test_each_list_and_item_links_to_where_it_is_handled(call):
    build(call)
    lists = {t.key: t for t in staff_todo()}
    application = Application.objects.get(status="evaluation")
    assert lists["applications-evaluation"].url == (
        reverse("admin:centres_application_changelist") + "?status__exact=evaluation")
    assert lists["applications-evaluation"].oldest[0].url == reverse(
        "admin:centres_application_change", args=[application.pk])
    pledge = Pledge.objects.get(status="submitted", submitted_at=ago(45))
    assert lists["pledges"].oldest[0].url == reverse("partnerships:pledge-review", args=[pledge.pk])
    assert lists["service-requests-new"].url == reverse("dtlab:staff-requests") + "?status=submitted"
    report = CentreProgressReport.objects.get(status="submitted")
    assert lists["host-reports"].oldest[0].url == reverse("admin:centres_centreprogressreport_change",
                                                          args=[report.pk])


def test_the_links_open_filtered_lists_for_staff(call, staff_client):
    build(call)
    for todo in staff_todo():
        response = staff_client.get(todo.url)
        assert response.status_code == 200, todo.url
        assert "?e=1" not in response.get("Location", ""), todo.url


@pytest.mark.parametrize("scale", [1, 4])
def test_the_to_do_list_costs_two_queries_per_list_whatever_the_data(call, scale, django_assert_num_queries):
    """Its counts in one aggregate query, the oldest few in another with LIMIT (none for an empty
    list): never a query that reads every waiting row, nor one per row."""
    build(call, scale)
    staff_todo()  # the app modules are imported once
    empty = sum(1 for todo in staff_todo() if not todo.count)
    with django_assert_num_queries(2 * LISTS - empty):
        lists = staff_todo()
    assert next(t for t in lists if t.key == "applications-submitted").count == 3 * scale


def test_nothing_waiting_says_so(staff_client):
    page = staff_client.get(reverse("staff-home")).content.decode()
    assert "Nothing waits for action." in page


@pytest.mark.parametrize("scale", [1, 4])
def test_the_staff_home_shows_the_counts_and_oldest_items(call, staff_client, scale,
                                                          django_assert_max_num_queries):
    build(call, scale)
    with django_assert_max_num_queries(2 * LISTS + 8):
        page = staff_client.get(reverse("staff-home")).content.decode()
    assert f'<span class="todo-count" data-count="{3 * scale}">' in page
    oldest = Application.objects.filter(status="submitted").order_by("submitted_at").first()
    assert f'href="{reverse("admin:centres_application_change", args=[oldest.pk])}"' in page
    assert "items wait for action." in page


def test_the_admin_index_shows_the_same_counts(call, staff_client):
    build(call)
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Waiting for BDT" in page
    assert '<span class="todo-count" data-count="2">' in page  # pledges, due diligence, open requests
    assert (reverse("admin:partnerships_pledge_changelist") + "?status__exact=submitted") in page
    assert 'id="content-main"' in page  # the admin's own index is still there
