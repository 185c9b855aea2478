from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, send_mail


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def deliver_mail(*, to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> int:
    """Send one e-mail; SMTP hiccups are retried with backoff. ``headers``: e.g. List-Unsubscribe."""
    if headers:
        return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers).send()
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
