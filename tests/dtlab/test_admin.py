from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from dtlab import demo, services
from dtlab.models import Playbook, PlaybookDocument, PlaybookVersion, ServiceRequest

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
        "resource": "1", "format": fmt, **{f"riacohortresource_{name}": "on" for name in fields},
    })
    assert response.status_code == 200
    assert content_type in response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    if fmt == "0":
        rows = response.content.decode().splitlines()
        assert rows[0].split(",")[-2:] == ["concepts", "total_budget_usd"]
        *_, concepts, total = rows[1].split(",")
        assert (int(concepts), Decimal(total)) == (5, Decimal("20000000"))


@pytest.mark.parametrize("model", MODELS)
def test_staff_open_the_add_form_of_each_dtlab_model(staff_client, model):
    assert staff_client.get(reverse(f"admin:dtlab_{model}_add")).status_code == 200


def test_staff_open_a_playbook_with_its_history(staff_client, demo_data):
    playbook = Playbook.objects.get(slug="strategic-foresight")
    assert staff_client.get(reverse("admin:dtlab_playbook_change", args=[playbook.pk])).status_code == 200
    assert staff_client.get(reverse("admin:dtlab_playbook_history", args=[playbook.pk])).status_code == 200


def test_admin_refuses_a_playbook_file_that_is_not_a_pdf(staff_client, demo_data):
    version = PlaybookVersion.objects.get(playbook__slug="strategic-foresight", number="1.0")
    documents = list(version.documents.order_by("pk"))
    data = {
        "playbook": version.playbook_id, "number": "1.0", "released_on": "2024-10-28",
        "documents-TOTAL_FORMS": str(len(documents) + 1), "documents-INITIAL_FORMS": str(len(documents)),
        "documents-MIN_NUM_FORMS": "0", "documents-MAX_NUM_FORMS": "1000",
        "documents-0-id": "",
    }
    for index, document in enumerate(documents):
        data.update({f"documents-{index}-id": document.pk, f"documents-{index}-version": version.pk,
                     f"documents-{index}-language": document.language})
    new = len(documents)
    data.update({f"documents-{new}-version": version.pk, f"documents-{new}-language": "en",
                 f"documents-{new}-file": SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf")})
    response = staff_client.post(reverse("admin:dtlab_playbookversion_change", args=[version.pk]), data)
    assert response.status_code == 200
    assert "Only PDF documents are accepted" in response.content.decode()
    assert version.documents.count() == len(documents)


def test_service_requests_can_be_exported_but_not_imported(staff_client, demo_data):
    assert staff_client.get(reverse("admin:dtlab_servicerequest_export")).status_code == 200
    with pytest.raises(NoReverseMatch):
        reverse("admin:dtlab_servicerequest_import")


def test_download_counts_export_per_language_and_version(staff_client, demo_data):
    document = PlaybookDocument.objects.get(version__playbook__slug="strategic-foresight", language="ru")
    services.playbook_document_count_download(document=document)
    response = staff_client.post(reverse("admin:dtlab_playbookdocument_export"), {
        "resource": "0", "format": "0",
        **{f"playbookdocumentresourcereadable_{name}": "on" for name in ("id", "language", "download_count")},
    })
    rows = response.content.decode().splitlines()
    assert f"{document.pk},Русский,1" in rows
