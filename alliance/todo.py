"""What waits for BDT staff: the to-do list of the staff home and of the admin's index.

The core imports no app. Each app says what waits in its own ``todo.py``, which calls
``register_todo`` when imported; ``staff_todo`` imports those modules once (as the admin finds
``admin.py``) and gathers their lists. A list costs one query, whatever its size: the rows it
shows, oldest first, carry the total and the overdue count as window aggregates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

# Anything waiting longer than this is overdue: a month is what BDT gives itself to answer.
OVERDUE_AFTER = timedelta(days=30)
# What arrived within this is new (the staff's daily digest, alliance.notifications.digest).
NEW_WITHIN = timedelta(days=1)
SHOWN = 5


@dataclass(frozen=True)
class Waiting:
    """One object waiting for staff, with where it is handled."""

    label: str
    url: str
    since: datetime | None
    overdue: bool


@dataclass(frozen=True)
class TodoList:
    """What waits of one kind: how many, how many overdue, the oldest few, and where to handle them."""

    key: str
    title: str
    url: str
    count: int
    overdue: int
    oldest: list[Waiting] = field(default_factory=list)
    new: int = 0


Source = Callable[[datetime], Iterable[TodoList]]
_sources: list[Source] = []
_discovered = False


def register_todo(source: Source) -> Source:
    """Add a source of to-do lists: ``source(now)`` returns ``TodoList`` objects. Usable as a decorator."""
    if source not in _sources:
        _sources.append(source)
    return source


def todo_list(queryset: QuerySet, *, key: str, title: str, url: str, since: str, now: datetime,
              label: Callable[[object], str], item_url: Callable[[object], str]) -> TodoList:
    """The list of ``queryset``'s objects, oldest ``since`` first: its counts in one aggregate
    query, and the oldest few in another. (One query with window counts read every waiting row
    in full to show five: 770 ms for 50,000 pledges waiting.)"""
    cutoff = now - OVERDUE_AFTER
    counts = queryset.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(**{f"{since}__lt": cutoff})),
        new=Count("pk", filter=Q(**{f"{since}__gte": now - NEW_WITHIN})),
    )
    rows = list(queryset.order_by(since, "pk")[:SHOWN]) if counts["total"] else []
    return TodoList(
        key=key, title=title, url=url, count=counts["total"], overdue=counts["overdue"], new=counts["new"],
        oldest=[Waiting(label=label(row), url=item_url(row), since=getattr(row, since),
                        overdue=bool(getattr(row, since) and getattr(row, since) < cutoff)) for row in rows],
    )


def staff_todo(now: datetime | None = None) -> list[TodoList]:
    """Every registered list; those with overdue objects first, then those waiting longest, the
    empty ones last."""
    global _discovered
    if not _discovered:
        autodiscover_modules("todo")
        _discovered = True
    now = now or timezone.now()
    lists = [todo for source in _sources for todo in source(now)]
    far_future = now + timedelta(days=36500)
    return sorted(lists, key=lambda t: (t.count == 0, -t.overdue,
                                        (t.oldest[0].since if t.oldest else None) or far_future))
