"""The narrative's live preview: a BDT officer types a sentence of the summary and, without saving,
the framed preview of the whole document shows it (the static script, debounced); the saved
narrative is unchanged."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.reports import services
from alliance.reports.models import TDAGReport

from .conftest import give_authenticator
from .keyboard import log_in, tab_to

WAIT = 20_000


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_preview_follows_the_typing_without_saving(live_server, browser, django_user_model, settings,
                                                      tmp_path):
    author = django_user_model.objects.create_user(username="author", password="author pass 2024",
                                                   email="author@itu.example", is_staff=True)
    author.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(author)
    report = services.report_request(kind="partnerships", language="en", by=author,
                                     period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    base = live_server.url
    page = browser.new_context().new_page()
    log_in(page, base, "author", "author pass 2024")
    page.goto(f"{base}/en/staff/reports/{report.pk}/narrative/")
    preview = page.frame_locator("#report-preview")
    expect(preview.locator("h1")).to_be_visible(timeout=WAIT)
    tab_to(page, "#id_summary")
    page.keyboard.type("Typed live: the Bureau signed {agreements} agreements.")
    expect(preview.locator("body")).to_contain_text("Typed live: the Bureau signed 0 agreements.",
                                                    timeout=WAIT)
    assert "Typed live" not in TDAGReport.objects.get(pk=report.pk).narrative.get("summary", "")
