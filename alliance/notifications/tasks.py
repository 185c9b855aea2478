"""Beat's daily work: thin tasks calling the notification services."""

from celery import shared_task
from django.utils import timezone

from . import digest, reminders


@shared_task(acks_late=True)
def send_deadline_reminders() -> dict[str, int]:
    """Daily (beat schedule "Notifications: reminders before deadlines"); lead times in the admin."""
    return reminders.all_reminders_send(today=timezone.localdate())


@shared_task(acks_late=True)
def send_staff_digest() -> int:
    """Daily (beat schedule "Notifications: staff digest"): what arrived, to each staff member."""
    return digest.digests_send(now=timezone.now())
