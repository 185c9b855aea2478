"""Every rule of partnerships/services.py, each proved by a test that fails when it is removed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerships import services
from partnerships.models import (
    ActionArea,
    ActionAreaMembership,
    Partner,
    PartnershipAgreement,
    Pledge,
    PledgeProgressReport,
    PledgeStatus,
    ProgressStatus,
)
from tests.factories import (
    PartnerFactory,
    PartnershipAgreementFactory,
    PledgeFactory,
    PledgerFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHECKLIST = {"dd_identity_verified": True, "dd_supports_action_area": True,
             "dd_realistic_measurable": True, "dd_no_reputational_risk": True}


def refused(match: str):
    return pytest.raises(ValidationError, match=match)


def published(**values) -> Pledge:
    return PledgeFactory(status=PledgeStatus.PUBLISHED, next_report_due=date(2026, 1, 1), **values)


# --- Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("day, months, expected", [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),     # the month is shorter: its last day
    (date(2024, 1, 31), 1, date(2024, 2, 29)),     # a leap year
    (date(2025, 8, 31), 6, date(2026, 2, 28)),     # across the year
    (date(2025, 12, 15), 1, date(2026, 1, 15)),    # December to January
    (date(2025, 3, 10), 12, date(2026, 3, 10)),
    (date(2025, 3, 10), 0, date(2025, 3, 10)),
])
def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(day, months, expected):
    assert services.add_months(day, months) == expected


# --- Partners and agreements ----------------------------------------------------------------------


def test_a_partner_refuses_a_field_it_does_not_have():
    with pytest.raises(TypeError, match="unexpected fields: owner"):
        services.partner_create(name="Ministry", kind="government", owner="me")
    assert not Partner.objects.exists()


def test_a_partner_is_validated_before_it_is_stored():
    with pytest.raises(ValidationError) as error:
        services.partner_create(name="Ministry", kind="not-a-kind")
    assert "kind" in error.value.message_dict
    assert not Partner.objects.exists()


def test_a_partner_update_is_validated_before_it_is_stored():
    partner = PartnerFactory(website="")
    with pytest.raises(ValidationError) as error:
        services.partner_update(partner=partner, website="not a url")
    assert "website" in error.value.message_dict
    partner.refresh_from_db()
    assert partner.website == ""


def test_an_unknown_priority_code_is_refused_not_ignored():
    partner = PartnerFactory()
    with refused("Unknown ITU-D priority: NOPE"):
        services.agreement_create(partner=partner, title="T", region="africa", status="draft",
                                  priorities=["NOPE"])
    assert not PartnershipAgreement.objects.exists()


def test_an_agreement_is_validated_before_it_is_stored():
    partner = PartnerFactory()
    with pytest.raises(ValidationError) as error:
        services.agreement_create(partner=partner, title="T", region="africa", status="signed",
                                  signed_on=date(2999, 1, 1))
    assert "signed_on" in error.value.message_dict
    assert not PartnershipAgreement.objects.exists()


def test_an_agreement_update_is_validated_before_it_is_stored():
    agreement = PartnershipAgreementFactory(partner_contribution_usd=Decimal("10"))
    with pytest.raises(ValidationError) as error:
        services.agreement_update(agreement=agreement, partner_contribution_usd=Decimal("-1"))
    assert "partner_contribution_usd" in error.value.message_dict
    agreement.refresh_from_db()
    assert agreement.partner_contribution_usd == Decimal("10")


def test_an_agreement_gets_a_reference_from_its_signing_year():
    agreement = services.agreement_create(partner=PartnerFactory(), title="T", region="africa",
                                          status="signed", signed_on=date(2023, 4, 1))
    assert agreement.reference.startswith("BDT-2023-")


# --- Pledges --------------------------------------------------------------------------------------


def test_a_pledge_needs_an_action_area():
    with refused("at least one action area"):
        services.pledge_submit(organisation="Org", pledger_kind="government", country="KE",
                               contact_name="A B", contact_email="a@example.org", title="T",
                               description="D", kind="policy", action_areas=[], target_year=2027)
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("status", [PledgeStatus.PUBLISHED, PledgeStatus.DECLINED])
def test_due_diligence_is_recorded_on_a_submitted_pledge_only(status):
    pledge = PledgeFactory(status=status)
    with refused("Only a submitted pledge is under due diligence"):
        services.pledge_due_diligence(pledge=pledge, by=StaffFactory(), checklist=CHECKLIST)
    pledge.refresh_from_db()
    assert not pledge.dd_identity_verified


def test_a_due_diligence_checklist_names_only_its_points():
    pledge = PledgeFactory()
    with pytest.raises(TypeError):
        services.pledge_due_diligence(pledge=pledge, by=StaffFactory(), checklist={"status": True})
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SUBMITTED


@pytest.mark.parametrize("status", [PledgeStatus.PUBLISHED, PledgeStatus.DECLINED])
def test_only_a_submitted_pledge_is_published(status):
    pledge = PledgeFactory(status=status, **CHECKLIST)
    with refused("Only a submitted pledge can be published"):
        services.pledge_publish(pledge=pledge, by=StaffFactory())
    pledge.refresh_from_db()
    assert pledge.status == status
    assert pledge.next_report_due is None


@pytest.mark.parametrize("missing", list(CHECKLIST))
def test_every_point_of_the_checklist_is_needed_to_publish(missing):
    pledge = PledgeFactory(**{**CHECKLIST, missing: False})
    with refused("Complete every point"):
        services.pledge_publish(pledge=pledge, by=StaffFactory())
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SUBMITTED


def test_publishing_sets_the_first_report_date_from_the_reporting_interval():
    pledge = PledgeFactory(report_every_months=3, **CHECKLIST)
    services.pledge_publish(pledge=pledge, by=StaffFactory(), today=date(2025, 11, 30))
    pledge.refresh_from_db()
    assert pledge.next_report_due == date(2026, 2, 28)


@pytest.mark.parametrize("status", [PledgeStatus.PUBLISHED, PledgeStatus.DECLINED])
def test_only_a_submitted_pledge_is_declined(status):
    pledge = PledgeFactory(status=status)
    with refused("Only a submitted pledge can be declined"):
        services.pledge_decline(pledge=pledge, by=StaffFactory(), reason="No.")
    pledge.refresh_from_db()
    assert pledge.status == status


def test_declining_a_pledge_needs_a_reason():
    pledge = PledgeFactory()
    with refused("Give the reason for declining"):
        services.pledge_decline(pledge=pledge, by=StaffFactory(), reason=" ")
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SUBMITTED


# --- Progress on pledges --------------------------------------------------------------------------


def test_someone_else_cannot_report_progress_on_a_pledge():
    pledge = published()
    with refused("Only the pledger can report progress"):
        services.progress_report_submit(pledge=pledge, by=UserFactory(), status="on_track",
                                        narrative="x")
    assert not PledgeProgressReport.objects.exists()


def test_an_anonymous_visitor_cannot_report_progress():
    from django.contrib.auth.models import AnonymousUser

    pledge = published(pledger__user=None)
    with refused("Only the pledger can report progress"):
        services.progress_report_submit(pledge=pledge, by=AnonymousUser(), status="on_track",
                                        narrative="x")
    assert not PledgeProgressReport.objects.exists()


def test_bdt_staff_may_report_progress_for_the_pledger():
    pledge = published()
    report = services.progress_report_submit(pledge=pledge, by=StaffFactory(), status="on_track",
                                             narrative="Reported by phone.")
    assert report.pk


@pytest.mark.parametrize("status", [PledgeStatus.SUBMITTED, PledgeStatus.DECLINED])
def test_progress_is_reported_on_a_published_pledge_only(status):
    pledge = PledgeFactory(status=status)
    with refused("published pledges only"):
        services.progress_report_submit(pledge=pledge, by=pledge.pledger.user, status="on_track",
                                        narrative="x")
    assert not PledgeProgressReport.objects.exists()
    pledge.refresh_from_db()
    assert pledge.next_report_due is None


def test_a_completed_pledge_gets_no_next_report_date():
    pledge = published()
    services.progress_report_submit(pledge=pledge, by=pledge.pledger.user, status=ProgressStatus.COMPLETED,
                                    narrative="Done", today=date(2026, 3, 1))
    pledge.refresh_from_db()
    assert pledge.next_report_due is None


def test_a_pledge_in_progress_is_due_again_after_its_interval():
    pledge = published(report_every_months=4)
    services.progress_report_submit(pledge=pledge, by=pledge.pledger.user,
                                    status=ProgressStatus.ON_TRACK, narrative="Half",
                                    today=date(2026, 10, 31))
    pledge.refresh_from_db()
    assert pledge.next_report_due == date(2027, 2, 28)


def test_a_progress_report_is_validated_and_nothing_moves_when_it_is_refused():
    pledge = published()
    with pytest.raises(ValidationError) as error:
        services.progress_report_submit(pledge=pledge, by=pledge.pledger.user, status="on_track",
                                        narrative="x", amount_delivered_usd=Decimal("-1"))
    assert "amount_delivered_usd" in error.value.message_dict
    pledge.refresh_from_db()
    assert pledge.next_report_due == date(2026, 1, 1)


def test_reminders_mail_each_pledger_and_remember_the_day(django_capture_on_commit_callbacks):
    first, second = published(), published()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.pledges_remind(pledges=[first, second], today=date(2026, 1, 2)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.pledger.contact_email,
                                                          second.pledger.contact_email])
    first.refresh_from_db()
    assert first.last_reminded_on == date(2026, 1, 2)
    message = next(m for m in mail.outbox if m.to[0] == first.pledger.contact_email)
    assert f"pledge number {first.pk}" in message.subject and first.title not in message.body


# --- Action areas ---------------------------------------------------------------------------------


def area() -> ActionArea:
    return ActionArea.objects.get(code="building_ecosystems")


def test_an_action_area_role_must_be_lead_or_member():
    with refused("Unknown role"):
        services.action_area_membership_add(action_area=area(), pledger=PledgerFactory(), role="chair")
    assert not ActionAreaMembership.objects.exists()


def test_an_organisation_holds_one_role_per_action_area():
    pledger = PledgerFactory()
    services.action_area_membership_add(action_area=area(), pledger=pledger, role="member")
    with refused("already has a role in this action area"):
        services.action_area_membership_add(action_area=area(), pledger=pledger, role="lead")
    assert ActionAreaMembership.objects.get(pledger=pledger).role == "member"


def test_a_lead_takes_the_first_free_seat_and_a_sixth_lead_is_refused():
    leads = [services.action_area_membership_add(action_area=area(), pledger=PledgerFactory(), role="lead")
             for _ in range(5)]
    assert [lead.lead_seat for lead in leads] == [1, 2, 3, 4, 5]
    leads[1].delete()
    again = services.action_area_membership_add(action_area=area(), pledger=PledgerFactory(), role="lead")
    assert again.lead_seat == 2
    with refused("at most 5 leads"):
        services.action_area_membership_add(action_area=area(), pledger=PledgerFactory(), role="lead")
    member = services.action_area_membership_add(action_area=area(), pledger=PledgerFactory(), role="member")
    assert member.lead_seat is None
