"""Behind a proxy: client addresses and HTTPS come from trusted proxies only, and the login lockout
cannot lock a victim out from elsewhere (issue 15, finding 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.test import RequestFactory
from django.urls import reverse

from alliance.core.middleware import TrustedProxyMiddleware, client_ip

from .test_settings import KEY, read_settings

PROXY = "10.0.0.2"
ATTACKER, VICTIM = "198.51.100.7", "203.0.113.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY, "172.18.0.0/16"]
    return settings


def _request(remote: str, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_trusted_proxy_the_address_is_the_peers_whatever_it_claims(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request(ATTACKER, HTTP_X_FORWARDED_FOR=VICTIM)) == ATTACKER


def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(behind_proxy):
    assert client_ip(_request(PROXY, HTTP_X_FORWARDED_FOR=VICTIM)) == VICTIM
    # A forged first hop is ignored: the proxy appended the address it saw last.
    assert client_ip(_request(PROXY, HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}")) == ATTACKER
    # Two trusted proxies in a row are both skipped.
    assert client_ip(_request(PROXY, HTTP_X_FORWARDED_FOR=f"{ATTACKER}, 172.18.0.9")) == ATTACKER
    assert client_ip(_request(PROXY, HTTP_X_FORWARDED_FOR="not-an-address")) == PROXY
    assert client_ip(_request(PROXY)) == PROXY


def test_a_peer_that_is_not_a_trusted_proxy_loses_its_forwarded_headers(behind_proxy):
    seen = {}

    def view(request):
        seen.update(request.META)
        return None

    TrustedProxyMiddleware(view)(_request(ATTACKER, HTTP_X_FORWARDED_PROTO="https",
                                          HTTP_X_FORWARDED_FOR=VICTIM))
    assert "HTTP_X_FORWARDED_PROTO" not in seen and "HTTP_X_FORWARDED_FOR" not in seen


@pytest.mark.django_db
def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(client, behind_proxy):
    behind_proxy.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    behind_proxy.SECURE_SSL_REDIRECT = True
    forged = client.get("/en/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301 and forged["Location"].startswith("https://")
    proxied = client.get("/en/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200


def test_the_proxy_ssl_header_is_set_only_with_trusted_proxies():
    assert read_settings("SECURE_PROXY_SSL_HEADER", DJANGO_SECRET_KEY=KEY, DJANGO_HTTPS="1") == ["None"]
    assert read_settings("SECURE_PROXY_SSL_HEADER", "TRUSTED_PROXIES", DJANGO_SECRET_KEY=KEY,
                         DJANGO_HTTPS="1", DJANGO_TRUSTED_PROXIES="10.0.0.2, 172.18.0.0/16") == [
        "('HTTP_X_FORWARDED_PROTO', 'https')", "['10.0.0.2', '172.18.0.0/16']"]


def _login(client, username: str, password: str, address: str):
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


@pytest.mark.django_db
def test_five_bad_passwords_through_the_proxy_do_not_lock_the_victim_out(client, behind_proxy, member_user):
    for _ in range(5):
        _login(client, "member", "wrong password", ATTACKER)
    assert _login(client, "member", "correct horse battery", ATTACKER).status_code == 429
    assert _login(client, "member", "correct horse battery", VICTIM).status_code == 302


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, settings, member_user):
    settings.TRUSTED_PROXIES = [PROXY]
    for n in range(5):
        client.post(reverse("login"), {"username": "member", "password": "wrong"},
                    REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = client.post(reverse("login"), {"username": "member", "password": "correct horse battery"},
                           REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


@pytest.mark.django_db
def test_the_lockout_cools_down_and_staff_can_lift_it_earlier(client, behind_proxy, member_user,
                                                              django_user_model):
    from datetime import timedelta

    from axes.models import AccessAttempt

    assert timedelta(hours=1) == behind_proxy.AXES_COOLOFF_TIME
    for _ in range(5):
        _login(client, "member", "wrong password", ATTACKER)
    attempt = AccessAttempt.objects.get(username="member")
    assert attempt.ip_address == ATTACKER
    from django.contrib.auth.models import Group

    from alliance.core.roles import BDT_STAFF_GROUP

    bdt = django_user_model.objects.create_user(username="bdt", email="bdt@itu.example", is_staff=True)
    bdt.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))  # BDT staff, not a superuser
    staff = client.__class__()
    staff.force_login(bdt)
    response = staff.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert _login(client, "member", "correct horse battery", ATTACKER).status_code == 302


def test_compose_does_not_publish_gunicorns_port_and_passes_the_trusted_proxies():
    compose = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())
    web = compose["services"]["web"]
    assert "ports" not in web
    assert web["expose"] == ["8000"]
    assert "DJANGO_TRUSTED_PROXIES" in web["environment"]
