"""The site search: every kind of public object, in the six languages, public objects only.

The tests run on both databases: SQLite (``make test``) through the substring fallback, and
PostgreSQL (the CI's second pass) through full-text search and trigrams. The last tests are about
PostgreSQL's own matching (stemming per language, similar names) and skip on SQLite.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance import search
from tests.factories import (
    BoardMemberFactory,
    CentreFactory,
    MeetingFactory,
    NewsItemFactory,
    PartnerFactory,
    PartnershipAgreementFactory,
    PlaybookFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db
ON_SQLITE = "PostgreSQL full-text search and pg_trgm: SQLite has neither (runs in the CI's PostgreSQL pass)"


def _search(client, q: str, language: str = "en", **params) -> str:
    return client.get(f"/{language}/search/", {"q": q, **params}).content.decode()


def _found(q: str) -> dict[str, list[str]]:
    return {group.kind.key: [result.title for result in group.results] for group in search.site_search(q)}


def test_every_kind_of_public_object_is_found():
    CentreFactory(name="Kigali Innovation Centre", country="RW", city="Kigali")
    BoardMemberFactory(full_name="Ada Kigali-Lovelace")
    MeetingFactory(city="Kigali", country="RW")
    PlaybookFactory(title="Kigali Playbook")
    NewsItemFactory(title="Kigali news")
    PledgeFactory(title="Kigali schools online", status="published")
    PartnershipAgreementFactory(partner=PartnerFactory(name="Kigali Fund"))
    found = _found("Kigali")
    assert set(found) == {"centres", "members", "meetings", "playbooks", "news", "pledges", "partners"}


def test_only_public_objects_are_found():
    CentreFactory(name="Hidden Removed Centre", status="removed")
    NewsItemFactory(title="Hidden draft news", is_published=False)
    NewsItemFactory(title="Hidden scheduled news",
                    published_on=timezone.localdate() + datetime.timedelta(days=3))
    PledgeFactory(title="Hidden submitted pledge", status="submitted")
    PledgeFactory(title="Hidden declined pledge", status="declined")
    PartnerFactory(name="Hidden partner without agreement")
    PartnershipAgreementFactory(partner=PartnerFactory(name="Hidden partner with a draft"), status="draft",
                                signed_on=None)
    assert _found("Hidden") == {}


@pytest.mark.parametrize("query", ["رواندا", "卢旺达", "Руанда", "Rwanda"])
def test_centres_and_meetings_are_found_by_their_country_name_in_any_language(query):
    CentreFactory(name="Centre One", country="RW")
    CentreFactory(name="Centre Two", country="KE")
    MeetingFactory(city="Kigali", country="RW")
    found = _found(query)
    assert found["centres"] == ["Centre One"]
    assert found["meetings"] == ["Board meeting 1"] or len(found["meetings"]) == 1


@pytest.mark.parametrize(("language", "text"), [
    ("ar", "تسريع الابتكار الرقمي"), ("zh_hans", "数字创新加速"), ("ru", "цифровых инноваций"),
    ("fr", "innovation numérique"), ("es", "innovación digital"),
])
def test_translated_text_is_found_in_its_language(language, text):
    NewsItemFactory(title="Plain title", **{f"body_{language}": f"... {text} ..."})
    assert _found(text)["news"] == ["Plain title"]


def test_results_are_grouped_by_kind_with_a_link_to_all_results_of_a_kind(client):
    for number in range(search.GROUP_SIZE + 1):
        CentreFactory(name=f"Lusaka Centre {number}", country="ZM")
    NewsItemFactory(title="Lusaka news")
    page = _search(client, "Lusaka")
    assert page.index("<h2 id=\"results-centres\"") < page.index("<h2 id=\"results-news\"")
    assert page.count("Lusaka Centre") == search.GROUP_SIZE
    assert "?q=Lusaka&amp;kind=centres" in page


def test_one_kind_is_paginated(client):
    for number in range(25):
        CentreFactory(name=f"Lusaka Centre {number:02d}", country="ZM")
    first = _search(client, "Lusaka", kind="centres")
    second = _search(client, "Lusaka", kind="centres", page=2)
    assert first.count("Lusaka Centre") == 20 and second.count("Lusaka Centre") == 5
    assert "25 results" in first and 'rel="next"' in first


def test_nothing_found_says_so_and_an_empty_query_searches_nothing(client):
    assert "Nothing found for “zzzzqqq”" in _search(client, "zzzzqqq")
    with CaptureQueriesContext(connection) as queries:
        page = _search(client, "   ")
    assert "Nothing found" not in page and len(queries) == 0


def test_a_query_too_long_or_a_wrong_kind_is_a_form_error_not_a_crash(client):
    too_long = client.get("/en/search/", {"q": "x" * 101})
    assert too_long.status_code == 200 and 'class="errors"' in too_long.content.decode()
    wrong_kind = client.get("/en/search/", {"q": "x", "kind": "users"})
    assert wrong_kind.status_code == 200 and 'class="errors"' in wrong_kind.content.decode()


def test_the_search_page_is_a_get_form_that_needs_no_script(client):
    page = _search(client, "")
    assert '<form class="filters search-form" method="get" action="/en/search/"' in page
    assert "<script" not in page.split("<main")[1]


def test_the_search_page_runs_one_query_per_kind(client):
    for number in range(30):
        CentreFactory(name=f"Accra Centre {number}", country="GH")
        NewsItemFactory(title=f"Accra news {number}")
        PledgeFactory(title=f"Accra pledge {number}", status="published")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/search/", {"q": "Accra"}).status_code == 200
    assert len(queries) <= len(search.KINDS), [q["sql"][:120] for q in queries]


def test_the_directory_finds_centres_by_country_name_in_arabic_and_chinese(client):
    CentreFactory(name="Kigali Innovation Centre", country="RW")
    CentreFactory(name="Nairobi Centre", country="KE")
    for query in ("رواندا", "卢旺达"):
        page = client.get(reverse("centres:index"), {"q": query}).content.decode()
        assert "Kigali Innovation Centre" in page and "Nairobi Centre" not in page, query


@pytest.mark.skipif(connection.vendor != "postgresql", reason=ON_SQLITE)
@pytest.mark.parametrize(("language", "stored", "query"), [
    ("en", "Centres were selected in 2023", "selecting centre"),
    ("fr", "Les centres ont été sélectionnés", "centre sélectionné"),
    ("ru", "Совет провёл заседания в Женеве", "заседание"),
    ("es", "Los centros seleccionados", "centro seleccionado"),
])
def test_postgresql_matches_words_by_their_stem_in_each_language(language, stored, query):
    NewsItemFactory(title="Stemmed", **{f"body_{language}": stored})
    assert _found(query).get("news") == ["Stemmed"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason=ON_SQLITE)
def test_postgresql_finds_names_despite_a_typo_and_ranks_the_closest_first():
    CentreFactory(name="Nairobi Innovation Centre", country="KE")
    CentreFactory(name="Kigali Centre", country="RW")
    BoardMemberFactory(full_name="Doreen Bogdan-Martin")
    assert _found("Nairbi Innovation Centre")["centres"][0] == "Nairobi Innovation Centre"
    assert _found("Doreen Bogdan Martin")["members"] == ["Doreen Bogdan-Martin"]
