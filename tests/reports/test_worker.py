"""Real Celery workers on Redis and PostgreSQL (``-m services``): a worker killed mid-report
leaves the report to the next worker, and a duplicate delivery leaves one PDF.

The workers get ``REPORTS_TEST_SECTION_DELAY`` (seconds of sleep after each section, read only
by ``alliance.reports.document.section_delay``) so that a report is slow enough to be caught
running, and ``CELERY_VISIBILITY_TIMEOUT=5`` so that Redis hands the message of the killed
worker to the next one after 5 seconds instead of an hour.
"""

import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from alliance.celery import app as celery_app
from alliance.reports import services
from alliance.reports.models import ReportStatus, TDAGReport
from alliance.reports.tasks import generate_report

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PERIOD = {"period_start": date(2024, 1, 1), "period_end": date(2025, 3, 31)}


@pytest.fixture
def worker_env(media_root, monkeypatch):
    monkeypatch.setitem(celery_app.conf.broker_transport_options, "visibility_timeout", 5)
    return {"DJANGO_MEDIA_ROOT": str(media_root), "CELERY_VISIBILITY_TIMEOUT": "5"}


def _wait_for_status(report: TDAGReport, status: str, worker_log, timeout: float = 90) -> TDAGReport:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status == status:
            return report
        if report.status == ReportStatus.FAILED:
            pytest.fail(f"report failed: {report.error}\n{worker_log()}")
        time.sleep(0.2)
    pytest.fail(f"report never became {status} (is {report.status}):\n{worker_log()}")


def _pdfs(report: TDAGReport) -> list[str]:
    """The PDFs in the report's folder (its Word version lies beside them)."""
    return sorted(path.name for path in Path(report.pdf.path).parent.iterdir() if path.suffix == ".pdf")


def test_a_worker_killed_mid_report_leaves_it_to_the_next_worker(celery_worker_factory, worker_env):
    first = celery_worker_factory(REPORTS_TEST_SECTION_DELAY="0.8", **worker_env)
    report = services.report_request(kind="alliance", language="en", **PERIOD)
    _wait_for_status(report, ReportStatus.RUNNING, first.log, timeout=60)
    first.kill()
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING and report.attempts == 1

    second = celery_worker_factory(REPORTS_TEST_SECTION_DELAY="0", **worker_env)
    report = _wait_for_status(report, ReportStatus.DONE, second.log)
    assert report.attempts == 2
    assert report.progress == 100
    assert _pdfs(report) == ["TDAG-alliance-2024-2025-en.pdf"]
    assert "generate_report[" in second.log()


def test_a_second_delivery_of_the_same_task_id_finds_the_report_done(celery_worker_factory, worker_env):
    worker = celery_worker_factory(**worker_env)
    report = TDAGReport.objects.create(kind="alliance", language="en", **PERIOD)
    task_id = str(uuid.uuid4())
    generate_report.apply_async(args=[report.pk], task_id=task_id)
    generate_report.apply_async(args=[report.pk], task_id=task_id)
    worker.wait_for(f"generate_report[{task_id}] succeeded", timeout=90)
    deadline = time.monotonic() + 60
    while worker.log().count(f"generate_report[{task_id}] succeeded") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    # At least two: with the 5-second visibility timeout, Redis may hand the message out once more
    # when the first run takes longer than that on a loaded machine; attempts stays 1 regardless.
    assert worker.log().count(f"generate_report[{task_id}] succeeded") >= 2, worker.log()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert report.attempts == 1
    assert _pdfs(report) == ["TDAG-alliance-2024-2025-en.pdf"]
