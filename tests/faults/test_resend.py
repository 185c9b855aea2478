"""The resend sweep and the broker-down path of a report request, without real services (the
``services`` tests in this folder run them against a real redis-server and workers)."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from kombu.exceptions import OperationalError as BrokerUnreachable

from alliance.reports import services
from alliance.reports.models import ReportStatus, TDAGReport

pytestmark = pytest.mark.django_db

PERIOD = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


def _queued(language: str, minutes_ago: int) -> TDAGReport:
    report = TDAGReport.objects.create(kind="alliance", language=language, **PERIOD)
    TDAGReport.objects.filter(pk=report.pk).update(
        updated_at=timezone.now() - timedelta(minutes=minutes_ago))
    return report


def test_a_request_made_while_the_broker_is_unreachable_is_kept_queued(django_capture_on_commit_callbacks):
    with mock.patch("alliance.reports.tasks.generate_report.delay",
                    side_effect=BrokerUnreachable("Connection refused")) as delay, \
            django_capture_on_commit_callbacks(execute=True):
        report, created = services.report_request_with_outcome(kind="alliance", language="fr", **PERIOD)
    assert created and delay.call_count == 1
    report.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.QUEUED, 0)


def test_the_sweep_sends_again_only_the_reports_queued_for_longer_than_the_threshold():
    old, fresh = _queued("en", minutes_ago=11), _queued("fr", minutes_ago=2)
    TDAGReport.objects.filter(pk=_queued("es", minutes_ago=30).pk).update(status=ReportStatus.DONE)
    with mock.patch("alliance.reports.tasks.generate_report.delay") as delay:
        assert services.reports_resend_queued() == [old.pk]
        assert services.reports_resend_queued() == []  # sent just now: not again before the threshold
    delay.assert_called_once_with(old.pk)
    fresh.refresh_from_db()
    assert fresh.status == ReportStatus.QUEUED


def test_the_sweep_stops_while_the_broker_is_still_unreachable():
    first, _second = _queued("en", minutes_ago=20), _queued("fr", minutes_ago=15)
    with mock.patch("alliance.reports.tasks.generate_report.delay",
                    side_effect=BrokerUnreachable("Connection refused")) as delay:
        assert services.reports_resend_queued() == []
    delay.assert_called_once_with(first.pk)
    first.refresh_from_db()
    assert first.updated_at < timezone.now() - timedelta(minutes=19), "a failed send must be tried again"


def test_beat_runs_the_sweep_every_five_minutes():
    task = PeriodicTask.objects.get(task="alliance.reports.tasks.resend_queued_reports")
    assert task.enabled
    assert (task.interval.every, task.interval.period) == (5, "minutes")
    assert task.kwargs == '{"older_than_minutes": 10}'
