"""Journey: a focal point signs in, submits the annual report on their topic, and BDT staff see it
counted on the page of who has reported; another focal point's topic answers 404. The portal,
form (with its errors) and staff pages are checked with axe-core (WCAG 2.1 AA) on the way."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from alliance.core.roles import BDT_STAFF_GROUP
from coordination import demo as coordination_demo
from coordination.models import AnnualReport, FocalPoint

from .conftest import authenticator_code, give_authenticator, screenshot
from .test_accessibility import axe_violations

WAIT = 20_000
PASSWORD = "space focal point 2026"


def _url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def _log_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/second-factor/" in page.url:  # staff: their authenticator app's code
        page.fill("#id_code", authenticator_code(get_user_model().objects.get(username=username)))
        page.click("main button[type=submit]")
        page.wait_for_load_state()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_focal_point_reports_and_staff_see_it_counted(live_server, browser, page, django_user_model,
                                                        axe_source):
    coordination_demo.load(log=lambda message: None)
    year = timezone.localdate().year - 1
    user = django_user_model.objects.create_user(username="space-fp", password=PASSWORD,
                                                 email="space@itu.example")
    own = FocalPoint.objects.get(topic__slug="space", vacant=False)
    own.user = user
    own.save()
    other = FocalPoint.objects.get(topic__slug="gender", vacant=False)
    staff = django_user_model.objects.create_user(username="bdt-coord", password="coordination staff 2026",
                                                  email="coord@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(staff)
    expected = FocalPoint.objects.filter(vacant=False, topic__status="active").count()

    _log_in(page, live_server.url, "space-fp", PASSWORD)
    expect(page).to_have_url(re.compile(r"/en/coordination/portal/$"), timeout=WAIT)
    main = page.inner_text("main")
    assert "Space" in main and "Gender" not in main
    assert axe_violations(page, axe_source) == []
    screenshot(page, "coordination-portal")

    page.click(f"main a[href$='/portal/{own.pk}/reports/{year}/']")
    expect(page.locator("h1")).to_contain_text("Space", timeout=WAIT)
    page.click("main button[type=submit]")  # empty: the form says what is missing
    expect(page.locator(".field-invalid")).to_have_count(1, timeout=WAIT)
    assert axe_violations(page, axe_source) == []
    page.fill("#id_progress", "Coordinated the ITU-R and ITU-D space sustainability work.")
    page.fill("#id_next_steps", "A joint workshop.")
    page.click("main button[type=submit]")
    expect(page.locator(".messages")).to_contain_text(str(year), timeout=WAIT)
    assert AnnualReport.objects.get(focal_point=own, year=year).submitted_by == user

    response = page.goto(live_server.url + _url("coordination:annual-report", other.pk, year))
    assert response.status == 404

    staff_context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    try:
        staff_page = staff_context.new_page()
        _log_in(staff_page, live_server.url, "bdt-coord", "coordination staff 2026")
        staff_page.goto(f"{live_server.url}{_url('coordination:staff-reporting')}?year={year}")
        expect(staff_page.locator("#reporting-summary")).to_contain_text(
            f"1 of {expected} annual reports received.", timeout=WAIT)
        row = staff_page.locator("tbody tr", has=staff_page.locator("th:text-is('Space')"))
        expect(row).to_contain_text("Received on", timeout=WAIT)
        assert axe_violations(staff_page, axe_source) == []
        screenshot(staff_page, "coordination-staff-reporting")
    finally:
        staff_context.close()
