"""The centres admin writes through the services: the due-diligence checklist (due_diligence_record)
and the cooperation agreements (agreement_check_terms)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from centres.models import Application, Centre, CooperationAgreement, DueDiligenceCheck
from tests.admin_forms import admin_form_data
from tests.factories import CentreAgreementFactory, CentreFactory, DueDiligenceCheckFactory

pytestmark = pytest.mark.django_db


def _post_check(client, check, **changes):
    url = reverse("admin:centres_application_change", args=[check.application.pk])
    data = admin_form_data(client.get(url), **{f"checks-0-{name}": value for name, value in changes.items()})
    return client.post(url, data)


def test_staff_record_a_check_during_due_diligence_and_are_named_on_it(staff_client, staff_user):
    check = DueDiligenceCheckFactory()
    response = _post_check(staff_client, check, result="passed")
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.result, check.checked_by) == ("passed", staff_user)
    assert check.checked_at is not None


def test_the_checklist_is_not_changed_once_the_application_left_due_diligence(staff_client):
    check = DueDiligenceCheckFactory(application__status=Application.Status.EVALUATION)
    response = _post_check(staff_client, check, result="failed", note="No registration.")
    assert response.status_code == 200
    assert "The checklist can be changed only while due diligence is under way." in response.content.decode()
    check.refresh_from_db()
    assert check.result == DueDiligenceCheck.Result.PENDING


def test_a_failed_check_needs_its_reason_in_the_admin(staff_client):
    check = DueDiligenceCheckFactory()
    response = _post_check(staff_client, check, result="failed", note="")
    assert response.status_code == 200
    assert "Say why the check failed." in response.content.decode()
    check.refresh_from_db()
    assert check.result == DueDiligenceCheck.Result.PENDING


def test_an_application_out_of_due_diligence_is_still_saved_with_its_checks_untouched(staff_client):
    check = DueDiligenceCheckFactory(application__status=Application.Status.EVALUATION)
    url = reverse("admin:centres_application_change", args=[check.application.pk])
    response = staff_client.post(url, admin_form_data(staff_client.get(url), city="Mombasa"))
    assert response.status_code == 302
    check.application.refresh_from_db()
    assert check.application.city == "Mombasa"


# --- Cooperation agreements ------------------------------------------------------------------------


def test_an_agreement_changed_in_the_admin_keeps_its_term_in_order(staff_client):
    agreement = CentreAgreementFactory()
    url = reverse("admin:centres_cooperationagreement_change", args=[agreement.pk])
    response = staff_client.post(url, admin_form_data(staff_client.get(url),
                                                      ends_on=agreement.starts_on.isoformat()))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"ends_on": ["The term must end after it starts."]}
    before = agreement.ends_on
    agreement.refresh_from_db()
    assert agreement.ends_on == before


def test_an_agreement_added_in_the_admin_with_a_future_signature_is_a_form_error(staff_client):
    centre = CentreFactory(status=Centre.Status.SELECTED)
    url = reverse("admin:centres_cooperationagreement_add")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = staff_client.post(url, admin_form_data(
        staff_client.get(url), centre=centre.pk, signed_on=tomorrow.isoformat(),
        starts_on=tomorrow.isoformat(), ends_on=(tomorrow + datetime.timedelta(days=700)).isoformat()))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "signed_on": ["The signature date cannot be in the future."]}
    assert not CooperationAgreement.objects.exists()
