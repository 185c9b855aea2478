"""What an operator sees: request ids in JSON log lines and in the tasks a request queues,
Prometheus metrics for scrapers on loopback or holding the token, Sentry without personal data."""

import io
import json
import logging
import time
from datetime import date
from unittest import mock

import pytest
import sentry_sdk
from django.test import Client
from django.urls import reverse
from prometheus_client import REGISTRY
from sentry_sdk.transport import Transport

from alliance.celery import app as celery_app
from alliance.core import observability
from alliance.core.observability import RequestIdFilter, init_sentry, request_id
from alliance.reports.models import ReportStatus, TDAGReport
from alliance.tasks import deliver_mail
from tests.services import wait_until_mail_is_delivered


@pytest.fixture
def json_log_lines():
    """The lines the configured console handler (settings.LOGGING) writes meanwhile."""
    handler = next(handler for handler in logging.getLogger().handlers
                   if any(isinstance(item, RequestIdFilter) for item in handler.filters))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


# --- Request ids and JSON logs -------------------------------------------------------------------

def test_each_response_names_its_request_id(client):
    first, second = client.get("/livez"), client.get("/livez")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept_and_a_malformed_one_replaced(client):
    assert client.get("/livez", HTTP_X_REQUEST_ID="edge-7f3a.42")["X-Request-ID"] == "edge-7f3a.42"
    replaced = client.get("/livez", HTTP_X_REQUEST_ID="two words\r\nSet-Cookie: x")["X-Request-ID"]
    assert replaced != "two words" and len(replaced) == 32


def test_log_lines_are_json_objects_carrying_the_request_id(client, db, json_log_lines):
    client.get("/en/no-such-page/", HTTP_X_REQUEST_ID="req-404-check")
    lines = json_log_lines()
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found, lines
    assert not_found[0]["request_id"] == "req-404-check"
    assert not_found[0]["level"] == "WARNING"
    assert "Not Found" in not_found[0]["message"]


def test_a_queued_task_carries_the_request_id_in_its_headers():
    headers: dict = {}
    token = request_id.set("req-queued")
    try:
        observability._on_publish(headers=headers)
    finally:
        request_id.reset(token)
    assert headers["request_id"] == "req-queued"


def test_a_task_logs_under_the_request_id_it_was_queued_with(json_log_lines, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with mock.patch.object(deliver_mail, "request_stack") as stack:
        stack.top = mock.Mock(request_id="req-from-the-web", id="t1", called_directly=False)
        observability._on_prerun(task_id="t1", task=deliver_mail)
        logging.getLogger("alliance.tasks").info("sending")
        observability._on_postrun(task_id="t1", task=deliver_mail, state="SUCCESS")
    ours = ("alliance.core.observability", "alliance.tasks")
    lines = [line for line in json_log_lines() if line["logger"] in ours]
    assert [(line["message"], line["request_id"]) for line in lines] == [
        ("task alliance.tasks.deliver_mail started", "req-from-the-web"), ("sending", "req-from-the-web")]
    assert request_id.get() == ""


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_logs_the_task_under_the_id_of_the_request_that_queued_it(
        celery_worker_factory, staff_client):
    worker = celery_worker_factory(DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    response = staff_client.post(reverse("reports:request"), {
        "kind": "alliance", "period_start": "2023-01-01", "period_end": "2023-12-31", "language": "en"},
        HTTP_X_REQUEST_ID="req-report-2023")
    assert response.status_code == 302
    deadline = time.monotonic() + 90
    started = []
    while not started and time.monotonic() < deadline:
        time.sleep(0.5)
        for line in worker.log().splitlines():
            if line.startswith("{") and "generate_report started" in line:
                started.append(json.loads(line))
    assert started, worker.log()
    assert started[0]["request_id"] == "req-report-2023"
    wait_until_mail_is_delivered(worker)


# --- Metrics ---------------------------------------------------------------------------------------

def _metrics(client, **extra) -> str:
    response = client.get("/metrics", **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_metrics_count_requests_by_view_and_time_database_statements(client, db):
    client.get(reverse("home"))
    body = _metrics(client)
    by_view = "django_http_requests_total_by_view_transport_method_total"
    assert f'{by_view}{{method="GET",transport="http",view="home"}}' in body
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in body
    assert 'alliance_db_query_seconds_count{alias="default",outcome="ok"}' in body


def test_metrics_count_celery_tasks_their_durations_and_failures(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    @celery_app.task(name="tests.observability.broken")
    def broken():
        raise RuntimeError("broken on purpose")

    def sample(name, **labels):
        return REGISTRY.get_sample_value(name, labels) or 0

    done = sample("alliance_celery_tasks_total", task="alliance.tasks.deliver_mail", outcome="success")
    failed = sample("alliance_celery_tasks_total", task="tests.observability.broken", outcome="failure")
    timed = sample("alliance_celery_task_seconds_count", task="alliance.tasks.deliver_mail")
    deliver_mail.delay(to=["a@example.org"], subject="s", body="b")
    assert broken.apply(throw=False).failed()  # as a worker runs it: the error is recorded, not raised
    tasks = "alliance_celery_tasks_total"
    assert sample(tasks, task="alliance.tasks.deliver_mail", outcome="success") == done + 1
    assert sample(tasks, task="tests.observability.broken", outcome="failure") == failed + 1
    assert sample("alliance_celery_task_seconds_count", task="alliance.tasks.deliver_mail") == timed + 1


def test_metrics_give_the_reports_waiting(client, db):
    states = ((2024, ReportStatus.QUEUED), (2023, ReportStatus.RUNNING), (2022, ReportStatus.DONE))
    for year, status in states:
        TDAGReport.objects.create(kind="alliance", period_start=date(year, 1, 1),
                                      period_end=date(year, 12, 31), status=status)
    body = _metrics(client)
    assert 'alliance_reports_pending{status="queued"} 1.0' in body
    assert 'alliance_reports_pending{status="running"} 1.0' in body


def test_metrics_are_hidden_from_other_addresses_and_from_requests_through_a_proxy(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert client.get("/metrics", HTTP_FORWARDED="for=203.0.113.9").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200


def test_a_scraper_elsewhere_needs_the_token(client, db, settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    remote = {"REMOTE_ADDR": "10.0.0.7", "HTTP_X_FORWARDED_FOR": "10.0.0.7"}
    token = "Bearer s3cret-scrape-token"
    assert client.get("/metrics", HTTP_AUTHORIZATION=token, **remote).status_code == 200
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong", **remote).status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404


# --- Sentry ----------------------------------------------------------------------------------------

class CapturingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events: list[dict] = []

    def capture_envelope(self, envelope):
        event = envelope.get_event()
        if event is not None:
            self.events.append(event)


@pytest.fixture
def sentry_events():
    transport = CapturingTransport()
    init_sentry("https://public@sentry.example.org/1", release="test", transport=transport)
    yield transport.events
    sentry_sdk.init()


def test_errors_reach_sentry_without_personal_data(sentry_events, django_user_model, db):
    user = django_user_model.objects.create_user(username="amina.k", password="x" * 12,
                                                 email="amina@centre.example.org", first_name="Amina")
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    with mock.patch("alliance.views.HomeView.get_context_data", side_effect=RuntimeError("boom")):
        response = browser.get("/en/?email=amina@centre.example.org&phone=%2B254700000000",
                               HTTP_X_FORWARDED_FOR="198.51.100.23", HTTP_USER_AGENT="Firefox")
    assert response.status_code == 500
    sentry_sdk.flush()
    assert sentry_events, "the error was not reported"
    event = json.dumps(sentry_events)
    assert "boom" in event
    for personal in ("amina@centre.example.org", "amina.k", "254700000000", "198.51.100.23",
                     browser.cookies["sessionid"].value):
        assert personal not in event, personal
    assert sentry_events[0].get("user", {}).keys() <= {"id"}


def test_a_worker_answers_prometheus_with_its_task_figures_only_to_the_token_holder():
    import urllib.error
    import urllib.request

    with pytest.raises(ValueError):
        observability.serve_worker_metrics(port=0, address="0.0.0.0")
    server = observability.serve_worker_metrics(port=0, address="127.0.0.1", token="worker-token")
    try:
        url = f"http://127.0.0.1:{server.server_port}/metrics"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=5)
        assert refused.value.code == 404
        request = urllib.request.Request(url, headers={"Authorization": "Bearer worker-token"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert b"alliance_celery_tasks_total" in answer.read()
    finally:
        server.shutdown()
        server.server_close()
