from decimal import Decimal

import pytest
from django.urls import reverse

from dtlab import demo
from dtlab.models import ServiceRequest

pytestmark = pytest.mark.django_db

MODELS = ["funder", "playbook", "playbookversion", "playbookdocument", "service", "servicerequest",
          "riacohort", "projectconcept"]


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


@pytest.mark.parametrize("model", MODELS)
def test_staff_see_each_dtlab_list_in_the_admin(staff_client, demo_data, model):
    response = staff_client.get(reverse(f"admin:dtlab_{model}_changelist") + "?q=a")
    assert response.status_code == 200


def test_cohort_list_in_the_admin_shows_the_totals(staff_client, demo_data):
    response = staff_client.get(reverse("admin:dtlab_riacohort_changelist"))
    assert "20000000" in response.content.decode().replace(",", "").replace("\u00a0", "")


def test_staff_complete_a_request_with_admin_actions(staff_client, demo_data):
    request = ServiceRequest.objects.create(
        service_id=ServiceRequest.objects.first().service_id, requester_type="regional_office",
        organisation="Regional Office", country="EG", contact_name="B", contact_email="b@example.org",
        description="Help",
    )
    url = reverse("admin:dtlab_servicerequest_changelist")
    for action in ("accept", "start", "complete"):
        staff_client.post(url, {"action": action, "_selected_action": [request.pk]})
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.COMPLETED


def test_admin_refuses_a_step_out_of_order(staff_client, demo_data):
    request = ServiceRequest.objects.filter(status="completed").first()
    response = staff_client.post(reverse("admin:dtlab_servicerequest_changelist"),
                                 {"action": "accept", "_selected_action": [request.pk]}, follow=True)
    assert "cannot become" in response.content.decode()
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.COMPLETED


@pytest.mark.parametrize("fmt, content_type", [("0", "text/csv"), ("1", "spreadsheetml")])
def test_cohorts_export_to_csv_and_xlsx_with_their_totals(staff_client, demo_data, fmt, content_type):
    fields = ["number", "name", "city", "concept_count", "total_budget_usd"]
    response = staff_client.post(reverse("admin:dtlab_riacohort_export"), {
        "resource": "0", "format": fmt, **{f"riacohortresource_{name}": "on" for name in fields},
    })
    assert response.status_code == 200
    assert content_type in response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    if fmt == "0":
        rows = response.content.decode().splitlines()
        assert rows[0].split(",")[-2:] == ["concepts", "total_budget_usd"]
        *_, concepts, total = rows[1].split(",")
        assert (int(concepts), Decimal(total)) == (5, Decimal("20000000"))
