"""Redis down under a running portal: pages are still served (the cache fails open), a report
requested meanwhile is kept queued in the database, and once Redis is back the resend sweep hands
it to a worker, which generates it exactly once.

The portal (gunicorn) and the worker use a redis-server of the test's own, stopped and started
again; the test database is the shared PostgreSQL's, as for the other worker tests.
"""

import time

import pytest
from django.conf import settings
from kombu import Connection

from alliance.celery import app as celery_app
from alliance.reports import services as report_services
from alliance.reports.models import ReportStatus, TDAGReport
from tests import services

from .processes import Portal

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = ("/en/", "/en/centres/", "/en/partnerships/", "/ar/board/")
REQUEST = {"kind": "alliance", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en"}


@pytest.fixture
def portal(redis, client, staff_user, tmp_path):
    """The portal on the test database, with a BDT staff session opened in it."""
    portal = Portal(tmp_path, DATABASE_URL=services.test_database_url(), REDIS_URL=redis.url(0),
                    CELERY_BROKER_URL=redis.url(1), DJANGO_SECRET_KEY=settings.SECRET_KEY,
                    DJANGO_MEDIA_ROOT=str(tmp_path / "media"))
    client.force_login(staff_user)
    portal.set_cookie(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    yield portal
    portal.stop()


def _wait_until_done(report: TDAGReport, worker, timeout: float = 90) -> TDAGReport:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (ReportStatus.DONE, ReportStatus.FAILED):
            return report
        time.sleep(0.2)
    pytest.fail(f"report still {report.status}:\n{worker.log()}")


def test_with_redis_down_pages_are_served_and_a_report_request_is_kept_then_generated_once(
        redis, portal, staff_user, celery_worker_factory, tmp_path):
    assert portal.get("/en/staff/reports/").status == 200, portal.log()
    redis.stop()

    for path in PAGES:
        assert portal.get(path).status == 200, (path, portal.log())
    response = portal.post_form("/en/staff/reports/", "/en/staff/reports/request/", REQUEST)

    report = TDAGReport.objects.get()
    assert response.status == 302, (response.status, portal.log())
    assert response.headers["Location"] == f"/en/staff/reports/{report.pk}/"
    assert (report.status, report.attempts, report.pdf.name) == (ReportStatus.QUEUED, 0, "")
    assert f"Report {report.pk} kept queued" in portal.log()
    detail = portal.get(response.headers["Location"])
    assert detail.status == 200 and "The report is queued." in detail.text
    assert report_services.reports_resend_queued(older_than=report_services.RESEND_AFTER) == []

    redis.start()
    worker = celery_worker_factory(REDIS_URL=redis.url(0), CELERY_BROKER_URL=redis.url(1),
                                   DJANGO_MEDIA_ROOT=str(tmp_path / "media"))
    with Connection(redis.url(1)) as broker:
        # The sweep, as beat sends it every five minutes (here without the ten-minute wait).
        celery_app.send_task("alliance.reports.tasks.resend_queued_reports",
                             kwargs={"older_than_minutes": 0}, connection=broker)
        report = _wait_until_done(report, worker)
        # The next sweep leaves the finished report alone.
        celery_app.send_task("alliance.reports.tasks.resend_queued_reports",
                             kwargs={"older_than_minutes": 0}, connection=broker)
    deadline = time.monotonic() + 30
    while worker.log().count("resend_queued_reports[") < 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)

    assert report.status == ReportStatus.DONE, report.error
    assert report.attempts == 1
    assert report.requested_by == staff_user
    assert worker.log().count("resend_queued_reports[") == 4, worker.log()  # two received, two done
    assert worker.log().count("generate_report[") == 2, worker.log()  # one received, one done
    folder = tmp_path / "media" / "reports" / str(report.pk)
    # One PDF (and its Word version and full lists beside it): generated once.
    assert sorted(path.name for path in folder.iterdir()) == ["TDAG-alliance-2024-en.docx",
                                                              "TDAG-alliance-2024-en.pdf", "lists"]
    assert len(list((folder / "lists").iterdir())) == report.list_files.count() > 0
