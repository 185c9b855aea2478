"""sitemap.xml: every public page, in the six languages, each with its hreflang alternates.

Each sitemap lists the keys of what its app's selectors show the public (nothing removed, in
preparation or unpublished); ``i18n`` repeats each page under /ar/, /zh-hans/, /en/... and
``alternates`` names the other five, plus the x-default (English).
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from board import selectors as board
from centres import selectors as centres
from dtlab import selectors as dtlab
from partnerships import selectors as partnerships

from .news import selectors as news


class _Multilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(_Multilingual):
    """The pages that exist once: indexes, lists, figures and the public forms."""

    priority = 0.8
    NAMES = (
        "home",
        "board:index", "board:member-list", "board:meeting-list", "board:recommendation-list",
        "board:workplan", "board:foresight-list", "board:expert-list", "board:expert-request",
        "centres:index", "centres:figures", "centres:apply",
        "dtlab:index", "dtlab:playbook-list", "dtlab:service-list", "dtlab:cohort-list",
        "partnerships:index", "partnerships:stories", "partnerships:pledges",
        "partnerships:action-areas", "partnerships:pledge-submit",
        "news:list",
    )

    def items(self):
        return list(self.NAMES)

    def location(self, item):
        return reverse(item)


class _Keyed(_Multilingual):
    """One page per object, addressed by one key (slug, number or primary key)."""

    url_name: str
    key: str

    def queryset(self):
        raise NotImplementedError

    def items(self):
        # Only the keys: the selectors' joins and prefetches are for the pages, not for this list.
        return list(self.queryset().values_list(self.key, flat=True).order_by(self.key))

    def location(self, item):
        return reverse(self.url_name, args=[item])


class CentreSitemap(_Keyed):
    url_name, key = "centres:detail", "slug"

    def queryset(self):
        return centres.centres_public()


class BoardMemberSitemap(_Keyed):
    url_name, key = "board:member-detail", "slug"

    def queryset(self):
        return board.members_list()


class MeetingSitemap(_Keyed):
    url_name, key = "board:meeting-detail", "number"

    def queryset(self):
        return board.meetings_list()


class ForesightSitemap(_Keyed):
    url_name, key = "board:foresight-detail", "slug"

    def queryset(self):
        return board.foresight_list()


class PlaybookSitemap(_Keyed):
    url_name, key = "dtlab:playbook-detail", "slug"

    def queryset(self):
        return dtlab.playbook_list()


class CohortSitemap(_Keyed):
    url_name, key = "dtlab:cohort-detail", "number"

    def queryset(self):
        return dtlab.cohort_list()


class ImpactStorySitemap(_Keyed):
    url_name, key = "partnerships:story", "pk"

    def queryset(self):
        return partnerships.published_impact_stories()


class PledgeSitemap(_Keyed):
    url_name, key = "partnerships:pledge", "pk"

    def queryset(self):
        return partnerships.published_pledges()


class NewsSitemap(_Keyed):
    """Published news items and announcements whose publication date has come."""

    url_name, key = "news:detail", "slug"

    def queryset(self):
        return news.news_public()


SITEMAPS = {
    "pages": PagesSitemap, "centres": CentreSitemap, "board-members": BoardMemberSitemap,
    "board-meetings": MeetingSitemap, "foresight": ForesightSitemap, "playbooks": PlaybookSitemap,
    "ria-cohorts": CohortSitemap, "impact-stories": ImpactStorySitemap, "pledges": PledgeSitemap,
    "news": NewsSitemap,
}
