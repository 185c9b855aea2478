"""Passkeys (WebAuthn) as the staff's second factor: added only behind the second factor, by staff,
listed and removed by their owner. The browser ceremony itself is in tests/e2e/test_journey_passkey.py."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from alliance import second_factor
from tests.conftest import force_login_without_second_factor

pytestmark = pytest.mark.django_db

BEGIN_REGISTRATION = "otp_webauthn:credential-registration-begin"


def passkey(user, name: str = "laptop") -> WebAuthnCredential:
    credential_id = f"{user.pk}-{name}".encode()
    return WebAuthnCredential.objects.create(
        user=user, name=name, confirmed=True, credential_id=credential_id,
        credential_id_sha256=hashlib.sha256(credential_id).hexdigest(), public_key=b"key")


def test_staff_signed_in_with_their_second_factor_may_begin_adding_a_passkey(staff_client):
    response = staff_client.post(reverse(BEGIN_REGISTRATION), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["rp"]["id"] == "testserver"
    assert response.json()["user"]["name"] == "bdt"


def test_a_password_alone_cannot_add_a_passkey(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    force_login_without_second_factor(client, staff_user)
    response = client.post(reverse(BEGIN_REGISTRATION), content_type="application/json")
    assert response.status_code == 302
    assert response.url.startswith(reverse("second-factor"))


def test_people_who_are_not_staff_add_no_passkey(client, member_user):
    client.force_login(member_user)
    response = client.post(reverse(BEGIN_REGISTRATION), content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only staff accounts use passkeys on this portal."


def test_signing_in_with_a_passkey_is_open_before_the_second_factor(client, staff_user):
    passkey(staff_user)
    force_login_without_second_factor(client, staff_user)
    response = client.post(reverse("otp_webauthn:credential-authentication-begin"),
                           content_type="application/json")
    assert response.status_code == 200
    assert len(response.json()["allowCredentials"]) == 1


def test_the_code_page_offers_the_passkey_only_to_those_who_have_one(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    force_login_without_second_factor(client, staff_user)
    assert "passkey-verification-button" not in client.get(reverse("second-factor")).content.decode()
    passkey(staff_user)
    page = client.get(reverse("second-factor")).content.decode()
    assert 'id="passkey-verification-button"' in page
    assert 'id="otp_webauthn_config"' in page


def test_only_the_passkey_pages_let_the_browser_use_a_passkey(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    force_login_without_second_factor(client, staff_user)
    assert "publickey-credentials-get=(self)" in client.get(reverse("second-factor"))["Permissions-Policy"]
    assert "publickey-credentials-get=()" in client.get(reverse("login"))["Permissions-Policy"]


def test_a_passkey_alone_is_an_authenticator(staff_user):
    """A staff member whose only factor is a passkey is asked for it, not sent to enrol anew."""
    assert not second_factor.has_authenticator(staff_user)
    passkey(staff_user)
    assert second_factor.has_authenticator(staff_user)


def test_staff_list_and_remove_their_own_passkeys(staff_client, staff_user):
    mine = passkey(staff_user, "security key")
    page = staff_client.get(reverse("passkeys")).content.decode()
    assert "security key" in page
    response = staff_client.post(reverse("passkeys"), {"remove": mine.pk}, follow=True)
    assert "The passkey was removed." in response.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=mine.pk).exists()


def test_another_staff_members_passkey_is_not_found(staff_client, django_user_model):
    other = django_user_model.objects.create_user(username="other", is_staff=True)
    theirs = passkey(other)
    response = staff_client.post(reverse("passkeys"), {"remove": theirs.pk})
    assert response.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()
    assert "laptop" not in staff_client.get(reverse("passkeys")).content.decode()


def test_the_origin_is_the_page_the_staff_member_is_on(rf, settings):
    settings.ALLOWED_HOSTS = ["alliance.itu.example"]
    request = rf.post("/", HTTP_HOST="alliance.itu.example:8443", secure=True)
    assert second_factor.webauthn_rp_id(request) == "alliance.itu.example"
    assert second_factor.PortalWebAuthnHelper(request).get_allowed_origins() == [
        "https://alliance.itu.example:8443"]


@pytest.mark.parametrize(("language", "label"), [("ar", "تسجيل مفتاح مرور"), ("zh-hans", "注册通行密钥"),
                                                 ("ru", "Зарегистрировать ключ доступа")])
def test_the_passkey_scripts_speak_the_pages_language(client, language, label):
    """The library ships its script messages in a few languages; locale/ adds the UN languages."""
    from django.utils import translation

    with translation.override(language):
        catalog = client.get(reverse("otp_webauthn:js-i18n-catalog")).content.decode()
    assert label in catalog.encode().decode("unicode_escape")
