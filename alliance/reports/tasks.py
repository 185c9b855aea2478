"""Celery tasks of the TDAG reports: thin, they receive ids and call the services."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from celery.signals import worker_process_init
from django.conf import settings
from django.utils import timezone

from . import services
from .registry import ReportKind


@worker_process_init.connect
def preload_weasyprint(**kwargs) -> None:
    """Import WeasyPrint (a few seconds) once per worker process, not in the first report."""
    from . import pdf  # noqa: F401


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def generate_report(report_id: int) -> None:
    """Generate one report. Redelivered when a worker dies mid-report (acks_late); idempotent."""
    services.report_generate(report_id=report_id)


@shared_task(ignore_result=True)
def request_scheduled_reports(*, kinds: list[str] | None = None, languages: list[str] | None = None,
                              year: int | None = None) -> list[int]:
    """Queue the reports for the year before (the beat schedule runs it ahead of TDAG meetings)."""
    year = year or timezone.localdate().year - 1
    reports = [
        services.report_request(kind=kind, period_start=date(year, 1, 1), period_end=date(year, 12, 31),
                                language=language)
        for kind in (kinds or ReportKind.values)
        for language in (languages or [code for code, _name in settings.LANGUAGES])
    ]
    return [report.pk for report in reports]


@shared_task(ignore_result=True)
def resend_queued_reports(*, older_than_minutes: int = 10) -> list[int]:
    """Send again the reports the broker never got (beat, every five minutes)."""
    return services.reports_resend_queued(older_than=timedelta(minutes=older_than_minutes))
