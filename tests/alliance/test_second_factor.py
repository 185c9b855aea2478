"""Staff need a second factor (an authenticator app, or a recovery code) before the admin, the
staff area, the staff API or their API token; other users are not asked for one."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.models import ApiToken
from alliance.second_factor import check_second_factor_on
from tests.alliance.test_settings import ROOT, clean_environ
from tests.conftest import force_login_without_second_factor

pytestmark = pytest.mark.django_db


def code_of(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app would show now (or ``steps_ahead`` periods later: a code is used once)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - steps_ahead * device.step):06d}"


@pytest.fixture
def password_only(client, staff_user):
    """A staff member who has given their password and nothing more."""
    force_login_without_second_factor(client, staff_user)
    return client


@pytest.fixture
def authenticator(staff_user):
    return TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)


def enrol(client) -> list[str]:
    client.get(reverse("second-factor-enrol"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("second-factor-enrol"), {"code": code_of(device)})
    assert response.status_code == 200
    return response.context["codes"]


STAFF_PLACES = ["staff-home", "admin:index", "reports:list", "api-token", "dtlab:staff-requests",
                "partnerships:dashboard"]


@pytest.mark.parametrize("name", STAFF_PLACES)
def test_a_password_alone_opens_no_staff_page(password_only, authenticator, name):
    response = password_only.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("second-factor") + "?next=")


def test_a_password_alone_opens_no_staff_api(password_only, authenticator):
    assert password_only.get("/api/v1/applications/").status_code == 403
    assert password_only.post("/api/v1/reports/", {}).status_code == 403


def test_staff_without_an_authenticator_are_sent_to_enrol(password_only):
    response = password_only.get(reverse("staff-home"))
    assert response["Location"].startswith(reverse("second-factor-enrol"))


def test_enrolment_shows_the_qr_code_and_the_secret_then_recovery_codes_once(password_only, staff_user):
    page = password_only.get(reverse("second-factor-enrol")).content.decode()
    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert "<svg" in page and secret.replace(" ", "").startswith(device.config_url.split("secret=")[1][:8])
    response = password_only.post(reverse("second-factor-enrol"), {"code": code_of(device)})
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert password_only.get(reverse("staff-home")).status_code == 200
    # Shown once: the enrolment page is closed now that an authenticator exists.
    assert password_only.get(reverse("second-factor-enrol")).status_code == 302


def test_a_wrong_code_does_not_enrol(password_only, staff_user):
    password_only.get(reverse("second-factor-enrol"))
    response = password_only.post(reverse("second-factor-enrol"), {"code": "000000"})
    assert response.status_code == 400 and response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=staff_user, confirmed=True).exists()
    assert password_only.get(reverse("staff-home")).status_code == 302


def test_a_session_without_the_second_factor_cannot_enrol_a_new_authenticator(password_only,
                                                                              authenticator):
    response = password_only.get(reverse("second-factor-enrol"))
    assert response["Location"].startswith(reverse("second-factor"))
    response = password_only.post(reverse("second-factor-enrol"), {"code": "123456"})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.all()) == [authenticator]


def test_the_code_from_the_app_opens_the_staff_area_and_follows_next(password_only, authenticator):
    next_url = reverse("reports:list")
    response = password_only.post(f"{reverse('second-factor')}?next={next_url}",
                                  {"code": code_of(authenticator), "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    assert password_only.get(next_url).status_code == 200


def test_a_wrong_code_is_refused_with_a_form_error(password_only, authenticator):
    response = password_only.post(reverse("second-factor"), {"code": "12345x"})
    assert response.status_code == 400 and response.context["form"].errors["code"]
    assert password_only.get(reverse("staff-home")).status_code == 302


def test_a_code_is_used_once(staff_user, authenticator):
    code = code_of(authenticator)
    for expected in (302, 400):
        browser = Client()
        force_login_without_second_factor(browser, staff_user)
        assert browser.post(reverse("second-factor"), {"code": code}).status_code == expected


def test_guessing_is_throttled(password_only, authenticator):
    for _ in range(3):
        password_only.post(reverse("second-factor"), {"code": "000000"})
    assert password_only.post(reverse("second-factor"), {"code": code_of(authenticator)}).status_code == 400


def test_a_recovery_code_opens_one_session(client, staff_user):
    force_login_without_second_factor(client, staff_user)
    codes = enrol(client)
    for expected in (302, 400):
        browser = Client()
        force_login_without_second_factor(browser, staff_user)
        assert browser.post(reverse("second-factor"), {"code": codes[0]}).status_code == expected
    assert StaticDevice.objects.get(user=staff_user).token_set.count() == 9


def test_the_next_address_stays_on_the_site(password_only, authenticator):
    response = password_only.post(reverse("second-factor"),
                                  {"code": code_of(authenticator), "next": "https://evil.example/"})
    assert response["Location"] == reverse("staff-home")


def test_people_who_are_not_staff_are_not_asked(client, member_user):
    force_login_without_second_factor(client, member_user)
    assert client.get(reverse("after-login")).url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_the_session_key_changes_when_the_second_factor_is_given(password_only, authenticator):
    before = password_only.session.session_key
    password_only.post(reverse("second-factor"), {"code": code_of(authenticator)})
    assert password_only.session.session_key != before


# API tokens --------------------------------------------------------------------------------------


def test_a_new_api_token_is_shown_once_works_and_can_be_revoked(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("api-token"), {"action": "create"})
    key = response.context["new_key"]
    assert key in response.content.decode()
    assert key not in client.get(reverse("api-token")).content.decode()
    api = Client(headers={"Authorization": f"Token {key}"})
    assert api.get("/api/v1/applications/").status_code == 200
    client.post(reverse("api-token"), {"action": "revoke"})
    assert not ApiToken.objects.filter(user=staff_user).exists()
    assert api.get("/api/v1/applications/").status_code in (401, 403)


def test_replacing_a_token_revokes_the_old_one(client, staff_user):
    client.force_login(staff_user)
    old = client.post(reverse("api-token"), {"action": "create"}).context["new_key"]
    new = client.post(reverse("api-token"), {"action": "create"}).context["new_key"]
    assert new != old and ApiToken.objects.filter(user=staff_user).count() == 1
    def status(key: str) -> int:
        return Client(headers={"Authorization": f"Token {key}"}).get("/api/v1/applications/").status_code

    assert status(old) in (401, 403) and status(new) == 200


def test_no_token_without_the_second_factor(password_only, authenticator, staff_user):
    assert password_only.post(reverse("api-token"), {"action": "create"}).status_code == 302
    assert not ApiToken.objects.filter(user=staff_user).exists()


# The demo switch -----------------------------------------------------------------------------------


def test_the_demo_switch_lets_staff_in_with_a_password_and_says_so(password_only):
    with override_settings(STAFF_SECOND_FACTOR=False):
        assert password_only.get(reverse("staff-home")).status_code == 200
        assert [warning.id for warning in check_second_factor_on()] == ["alliance.W001"]
    assert check_second_factor_on() == []


def test_production_refuses_to_start_without_the_second_factor():
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120,
                            env=clean_environ(DJANGO_SECRET_KEY="x" * 50, ALLIANCE_STAFF_2FA="0"))
    assert result.returncode != 0
    assert "ALLIANCE_STAFF_2FA=0 is for the local demo only" in result.stderr


def test_new_recovery_codes_replace_the_old_ones_and_need_the_second_factor(client, staff_user):
    force_login_without_second_factor(client, staff_user)
    old = enrol(client)
    page = client.get(reverse("recovery-codes"))
    assert "You have 10 recovery codes left." in page.content.decode()
    new = client.post(reverse("recovery-codes")).context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.get(user=staff_user).token_set.count() == 10
    browser = Client()
    force_login_without_second_factor(browser, staff_user)
    assert browser.post(reverse("recovery-codes")).status_code == 302
    assert browser.post(reverse("second-factor"), {"code": old[1]}).status_code == 400
