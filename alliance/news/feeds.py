"""The Atom feed of news and announcements, in the language of its URL (``/fr/news/feed/``)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.timezone import make_aware
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import NewsItem


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Innovation and Entrepreneurship Alliance: news and announcements")
    subtitle = _("News and announcements of ITU's Innovation and Entrepreneurship Alliance for Digital "
                 "Development.")

    def link(self) -> str:
        return reverse("news:list")

    def feed_url(self) -> str:
        return reverse("news:feed")

    def items(self) -> list[NewsItem]:
        return list(selectors.news_public()[:selectors.FEED_ITEMS])

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        paragraphs = item.paragraphs()
        return Truncator(paragraphs[0] if paragraphs else "").chars(500)

    def item_pubdate(self, item: NewsItem) -> datetime.datetime:
        return make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_updateddate(self, item: NewsItem) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: NewsItem) -> list[str]:
        return [str(item.get_kind_display())]
