"""Writes of news items: publishing and withdrawing (the admin's actions call these)."""

from __future__ import annotations

from django.db import transaction

from .models import NewsItem


def news_items_publish(*, items) -> int:
    """Publish the given items; each shows from its publication date on. Returns how many changed."""
    with transaction.atomic():
        return NewsItem.objects.filter(pk__in=[item.pk for item in items], is_published=False) \
            .update(is_published=True)


def news_items_withdraw(*, items) -> int:
    """Take the given items off the public site. Returns how many changed."""
    with transaction.atomic():
        return NewsItem.objects.filter(pk__in=[item.pk for item in items], is_published=True) \
            .update(is_published=False)
