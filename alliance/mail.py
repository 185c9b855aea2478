"""E-mails the portal sends, rendered in the recipient's language and sent by a Celery task."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def render_mail(*, template: str, context: dict, language: str) -> tuple[str, str]:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def queue_mail(*, to: list[str], template: str, context: dict, language: str = "en") -> None:
    """Render now, send once the current transaction commits (never for a rolled-back write)."""
    from .tasks import deliver_mail

    subject, body = render_mail(template=template, context=context, language=language)
    transaction.on_commit(lambda: deliver_mail.delay(to=list(to), subject=subject, body=body))
