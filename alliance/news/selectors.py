"""Reads of news items: what the public sees, with the linked objects it may open."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from board.models import Meeting
from centres.models import Centre
from dtlab.models import Playbook

from .models import NewsItem

FEED_ITEMS = 20


def news_public() -> QuerySet[NewsItem]:
    """Published items whose publication date has come, newest first."""
    return NewsItem.objects.filter(is_published=True, published_on__lte=timezone.localdate()) \
        .order_by("-published_on", "-pk")


def news_latest(*, limit: int = 3) -> list[NewsItem]:
    return list(news_public()[:limit])


def public_centres() -> QuerySet[Centre]:
    """Centres a news item may link to: every centre the public sees (not removed)."""
    return Centre.objects.exclude(status=Centre.Status.REMOVED).order_by("name", "pk")


def public_playbooks() -> QuerySet[Playbook]:
    """Playbooks a news item may link to: the published ones."""
    return Playbook.objects.filter(status=Playbook.Status.PUBLISHED).order_by("order", "slug")


def news_item_public_get(*, slug: str) -> NewsItem:
    """One public item with the centres, meetings and playbooks the public may open."""
    return news_public().prefetch_related(
        Prefetch("centres", queryset=public_centres()),
        Prefetch("meetings", queryset=Meeting.objects.order_by("number")),
        Prefetch("playbooks", queryset=public_playbooks()),
    ).get(slug=slug)
