"""The admin change lists of the tables that grow to millions of rows count their filtered rows
once per content version and never count the whole table beside them (issue 22: no full
COUNT(*) over millions of rows per page view)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.perf import rows

pytestmark = pytest.mark.django_db

LISTS = {
    "agreements": ("/en/admin/partnerships/partnershipagreement/", lambda: rows.agreements(30)),
    "pledges": ("/en/admin/partnerships/pledge/", lambda: rows.pledges(30)),
    "centres": ("/en/admin/centres/centre/", lambda: rows.centres(30)),
}


def _counts(queries: list[dict]) -> list[str]:
    return [query["sql"] for query in queries if re.search(r"\bCOUNT\(", query["sql"], re.IGNORECASE)]


@pytest.mark.parametrize("name", LISTS)
def test_a_change_list_counts_its_rows_once_per_version_and_never_the_whole_table(staff_client, name):
    url, make = LISTS[name]
    make()
    filtered = url + "?q=e"
    with CaptureQueriesContext(connection) as first:
        assert staff_client.get(filtered).status_code == 200
    # One count: of the filtered rows. The whole table is not counted beside it.
    assert len(_counts(first.captured_queries)) == 1, _counts(first.captured_queries)
    with CaptureQueriesContext(connection) as again:
        response = staff_client.get(filtered)
    assert response.status_code == 200
    assert _counts(again.captured_queries) == []


def _listed_count(html: str) -> int:
    return int(re.search(r'class="paginator">\s*(\d+)', html).group(1))


def test_the_cached_count_follows_a_write(staff_client):
    from partnerships.models import PartnershipAgreement

    made = rows.agreements(5)
    url = "/en/admin/partnerships/partnershipagreement/"
    total = PartnershipAgreement.objects.count()
    assert _listed_count(staff_client.get(url).content.decode()) == total
    assert _listed_count(staff_client.get(url).content.decode()) == total
    made[0].delete()
    assert _listed_count(staff_client.get(url).content.decode()) == total - 1


def test_deep_admin_pages_are_the_rows_offset_gives(staff_client):
    from partnerships.models import PartnershipAgreement

    rows.agreements(250)
    url = "/en/admin/partnerships/partnershipagreement/?p=3"
    staff_client.get(url)
    html = staff_client.get(url).content.decode()
    ordered = list(
        PartnershipAgreement.objects.order_by("-signed_on", "reference").values_list("reference", flat=True)
    )
    # 50 rows a page: the rows' rendering is most of an admin list's time.
    assert all(f">{reference}<" in html for reference in ordered[100:150])
    assert f">{ordered[99]}<" not in html and f">{ordered[150]}<" not in html


def _search(model, term: str, *, mixin: bool = True) -> set[int]:
    from django.contrib import admin
    from django.test import RequestFactory

    model_admin = admin.site._registry[model]
    search = (model_admin.get_search_results if mixin
              else admin.ModelAdmin.get_search_results.__get__(model_admin))
    queryset, _duplicates = search(RequestFactory().get("/"), model.objects.all(), term)
    return set(queryset.values_list("pk", flat=True))


SEARCHES = ["Perf partner", "partner 1-3", "PERF-", "00007", '"Agreement 1"', "Agreement partner", "nothing"]


@pytest.mark.parametrize("term", SEARCHES)
def test_the_admin_search_finds_what_djangos_own_search_finds(term):
    from partnerships.models import PartnershipAgreement, Pledge

    rows.agreements(40)
    rows.pledges(20)
    assert _search(PartnershipAgreement, term) == _search(PartnershipAgreement, term, mixin=False)
    assert _search(Pledge, term) == _search(Pledge, term, mixin=False)


def test_the_admin_search_asks_the_related_table_first_and_never_joins_it():
    """A join with an OR over both tables' columns cannot use their indexes (15 s at 2,000,000
    agreements); ``partner_id IN (…)`` beside the agreements' own columns can."""
    from django.contrib import admin
    from django.test import RequestFactory

    from partnerships.models import PartnershipAgreement

    made = rows.agreements(20)
    partner = made[3].partner
    queryset, duplicates = admin.site._registry[PartnershipAgreement].get_search_results(
        RequestFactory().get("/"), PartnershipAgreement.objects.all(), partner.name)
    assert '"partnerships_partner"' not in str(queryset.query)
    assert not duplicates
    assert set(queryset) == set(PartnershipAgreement.objects.filter(partner=partner))


def test_a_word_matching_too_many_related_rows_falls_back_to_djangos_search(monkeypatch):
    from django.contrib import admin
    from django.test import RequestFactory

    from alliance.core import pagination
    from partnerships.models import PartnershipAgreement

    rows.agreements(30)
    monkeypatch.setattr(pagination, "RELATED_SEARCH_LIMIT", 1)
    queryset, _duplicates = admin.site._registry[PartnershipAgreement].get_search_results(
        RequestFactory().get("/"), PartnershipAgreement.objects.all(), "Perf partner")
    assert "partnerships_partner" in str(queryset.query)
    assert _search(PartnershipAgreement, "Perf partner") == _search(
        PartnershipAgreement, "Perf partner", mixin=False
    )


def _date_hierarchy_queries(queries: list[dict]) -> list[str]:
    return [query["sql"] for query in queries
            if "DATE_TRUNC" in query["sql"].upper() or re.search(r"\bMIN\(", query["sql"])]


def _hierarchy_links(html: str) -> list[str]:
    return re.findall(r'href="\?signed_on__[^"]*"', html)


def test_the_date_hierarchy_is_computed_once_per_version_and_follows_a_write(staff_client):
    """The years above the agreements' change list are a DISTINCT over every row."""
    from partnerships.models import PartnershipAgreement

    made = rows.agreements(10)
    url = "/en/admin/partnerships/partnershipagreement/"
    with CaptureQueriesContext(connection) as first:
        html = staff_client.get(url).content.decode()
    assert _date_hierarchy_queries(first.captured_queries)
    assert "signed_on__year=2023" in html and "signed_on__year=2019" not in html
    with CaptureQueriesContext(connection) as again:
        again_html = staff_client.get(url).content.decode()
    assert _hierarchy_links(again_html) == _hierarchy_links(html)
    assert _date_hierarchy_queries(again.captured_queries) == []
    made[0].signed_on = made[0].signed_on.replace(year=2019)
    made[0].save()
    assert "?signed_on__year=2019" in staff_client.get(url).content.decode()  # now over two years
    assert PartnershipAgreement.objects.filter(signed_on__year=2019).count() == 1

