from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def deliver_mail(*, to: list[str], subject: str, body: str) -> int:
    """Send one e-mail; SMTP hiccups are retried with backoff."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
