"""An anonymous pledge never changes an existing pledger nor joins an existing account (issue 15, 4),
and e-mail addresses of any length make a pledge (issue 15, 8: usernames cut from the address)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerships.models import ActionArea, Pledge, Pledger
from tests.partnerships.test_p2c_services import submit

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    return {
        "organisation": "Connectivity Foundation", "pledger_kind": "government", "country": "FR",
        "contact_name": "Mallory Attacker", "contact_email": "amina@example.org", "title": "Takeover",
        "description": "Anything.", "kind": "advocacy",
        "action_areas": [ActionArea.objects.get(code="connecting_people").pk], "target_year": 2030,
        **overrides,
    }


def test_an_anonymous_pledge_with_a_pledgers_address_and_organisation_changes_nothing_of_theirs(client):
    victim_pledge = submit()  # Connectivity Foundation, philanthropy, KE, Amina Otieno
    victim = victim_pledge.pledger
    response = client.post(reverse("partnerships:pledge-submit"),
                           _form(contact_email="AMINA@EXAMPLE.ORG", organisation="connectivity foundation"))
    assert response.status_code == 302, response.content[:1000]
    victim.refresh_from_db()
    assert (victim.kind, victim.country.code, victim.contact_name, victim.contact_email) == (
        "philanthropy", "KE", "Amina Otieno", "amina@example.org")
    intruder = Pledge.objects.get(title="Takeover")
    assert intruder.pledger != victim
    assert intruder.pledger.user is None
    assert list(Pledge.objects.filter(pledger__user=victim.user)) == [victim_pledge]


def test_the_intruders_pledge_is_not_in_the_victims_my_pledges(client):
    victim_pledge = submit()
    client.post(reverse("partnerships:pledge-submit"), _form())
    user = victim_pledge.pledger.user
    user.set_password("victim pass 2030")
    user.save()
    client.force_login(user)
    html = client.get(reverse("partnerships:my-pledges")).content.decode()
    assert "Schools online" in html
    assert "Takeover" not in html


def test_a_pledge_cannot_attach_to_a_staff_account(client, staff_user):
    client.post(reverse("partnerships:pledge-submit"), _form(contact_email=staff_user.email.upper()))
    pledger = Pledge.objects.get(title="Takeover").pledger
    assert pledger.user is None
    assert not Pledger.objects.filter(user=staff_user).exists()


def test_the_signed_in_owner_of_the_address_pledges_as_their_pledger(client):
    first = submit()
    client.force_login(first.pledger.user)
    response = client.post(reverse("partnerships:pledge-submit"),
                           _form(contact_email="Amina@Example.org", contact_name="Amina Otieno"))
    assert response.status_code == 302
    assert Pledge.objects.get(title="Takeover").pledger == first.pledger


def test_another_signed_in_user_cannot_pledge_for_someone_elses_address(client, member_user):
    first = submit()
    client.force_login(member_user)
    client.post(reverse("partnerships:pledge-submit"), _form())
    pledger = Pledge.objects.get(title="Takeover").pledger
    assert pledger != first.pledger
    assert pledger.user is None


def test_two_addresses_sharing_their_first_150_characters_both_pledge(client, django_user_model):
    local = "a" * 64
    domain = ".".join(["b" * 60, "c" * 60, "d" * 50])  # addresses of 249 characters
    first, second = f"{local}@{domain}.example.org", f"{local}@{domain}.example.net"
    assert first[:150] == second[:150]
    for title, email in (("First", first), ("Second", second)):
        response = client.post(reverse("partnerships:pledge-submit"),
                               _form(contact_email=email, title=title))
        assert response.status_code == 302, response.context["form"].errors
    users = {p.pledger.user for p in Pledge.objects.all()}
    assert len(users) == 2
    assert {u.email for u in users} == {first, second}
    assert all(len(u.username) <= 150 for u in users)
