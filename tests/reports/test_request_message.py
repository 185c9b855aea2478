"""After a request, the staff report page's message agrees with the report's status."""

import pytest
from django.urls import reverse

from alliance.reports import tasks
from alliance.reports.models import ReportStatus, TDAGReport

# Committed for real, as in production: on_commit runs the (stand-in) task inside the request.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REQUEST = {"kind": "partnerships", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en"}


def _worker_that_finishes(status: str):
    """Stands in for a task run in-process (no broker): the report is finished before the redirect."""
    def delay(report_id: int) -> None:
        pdf = "reports/report.pdf" if status == ReportStatus.DONE else ""
        TDAGReport.objects.filter(pk=report_id).update(status=status, pdf=pdf, error="Boom")
    return delay


def _request(staff_client):
    response = staff_client.post(reverse("reports:request"), REQUEST)
    return staff_client.get(response.url).content.decode()


def test_a_report_finished_during_the_request_is_said_ready_not_queued(staff_client, monkeypatch):
    monkeypatch.setattr(tasks.generate_report, "delay", _worker_that_finishes(ReportStatus.DONE))
    page = _request(staff_client)
    assert ">Done</strong>" in page
    assert "The report is ready." in page
    assert "The report is queued." not in page


def test_a_report_failed_during_the_request_is_not_said_queued(staff_client, monkeypatch):
    monkeypatch.setattr(tasks.generate_report, "delay", _worker_that_finishes(ReportStatus.FAILED))
    page = _request(staff_client)
    assert ">Failed</strong>" in page
    assert "The report is queued." not in page


def test_a_report_still_waiting_for_a_worker_is_said_queued(staff_client, monkeypatch):
    monkeypatch.setattr(tasks.generate_report, "delay", lambda report_id: None)
    page = _request(staff_client)
    assert ">Queued</strong>" in page
    assert "The report is queued." in page


def test_generating_again_a_report_finished_at_once_is_said_ready(staff_client, monkeypatch):
    report = TDAGReport.objects.create(kind="partnerships", language="en", period_start="2024-01-01",
                                           period_end="2024-12-31", status=ReportStatus.DONE,
                                           pdf="reports/old.pdf")
    monkeypatch.setattr(tasks.generate_report, "delay", _worker_that_finishes(ReportStatus.DONE))
    response = staff_client.post(reverse("reports:again", args=[report.pk]))
    page = staff_client.get(response.url).content.decode()
    assert "The report is ready." in page
    assert "The report is queued again." not in page
