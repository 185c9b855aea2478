"""Health endpoints for load balancers, orchestrators and compose healthchecks.

``/livez``: the process answers (no database, cache, broker or template), for restarting a hung
process. ``/readyz``: the database, the cache and the broker answer, for taking a replica out of
service; 503 with the one that failed. ``/healthz`` is kept as an alias of ``/readyz``.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from alliance.celery import app as celery_app

OK = "ok"
NOT_CONFIGURED = "not configured (tasks run in-process)"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return f"error: {exc.__class__.__name__}"
    return OK


def cache_state() -> str:
    """A value written and read back: the cache fails open (errors read as misses), so only a
    round trip tells whether it is there."""
    key, token = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"
    return OK if found == token else "error: unreachable"


def broker_state() -> str:
    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"
    return OK


@never_cache
def livez(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_state(), "cache": cache_state(), "broker": broker_state()}
    failed = [name for name, state in checks.items() if state not in (OK, NOT_CONFIGURED)]
    if failed:
        return JsonResponse({"status": "error", "failed": failed, **checks}, status=503)
    return JsonResponse({"status": OK, **checks})
