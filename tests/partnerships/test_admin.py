"""The partnerships admin writes through the services: each rule below is the service's."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from partnerships.models import Partner, PartnershipAgreement
from tests.admin_forms import admin_form_data
from tests.factories import PartnerFactory, PartnershipAgreementFactory

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_an_agreement_added_in_the_admin_gets_its_reference_from_the_service(staff_client):
    partner = PartnerFactory()
    url = reverse("admin:partnerships_partnershipagreement_add")
    data = admin_form_data(staff_client.get(url), title_en="Schools online", partner=partner.pk,
                           region="africa", status="active", signed_on="2025-03-04",
                           partner_contribution_usd="10.00", itu_contribution_usd="0")
    assert data["reference"] == ""
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    agreement = PartnershipAgreement.objects.get()
    assert agreement.reference.startswith("BDT-2025-") and agreement.partner == partner


def test_an_agreement_changed_in_the_admin_keeps_the_services_rules(staff_client):
    agreement = PartnershipAgreementFactory()
    url = reverse("admin:partnerships_partnershipagreement_change", args=[agreement.pk])
    response = staff_client.post(url, admin_form_data(staff_client.get(url), title_en="New title"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "New title"


def test_a_partner_added_in_the_admin_is_created_by_the_service(staff_client, monkeypatch):
    from partnerships import services

    created = []
    real = services.partner_create
    monkeypatch.setattr(services, "partner_create", lambda **kw: created.append(kw) or real(**kw))
    url = reverse("admin:partnerships_partner_add")
    response = staff_client.post(url, admin_form_data(staff_client.get(url), name_en="Acme Telecom",
                                                      kind="private_sector"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    partner = Partner.objects.get()
    assert created and partner.name == "Acme Telecom"
    assert response["Location"] == reverse("admin:partnerships_partner_changelist")


def test_the_admin_does_not_delete_a_partner_with_agreements_and_says_why(staff_client):
    agreement = PartnershipAgreementFactory()
    url = reverse("admin:partnerships_partner_delete", args=[agreement.partner.pk])
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert _messages(response) == ["A partner with agreements cannot be deleted."]
    assert Partner.objects.filter(pk=agreement.partner.pk).exists()


def test_the_admin_deletes_a_partner_without_agreements(staff_client):
    partner = PartnerFactory()
    response = staff_client.post(reverse("admin:partnerships_partner_delete", args=[partner.pk]),
                                 {"post": "yes"})
    assert response.status_code == 302
    assert not Partner.objects.exists()


def test_the_bulk_delete_deletes_nothing_when_a_selected_partner_has_agreements(staff_client):
    free = PartnerFactory()
    bound = PartnershipAgreementFactory().partner
    response = staff_client.post(reverse("admin:partnerships_partner_changelist"),
                                 {"action": "delete_selected", "_selected_action": [free.pk, bound.pk],
                                  "post": "yes"})
    assert response.status_code == 302
    assert _messages(response) == [f"{bound}: A partner with agreements cannot be deleted."]
    assert Partner.objects.count() == 2


def test_the_bulk_delete_deletes_partners_without_agreements(staff_client):
    partners = PartnerFactory.create_batch(2)
    response = staff_client.post(reverse("admin:partnerships_partner_changelist"),
                                 {"action": "delete_selected", "_selected_action": [p.pk for p in partners],
                                  "post": "yes"})
    assert response.status_code == 302
    assert not Partner.objects.exists()
