"""The centres admin writes through the services: the due-diligence checklist (due_diligence_record),
the cooperation agreements (agreement_check_terms) and the action plans' activities (activity_save)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from centres import services
from centres.models import (
    ActionPlan,
    ActionPlanActivity,
    Application,
    Centre,
    CooperationAgreement,
    DueDiligenceCheck,
)
from tests.admin_forms import admin_form_data
from tests.factories import (
    CentreActivityFactory,
    CentreAgreementFactory,
    CentreFactory,
    DueDiligenceCheckFactory,
)

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


def test_a_check_is_not_deleted_once_the_application_left_due_diligence(staff_client):
    check = DueDiligenceCheckFactory(application__status=Application.Status.EVALUATION)
    response = _post_check(staff_client, check, DELETE="on")
    assert response.status_code == 200
    assert "The checklist can be changed only while due diligence is under way." in response.content.decode()
    assert DueDiligenceCheck.objects.filter(pk=check.pk).exists()


def test_staff_delete_a_check_during_due_diligence_through_the_service(staff_client, staff_user, monkeypatch):
    deleted = []
    delete = services.due_diligence_delete

    def spy(**kwargs):
        deleted.append((kwargs["check"].pk, kwargs["by"].pk))
        delete(**kwargs)

    monkeypatch.setattr(services, "due_diligence_delete", spy)
    check = DueDiligenceCheckFactory()
    response = _post_check(staff_client, check, DELETE="on")
    assert response.status_code == 302
    assert deleted == [(check.pk, staff_user.pk)]
    assert not DueDiligenceCheck.objects.filter(pk=check.pk).exists()


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


# --- Activities of an action plan ------------------------------------------------------------------


@pytest.fixture
def activity_saves(monkeypatch):
    """The activities activity_save wrote (it still writes them)."""
    saved = []

    def spy(**kwargs):
        saved.append(kwargs["activity"])
        return save(**kwargs)

    save = services.activity_save
    monkeypatch.setattr(services, "activity_save", spy)
    return saved


def _post_activity(client, activity, **changes):
    url = reverse("admin:centres_actionplanactivity_change", args=[activity.pk])
    return client.post(url, admin_form_data(client.get(url), **changes))


def test_staff_change_an_activitys_progress_through_the_service_and_are_named_in_its_history(
        staff_client, staff_user, activity_saves):
    activity = CentreActivityFactory()
    response = _post_activity(staff_client, activity, status="in_progress", progress=40)
    assert response.status_code == 302
    assert activity_saves == [activity]
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (ActionPlanActivity.Status.IN_PROGRESS, 40)
    assert activity.history.latest().history_user == staff_user


def test_an_activity_of_a_plan_with_bdt_for_review_is_not_changed_in_the_admin(staff_client):
    activity = CentreActivityFactory(plan__status=ActionPlan.Status.SUBMITTED)
    response = _post_activity(staff_client, activity, status="done", progress=100)
    assert response.status_code == 200
    assert "The action plan is with BDT for review; wait for its answer." in response.content.decode()
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (ActionPlanActivity.Status.PLANNED, 0)


def test_an_activity_is_not_changed_in_the_admin_before_the_design_phase(staff_client):
    activity = CentreActivityFactory(plan__centre__status=Centre.Status.AGREEMENT_SIGNED)
    response = _post_activity(staff_client, activity, status="in_progress", progress=10)
    assert response.status_code == 200
    assert "The action plan can be changed once the design phase has started." in response.content.decode()
    activity.refresh_from_db()
    assert activity.progress == 0


def test_an_activity_ending_before_it_starts_is_the_services_form_error_in_the_admin(staff_client):
    activity = CentreActivityFactory()
    day_before = (activity.planned_start - datetime.timedelta(days=1)).isoformat()
    response = _post_activity(staff_client, activity, planned_end=day_before)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "planned_end": ["The planned end cannot be before the planned start."]}


def _post_plan_inline(client, activity, **changes):
    url = reverse("admin:centres_actionplan_change", args=[activity.plan.pk])
    return client.post(url, admin_form_data(client.get(url), **{
        f"activities-0-{name}": value for name, value in changes.items()}))


def test_the_action_plans_inline_does_not_change_an_activity_under_bdts_review(staff_client):
    activity = CentreActivityFactory(plan__status=ActionPlan.Status.SUBMITTED)
    response = _post_plan_inline(staff_client, activity, status="done", progress=100)
    assert response.status_code == 200
    assert "The action plan is with BDT for review; wait for its answer." in response.content.decode()
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (ActionPlanActivity.Status.PLANNED, 0)


def test_the_action_plans_inline_writes_an_activitys_progress_through_the_service(
        staff_client, staff_user, activity_saves):
    activity = CentreActivityFactory()
    response = _post_plan_inline(staff_client, activity, status="in_progress", progress=25)
    assert response.status_code == 302
    assert activity_saves == [activity]
    activity.refresh_from_db()
    assert activity.progress == 25
    assert activity.history.latest().history_user == staff_user
