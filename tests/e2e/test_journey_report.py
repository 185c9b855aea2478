"""Journey 3: staff request the TDAG partnerships report for 2024 in the staff area, watch the
detail page follow it from queued to done, and download the PDF, whose text holds seed 002's figures.

The report task is held back when it is queued, as a broker would hold it, and run by the test
(as the worker would) once the page shows it queued: the page's own polling script
(static/js/report-status.js) must then notice it finished. Keyboard only.
"""

from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.reports import tasks
from alliance.reports.models import ReportStatus, TDAGReport

from .conftest import give_authenticator, screenshot
from .keyboard import log_in, path, press_enter_and_wait, tab_and_choose, tab_to

SEED_002_FIGURES = ("89 partnership agreements", "53 of which", "USD 33.8 million", "73 partners",
                    "33 signed financial contributions", "USD 31.1 million", "European Union")


def type_date(page, selector: str, day: date) -> None:
    """Type a date into a date input, segment by segment, in the browser's order (mm/dd/yyyy...)."""
    tab_to(page, selector)
    order = page.evaluate("""() => new Intl.DateTimeFormat(navigator.language)
        .formatToParts(new Date(2024, 0, 31)).map(p => p.type)
        .filter(t => ['day', 'month', 'year'].includes(t))""")
    parts = {"day": f"{day.day:02d}", "month": f"{day.month:02d}", "year": f"{day.year}"}
    for part in order:
        page.keyboard.type(parts[part])
    assert page.input_value(selector) == day.isoformat()


class HeldQueue:
    """Stands in for the broker: remembers the ids ``generate_report.delay`` is called with."""

    def __init__(self) -> None:
        self.report_ids: list[int] = []

    def delay(self, report_id: int) -> None:
        self.report_ids.append(report_id)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_request_the_2024_partnerships_report_watch_it_finish_and_download_it(
        live_server, page, django_user_model, settings, tmp_path, monkeypatch, pdf_text):
    call_command("load_demo", verbosity=0)
    TDAGReport.objects.all().delete()  # the demo's published 2024 documents: this one is asked anew
    staff = django_user_model.objects.create_user(username="bdt-reports", password="reports pass 2024",
                                                  email="reports@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(staff)
    queue = HeldQueue()
    monkeypatch.setattr(tasks.generate_report, "delay", queue.delay)

    log_in(page, live_server.url, "bdt-reports", "reports pass 2024")
    assert path(page).endswith("/en/staff/")
    tab_to(page, "main a[href$='/en/staff/reports/']")
    press_enter_and_wait(page)
    tab_and_choose(page, "#id_kind", "Partnerships and resource mobilization")
    type_date(page, "#id_period_start", date(2024, 1, 1))
    type_date(page, "#id_period_end", date(2024, 12, 31))
    tab_and_choose(page, "#id_language", "English")
    screenshot(page, "journey3-request")
    tab_to(page, "main form[action$='/request/'] button[type=submit]")
    press_enter_and_wait(page)

    report = TDAGReport.objects.get()
    assert (report.kind, report.period_start, report.period_end, report.language) == (
        "partnerships", date(2024, 1, 1), date(2024, 12, 31), "en")
    assert queue.report_ids == [report.pk]
    assert path(page).endswith(f"/en/staff/reports/{report.pk}/")
    assert page.inner_text("[data-field=status_label]") == "Queued"
    assert page.get_attribute("#report-progress", "value") == "0"
    assert "This page updates itself until the report is ready." in page.inner_text("#report-status")
    assert page.locator("main a[download]").count() == 0
    screenshot(page, "journey3-queued")

    tasks.generate_report(report.pk)  # what the worker does with the queued id
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    # The script polls every 2 s and reloads the page when the report is no longer pending.
    page.wait_for_selector("main a[download]", timeout=30_000)
    assert page.inner_text("[data-field=status_label]") == "Done"
    assert page.get_attribute("#report-progress", "value") == "100"
    screenshot(page, "journey3-done")

    tab_to(page, "main a[download][href$='/pdf/']")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "TDAG-partnerships-2024-en.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert Path(saved).read_bytes()[:5] == b"%PDF-"
    text = " ".join(pdf_text(saved).split())
    for figure in SEED_002_FIGURES:
        assert figure in text, figure
