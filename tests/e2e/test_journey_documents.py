"""Journey: a TDAG document from draft to the public. A BDT officer writes the 2024 partnerships
report's summary, previews the whole document and submits it; a second officer, an approver,
approves it with its symbol (the PDF and Word file are generated again, in-process as in the
embedded default) and publishes it; an anonymous visitor finds it on /en/documents/ and downloads
the PDF, whose text holds the officer's words. Keyboard only.
"""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from alliance.core.roles import BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP
from alliance.reports import services
from alliance.reports.models import TDAGReport, Workflow

from .conftest import give_authenticator, screenshot
from .keyboard import log_in, press_enter_and_wait, tab_and_type, tab_to

WORDS = "In 2024 the Bureau signed {agreements} partnership agreements with its partners."


def _staff(django_user_model, username: str, *groups: str):
    user = django_user_model.objects.create_user(username=username, password=f"{username} pass 2024",
                                                 email=f"{username}@itu.example", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    give_authenticator(user)
    return user


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_report_is_written_reviewed_by_a_second_person_published_and_downloaded_anonymously(
        live_server, browser, django_user_model, settings, tmp_path, pdf_text):
    author = _staff(django_user_model, "author", BDT_STAFF_GROUP)
    _staff(django_user_model, "approver", BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP)
    report = services.report_request(kind="partnerships", language="en", by=author,
                                     period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    base = live_server.url

    author_page = browser.new_context().new_page()
    log_in(author_page, base, "author", "author pass 2024")
    author_page.goto(f"{base}/en/staff/reports/{report.pk}/narrative/")
    tab_to(author_page, "#id_summary")
    author_page.keyboard.type(WORDS)
    tab_to(author_page, "main form button[type=submit]")
    press_enter_and_wait(author_page)
    assert "The narrative is saved." in author_page.inner_text("main")
    author_page.goto(f"{base}/en/staff/reports/{report.pk}/preview/")
    assert "In 2024 the Bureau signed 0 partnership agreements" in author_page.inner_text("body")
    author_page.go_back()
    screenshot(author_page, "documents-narrative")
    tab_to(author_page, "main form[action$='/submit/'] button")
    press_enter_and_wait(author_page)
    assert "The report is submitted for review." in author_page.inner_text("main")
    assert author_page.locator("main form[action$='/approve/']").count() == 0

    approver_page = browser.new_context().new_page()
    log_in(approver_page, base, "approver", "approver pass 2024")
    approver_page.goto(f"{base}/en/staff/reports/{report.pk}/narrative/")
    tab_and_type(approver_page, "#approve-symbol", "TDAG-25/13")
    tab_to(approver_page, "main form[action$='/approve/'] button")
    press_enter_and_wait(approver_page)
    assert "The report is approved" in approver_page.inner_text("main")
    tab_to(approver_page, "main form[action$='/publish/'] button")
    press_enter_and_wait(approver_page)
    assert "The report is published." in approver_page.inner_text("main")
    assert TDAGReport.objects.get(pk=report.pk).workflow == Workflow.PUBLISHED

    visitor = browser.new_context(accept_downloads=True).new_page()
    visitor.goto(f"{base}/en/documents/")
    assert "TDAG-25/13" in visitor.inner_text("main")
    screenshot(visitor, "documents-public")
    with visitor.expect_download() as download:
        tab_to(visitor, "main a[hreflang='en']")
        visitor.keyboard.press("Enter")
    saved = tmp_path / "downloaded.pdf"
    download.value.save_as(saved)
    assert "In 2024 the Bureau signed 0 partnership agreements" in " ".join(pdf_text(saved).split())
