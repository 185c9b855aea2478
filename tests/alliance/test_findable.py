"""Search engines and browsers find the site: meta description and Open Graph tags on every
page, robots.txt, sitemap.xml with the six language alternates, and a favicon."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from centres.models import Call, Centre
from partnerships.models import Pledge
from tests.factories import NewsItemFactory, StagedCentreFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def centres():
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    operating = StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING,
                                    name="Nairobi Centre",
                            description="Hub for start-ups.")
    removed = StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED, name="Removed Centre")
    return operating, removed


def _head(page: str) -> dict[str, str]:
    metas = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', page))
    metas["title"] = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    return {key: html.unescape(value) for key, value in metas.items()}


def test_every_page_has_its_own_meta_description_and_open_graph_tags(client, centres):
    operating, _removed = centres
    urls = [reverse("home"), reverse("centres:index"), reverse("centres:figures"), reverse("centres:apply"),
            operating.get_absolute_url(), reverse("board:index"), reverse("dtlab:playbook-list"),
            reverse("partnerships:pledges")]
    descriptions = set()
    for url in urls:
        head = _head(client.get(url).content.decode())
        assert len(head["description"]) > 15, url
        assert head["og:description"] == head["description"], url
        assert head["title"].startswith(head["og:title"]) and head["og:title"], url
        assert head["og:url"] == f"http://testserver{url}", url
        assert head["og:locale"] == "en_GB" and head["og:type"] == "website", url
        descriptions.add(head["description"])
    assert len(descriptions) == len(urls)
    detail = _head(client.get(operating.get_absolute_url()).content.decode())
    assert detail["description"] == "Hub for start-ups."


def test_open_graph_locale_follows_the_language(client):
    head = _head(client.get("/ar/").content.decode())
    assert head["og:locale"] == "ar_AR"
    page = client.get("/ar/").content.decode()
    assert 'property="og:locale:alternate" content="zh_CN"' in page
    assert 'property="og:locale:alternate" content="ar_AR"' not in page


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text and "Sitemap: http://testserver/sitemap.xml" in text
    for language in LANGUAGES:
        for prefix in ("admin", "staff", "portal", "accounts"):
            assert f"Disallow: /{language}/{prefix}/" in text
    assert "Disallow: /api/" in text
    assert "Disallow: /en/centres/" not in text


def _assert_listed_in_six_languages(xml: str, page: str, other_page: str) -> None:
    """``page`` and ``other_page`` are in the sitemap under each language, ``page`` with its
    alternates and its x-default: the address without a language, which LocaleMiddleware sends to
    the reader's one."""
    for language in LANGUAGES:
        url = f"http://testserver/{language}/{page}"
        assert f"<loc>{url}</loc>" in xml
        assert f'hreflang="{language}" href="{url}"' in xml
        assert f"<loc>http://testserver/{language}/{other_page}</loc>" in xml
    assert f'hreflang="x-default" href="http://testserver/{page}"' in xml


def test_sitemap_lists_public_pages_in_six_languages_with_their_alternates(client, centres,
                                                                          django_assert_max_num_queries):
    operating, removed = centres
    with django_assert_max_num_queries(10):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    _assert_listed_in_six_languages(xml, f"centres/{operating.slug}/", "centres/figures/")
    redirect = client.get(f"/centres/{operating.slug}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert redirect.status_code == 302 and redirect["Location"] == f"/fr/centres/{operating.slug}/"
    assert removed.slug not in xml
    assert "/accounts/" not in xml and "/staff/" not in xml


def test_sitemap_leaves_out_unpublished_pledges(client):
    from partnerships.models import PledgeKind, Pledger, PledgeStatus

    pledger = Pledger.objects.create(organisation="Org", kind="private_sector", contact_name="A",
                                     contact_email="a@example.org")
    published, pending = (Pledge.objects.create(pledger=pledger, title=title, description="Schools online.",
                                                kind=PledgeKind.FINANCIAL, status=status, target_year=2026)
                          for title, status in (("Published", PledgeStatus.PUBLISHED),
                                                ("Pending", PledgeStatus.SUBMITTED)))
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/partner2connect/pledges/{published.pk}/" in xml
    assert f"/partner2connect/pledges/{pending.pk}/" not in xml


def test_sitemap_lists_published_news_in_six_languages_with_their_alternates(client):
    published = NewsItemFactory(slug="call-for-applications")
    NewsItemFactory(slug="draft-news", is_published=False)
    NewsItemFactory(slug="news-of-tomorrow", published_on=timezone.localdate() + timedelta(days=1))
    xml = client.get("/sitemap.xml").content.decode()
    _assert_listed_in_six_languages(xml, f"news/{published.slug}/", "news/")
    assert "draft-news" not in xml and "news-of-tomorrow" not in xml


def test_favicon_answers_and_every_page_links_one(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == (
        b"\x00\x00\x01\x00")
    page = client.get(reverse("centres:index")).content.decode()
    svg = re.search(r'<link rel="icon" href="([^"]+\.svg)" type="image/svg\+xml">', page).group(1)
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in page
    from django.contrib.staticfiles import finders
    assert finders.find(svg.removeprefix("/static/")).endswith("favicon.svg")


def test_every_page_links_its_versions_in_the_other_languages(client):
    page = client.get("/zh-hans/centres/figures/").content.decode()
    for language in LANGUAGES:
        assert (f'<link rel="alternate" hreflang="{language}" '
                f'href="http://testserver/{language}/centres/figures/">') in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/centres/figures/">' in page
