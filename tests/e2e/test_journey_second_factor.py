"""Journey: a BDT staff member sets up a second factor, signs in with it, and is refused without it.

The authenticator app is played by the test: it reads the key the enrolment page shows as text
(what a person types when they cannot scan the QR code) and computes the codes from it.
"""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page

from .conftest import screenshot
from .test_accessibility import axe_violations

PASSWORD = "correct horse battery"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now, or ``steps_ahead`` periods later."""
    return f"{totp(b32decode(secret.replace(' ', '')), t0=-30 * steps_ahead):06d}"


def log_in_with_password(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()


def submit_code(page: Page, code: str) -> None:
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_enrol_a_second_factor_sign_in_with_it_and_are_refused_without_it(
        live_server, browser, staff_user, axe_source):
    base = live_server.url
    # bypass_csp lets the test inject axe-core into the pages.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    accessibility = {}

    def check_accessibility(label: str) -> None:
        accessibility[label] = axe_violations(page, axe_source)

    # First sign-in: the password leads to enrolment, not to the staff area.
    log_in_with_password(page, base, staff_user.username)
    assert "/en/accounts/second-factor/enrol/" in page.url
    assert page.locator(".qr-code svg").count() == 1
    secret = page.inner_text("code.otp-secret")
    screenshot(page, "second-factor-enrol")
    check_accessibility("enrolment")
    submit_code(page, "000000")
    assert "This code is not valid" in page.inner_text("main")
    check_accessibility("enrolment, wrong code")
    page.wait_for_timeout(1_100)  # each wrong code makes the next try wait (1 s, then 2 s, ...)
    submit_code(page, app_code(secret))
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check_accessibility("recovery codes")
    with page.expect_navigation():
        page.get_by_role("link", name="Continue").click()
    assert page.url.endswith("/en/staff/")
    page.goto(base + "/en/accounts/api-token/")
    with page.expect_navigation():
        page.get_by_role("button", name="Create a token").click()
    assert len(page.inner_text("code.api-token")) == 64
    check_accessibility("new API token")

    # A new browser: the password alone opens neither the admin nor the staff area.
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    log_in_with_password(page, base, staff_user.username)
    assert "/en/accounts/second-factor/" in page.url
    check_accessibility("code page")
    for place in ("/en/admin/", "/en/staff/", "/en/staff/reports/", "/en/accounts/api-token/"):
        page.goto(base + place)
        assert "/en/accounts/second-factor/?next=" in page.url, place
    assert page.goto(base + "/api/v1/applications/").status == 403

    # The app's next code opens the page asked for.
    page.goto(base + "/en/admin/")
    submit_code(page, app_code(secret, steps_ahead=1))
    assert page.url.endswith("/en/admin/")
    assert "Site administration" in page.inner_text("body") or "administration" in page.title().lower()

    # A recovery code works once, in place of the phone.
    for expected_url in ("/en/staff/", "/en/accounts/second-factor/"):
        context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        log_in_with_password(page, base, staff_user.username)
        submit_code(page, codes[0])
        assert expected_url in page.url
    context.close()
    assert accessibility == dict.fromkeys(accessibility, [])
