"""The staff's daily digest: what arrived in the last day on each to-do list (``alliance.todo``,
the registry every app feeds), with a link to each list. A staff member stops the kinds they do
not want on the preferences page (topics ``digest:<list key>``), or the whole digest from its
unsubscribe link (topic ``digest``). One digest per person and day, even if beat runs it twice.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import translation

from alliance.core.roles import has_staff_area
from alliance.todo import TodoList, staff_todo

from .decisions import mail_language
from .models import ReminderSent
from .optional import DIGEST_ALL, absolute, digest_topic, opted_out_topics, queue_optional_mail
from .reminders import send_once

KIND = "staff_digest"


def digest_recipients():
    """Active staff with an address and a staff area (staff status alone opens nothing)."""
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="").order_by("pk")
    return [user for user in users if has_staff_area(user)]


def digest_lists(*, lists: list[TodoList], email: str) -> list[TodoList]:
    """The lists with something new that this address still receives."""
    stopped = opted_out_topics(email=email)
    if DIGEST_ALL in stopped:
        return []
    return [todo for todo in lists if todo.new and digest_topic(todo.key) not in stopped]


def digests_send(*, now: datetime) -> int:
    """Queue today's digest to each staff member who has something new to read; returns how many."""
    by_language: dict[str, list] = {}
    for user in digest_recipients():
        by_language.setdefault(mail_language(email=user.email, stored=user.preferred_language), []).append(
            user
        )
    sent = 0
    for language, users in by_language.items():
        with translation.override(language):
            lists = staff_todo(now)
        for user in users:
            chosen = digest_lists(lists=lists, email=user.email)
            if not chosen:
                continue
            context = {
                "lists": [
                    {
                        "title": todo.title,
                        "new": todo.new,
                        "count": todo.count,
                        "overdue": todo.overdue,
                        "url": absolute(todo.url),
                    }
                    for todo in chosen
                ]
            }
            if send_once(
                record=lambda user=user: ReminderSent.objects.get_or_create(
                    kind=KIND, about=f"user:{user.pk}", deadline=now.date(), days_before=0
                ),
                send=lambda user=user, context=context, language=language: queue_optional_mail(
                    to=user.email,
                    topic=DIGEST_ALL,
                    template="notifications/mail/staff_digest",
                    context=context,
                    language=language,
                ),
            ):
                sent += 1
    return sent
