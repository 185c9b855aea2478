"""E-mails the portal sends, rendered in the recipient's language and sent by a Celery task."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation


def render_text(name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping: a name such as ``O'Brien & Sons``
    reads as typed, not ``O&#x27;Brien &amp; Sons`` (an e-mail is not HTML)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render_mail(*, template: str, context: dict, language: str) -> tuple[str, str]:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in ``language``."""
    with translation.override(language):
        subject = render_text(f"{template}_subject.txt", context).strip()
        body = render_text(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def queue_mail(*, to: list[str], template: str, context: dict, language: str = "en",
               headers: dict[str, str] | None = None) -> None:
    """Render now, send once the current transaction commits (never for a rolled-back write)."""
    subject, body = render_mail(template=template, context=context, language=language)
    recipients = list(to)
    extra = dict(headers) if headers else None
    transaction.on_commit(lambda: _hand_to_worker(to=recipients, subject=subject, body=body, headers=extra))


logger = logging.getLogger(__name__)


def _hand_to_worker(*, to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    """Queue the mail; with the broker unreachable, send it from this process instead.

    The write that asked for the mail is already committed, so the visitor must not get a 500
    and the mail must not be dropped: sending it now costs the request one SMTP exchange.
    """
    from alliance.celery import delay_if_reachable
    from alliance.tasks import deliver_mail

    extra = {"headers": headers} if headers else {}
    if delay_if_reachable(deliver_mail, to=to, subject=subject, body=body, **extra):
        return
    logger.warning("sending %r to %s from the web process", subject, to)
    try:
        if headers:
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers).send()
        else:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    except OSError:
        logger.exception("mail %r to %s could not be sent; it must be sent again by hand:\n%s",
                         subject, to, body)
