"""The coalition as seed 003 runs it (issue 20): joining an action area by an expression of
interest, leads' commitments, events where pledges are announced, areas mapped to priorities."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerships import selectors, services
from partnerships.models import (
    ActionArea,
    ActionAreaMembership,
    Event,
    EventSession,
    ExpressionOfInterest,
    InterestStatus,
    PledgeStatus,
)
from tests.factories import PledgeFactory, PledgerFactory

pytestmark = pytest.mark.django_db


def area(code: str = "connecting_people") -> ActionArea:
    return ActionArea.objects.get(code=code)


def interest(**overrides) -> ExpressionOfInterest:
    values = {"action_area": area(), "organisation": "Indigenous Net",
              "stakeholder_group": "marginalised_communities", "country": "BO", "contact_name": "Ana Mamani",
              "contact_email": "ana@example.org",
              "contribution": "Community networks in the Andes.", **overrides}
    return services.interest_submit(**values)


# --- Joining the coalition -----------------------------------------------------------------------


def test_the_public_form_records_an_expression_of_interest_waiting_for_a_decision(client):
    url = reverse("partnerships:interest-submit")
    assert client.get(url, {"area": "building_ecosystems"}).context["form"].initial["action_area"] == area(
        "building_ecosystems")
    response = client.post(url, {"action_area": area().pk, "organisation": "Youth Connect",
                                 "stakeholder_group": "youth", "country": "GH", "contact_name": "Kofi",
                                 "contact_email": "kofi@example.org", "contribution": "500 volunteers."})
    assert response.status_code == 302
    saved = ExpressionOfInterest.objects.get()
    assert (saved.status, saved.stakeholder_group, saved.language) == (
        InterestStatus.SUBMITTED, "youth", "en")
    assert not ActionAreaMembership.objects.exists()


def test_a_bad_expression_of_interest_shows_errors_and_stores_nothing(client):
    response = client.post(reverse("partnerships:interest-submit"), {
        "action_area": area().pk, "organisation": "", "stakeholder_group": "aliens",
        "contact_email": "not-an-address", "contribution": ""})
    assert response.status_code == 200
    assert {"organisation", "stakeholder_group", "contact_email", "contribution"} <= set(
        response.context["form"].errors)
    assert not ExpressionOfInterest.objects.exists()


def test_the_expression_of_interest_form_has_a_honeypot(client):
    response = client.post(reverse("partnerships:interest-submit"), {
        "action_area": area().pk, "organisation": "Bot", "stakeholder_group": "youth", "contact_name": "Bot",
        "contact_email": "bot@example.org", "contribution": "Spam.", "homepage": "http://spam.example"})
    assert response.status_code == 200
    assert not ExpressionOfInterest.objects.exists()


def test_accepting_makes_the_organisation_a_member_listed_on_the_public_page(client, staff_user):
    accepted = services.interest_accept(interest=interest(), by=staff_user)
    assert accepted.status == InterestStatus.ACCEPTED
    membership = accepted.membership
    assert (membership.role, membership.action_area, membership.pledger.organisation) == (
        "member", area(), "Indigenous Net")
    assert membership.pledger.kind == "marginalised_communities" and membership.pledger.user is None
    html = client.get(reverse("partnerships:action-areas")).content.decode()
    assert "Indigenous Net" in html and "Organization representing marginalized communities" in html


def test_an_accepted_pledger_joins_as_the_pledger_it_already_is(staff_user):
    pledger = PledgerFactory(organisation="Indigenous Net", contact_email="ANA@example.org")
    accepted = services.interest_accept(interest=interest(), by=staff_user)
    assert accepted.membership.pledger == pledger


def test_an_interest_is_decided_once_and_a_member_joins_an_area_once(staff_user):
    first = services.interest_accept(interest=interest(), by=staff_user)
    with pytest.raises(ValidationError):
        services.interest_decline(interest=first, by=staff_user, reason="Changed our mind")
    with pytest.raises(ValidationError):                       # already a member of this area
        services.interest_accept(interest=interest(), by=staff_user)
    assert ActionAreaMembership.objects.count() == 1
    assert ExpressionOfInterest.objects.filter(status=InterestStatus.SUBMITTED).count() == 1


def test_declining_keeps_the_reason_and_lists_nobody(client, staff_user):
    declined = services.interest_decline(interest=interest(), by=staff_user, reason=" Out of scope. ")
    assert (declined.status, declined.decline_reason) == (InterestStatus.DECLINED, "Out of scope.")
    assert not ActionAreaMembership.objects.exists()
    assert "Indigenous Net" not in client.get(reverse("partnerships:action-areas")).content.decode()


@pytest.mark.parametrize("accepted", [True, False])
def test_the_organisation_learns_the_decision_in_its_language_without_its_own_text(
        staff_user, mailoutbox, django_capture_on_commit_callbacks, accepted):
    submitted = interest(language="es", contribution="Redes comunitarias en los Andes.")
    with django_capture_on_commit_callbacks(execute=True):
        if accepted:
            services.interest_accept(interest=submitted, by=staff_user)
        else:
            services.interest_decline(interest=submitted, by=staff_user, reason="Fuera de alcance.")
    message = mailoutbox[-1]
    assert message.to == ["ana@example.org"]
    assert str(submitted.pk) in message.body
    assert "Redes comunitarias" not in message.body and "Indigenous Net" not in message.body
    assert ("Fuera de alcance." in message.body) is (not accepted)
    assert "Alianza" in message.body or "UIT" in message.body


def test_staff_accept_and_decline_in_the_admin_through_the_services(staff_client):
    one, two = interest(), interest(organisation="Other Net", contact_email="o@example.org")
    url = reverse("admin:partnerships_expressionofinterest_changelist")
    staff_client.post(url, {"action": "accept", "_selected_action": [one.pk]})
    asked = staff_client.post(url, {"action": "decline", "_selected_action": [two.pk]})
    assert asked.status_code == 200 and "reason" in asked.context["form"].fields    # asks for the reason
    staff_client.post(url, {"action": "decline", "_selected_action": [two.pk], "apply": "1",
                            "reason": "Not an organization."})
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.status == InterestStatus.ACCEPTED and one.membership is not None
    assert (two.status, two.decline_reason) == (InterestStatus.DECLINED, "Not an organization.")
    assert not site._registry[ExpressionOfInterest].has_add_permission(None)


# --- Leads' commitments ----------------------------------------------------------------------------


def test_an_organisation_whose_only_pledge_in_the_area_was_declined_cannot_lead_it():
    declined = PledgeFactory(status=PledgeStatus.DECLINED, action_areas=[area()])
    with pytest.raises(ValidationError) as error:
        services.action_area_membership_add(action_area=area(), pledger=declined.pledger, role="lead")
    assert "role" in error.value.message_dict
    # A member it may be; and a lead of another area, where it has no declined pledge.
    services.action_area_membership_add(action_area=area(), pledger=declined.pledger, role="member")
    services.action_area_membership_add(action_area=area("building_ecosystems"), pledger=declined.pledger,
                                        role="lead")


def test_a_pledger_with_another_pledge_in_the_area_may_lead_it():
    declined = PledgeFactory(status=PledgeStatus.DECLINED, action_areas=[area()])
    PledgeFactory(pledger=declined.pledger, status=PledgeStatus.SUBMITTED, action_areas=[area()])
    lead = services.action_area_membership_add(action_area=area(), pledger=declined.pledger, role="lead")
    assert lead.lead_seat == 1


def test_the_admin_refuses_the_lead_with_a_form_error(staff_client):
    declined = PledgeFactory(status=PledgeStatus.DECLINED, action_areas=[area()])
    url = reverse("admin:partnerships_actionarea_change", args=[area().pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update({"memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
                 "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
                 "memberships-0-pledger": declined.pledger.pk, "memberships-0-role": "lead",
                 "memberships-0-lead_seat": "1",
                 "priorities": [p.pk for p in area().priorities.all()]})
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "only pledge in this action area was declined" in response.content.decode()
    assert not ActionAreaMembership.objects.exists()


def test_each_lead_shows_whether_it_holds_a_published_pledge_in_the_area(client):
    committed = PledgeFactory(status=PledgeStatus.PUBLISHED, action_areas=[area()]).pledger
    elsewhere = PledgeFactory(status=PledgeStatus.PUBLISHED,
                              action_areas=[area("building_ecosystems")]).pledger
    waiting = PledgeFactory(status=PledgeStatus.SUBMITTED, action_areas=[area()]).pledger
    for pledger in (committed, elsewhere, waiting):
        services.action_area_membership_add(action_area=area(), pledger=pledger, role="lead")
    first = selectors.action_areas_with_members().get(code="connecting_people")
    assert {m.pledger: m.has_published_pledge for m in first.memberships.all()} == {
        committed: True, elsewhere: False, waiting: False}


# --- Events --------------------------------------------------------------------------------------


@pytest.fixture
def roundtable():
    event = Event.objects.create(slug="p2c-roundtable", name="P2C Roundtable", kind="roundtable",
                                 starts_on=date(2022, 6, 7), ends_on=date(2022, 6, 9), is_published=True,
                                 venue="WTDC-22")
    EventSession.objects.create(event=event, kind="signing_ceremony",
                                title="Signing of the founding document", day=date(2022, 6, 9))
    return event


def test_an_events_page_lists_its_programme_and_its_published_pledges_only(client, roundtable):
    shown = PledgeFactory(status=PledgeStatus.PUBLISHED, announced_at=roundtable, title="Announced")
    PledgeFactory(status=PledgeStatus.SUBMITTED, announced_at=roundtable, title="Under review")
    PledgeFactory(status=PledgeStatus.PUBLISHED, title="Not at the event")
    response = client.get(reverse("partnerships:event", args=["p2c-roundtable"]))
    assert list(response.context["pledges"]) == [shown]
    assert "Signing of the founding document" in response.content.decode()
    pledge_page = client.get(reverse("partnerships:pledge", args=[shown.pk])).content.decode()
    assert roundtable.get_absolute_url() in pledge_page


def test_an_unpublished_event_is_not_public(client, roundtable):
    roundtable.is_published = False
    roundtable.save()
    assert client.get(reverse("partnerships:event", args=["p2c-roundtable"])).status_code == 404
    assert roundtable.get_absolute_url() not in client.get(reverse("partnerships:events")).content.decode()


def test_an_event_ends_after_it_starts_and_its_sessions_fall_within_it(roundtable):
    session = EventSession(event=roundtable, kind="panel", title="Late panel", day=date(2022, 6, 10))
    with pytest.raises(ValidationError):
        session.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(slug="x", name="x", kind="webinar", starts_on=date(2023, 1, 2),
                             ends_on=date(2023, 1, 1))


# --- Priorities ----------------------------------------------------------------------------------


def test_every_action_area_serves_itu_d_priorities_shown_on_its_page(client):
    served = {a.code: sorted(a.priorities.values_list("code", flat=True)) for a in ActionArea.objects.all()}
    assert served["connecting_people"] == ["affordable_connectivity", "inclusive_secure_ict"]
    assert all(served.values())
    html = client.get(reverse("partnerships:action-areas")).content.decode()
    assert "Affordable connectivity" in html
