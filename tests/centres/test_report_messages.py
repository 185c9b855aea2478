"""The exchange about a returned progress report stays with the report: BDT's return comment opens
it, the host reads it and answers on the report's page, each side told by e-mail."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from centres import services
from centres.models import ActionPlanActivity, CentreMessage, CentreProgressReport
from tests.factories import StaffFactory, pdf_upload

from .conftest import make_report


@pytest.fixture
def submitted(centre):
    report = make_report(centre, CentreProgressReport.Status.SUBMITTED)
    report.lines.create(
        activity=ActionPlanActivity.objects.get(plan__centre=centre), status="planned", progress=0
    )
    return report


@pytest.fixture
def staff(db):
    return StaffFactory(username="bdt-reviewer")


def _returned(report, staff, django_capture_on_commit_callbacks, comment="Add the number of start-ups."):
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_report_return(report=report, comment=comment, by=staff)
    report.refresh_from_db()
    return report


def _page(report, **extra):
    line = report.lines.get()
    return {"report-period_start": report.period_start, "report-period_end": report.period_end,
            "report-summary": "Forty start-ups coached.", "lines-TOTAL_FORMS": 1, "lines-INITIAL_FORMS": 1,
            "lines-0-id": line.pk, "lines-0-status": "in_progress", "lines-0-progress": 40,
            "lines-0-note": "", **extra}


def test_returning_a_report_puts_bdts_comment_in_the_thread_about_that_report(
        submitted, staff, host_user, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.PORTAL_BASE_URL = "https://alliance.itu.example"
    host_user.email = "host@centre.example"
    host_user.save()
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)

    message = CentreMessage.objects.get()
    assert (message.report, message.centre, message.from_bdt, message.author) == (
        report, report.centre, True, staff)
    assert message.body == "Add the number of start-ups."
    assert [mail.to for mail in mailoutbox] == [["host@centre.example"]]
    link = f"https://alliance.itu.example{reverse('portal:report', args=[report.pk])}#message-{message.pk}"
    assert link in mailoutbox[0].body


def test_the_report_page_shows_the_messages_about_that_report_only(
        host_client, centre, submitted, staff, django_capture_on_commit_callbacks):
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)
    other = make_report(centre, CentreProgressReport.Status.ACCEPTED, days=200)
    services.centre_message_send(centre=centre, body="About the other report.", by=staff, from_bdt=True,
                                 report=other)
    services.centre_message_send(centre=centre, body="A word about the agreement.", by=staff, from_bdt=True)

    page = host_client.get(reverse("portal:report", args=[report.pk])).content.decode()

    assert "Add the number of start-ups." in page
    assert "About the other report." not in page and "A word about the agreement." not in page
    thread = host_client.get(reverse("portal:messages")).content.decode()
    assert reverse("portal:report", args=[other.pk]) in thread


def test_answering_from_a_returned_reports_page_keeps_the_edits_and_tells_bdt(
        host_client, host_user, submitted, staff, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.ALLIANCE_CONTACT_EMAIL = "bdt-inbox@itu.example"
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = host_client.post(reverse("portal:report", args=[report.pk]), _page(
            report, **{"action": "message", "message-body": "Figures added: 40 start-ups.",
                       "message-attachment": pdf_upload("figures.pdf")}))

    answer = CentreMessage.objects.get(from_bdt=False)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('portal:report', args=[report.pk])}#message-{answer.pk}"
    assert (answer.report, answer.author, answer.body) == (report, host_user, "Figures added: 40 start-ups.")
    assert answer.attachment
    report.refresh_from_db()
    assert (
        report.summary == "Forty start-ups coached." and report.status == CentreProgressReport.Status.RETURNED
    )
    assert [mail.to for mail in mailoutbox] == [["bdt-inbox@itu.example"]]
    page = host_client.get(reverse("portal:report", args=[report.pk])).content.decode()
    assert page.index("Add the number of start-ups.") < page.index("Figures added: 40 start-ups.")


def test_an_empty_answer_is_refused_and_stores_nothing(host_client, submitted, staff, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)
    response = host_client.post(reverse("portal:report", args=[report.pk]),
                                _page(report, **{"action": "message", "message-body": "  "}))
    assert response.status_code == 200
    assert 'href="#id_message-body"' in response.content.decode()
    assert CentreMessage.objects.filter(from_bdt=False).count() == 0
    report.refresh_from_db()
    assert report.summary == "Half-year summary."


def test_a_host_writes_about_a_submitted_report_without_changing_it(host_client, submitted):
    response = host_client.post(reverse("portal:report", args=[submitted.pk]),
                                {"action": "message", "message-body": "Is anything missing?"})
    assert response.status_code == 302
    assert CentreMessage.objects.get().report == submitted
    submitted.refresh_from_db()
    assert (
        submitted.status == CentreProgressReport.Status.SUBMITTED
        and submitted.summary == "Half-year summary."
    )


def test_a_host_cannot_write_about_another_centres_report(host_client, other_centre):
    report = make_report(other_centre, CentreProgressReport.Status.SUBMITTED)
    response = host_client.post(reverse("portal:report", args=[report.pk]),
                                {"action": "message", "message-body": "Hello"})
    assert response.status_code == 404
    assert not CentreMessage.objects.exists()


def test_a_message_cannot_be_about_another_centres_report(centre, other_centre, staff):
    report = make_report(other_centre, CentreProgressReport.Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.centre_message_send(centre=centre, body="Hello", by=staff, from_bdt=True, report=report)
    assert "report" in error.value.message_dict
    assert not CentreMessage.objects.exists()


def test_bdt_answers_about_a_report_from_the_admin(staff_client, centre, submitted, host_user, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    host_user.email = "host@centre.example"
    host_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("admin:centres_centremessage_add"), {
            "centre": centre.pk, "report": submitted.pk, "body": "Thank you, accepted soon."})
    assert response.status_code == 302
    assert CentreMessage.objects.get().report == submitted
    assert reverse("portal:report", args=[submitted.pk]) in mailoutbox[0].body


def test_a_message_typed_before_save_draft_is_kept_on_the_page_not_sent(
        host_client, submitted, staff, mailoutbox, django_capture_on_commit_callbacks):
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)
    response = host_client.post(reverse("portal:report", args=[report.pk]), _page(
        report, **{"action": "save", "message-body": "Half-written answer to BDT"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Half-written answer to BDT</textarea>" in page and "Your message was not sent yet" in page
    assert "The report was saved." in page
    assert not CentreMessage.objects.filter(from_bdt=False).exists()
    report.refresh_from_db()
    assert report.summary == "Forty start-ups coached."


def test_a_message_typed_before_submitting_is_kept_on_the_submitted_reports_page(
        host_client, submitted, staff, django_capture_on_commit_callbacks):
    report = _returned(submitted, staff, django_capture_on_commit_callbacks)
    response = host_client.post(reverse("portal:report", args=[report.pk]), _page(
        report, **{"action": "submit", "submit-confirm": "on", "message-body": "Figures added."}))
    page = response.content.decode()
    assert response.status_code == 200 and "Figures added.</textarea>" in page
    assert 'id="id_report-summary"' not in page
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.SUBMITTED
    assert not CentreMessage.objects.filter(from_bdt=False).exists()
