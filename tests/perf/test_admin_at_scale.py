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
    "agreements": ("/en/admin/partnerships/agreement/", lambda: rows.agreements(30)),
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
    from partnerships.models import Agreement

    made = rows.agreements(5)
    url = "/en/admin/partnerships/agreement/"
    total = Agreement.objects.count()
    assert _listed_count(staff_client.get(url).content.decode()) == total
    assert _listed_count(staff_client.get(url).content.decode()) == total
    made[0].delete()
    assert _listed_count(staff_client.get(url).content.decode()) == total - 1


def test_deep_admin_pages_are_the_rows_offset_gives(staff_client):
    from partnerships.models import Agreement

    rows.agreements(250)
    url = "/en/admin/partnerships/agreement/?p=3"
    staff_client.get(url)
    html = staff_client.get(url).content.decode()
    ordered = list(Agreement.objects.order_by("-signed_on", "reference").values_list("reference", flat=True))
    assert all(f">{reference}<" in html for reference in ordered[200:250])
    assert f">{ordered[199]}<" not in html
