"""Daily use: a host removes a document (BDT keeps it), answers BDT about a returned progress report
on the report's page without losing an edit, and an applicant finds the application's status with
its reference number and e-mail address. Without JavaScript-only steps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from centres import services
from centres.models import ActionPlanActivity, Centre, CentreDocument, CentreMessage, CentreProgressReport
from tests.centres.conftest import make_host, make_report
from tests.factories import ApplicationFactory, StagedCentreFactory, pdf_upload

from .conftest import screenshot
from .test_journey_host_work import _patient_expectations, call, click_and_wait, host_page, log_in  # noqa: F401


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_host_removes_a_document_after_confirming_it(live_server, host_page, call,  # noqa: F811
                                                     django_user_model):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    host = make_host(django_user_model, centre, "lakeside-host")
    document = services.centre_document_upload(centre=centre, title="Old statutes",
                                               file=pdf_upload("old.pdf"), by=host)
    services.centre_document_upload(centre=centre, title="Budget 2025", file=pdf_upload("budget.pdf"),
                                    by=host)
    page, main = host_page, host_page.locator("main")

    log_in(page, live_server.url, "lakeside-host")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Centre portal").get_by_role("link", name="Documents").click()
    with page.expect_navigation():
        main.get_by_role("link", name="Old statutes", exact=True).click()
    with page.expect_navigation():
        main.get_by_role("link", name="Remove Old statutes from your documents…").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Remove Old statutes")
    screenshot(page, "host-document-remove")
    click_and_wait(page, "Remove the document")

    expect(page).to_have_url(re.compile(r"/en/portal/documents/$"))
    expect(main).to_contain_text("“Old statutes” was removed from your documents.")
    expect(main.get_by_role("link", name="Old statutes", exact=True)).to_have_count(0)
    expect(main.get_by_role("link", name="Budget 2025", exact=True)).to_have_count(1)
    document.refresh_from_db()
    assert document.removed_by == host and CentreDocument.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_host_answers_bdt_about_a_returned_report_on_its_page(live_server, host_page, call,  # noqa: F811
                                                               django_user_model, mailoutbox):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    report = make_report(centre, CentreProgressReport.Status.SUBMITTED)
    report.lines.create(
        activity=ActionPlanActivity.objects.get(plan__centre=centre), status="planned", progress=0
    )
    make_host(django_user_model, centre, "lakeside-host")
    services.progress_report_return(report=report, comment="Please add the number of jobs created.")
    page, main = host_page, host_page.locator("main")

    log_in(page, live_server.url, "lakeside-host")
    page.goto(f"{live_server.url}/en/portal/reports/{report.pk}/")
    thread = main.locator("ol.thread li")
    expect(thread).to_have_count(1)
    expect(thread.first).to_contain_text("BDT")
    expect(thread.first).to_contain_text("Please add the number of jobs created.")

    main.locator("#id_report-summary").fill("Twelve jobs created; the lab opened.")
    main.get_by_label("Message").fill("The number of jobs is now in the summary.")
    click_and_wait(page, "Send to BDT")

    expect(main).to_contain_text("The report was saved and your message about it was sent to BDT.")
    expect(thread).to_have_count(2)
    expect(thread.nth(1)).to_contain_text("The number of jobs is now in the summary.")
    expect(main.locator("#id_report-summary")).to_have_value("Twelve jobs created; the lab opened.")
    screenshot(page, "host-report-messages")
    answer = CentreMessage.objects.get(from_bdt=False)
    assert answer.report == report
    report.refresh_from_db()
    assert report.summary == "Twelve jobs created; the lab opened."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_applicant_finds_the_status_with_the_reference_and_e_mail_address(
        live_server, host_page, call):  # noqa: F811
    application = ApplicationFactory(call=call, contact_email="amina@example.org")
    page, main = host_page, host_page.locator("main")

    page.goto(f"{live_server.url}/en/centres/apply/")
    with page.expect_navigation():
        main.get_by_role("link", name=re.compile(r"^Already applied\? Follow your application")).click()
    main.get_by_label("Reference number").fill(application.reference)
    main.get_by_label("E-mail address").fill("someone@example.org")
    click_and_wait(page, "See the status")
    summary = main.locator(".error-summary")
    expect(summary).to_contain_text("No application matches this reference number and e-mail address.")

    main.get_by_label("E-mail address").fill("amina@example.org")
    click_and_wait(page, "See the status")
    expect(page).to_have_url(re.compile(r"/en/centres/apply/status/[^/]+/$"))
    expect(main).to_contain_text(application.reference)
    screenshot(page, "applicant-status-lookup")
