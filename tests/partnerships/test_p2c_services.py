from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from partnerships import selectors, services
from partnerships.models import (
    ActionArea,
    ActionAreaMembership,
    Pledge,
    Pledger,
    PledgeStatus,
)
from partnerships.tasks import send_progress_reminders


def submit(**overrides) -> Pledge:
    values = {
        "organisation": "Connectivity Foundation", "pledger_kind": "philanthropy", "country": "KE",
        "contact_name": "Amina Otieno", "contact_email": "amina@example.org", "title": "Schools online",
        "description": "Connect 500 schools.", "kind": "financial",
        "action_areas": ActionArea.objects.filter(code="connecting_people"), "target_year": 2027,
        "value_usd": Decimal("1000000"), "benefits_ldc": True, "benefit_description": "All in LDCs.",
        **overrides,
    }
    return services.pledge_submit(**values)


def complete_due_diligence(pledge, reviewer):
    return services.pledge_due_diligence(pledge=pledge, by=reviewer, checklist={
        "dd_identity_verified": True, "dd_supports_action_area": True, "dd_realistic_measurable": True,
        "dd_no_reputational_risk": True})


def test_a_submitted_pledge_creates_the_pledgers_account_and_waits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pledge = submit()
    assert pledge.status == PledgeStatus.SUBMITTED
    assert pledge.pledger.user.email == "amina@example.org"
    assert not pledge.pledger.user.has_usable_password()
    assert len(mail.outbox) == 1
    assert not selectors.published_pledges().exists()


def test_a_second_pledge_by_the_signed_in_pledger_reuses_the_account_and_the_pledger(db):
    first = submit()
    second = submit(title="Another", contact_email="AMINA@example.org", by=first.pledger.user)
    assert second.pledger == first.pledger
    assert Pledger.objects.count() == 1


@pytest.mark.parametrize(("override", "field"), [
    ({"kind": "financial", "value_usd": None}, "value_usd"),
    ({"value_usd": Decimal("-1")}, "value_usd"),
    ({"action_areas": ActionArea.objects.none()}, "action_areas"),
    ({"benefits_sids": True, "benefit_description": ""}, "benefit_description"),
    ({"contact_email": "not-an-address"}, "contact_email"),
])
def test_bad_pledges_are_refused_and_nothing_is_stored(db, override, field):
    with pytest.raises(ValidationError) as error:
        submit(**override)
    assert field in error.value.message_dict
    assert not Pledge.objects.exists()
    assert not Pledger.objects.exists()


def test_publishing_needs_the_whole_due_diligence_checklist(db, staff_user):
    pledge = submit()
    with pytest.raises(ValidationError):
        services.pledge_publish(pledge=pledge, by=staff_user)
    complete_due_diligence(pledge, staff_user)
    services.pledge_publish(pledge=pledge, by=staff_user, today=date(2025, 1, 31))
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.PUBLISHED
    assert pledge.next_report_due == date(2025, 7, 31)
    assert list(selectors.published_pledges()) == [pledge]


def test_declining_needs_a_reason(db, staff_user):
    pledge = submit()
    with pytest.raises(ValidationError):
        services.pledge_decline(pledge=pledge, by=staff_user, reason="  ")
    services.pledge_decline(pledge=pledge, by=staff_user, reason="Not measurable.")
    assert Pledge.objects.get().status == PledgeStatus.DECLINED


def test_only_the_pledger_reports_progress_and_the_next_report_moves(db, staff_user, member_user):
    pledge = submit()
    complete_due_diligence(pledge, staff_user)
    services.pledge_publish(pledge=pledge, by=staff_user)
    with pytest.raises(ValidationError):
        services.progress_report_submit(pledge=pledge, by=member_user, status="on_track", narrative="x")
    report = services.progress_report_submit(pledge=pledge, by=pledge.pledger.user, status="on_track",
                                             narrative="100 schools", amount_delivered_usd=Decimal("2500"),
                                             today=date(2026, 2, 1))
    assert report.pk
    assert Pledge.objects.get().next_report_due == date(2026, 8, 1)
    with pytest.raises(ValidationError):
        services.progress_report_submit(pledge=pledge, by=pledge.pledger.user, status="on_track",
                                        narrative="x", amount_delivered_usd=Decimal("-1"))


def test_reminders_go_once_to_pledgers_whose_report_is_due(db, staff_user,
                                                           django_capture_on_commit_callbacks):
    pledge = submit()
    complete_due_diligence(pledge, staff_user)
    services.pledge_publish(pledge=pledge, by=staff_user, today=date(2020, 1, 1))
    not_due = submit(title="Later", contact_email="other@example.org")
    complete_due_diligence(not_due, staff_user)
    services.pledge_publish(pledge=not_due, by=staff_user, today=date(2099, 1, 1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_progress_reminders() == 1
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_progress_reminders() == 0
    follow_up = selectors.pledge_follow_up(today=date.today())
    assert [(f.pledge, f.light) for f in follow_up] == [(pledge, "red"), (not_due, "green")]


def test_an_action_area_has_at_most_five_leads(db):
    area = ActionArea.objects.get(code="empowering_communities")
    pledgers = [Pledger.objects.create(organisation=f"Org {n}", kind="government", contact_name="C",
                                       contact_email=f"c{n}@example.org") for n in range(7)]
    for pledger in pledgers[:5]:
        services.action_area_membership_add(action_area=area, pledger=pledger, role="lead")
    with pytest.raises(ValidationError):
        services.action_area_membership_add(action_area=area, pledger=pledgers[5], role="lead")
    services.action_area_membership_add(action_area=area, pledger=pledgers[5], role="member")
    assert selectors.lead_count(action_area=area) == 5
    with pytest.raises(IntegrityError):
        ActionAreaMembership.objects.create(action_area=area, pledger=pledgers[6], role="lead", lead_seat=6)


def test_the_four_action_areas_of_seed_003_exist(db):
    assert list(ActionArea.objects.values_list("code", flat=True)) == [
        "connecting_people", "empowering_communities", "building_ecosystems", "stimulating_investment"]
