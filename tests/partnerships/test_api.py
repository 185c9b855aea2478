from datetime import date, timedelta

import pytest
from django.test import Client

from partnerships.models import Partner, PartnershipAgreement
from tests.factories import api_key_for

PARTNERS = "/api/v1/partners/"
AGREEMENTS = "/api/v1/agreements/"


@pytest.fixture
def token_client(client, staff_user):
    key = api_key_for(staff_user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def agreement_payload(partner: Partner, **overrides) -> dict:
    return {"partner": partner.pk, "title": "Smart villages", "signed_on": "2024-03-15", "status": "signed",
            "partner_contribution_usd": "250000.00", "itu_contribution_usd": "10000.50", "region": "africa",
            "priorities": ["digital_transformation", "affordable_connectivity"], **overrides}


def test_staff_creates_a_partner_with_a_token(token_client):
    payload = {"name": "Ministry of ICT", "acronym": "MICT", "kind": "government",
               "membership_category": "member_state", "country": "KE"}
    response = token_client.post(PARTNERS, payload, content_type="application/json")
    assert response.status_code == 201, response.json()
    partner = Partner.objects.get(pk=response.json()["id"])
    assert (partner.name, partner.country.code, partner.membership_category) == (
        "Ministry of ICT", "KE", "member_state")


def test_staff_creates_an_agreement_with_priority_codes(token_client, make_partner):
    partner = make_partner()
    response = token_client.post(AGREEMENTS, agreement_payload(partner), content_type="application/json")
    assert response.status_code == 201, response.json()
    body = response.json()
    agreement = PartnershipAgreement.objects.get(pk=body["id"])
    assert agreement.reference.startswith("BDT-2024-")
    assert body["partner_contribution_usd"] == "250000.00"
    assert sorted(agreement.priorities.values_list("code", flat=True)) == [
        "affordable_connectivity", "digital_transformation"]
    assert agreement.is_financial


@pytest.mark.parametrize(("override", "field"), [
    ({"partner_contribution_usd": "-1.00"}, "partner_contribution_usd"),
    ({"itu_contribution_usd": "-0.01"}, "itu_contribution_usd"),
    ({"signed_on": (date.today() + timedelta(days=3)).isoformat()}, "signed_on"),
    ({"region": "atlantis"}, "region"),
    ({"priorities": ["world_peace"]}, "priorities"),
    ({"status": "maybe"}, "status"),
    ({"partner_contribution_usd": "lots"}, "partner_contribution_usd"),
])
def test_bad_agreement_is_refused_with_the_field_and_nothing_stored(token_client, make_partner, override,
                                                                       field):
    response = token_client.post(AGREEMENTS, agreement_payload(make_partner(), **override),
                                 content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not PartnershipAgreement.objects.exists()


def test_a_draft_may_be_dated_in_the_future(token_client, make_partner):
    future = (date.today() + timedelta(days=30)).isoformat()
    payload = agreement_payload(make_partner(), status="draft", signed_on=future)
    response = token_client.post(AGREEMENTS, payload, content_type="application/json")
    assert response.status_code == 201


@pytest.mark.parametrize(("payload", "field"), [
    ({"name": "X", "kind": "alien", "membership_category": "none"}, "kind"),
    ({"name": "X", "kind": "government", "membership_category": "vip"}, "membership_category"),
    ({"name": "X", "kind": "government", "membership_category": "none", "country": "XX"}, "country"),
    ({"kind": "government", "membership_category": "none"}, "name"),
])
def test_bad_partner_is_refused(token_client, payload, field):
    response = token_client.post(PARTNERS, payload, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Partner.objects.exists()


def test_anonymous_users_read_but_cannot_write(client, make_partner):
    make_partner(contact_email="secret@example.org")
    listing = client.get(PARTNERS)
    assert listing.status_code == 200
    assert "contact_email" not in listing.json()["results"][0]
    response = client.post(PARTNERS, {"name": "X", "kind": "government"}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert Partner.objects.count() == 1


def test_a_signed_in_member_cannot_write(client, member_user):
    client.force_login(member_user)
    response = client.post(PARTNERS, {"name": "X", "kind": "government"}, content_type="application/json")
    assert response.status_code == 403


def test_staff_see_contacts(token_client, make_partner):
    make_partner(contact_email="focal@example.org")
    assert token_client.get(PARTNERS).json()["results"][0]["contact_email"] == "focal@example.org"


def test_agreements_are_filtered_by_year_region_priority_partner_and_kind(client, make_agreement,
                                                                          make_partner):
    academic = make_partner(kind="academia")
    a = make_agreement(region="africa", priorities=["digital_transformation"], signed_on=date(2024, 1, 5))
    b = make_agreement(region="europe", priorities=["enabling_environment"], signed_on=date(2023, 1, 5),
                       partner=academic)

    def ids(**query):
        return [row["id"] for row in client.get(AGREEMENTS, query).json()["results"]]

    assert ids(year=2024) == [a.pk]
    assert ids(region="europe") == [b.pk]
    assert ids(priority="digital_transformation") == [a.pk]
    assert ids(partner=academic.pk) == [b.pk]
    assert ids(kind="academia") == [b.pk]
    assert client.get(AGREEMENTS, {"region": "atlantis"}).status_code == 400


def test_draft_agreements_are_hidden_from_the_public(make_agreement, staff_client):
    make_agreement(status="draft", signed_on=None)
    assert Client().get(AGREEMENTS).json()["count"] == 0
    assert staff_client.get(AGREEMENTS).json()["count"] == 1


@pytest.mark.parametrize("size", [5, 200])
def test_agreement_list_uses_constant_queries(client, make_agreement, make_partner, size,
                                              django_assert_max_num_queries):
    partner = make_partner()
    for _ in range(size):
        make_agreement(partner=partner, priorities=["digital_transformation"])
    with django_assert_max_num_queries(4):
        assert client.get(AGREEMENTS).status_code == 200
