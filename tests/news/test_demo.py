"""The demo's news items, from the seeds, are complete in the six languages and load idempotently."""

import pytest

from alliance.news import demo
from alliance.news.models import NewsItem
from alliance.reference_data import LANGS

pytestmark = pytest.mark.django_db


def test_every_demo_item_has_its_title_and_text_in_the_six_languages_and_a_second_load_adds_nothing():
    demo.load(log=lambda line: None)
    demo.load(log=lambda line: None)
    items = NewsItem.objects.all()
    assert items.count() == len(demo.ITEMS)
    for item in items:
        for language in LANGS:
            assert getattr(item, f"title_{language}"), (item.slug, language)
            assert getattr(item, f"body_{language}"), (item.slug, language)
    letter = NewsItem.objects.get(slug="seventeen-centres-selected")
    assert letter.kind == NewsItem.Kind.ANNOUNCEMENT and "17" in letter.title_ru
