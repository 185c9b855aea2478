"""The staff admin: lists, history, CSV/XLSX export and import, lifecycle actions asking for a reason."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centres.admin import ApplicationResource, CentreResource
from centres.models import (
    ActionPlan,
    Application,
    Centre,
    CentreProgressReport,
    CooperationAgreement,
)
from tests.factories import ApplicationFactory, StagedCentreFactory, pdf_upload

from .conftest import make_report

MODELS = ["application", "call", "criterion", "centre", "cooperationagreement", "actionplan",
          "actionplanactivity", "centreprogressreport", "centredocument", "centrehost", "training",
          "networkevent"]


@pytest.mark.parametrize("model", MODELS)
def test_staff_can_open_every_admin_list(staff_client, centre, model):
    response = staff_client.get(reverse(f"admin:centres_{model}_changelist"), {"q": "centre"})
    assert response.status_code == 200


def test_centre_change_page_and_history_open(staff_client, centre):
    assert staff_client.get(reverse("admin:centres_centre_change", args=[centre.pk])).status_code == 200
    assert staff_client.get(reverse("admin:centres_centre_history", args=[centre.pk])).status_code == 200


def test_centres_and_applications_round_trip_through_csv_and_xlsx(centre):
    applications, centres = ApplicationResource().export(), CentreResource().export()
    assert centre.application.reference in applications.csv and centre.slug in centres.csv
    assert centres.xlsx[:2] == b"PK"
    Centre.objects.filter(pk=centre.pk).update(city="Changed")
    Application.objects.filter(pk=centre.application.pk).update(city="Changed")
    for resource, dataset in ((ApplicationResource(), applications), (CentreResource(), centres)):
        result = resource.import_data(dataset, dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors()
    centre.refresh_from_db()
    centre.application.refresh_from_db()
    assert centre.city == "Nairobi" and centre.application.city == "Nairobi"


def test_staff_can_open_the_export_page(staff_client, centre):
    assert staff_client.get(reverse("admin:centres_centre_export")).status_code == 200


def test_not_selecting_asks_for_a_reason_first(staff_client, call):
    application = ApplicationFactory(call=call)
    url = reverse("admin:centres_application_changelist")
    page = staff_client.post(url, {"action": "reject", "_selected_action": [application.pk]})
    assert page.status_code == 200 and "Reason for not selecting" in page.content.decode()
    staff_client.post(url, {"action": "reject", "_selected_action": [application.pk], "apply": "1",
                            "reason": "Outside the strategic objectives"})
    application.refresh_from_db()
    assert application.status == Application.Status.NOT_SELECTED
    assert application.decision_reason == "Outside the strategic objectives"


def test_removing_a_centre_in_the_admin_records_date_and_reason(staff_client, call):
    centre = StagedCentreFactory(application__call=call)
    staff_client.post(reverse("admin:centres_centre_changelist"), {
        "action": "remove", "_selected_action": [centre.pk], "apply": "1",
        "removed_on": timezone.localdate().isoformat(), "reason": "insufficient_support", "note": ""})
    centre.refresh_from_db()
    assert centre.status == Centre.Status.REMOVED and centre.removal_reason == "insufficient_support"


def test_an_action_that_breaks_a_rule_reports_it_and_changes_nothing(staff_client, call):
    centre = StagedCentreFactory(application__call=call)
    response = staff_client.post(reverse("admin:centres_centre_changelist"),
                                 {"action": "start_design", "_selected_action": [centre.pk]}, follow=True)
    assert "after the cooperation agreement is signed" in response.content.decode()
    centre.refresh_from_db()
    assert centre.status == Centre.Status.SELECTED


def test_returning_a_report_in_the_admin_needs_a_comment(staff_client, centre):
    report = make_report(centre, CentreProgressReport.Status.SUBMITTED)
    url = reverse("admin:centres_centreprogressreport_changelist")
    staff_client.post(url, {"action": "send_back", "_selected_action": [report.pk], "apply": "1",
                            "comment": ""})
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.SUBMITTED
    staff_client.post(url, {"action": "send_back", "_selected_action": [report.pk], "apply": "1",
                            "comment": "Add the indicators."})
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.RETURNED


def test_second_agreement_in_the_admin_is_refused_unless_it_is_a_renewal(staff_client, centre):
    today = timezone.localdate()
    response = staff_client.post(reverse("admin:centres_cooperationagreement_add"), {
        "centre": centre.pk, "signed_on": today, "starts_on": today,
        "ends_on": today + timedelta(days=730),
        "document": pdf_upload()})
    assert response.status_code == 200 and "record a renewal" in response.content.decode()
    assert CooperationAgreement.objects.filter(centre=centre).count() == 1


def test_staff_approve_a_submitted_action_plan_in_the_admin(staff_client, call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
    ActionPlan.objects.filter(centre=centre).update(status=ActionPlan.Status.SUBMITTED)
    staff_client.post(reverse("admin:centres_actionplan_changelist"),
                      {"action": "approve", "_selected_action": [centre.action_plan.pk]})
    centre.refresh_from_db()
    assert centre.status == Centre.Status.CAPACITY_BUILDING


def test_staff_see_the_reported_progress_of_each_activity(staff_client, centre):
    from centres.models import ActionPlanActivity

    report = make_report(centre, CentreProgressReport.Status.SUBMITTED)
    report.lines.create(
        activity=ActionPlanActivity.objects.get(plan__centre=centre), status="in_progress", progress=35
    )
    page = staff_client.get(
        reverse("admin:centres_centreprogressreport_change", args=[report.pk])
    ).content.decode()
    assert "Foresight programme" in page and "35" in page


@pytest.mark.parametrize("model", ["centre", "application"])
def test_the_country_column_names_the_country_without_looking_through_every_choice(staff_client, centre,
                                                                                    model, monkeypatch):
    from django_countries.fields import CountryField

    looked_up = []
    monkeypatch.setattr(CountryField, "flatchoices",
                        property(lambda field: looked_up.append(field) or []), raising=False)
    response = staff_client.get(reverse(f"admin:centres_{model}_changelist"))
    assert response.status_code == 200
    assert centre.country.name in response.content.decode()
    assert looked_up == []
