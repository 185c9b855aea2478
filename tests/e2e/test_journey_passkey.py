"""Journey: a staff member adds a passkey, then signs in with the password and the passkey.

Chromium's virtual authenticator (DevTools protocol) plays the security key, as WebAuthn's own
test suites do: it answers the browser's passkey prompt without a person.
"""

from __future__ import annotations

import pytest
from django_otp_webauthn.models import WebAuthnCredential

from .conftest import give_authenticator, screenshot
from .keyboard import log_in
from .test_accessibility import axe_violations
from .test_journey_second_factor import PASSWORD, log_in_with_password


def _virtual_authenticator(page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True,
    }})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_add_a_passkey_and_sign_in_with_it_instead_of_a_code(live_server, browser, staff_user,
                                                                   axe_source):
    base = live_server.url
    give_authenticator(staff_user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    _virtual_authenticator(page)

    # Signed in with the app's code, the staff member adds a passkey.
    log_in(page, base, staff_user.username, PASSWORD)
    page.goto(f"{base}/en/accounts/second-factor/passkeys/")
    assert "You have no passkey yet." in page.inner_text("main")
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_function("document.querySelectorAll('main tbody tr').length === 1", timeout=15_000)
    assert WebAuthnCredential.objects.filter(user=staff_user, confirmed=True).count() == 1
    screenshot(page, "passkeys")
    assert axe_violations(page, axe_source) == []

    # Signed out, then in again: the password, then the passkey instead of a code.
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    log_in_with_password(page, base, staff_user.username)
    assert "/en/accounts/second-factor/" in page.url
    page.get_by_role("button", name="Verify with a passkey").click()
    page.wait_for_url("**/en/staff/", timeout=20_000)
    assert "/accounts/second-factor/" not in page.url
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_password_alone_cannot_add_a_passkey(live_server, browser, staff_user):
    """Before the second factor, the registration endpoint sends the staff member to the code page."""
    give_authenticator(staff_user)
    context = browser.new_context()
    page = context.new_page()
    log_in_with_password(page, live_server.url, staff_user.username)
    response = page.request.post(f"{live_server.url}/en/accounts/second-factor/webauthn/registration/begin/",
                                 headers={"X-CSRFToken": page.context.cookies()[0]["value"]},
                                 max_redirects=0)
    assert response.status == 302
    assert "/accounts/second-factor/" in response.headers["location"]
    assert not WebAuthnCredential.objects.exists()
    context.close()
