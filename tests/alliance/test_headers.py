import pytest

from .test_settings import read_settings

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
                           "SECURE_SSL_REDIRECT", DJANGO_SECRET_KEY="x", DJANGO_HTTPS="1")
    assert values == ["31536000", "True", "True", "True"]


def test_hsts_header_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
