import re

import pytest

from .test_settings import KEY, read_settings

pytestmark = pytest.mark.django_db


def test_content_security_policy_forbids_inline_scripts(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_pages_send_nosniff_referrer_policy_and_frame_denial(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_production_settings_use_hsts_and_secure_cookies():
    values = read_settings("SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
                           "SECURE_SSL_REDIRECT", DJANGO_SECRET_KEY=KEY, DJANGO_HTTPS="1")
    assert values == ["31536000", "True", "True", "True"]


def test_hsts_header_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def _policy(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("path", ["/en/", "/en/accounts/login/", "/en/admin/login/", "/api/v1/regions/",
                                  "/en/no-such-page/"])
def test_every_kind_of_response_carries_the_policy_and_the_headers(client, path):
    """Pages, the login, the admin, the API and error pages alike (the middleware covers all)."""
    response = client.get(path)
    directives = _policy(response)
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/en/", "/en/centres/", "/en/centres/apply/", "/en/board/",
                                  "/en/partnerships/partner2connect/pledge/", "/en/accounts/login/"])
def test_pages_have_no_inline_script_the_policy_would_block(client, path):
    html = client.get(path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert "javascript:" not in html


def test_production_settings_send_every_security_header():
    names = ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF",
             "SECURE_REFERRER_POLICY", "SESSION_COOKIE_HTTPONLY", "SECURE_PROXY_SSL_HEADER",
             "X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src']")
    values = read_settings(*names, DJANGO_SECRET_KEY=KEY, DJANGO_HTTPS="1", DJANGO_TRUSTED_PROXIES="10.0.0.2")
    assert values == ["True", "True", "True", "same-origin", "True", "('HTTP_X_FORWARDED_PROTO', 'https')",
                      "DENY", "[\"'self'\"]"]


def test_development_settings_do_not_force_https():
    values = read_settings("SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
                           DJANGO_DEBUG="1")
    assert values == ["0", "False", "False"]


def test_cookies_are_secure_and_http_only_over_https_in_production(client, settings, staff_user):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    client.get("/en/accounts/login/", secure=True)
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    response = client.post("/en/accounts/login/", {"username": "bdt", "password": "correct horse battery",
                                                   "csrfmiddlewaretoken": csrf.value}, secure=True)
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert csrf["secure"] and csrf["samesite"] == "Lax"


def test_hsts_header_with_production_values_includes_preload(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Strict-Transport-Security" not in client.get("/en/")


def test_production_redirects_plain_http_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"


@pytest.mark.parametrize("path", ["/en/", "/en/accounts/login/", "/api/v1/regions/", "/en/no-such-page/"])
def test_every_response_switches_off_browser_features_it_does_not_use(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


@pytest.mark.parametrize("path", ["/en/staff/", "/en/admin/", "/en/partnerships/staff/",
                                  "/en/partnerships/partner2connect/my-pledges/", "/en/"])
def test_what_a_signed_in_person_sees_is_never_stored_by_caches(staff_client, path):
    response = staff_client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_private_download_is_never_stored_by_caches(staff_client, settings, tmp_path):
    from datetime import date

    from django.core.files.base import ContentFile

    from partnerships.models import Partner, PartnershipAgreement

    partner = Partner.objects.create(name="Ministry", kind="government", membership_category="none")
    agreement = PartnershipAgreement(partner=partner, reference="T-1", title="Programme", region="africa",
                          signed_on=date(2024, 5, 1))
    agreement.document.save("signed.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    response = staff_client.get(f"/en/partnerships/staff/agreements/{agreement.pk}/document/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_api_with_a_token_is_never_stored_by_caches(client, staff_user):
    from tests.factories import api_key_for

    key = api_key_for(staff_user)
    response = client.get("/api/v1/regions/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_anonymous_public_pages_stay_cacheable(client):
    response = client.get("/en/")
    assert "no-store" not in response.get("Cache-Control", "")
