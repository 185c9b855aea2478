"""What a person may receive, and what they stopped."""

from __future__ import annotations

from django.utils.translation import gettext as _

from alliance.core.roles import has_staff_area

from .models import ReminderKind
from .optional import DIGEST_ALL, digest_topic, reminder_topic

HOST_KINDS = (ReminderKind.HOST_PROGRESS_REPORT, ReminderKind.HOST_AGREEMENT_END)
PLEDGER_KINDS = (ReminderKind.PLEDGE_PROGRESS_REPORT,)


def optional_topics(user) -> list[tuple[str, str]]:
    """The non-essential e-mails ``user``'s roles bring them, as (topic, label)."""
    from alliance.todo import staff_todo

    kinds: list[str] = []
    if hasattr(user, "centre_host"):
        kinds += HOST_KINDS
    if user.pledgers.exists():
        kinds += PLEDGER_KINDS
    topics = [(reminder_topic(kind), str(ReminderKind(kind).label)) for kind in kinds]
    if has_staff_area(user):
        topics.append((DIGEST_ALL, _("Staff digest: the daily e-mail of what arrived")))
        topics += [(digest_topic(todo.key), _("Staff digest: %(list)s") % {"list": todo.title})
                   for todo in staff_todo()]
    return topics


def topic_label(topic: str) -> str:
    """How an unsubscribe page names a topic."""
    kind = topic.removeprefix("reminder:")
    if kind in ReminderKind.values:
        return str(ReminderKind(kind).label)
    if topic == DIGEST_ALL:
        return _("Staff digest: the daily e-mail of what arrived")
    return _("Staff digest: %(list)s") % {"list": topic.removeprefix("digest:")}
