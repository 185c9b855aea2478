"""What an operator sees: request ids in the logs and in the Celery tasks a request queues,
Prometheus metrics (database, cache, Celery tasks; the reports app adds its waiting reports) and Sentry
error reports.

Requests by view and their latency come from django-prometheus' middleware; the rest is here.
Under gunicorn or a prefork Celery pool, set ``PROMETHEUS_MULTIPROC_DIR`` (an empty folder of the
machine) so every process's figures are summed.
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
import time
import uuid
from collections.abc import Callable

from prometheus_client import Counter, Histogram

logger = logging.getLogger(__name__)

#: The id of the request (or of the request that queued the task) being served.
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id_from(header: str | None) -> str:
    """The client's (or the proxy's) X-Request-ID when it is a plain token, else a new one."""
    if header and _VALID_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def _forget_request_id(**kwargs) -> None:
    """After the response is sent: Django logs a 4xx/5xx answer outside every middleware, so the
    middleware cannot reset the id itself."""
    request_id.set("")


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every log record (empty outside a request or a task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# --- Celery: the request id travels in the task's headers ---------------------------------------

def _on_publish(headers: dict | None = None, **kwargs) -> None:
    current = request_id.get()
    if current and headers is not None:
        headers.setdefault("request_id", current)


_task_tokens: dict[str, tuple[contextvars.Token, float]] = {}

TASKS = Counter("alliance_celery_tasks", "Celery tasks run, by task and outcome", ["task", "outcome"])
TASK_SECONDS = Histogram("alliance_celery_task_seconds", "Celery task run time", ["task"],
                         buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300))


def _on_prerun(task_id: str = "", task=None, **kwargs) -> None:
    inherited = getattr(task.request, "request_id", None) if task is not None else None
    token = request_id.set(inherited or request_id.get() or "")
    _task_tokens[task_id] = (token, time.perf_counter())
    logger.info("task %s started", getattr(task, "name", "?"), extra={"task_id": task_id})


def _on_postrun(task_id: str = "", task=None, state: str | None = None, **kwargs) -> None:
    token, started = _task_tokens.pop(task_id, (None, None))
    name = getattr(task, "name", "?")
    if started is not None:
        TASK_SECONDS.labels(name).observe(time.perf_counter() - started)
    TASKS.labels(name, (state or "unknown").lower()).inc()
    if token is not None:
        request_id.reset(token)


def connect_request_finished() -> None:
    from django.core.signals import request_finished

    request_finished.connect(_forget_request_id, dispatch_uid="alliance.request_id.finished")


def connect_celery_signals() -> None:
    from celery import signals

    signals.before_task_publish.connect(_on_publish, weak=False, dispatch_uid="alliance.request_id.publish")
    signals.task_prerun.connect(_on_prerun, weak=False, dispatch_uid="alliance.core.metrics.prerun")
    signals.task_postrun.connect(_on_postrun, weak=False, dispatch_uid="alliance.core.metrics.postrun")


def serve_worker_metrics(*, port: int, address: str, token: str = ""):
    """Answer Prometheus from a worker, in a thread: on loopback, or elsewhere only with a token
    ("Authorization: Bearer <token>") like the web's /metrics."""
    import hmac
    import threading
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from prometheus_client import REGISTRY, CollectorRegistry, make_wsgi_app, multiprocess

    if not token and address not in ("127.0.0.1", "::1", "localhost"):
        raise ValueError("worker metrics outside loopback need CELERY_METRICS_TOKEN")
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    exposition = make_wsgi_app(registry)

    def app(environ, start_response):
        given = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").encode()
        if token and not hmac.compare_digest(given, token.encode()):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        return exposition(environ, start_response)

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
            pass

    server = make_server(address, port, app, handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, name="worker-metrics", daemon=True).start()
    logger.info("worker metrics on %s:%s", address, server.server_port)
    return server


# --- Database and cache timings -----------------------------------------------------------------

DB_SECONDS = Histogram("alliance_db_query_seconds", "Database statement time", ["alias", "outcome"],
                       buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5))
CACHE_SECONDS = Histogram("alliance_cache_seconds", "Cache operation time", ["operation"],
                          buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1))


class _TimedQueries:
    def __init__(self, alias: str) -> None:
        self.alias = alias

    def __call__(self, execute, sql, params, many, context):
        started, outcome = time.perf_counter(), "ok"
        try:
            return execute(sql, params, many, context)
        except Exception:
            outcome = "error"
            raise
        finally:
            DB_SECONDS.labels(self.alias, outcome).observe(time.perf_counter() - started)


def _time_queries(sender, connection, **kwargs) -> None:
    if not any(isinstance(wrapper, _TimedQueries) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(_TimedQueries(connection.alias))


def connect_database_timing() -> None:
    from django.db.backends.signals import connection_created

    connection_created.connect(_time_queries, dispatch_uid="alliance.core.metrics.db")


def timed_cache_operation(operation: str, method: Callable) -> Callable:
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            CACHE_SECONDS.labels(operation).observe(time.perf_counter() - started)

    timed.__name__ = getattr(method, "__name__", operation)
    return timed


# --- Sentry --------------------------------------------------------------------------------------

#: Keys whose values never leave the portal in an error report (on top of sentry-sdk's own list).
SCRUBBED_KEYS = ["email", "contact_email", "phone", "contact_phone", "first_name", "last_name",
                 "full_name", "contact_name", "username", "address", "remote_addr", "x_forwarded_for",
                 "x-forwarded-for", "x-real-ip", "sessionid", "csrftoken", "csrfmiddlewaretoken"]


def scrub_event(event: dict, hint: dict) -> dict:
    """Drop what identifies a person: the user beyond its id, cookies, the request body and the
    query string (forms carry names, e-mails and phone numbers), the client address."""
    breadcrumbs = (event.get("breadcrumbs") or {}).get("values") or []
    if breadcrumbs:
        # SQL statements and log records may quote what a person typed.
        event["breadcrumbs"]["values"] = [
            {key: crumb[key] for key in ("timestamp", "type", "category", "level") if key in crumb}
            for crumb in breadcrumbs]
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if user.get("id") else {}
    request = event.get("request")
    if request:
        for key in ("cookies", "data", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers") or {}
        request["headers"] = {key: value for key, value in headers.items()
                              if key.lower() not in {"cookie", "authorization", "x-forwarded-for",
                                                     "x-real-ip", "referer"}}
    return event


def init_sentry(dsn: str, *, release: str = "", environment: str = "", transport=None) -> None:
    import sentry_sdk
    from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

    sentry_sdk.init(
        dsn=dsn, release=release or None, environment=environment or None,
        send_default_pii=False, max_request_body_size="never", before_send=scrub_event,
        # Frame variables hold requests, users and form data.
        include_local_variables=False,
        event_scrubber=EventScrubber(denylist=DEFAULT_DENYLIST + SCRUBBED_KEYS, recursive=True),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        transport=transport,
    )
