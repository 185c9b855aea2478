"""Celery tasks of inter-sectoral coordination: thin, they call the services."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(acks_late=True)
def send_annual_report_reminders(*, days_before: list[int] | None = None) -> int:
    """Daily (beat schedule "Inter-sectoral coordination: annual report reminders"): remind the
    focal points who have not reported when a deadline is ``days_before`` days away."""
    return services.reminders_send(today=timezone.localdate(), days_before=days_before or (30, 7))
