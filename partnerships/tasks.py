from celery import shared_task
from django.utils import timezone

from . import selectors, services


@shared_task(acks_late=True)
def send_progress_reminders() -> int:
    """Daily (beat schedule "P2C progress reminders"): remind pledgers whose report is due."""
    today = timezone.localdate()
    return services.pledges_remind(pledges=selectors.pledges_due_for_reminder(today=today), today=today)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def generate_compilation(compilation_id: int) -> None:
    """Lay out one PDF compilation of pledges; redelivered if a worker dies, idempotent."""
    services.compilation_generate(compilation_id=compilation_id)
