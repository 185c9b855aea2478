"""The host portal: a host sees and changes only their own centre; everyone else is kept out."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.models import StrategicObjective
from centres.models import ActionPlan, ActionPlanActivity, Centre, CentreDocument, CentreProgressReport
from tests.factories import StagedCentreFactory, pdf_upload

from .conftest import bulk_centres, make_host, make_report


def _other_objects(centre):
    document = CentreDocument.objects.create(centre=centre, title="Budget", file=pdf_upload())
    report = make_report(centre)
    return {
        "activity": ActionPlanActivity.objects.get(plan__centre=centre),
        "report": report,
        "document": document,
        "agreement": centre.agreements.get(),
    }


@pytest.mark.parametrize(("url_name", "key", "method"), [
    ("portal:activity-edit", "activity", "get"),
    ("portal:activity-edit", "activity", "post"),
    ("portal:report", "report", "get"),
    ("portal:report", "report", "post"),
    ("portal:report-submit", "report", "post"),
    ("portal:document-download", "document", "get"),
    ("portal:agreement-download", "agreement", "get"),
])
def test_host_gets_404_for_another_centres_object(host_client, other_centre, url_name, key, method):
    obj = _other_objects(other_centre)[key]
    response = getattr(host_client, method)(reverse(url_name, args=[obj.pk]), {"title": "Hijacked"})
    assert response.status_code == 404
    if key == "report":
        obj.refresh_from_db()
        assert obj.status == CentreProgressReport.Status.DRAFT
    if key == "activity":
        obj.refresh_from_db()
        assert obj.title == "Foresight programme"


@pytest.mark.parametrize(("url_name", "key"), [
    ("portal:activity-edit", "activity"), ("portal:report", "report"),
    ("portal:document-download", "document"), ("portal:agreement-download", "agreement"),
])
def test_host_opens_their_own_centres_objects(host_client, centre, url_name, key):
    obj = _other_objects(centre)[key]
    assert host_client.get(reverse(url_name, args=[obj.pk])).status_code == 200


PAGES = ["portal:dashboard", "portal:profile", "portal:action-plan", "portal:reports", "portal:report-add",
         "portal:documents", "portal:agreement", "portal:activity-add"]


@pytest.mark.parametrize("url_name", PAGES)
def test_portal_pages_show_only_the_hosts_own_centre(host_client, centre, other_centre, url_name):
    CentreDocument.objects.create(centre=other_centre, title="Secret budget of the other", file=pdf_upload())
    make_report(other_centre)
    ActionPlanActivity.objects.filter(plan__centre=other_centre).update(title="Other centre's activity")
    page = host_client.get(reverse(url_name)).content.decode()
    assert other_centre.name not in page
    assert "Secret budget of the other" not in page
    assert "Other centre&#x27;s activity" not in page


@pytest.mark.parametrize("url_name", PAGES)
def test_portal_refuses_people_who_are_not_hosts(client, staff_user, member_user, url_name):
    assert client.get(reverse(url_name)).status_code == 302
    client.force_login(member_user)
    assert client.get(reverse(url_name)).status_code == 403
    client.force_login(staff_user)
    assert client.get(reverse(url_name)).status_code == 403


def test_a_host_lands_on_the_portal_after_login(client, host_user):
    response = client.post(reverse("login"), {"username": "host-a", "password": "correct horse battery"})
    assert client.get(response["Location"])["Location"] == reverse("portal:dashboard")


def test_profile_saves_descriptions_in_six_languages_and_shows_them_publicly(host_client, centre):
    response = host_client.post(reverse("portal:profile"), {
        "description_en": "We accelerate start-ups.", "description_ar": "نسرّع الشركات الناشئة.",
        "description_fr": "", "description_es": "", "description_ru": "", "description_zh_hans": "",
        "website": "https://centre.example", "contact_email": "hello@centre.example", "contact_phone": "",
    })
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.website == "https://centre.example"
    assert "نسرّع" in host_client.get(f"/ar/centres/{centre.slug}/").content.decode()
    assert "We accelerate start-ups." in host_client.get(f"/fr/centres/{centre.slug}/").content.decode()


def test_profile_refuses_a_logo_that_is_not_an_image(host_client, centre):
    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")
    response = host_client.post(reverse("portal:profile"), {"description_en": "x", "logo": fake})
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    centre.refresh_from_db()
    assert not centre.logo


def test_document_upload_refuses_a_file_that_is_not_a_pdf(host_client, centre):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 executable", content_type="application/pdf")
    response = host_client.post(reverse("portal:documents"), {"title": "Report", "file": fake})
    assert response.status_code == 200
    assert "this file is not a PDF" in response.content.decode()
    assert not CentreDocument.objects.exists()


def test_document_upload_refuses_an_oversized_file(host_client, centre, settings):
    settings.MAX_UPLOAD_SIZE = 30
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 100, content_type="application/pdf")
    response = host_client.post(reverse("portal:documents"), {"title": "Big", "file": big})
    assert "the largest accepted is" in response.content.decode()
    assert not CentreDocument.objects.exists()


def test_documents_are_downloaded_as_attachments(host_client, centre):
    host_client.post(reverse("portal:documents"), {"title": "Budget 2025", "file": pdf_upload("budget.pdf")})
    document = CentreDocument.objects.get(centre=centre)
    response = host_client.get(reverse("portal:document-download", args=[document.pk]))
    assert response["Content-Disposition"].startswith("attachment")


def test_activity_with_end_before_start_gets_a_field_message(host_client, centre):
    today = timezone.localdate()
    response = host_client.post(reverse("portal:activity-add"), {
        "objective": StrategicObjective.objects.get(number=2).pk, "title": "Backwards",
        "planned_start": today, "planned_end": today - timedelta(days=1), "status": "planned", "progress": 0})
    assert response.status_code == 200
    assert "The planned end cannot be before the planned start." in response.content.decode()
    assert not ActionPlanActivity.objects.filter(title="Backwards").exists()


def test_action_plan_without_activities_cannot_be_submitted(client, django_user_model, call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
    ActionPlanActivity.objects.filter(plan__centre=centre).delete()
    client.force_login(make_host(django_user_model, centre))
    response = client.post(reverse("portal:action-plan-submit"), follow=True)
    assert "Add at least one activity" in response.content.decode()
    assert ActionPlan.objects.get(centre=centre).status == ActionPlan.Status.DRAFT


def test_submitted_report_can_no_longer_be_changed(host_client, centre):
    report = make_report(centre, CentreProgressReport.Status.SUBMITTED)
    response = host_client.post(reverse("portal:report", args=[report.pk]), {"report-summary": "Changed"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.summary == "Half-year summary."


def test_dashboard_says_a_progress_report_is_due(host_client, centre):
    Centre.objects.filter(pk=centre.pk).update(design_finished_on=timezone.localdate() - timedelta(days=200))
    assert "A progress report is due." in host_client.get(reverse("portal:dashboard")).content.decode()


def _fill(centre, call, count):
    bulk_centres(call, count)
    plan = centre.action_plan
    today = timezone.localdate()
    objective = StrategicObjective.objects.get(number=3)
    ActionPlanActivity.objects.bulk_create(
        ActionPlanActivity(
            plan=plan, objective=objective, title=f"A{i}", planned_start=today, planned_end=today
        )
        for i in range(count)
    )
    CentreProgressReport.objects.bulk_create(
        CentreProgressReport(centre=centre, period_start=today - timedelta(days=i + 1),
                       period_end=today - timedelta(days=i), summary="s")
        for i in range(count))
    CentreDocument.objects.bulk_create(CentreDocument(centre=centre, title=f"D{i}", file="x.pdf")
                                       for i in range(count))


@pytest.mark.parametrize("url_name", ["portal:dashboard", "portal:action-plan", "portal:reports",
                                      "portal:documents", "portal:agreement", "portal:profile"])
@pytest.mark.parametrize("count", [5, 200])
def test_portal_pages_use_a_constant_number_of_queries(host_client, centre, call, url_name, count,
                                                       django_assert_max_num_queries):
    _fill(centre, call, count)
    with django_assert_max_num_queries(14):
        response = host_client.get(reverse(url_name))
    assert response.status_code == 200


def test_report_with_a_bad_progress_line_saves_nothing(host_client, centre):
    report = make_report(centre)
    activity = ActionPlanActivity.objects.get(plan__centre=centre)
    line = report.lines.create(activity=activity, status="planned", progress=0)
    response = host_client.post(reverse("portal:report", args=[report.pk]), {
        "report-period_start": report.period_start, "report-period_end": report.period_end,
        "report-summary": "Changed summary", "lines-TOTAL_FORMS": 1, "lines-INITIAL_FORMS": 1,
        "lines-0-id": line.pk, "lines-0-status": "done", "lines-0-progress": 150, "lines-0-note": ""})
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 100." in response.content.decode()
    report.refresh_from_db()
    line.refresh_from_db()
    assert report.summary == "Half-year summary." and line.progress == 0


def test_host_uploads_a_logo_and_can_clear_it(host_client, centre):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format="PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    profile = {"description_en": "We accelerate start-ups.", "contact_email": "", "website": ""}
    assert host_client.post(reverse("portal:profile"), {**profile, "logo": logo}).status_code == 302
    centre.refresh_from_db()
    assert centre.logo.name.endswith(".png")
    host_client.post(reverse("portal:profile"), profile)
    centre.refresh_from_db()
    assert centre.logo
    host_client.post(reverse("portal:profile"), {**profile, "logo-clear": "on"})
    centre.refresh_from_db()
    assert not centre.logo


def test_activities_wait_for_the_design_phase(client, django_user_model, call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    client.force_login(make_host(django_user_model, centre))
    response = client.get(reverse("portal:activity-add"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("portal:action-plan")
    assert "The action plan opens with the design phase." in response.content.decode()
