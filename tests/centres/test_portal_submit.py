"""Submitting a progress report to BDT from the host portal saves what is on the page first, asks
for a confirmation, and a report BDT returns comes back with the host's text."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from centres import services
from centres.models import ActionPlanActivity, CentreProgressReport

from .conftest import make_report


@pytest.fixture
def report(centre):
    report = make_report(centre)
    report.lines.create(
        activity=ActionPlanActivity.objects.get(plan__centre=centre), status="planned", progress=0
    )
    return report


def _page(report, summary="Forty start-ups coached, two hackathons.", progress=40, **extra):
    line = report.lines.get()
    return {
        "report-period_start": report.period_start, "report-period_end": report.period_end,
        "report-summary": summary, "lines-TOTAL_FORMS": 1, "lines-INITIAL_FORMS": 1,
        "lines-0-id": line.pk, "lines-0-status": "in_progress", "lines-0-progress": progress,
        "lines-0-note": "Second cohort started", **extra,
    }


def _submit(client, report, **values):
    return client.post(reverse("portal:report", args=[report.pk]),
                       _page(report, **{"action": "submit", "submit-confirm": "on", **values}))


def test_report_page_is_one_form_with_a_save_and_a_submit_button(host_client, report):
    page = host_client.get(reverse("portal:report", args=[report.pk])).content.decode()
    assert page.count('<form method="post"') == 1
    assert 'name="action" value="save"' in page
    assert 'name="action" value="submit"' in page
    assert 'name="submit-confirm"' in page
    assert reverse("portal:report-submit", args=[report.pk]) not in page


def test_save_and_submit_stores_the_text_on_the_page_and_submits_it(host_client, report):
    response = _submit(host_client, report)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.SUBMITTED
    assert report.submitted_at is not None
    assert report.summary == "Forty start-ups coached, two hackathons."
    line = report.lines.get()
    assert (line.status, line.progress, line.note) == ("in_progress", 40, "Second cohort started")


def test_save_and_submit_without_the_confirmation_saves_the_draft_only(host_client, report):
    response = host_client.post(reverse("portal:report", args=[report.pk]),
                                _page(report, action="submit"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tick this box to send it to BDT." in page
    assert "Your changes were saved as a draft." in page
    assert "Forty start-ups coached, two hackathons." in page
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT
    assert report.summary == "Forty start-ups coached, two hackathons."


def test_save_draft_does_not_submit_even_with_the_box_ticked(host_client, report):
    response = host_client.post(reverse("portal:report", args=[report.pk]),
                                _page(report, **{"action": "save", "submit-confirm": "on"}))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT
    assert report.summary == "Forty start-ups coached, two hackathons."


def test_save_and_submit_with_a_bad_line_saves_and_submits_nothing(host_client, report):
    response = _submit(host_client, report, progress=150)
    assert response.status_code == 200
    assert "Forty start-ups coached, two hackathons." in response.content.decode()
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT
    assert report.summary == "Half-year summary."


def test_a_refused_submission_also_undoes_the_save(host_client, report, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError("BDT is not taking reports today.")

    monkeypatch.setattr(services, "progress_report_submit", refuse)
    response = _submit(host_client, report)
    assert response.status_code == 200
    page = response.content.decode()
    assert "BDT is not taking reports today." in page
    assert "Forty start-ups coached, two hackathons." in page
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT
    assert report.summary == "Half-year summary."


def test_returned_report_comes_back_with_the_hosts_text_and_can_be_submitted_again(
    host_client, report, client, staff_user,
):
    _submit(host_client, report)
    client.force_login(staff_user)
    client.post(reverse("admin:centres_centreprogressreport_changelist"), {
        "action": "send_back", "_selected_action": [report.pk], "apply": "1",
        "comment": "Please add the number of jobs created."})
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.RETURNED

    page = host_client.get(reverse("portal:report", args=[report.pk])).content.decode()
    assert "Please add the number of jobs created." in page
    assert "Forty start-ups coached, two hackathons.</textarea>" in page
    assert 'value="40"' in page
    assert "Second cohort started</textarea>" in page

    _submit(host_client, report, summary="Forty start-ups coached, 12 jobs created.")
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.SUBMITTED
    assert report.summary == "Forty start-ups coached, 12 jobs created."


def test_the_old_separate_submit_address_submits_nothing(host_client, report):
    response = host_client.post(reverse("portal:report-submit", args=[report.pk]), {"submit-confirm": "on"})
    assert response["Location"] == reverse("portal:report", args=[report.pk])
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT


def test_save_draft_with_a_mistake_does_not_ask_for_the_confirmation(host_client, report):
    response = host_client.post(reverse("portal:report", args=[report.pk]),
                                _page(report, progress=150, action="save"))
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 100." in page
    assert "Tick this box to send it to BDT." not in page
