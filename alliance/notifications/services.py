"""Writes of notifications: a person's choices and their calendar feed token."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .models import CalendarFeed, new_feed_token
from .optional import opt_in, opt_out
from .selectors import optional_topics


def preferences_save(*, user, receive: Iterable[str]) -> None:
    """``user`` receives the topics in ``receive`` among those their roles bring, and stops the others."""
    wanted = set(receive)
    with transaction.atomic():
        for topic, _label in optional_topics(user):
            if topic in wanted:
                opt_in(email=user.email, topic=topic)
            else:
                opt_out(email=user.email, topic=topic)


def calendar_feed_for(*, user) -> CalendarFeed:
    return CalendarFeed.objects.get_or_create(user=user)[0]


def calendar_feed_renew(*, user) -> CalendarFeed:
    """A new secret address: calendars subscribed with the old one stop updating."""
    feed = calendar_feed_for(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed
