from unittest import mock

import pytest
from django.db import OperationalError
from django.test.signals import template_rendered
from kombu import Connection

from alliance.core import health

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # port 1 on loopback: connection refused at once


@pytest.fixture
def rendered_templates():
    seen: list[str] = []

    def record(sender, template, **kwargs):
        seen.append(template.name)

    template_rendered.connect(record)
    yield seen
    template_rendered.disconnect(record)


def test_livez_answers_without_database_cache_or_template(client, db, settings, django_assert_num_queries,
                                                          rendered_templates):
    # A cache that raises on any use (no fail-open here): /livez must not touch it.
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": UNREACHABLE_REDIS}}
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert rendered_templates == []
    assert "no-cache" in response["Cache-Control"]


def test_livez_goes_through_the_full_middleware_stack(client):
    response = client.get("/livez")
    # Set by SecurityMiddleware, XFrameOptionsMiddleware and CSPMiddleware, first to last.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_livez_answers_while_the_database_is_down(client):
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor",
                    side_effect=OperationalError("server closed the connection")):
        assert client.get("/livez").status_code == 200


@pytest.mark.parametrize("path", ["/readyz", "/healthz"])
def test_readyz_reports_database_cache_and_broker(client, db, settings, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert (body["database"], body["cache"]) == ("ok", "ok")
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert body["broker"] == "not configured (tasks run in-process)"
    else:
        assert body["broker"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/readyz", "/healthz"])
def test_readyz_answers_503_naming_the_database_when_it_is_down(client, db, path):
    with mock.patch("alliance.core.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get(path)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["failed"] == ["database"]
    assert body["database"] == "error: OperationalError"


def test_readyz_answers_503_naming_the_cache_although_the_cache_fails_open(client, db, settings):
    settings.CACHES = {"default": {
        "BACKEND": "django_redis.cache.RedisCache", "LOCATION": UNREACHABLE_REDIS,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True}}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["cache"] == "error: unreachable"


def test_readyz_answers_503_naming_the_broker_when_it_is_down(client, db, settings):
    settings.CELERY_BROKER_URL = UNREACHABLE_REDIS
    with mock.patch.object(health.celery_app, "connection_for_write",
                           lambda: Connection(UNREACHABLE_REDIS, connect_timeout=0.5)):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]
    assert response.json()["broker"].startswith("error: ")


@pytest.mark.parametrize("path", ["/livez", "/readyz", "/healthz"])
def test_probes_over_plain_http_are_answered_where_pages_redirect_to_https(client, db, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/en/").status_code == 301
    assert client.get(path).status_code == 200
