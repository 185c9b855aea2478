"""Reminders before deadlines, each sent once per deadline and lead time.

The mechanism (``due_step`` and ``send_once``) is shared: coordination's annual report reminders
use it with their own record, the reminders of this module with ``ReminderSent``. Beat runs
``tasks.send_deadline_reminders`` daily; the lead times are ``LeadTime`` rows staff edit in the
admin. A reminder is recorded in the transaction that queues its e-mails, so a second run, a run
caught up after a missed day, or a worker restarted mid-way sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction

from .decisions import mail_language
from .models import LeadTime, ReminderKind, ReminderSent
from .optional import queue_optional_mail, reminder_topic


def due_step(*, days_left: int, steps: Iterable[int]) -> int | None:
    """The nearest lead time reached: with 30 and 7, 20 days left gives 30, 5 gives 7, 40 none.
    A day missed is caught up: only the nearest step still due is sent."""
    reached = sorted(step for step in set(steps) if days_left <= step)
    return reached[0] if reached else None


def send_once(*, record: Callable[[], tuple[Any, bool]], send: Callable[[], object]) -> bool:
    """``record()`` (a ``get_or_create`` on a table with a unique constraint) then ``send()``, in
    one transaction: True if this call sent. A row already there, or one a concurrent run is
    writing, means it was sent; a failure before commit leaves neither row nor e-mail."""
    try:
        with transaction.atomic():
            _row, created = record()
            if not created:
                return False
            send()
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


@dataclass(frozen=True)
class Deadline:
    """A deadline someone is reminded of: ``about`` names what it belongs to (e.g. ``centre:3``)."""

    about: str
    due_on: date
    recipients: list[Recipient]
    context: dict = field(default_factory=dict)


def _host_recipients(centre) -> list[Recipient]:
    return [
        Recipient(host.user.email, mail_language(email=host.user.email, stored=host.user.preferred_language))
        for host in centre.hosts.all()
        if host.user.email and host.user.is_active
    ]


def host_report_deadlines(*, today: date, until: date) -> Iterator[Deadline]:
    from centres.models import Centre
    from centres.selectors import progress_report_due_on

    for centre in Centre.objects.filter(
        status__in=[Centre.Status.CAPACITY_BUILDING, Centre.Status.OPERATING]
    ).prefetch_related("hosts__user"):
        due = progress_report_due_on(centre)
        if due and today <= due <= until:
            yield Deadline(f"centre:{centre.pk}", due, _host_recipients(centre), {"centre": centre.name})


def host_agreement_deadlines(*, today: date, until: date) -> Iterator[Deadline]:
    from centres.models import Centre
    from centres.selectors import agreement_ends_on

    for centre in (
        Centre.objects.exclude(status=Centre.Status.REMOVED)
        .filter(agreements__isnull=False)
        .distinct()
        .prefetch_related("hosts__user")
    ):
        ends = agreement_ends_on(centre)
        if ends and today <= ends <= until:
            yield Deadline(f"centre:{centre.pk}", ends, _host_recipients(centre), {"centre": centre.name})


def pledge_report_deadlines(*, today: date, until: date) -> Iterator[Deadline]:
    from partnerships.models import Pledge, PledgeStatus

    for pledge in (
        Pledge.objects.filter(status=PledgeStatus.PUBLISHED, next_report_due__range=(today, until))
        .select_related("pledger__user")
        .order_by("pk")
    ):
        user = pledge.pledger.user
        email = pledge.pledger.contact_email
        language = mail_language(email=email, stored=user.preferred_language if user else "")
        yield Deadline(
            f"pledge:{pledge.pk}",
            pledge.next_report_due,
            [Recipient(email, language)],
            {"reference": pledge.pk},
        )


@dataclass(frozen=True)
class Reminder:
    template: str
    deadlines: Callable[..., Iterable[Deadline]]


REMINDERS: dict[str, Reminder] = {
    ReminderKind.HOST_PROGRESS_REPORT: Reminder(
        "notifications/mail/reminder_host_progress_report", host_report_deadlines
    ),
    ReminderKind.HOST_AGREEMENT_END: Reminder(
        "notifications/mail/reminder_host_agreement_end", host_agreement_deadlines
    ),
    ReminderKind.PLEDGE_PROGRESS_REPORT: Reminder(
        "notifications/mail/reminder_pledge_progress_report", pledge_report_deadlines
    ),
}


def reminders_send(*, kind: str, today: date) -> int:
    """Send the reminders of one kind due ``today`` at its lead times; returns how many deadlines
    were reminded."""
    lead = LeadTime.objects.filter(kind=kind, enabled=True).first()
    if lead is None:
        return 0
    steps = lead.days
    reminder = REMINDERS[kind]
    sent = 0
    for deadline in reminder.deadlines(today=today, until=today + timedelta(days=max(steps))):
        days_left = (deadline.due_on - today).days
        step = due_step(days_left=days_left, steps=steps)
        if step is None or not deadline.recipients:
            continue

        def send(deadline=deadline, days_left=days_left) -> None:
            for recipient in deadline.recipients:
                queue_optional_mail(
                    to=recipient.email,
                    topic=reminder_topic(kind),
                    template=reminder.template,
                    context={**deadline.context, "due": deadline.due_on, "days_left": days_left},
                    language=recipient.language,
                )

        if send_once(
            record=lambda deadline=deadline, step=step: ReminderSent.objects.get_or_create(
                kind=kind, about=deadline.about, deadline=deadline.due_on, days_before=step
            ),
            send=send,
        ):
            sent += 1
    return sent


def all_reminders_send(*, today: date) -> dict[str, int]:
    return {kind: reminders_send(kind=kind, today=today) for kind in REMINDERS}
