"""A host never loses work: edits made on the progress report's page are what BDT receives, the
submission waits for the host's confirmation (no JavaScript needed), and a report BDT returns
comes back with the host's text.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from alliance import reference_data
from centres import services
from centres.models import ActionPlanActivity, Call, Centre, CentreProgressReport
from tests.centres.conftest import make_host, make_report
from tests.factories import StagedCentreFactory

from .conftest import screenshot

WAIT = 20_000
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _patient_expectations():
    expect.set_options(timeout=WAIT)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def host_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(WAIT)
    yield context.new_page()
    context.close()


@pytest.fixture
def call(settings, tmp_path):
    # The reference data (regions, initiatives) whatever another browser test's flush left.
    reference_data.load()
    return Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/portal/$"))


def click_and_wait(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name).click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_host_edits_the_report_then_submits_it_and_bdt_returns_it_with_the_text(
        live_server, host_page, call, django_user_model):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    report = make_report(centre)
    report.lines.create(
        activity=ActionPlanActivity.objects.get(plan__centre=centre), status="planned", progress=0
    )
    make_host(django_user_model, centre, "lakeside-host")
    page, main = host_page, host_page.locator("main")

    log_in(page, live_server.url, "lakeside-host")
    nav = page.get_by_role("navigation", name="Centre portal")
    with page.expect_navigation():
        nav.get_by_role("link", name="Progress reports").click()
    with page.expect_navigation():
        main.locator("tbody tr").first.get_by_role("link").click()

    # Edits, then "Save and submit" without ticking the confirmation: saved, not submitted.
    main.locator("#id_report-summary").fill("Twenty start-ups coached; the lab opened.")
    main.locator("#id_lines-0-progress").fill("40")
    main.locator("#id_lines-0-note").fill("First foresight report drafted")
    click_and_wait(page, "Save and submit to BDT")
    expect(main.locator(".status")).to_have_text("Draft")
    expect(main).to_contain_text("Your changes were saved as a draft.")
    expect(main.locator("#id_submit-confirm_error")).to_have_text("Tick this box to send it to BDT.")
    expect(main.locator("#id_report-summary")).to_have_value("Twenty start-ups coached; the lab opened.")
    report.refresh_from_db()
    assert (report.status, report.summary) == ("draft", "Twenty start-ups coached; the lab opened.")
    screenshot(page, "host-work-report-confirm")

    # One more edit, the confirmation ticked: the text on the page is what BDT receives.
    main.locator("#id_report-summary").fill("Twenty start-ups coached; the lab opened in March.")
    main.locator("#id_submit-confirm").check()
    click_and_wait(page, "Save and submit to BDT")
    expect(main.locator(".status")).to_have_text("Submitted to BDT")
    expect(main).to_contain_text("Twenty start-ups coached; the lab opened in March.")
    expect(main.locator("#id_report-summary")).to_have_count(0)  # only the message to BDT stays open
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.SUBMITTED
    assert report.summary == "Twenty start-ups coached; the lab opened in March."
    assert report.lines.get().progress == 40

    # BDT returns it: the host finds their text again, and the comment.
    services.progress_report_return(report=report, comment="Please add the number of jobs created.")
    page.reload()
    expect(main.locator(".status")).to_have_text("Returned for changes")
    expect(main).to_contain_text("Please add the number of jobs created.")
    expect(main.locator("#id_report-summary")).to_have_value(
        "Twenty start-ups coached; the lab opened in March.")
    expect(main.locator("#id_lines-0-progress")).to_have_value("40")
    expect(main.locator("#id_lines-0-note")).to_have_value("First foresight report drafted")
