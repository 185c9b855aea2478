"""Cached figures, counts and pages change as soon as the data does; conditional GET; deep pages
read by keyset give exactly the rows page numbers give."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

import pytest
from django.core.paginator import Paginator
from django.test import Client
from django.urls import reverse
from django.utils import translation

from alliance.core import freshness
from alliance.core.pagination import VersionedPaginator
from alliance.models import Priority
from partnerships import selectors
from partnerships.models import Partner, PartnershipAgreement, Pledge, PledgeStatus
from tests.perf import rows

STATS = "/api/v1/partnerships/stats/?year=2024"


@pytest.fixture
def agreement(db) -> PartnershipAgreement:
    partner = Partner.objects.create(name="Ministry", kind="government", membership_category="member_state")
    agreement = PartnershipAgreement.objects.create(
        reference="F-1",
        title="One",
        partner=partner,
        status="active",
        signed_on=date(2024, 3, 1),
        region="africa",
        partner_contribution_usd=Decimal("1000"),
    )
    agreement.priorities.set(Priority.objects.order_by("pk")[:1])
    return agreement


def test_figures_change_as_soon_as_an_agreement_changes(agreement, django_assert_num_queries):
    assert selectors.partnership_stats(year=2024)["contributions_usd"] == Decimal("1000.00")
    with django_assert_num_queries(0):
        selectors.partnership_stats(year=2024)
    agreement.partner_contribution_usd = Decimal("2500")
    agreement.save()
    assert selectors.partnership_stats(year=2024)["contributions_usd"] == Decimal("2500.00")
    agreement.delete()
    assert selectors.partnership_stats(year=2024)["agreements"] == 0


def _agreements_by_priority() -> dict[str, int]:
    rows_ = selectors.partnership_stats(year=2024)["by_priority"]
    return {row["priority"]: row["agreements"] for row in rows_}


def _priority_labels() -> list[str]:
    return [str(row["label"]) for row in selectors.partnership_stats(year=2024)["by_priority"]]


def test_figures_follow_the_priorities_and_the_partner(agreement):
    first, second = Priority.objects.order_by("pk")[:2]
    by_code = _agreements_by_priority()
    assert (by_code[first.code], by_code[second.code]) == (1, 0)
    agreement.priorities.add(second)
    by_code = _agreements_by_priority()
    assert (by_code[first.code], by_code[second.code]) == (1, 1)
    agreement.partner.kind = "academia"
    agreement.partner.save()
    assert selectors.partnership_stats(year=2024)["partners_by_kind"]["academia"] == 1


def test_figures_are_cached_per_language(agreement):
    first = Priority.objects.order_by("pk")[0]
    first.name_fr = "Priorité française"
    first.save()
    with translation.override("fr"):
        assert "Priorité française" in _priority_labels()
    assert "Priorité française" not in _priority_labels()


def test_a_write_inside_a_transaction_bumps_the_version_again_at_commit(agreement,
                                                                         django_capture_on_commit_callbacks):
    before = freshness.versions("partnerships")["partnerships"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        agreement.save()
    assert callbacks and freshness.versions("partnerships")["partnerships"] >= before + 2


def test_pledge_explorer_totals_follow_a_publication(client, db):
    pledges = rows.pledges(10)
    url = reverse("partnerships:pledges")
    assert client.get(url).context["totals"]["pledges"] == 8
    assert '<span class="figure">8</span> pledges' in client.get(url).content.decode()
    submitted = next(p for p in pledges if p.status == PledgeStatus.SUBMITTED)
    submitted.status = PledgeStatus.PUBLISHED
    submitted.save()
    assert client.get(url).context["totals"]["pledges"] == 9
    # The totals are rendered inside the cached results: the page shows the new figure too.
    assert '<span class="figure">9</span> pledges' in client.get(url).content.decode()


def test_a_centre_page_is_served_from_the_cache_until_the_centre_changes(client, db,
                                                                        django_assert_num_queries):
    centre = rows.centres(2)[0]
    url = reverse("centres:detail", kwargs={"slug": centre.slug})
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert centre.city in client.get(url).content.decode()
    centre.city = "Grenoble"
    centre.save()
    assert "Grenoble" in client.get(url).content.decode()
    assert client.get(reverse("centres:detail", kwargs={"slug": "no-such-centre"})).status_code == 404


def test_filter_forms_offer_only_countries_that_have_rows(client, db):
    rows.centres(3)  # in France
    rows.pledges(10)  # to Kenya and Ghana
    directory = client.get(reverse("centres:index")).context["filter"].form.fields["country"]
    assert [code for code, _name in directory.choices if code] == ["FR"]
    explorer = client.get(reverse("partnerships:pledges")).context["filter"].form.fields["country"]
    assert sorted(code for code, _name in explorer.choices if code) == ["GH", "KE"]
    refused = client.get(reverse("partnerships:pledges"), {"country": "FR"}).context["filter"].form
    assert "country" in refused.errors
    assert client.get(reverse("centres:index"), {"country": "KE"}).context["filter"].form.errors["country"]


def test_a_warm_filter_page_never_builds_its_country_list(client, db, monkeypatch):
    """The rendered filters come from the cache: the country choices (a list of some 250 names
    sorted in the language, deep-copied with every form) are only built to render or validate."""
    rows.centres(3)
    rows.pledges(10)
    urls = (reverse("centres:index"), reverse("partnerships:pledges"),
            reverse("partnerships:pledges") + "?kind=financial")
    for url in urls:
        assert client.get(url).status_code == 200
    built = []
    monkeypatch.setattr("alliance.core.filters.countries", _Recording(built))
    for url in urls:
        assert client.get(url).status_code == 200
    assert built == []
    client.get(reverse("partnerships:pledges"), {"country": "KE"})
    assert built  # validating a chosen country needs the list


class _Recording:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def __iter__(self):
        from django_countries import countries

        self.log.append("iterated")
        return iter(countries)


# --- Conditional GET ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/en/partnerships/", "/en/partnerships/partner2connect/", "/en/centres/",
                                 "/en/centres/figures/", STATS])
def test_a_repeated_get_answers_304_until_the_data_changes(agreement, url):
    client = Client()
    first = client.get(url)
    assert first.status_code == 200 and first.has_header("ETag")
    # The page set the CSRF cookie; the next response is the one a browser keeps.
    second = client.get(url)
    etag = second["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    agreement.partner_contribution_usd = Decimal("7")
    agreement.save()
    rows.centres(1)
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_etag_differs_by_language(agreement):
    client = Client()
    english = client.get("/en/partnerships/")["ETag"]
    assert client.get("/fr/partnerships/")["ETag"] != english


def test_no_etag_for_a_logged_in_user(agreement, staff_client):
    response = staff_client.get(reverse("partnerships:index"))
    assert response.status_code == 200 and not response.has_header("ETag")


# --- Pages by keyset ----------------------------------------------------------------------------


def _all_pages(paginator: Paginator) -> list[list[int]]:
    return [[row.pk for row in paginator.page(n).object_list] for n in paginator.page_range]


@pytest.mark.parametrize(("ordering", "per_page"), [(("-signed_on", "reference"), 7),
                                                      (("signed_on", "-reference"), 5)])
def test_pages_read_by_keyset_are_the_pages_read_by_offset(db, ordering, per_page):
    """Drafts have no signing date: NULLs sort first or last depending on the database."""
    rows.agreements(40, drafts=9)
    queryset = PartnershipAgreement.objects.order_by(*ordering)
    by_offset = _all_pages(Paginator(queryset, per_page))
    key = f"test-keyset:{time.time_ns()}"
    keyset = VersionedPaginator(queryset, per_page, cache_key=key, keyset_ordering=ordering)
    assert _all_pages(keyset) == by_offset
    # Second pass: the anchors now come from the cache.
    again = VersionedPaginator(queryset, per_page, cache_key=key, keyset_ordering=ordering)
    assert _all_pages(again) == by_offset
    assert sum(map(len, by_offset)) == 49


def test_api_deep_page_matches_and_the_count_follows_writes(client, db):
    made = rows.agreements(120)
    ordered = [a.pk for a in PartnershipAgreement.objects.order_by("-signed_on", "reference")]
    page3 = client.get("/api/v1/agreements/?page=3").json()
    assert [row["id"] for row in page3["results"]] == ordered[100:120]
    assert page3["count"] == 120
    made[0].delete()
    after = client.get("/api/v1/agreements/?page=3").json()
    assert after["count"] == 119 and len(after["results"]) == 19


def test_pledge_api_pages_match_the_offset_pages(client, db):
    rows.pledges(140)
    ordered = [p.pk for p in Pledge.objects.filter(status="published").order_by("-submitted_at", "-pk")]
    ids = []
    for page in (1, 2, 3):
        ids += [row["id"] for row in client.get(f"/api/v1/pledges/?page={page}").json()["results"]]
    assert ids == ordered
