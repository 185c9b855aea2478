"""The pledge explorer and the pledges' API filter the type of pledge and the groups it benefits
through one definition (partnerships.filters.PledgeFilterSet)."""

import pytest

from partnerships.filters import PledgeAPIFilter, PledgeFilter
from partnerships.models import PledgeKind, PledgeStatus
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["kind", "benefits_ldc", "benefits_lldc", "benefits_sids"])
def test_the_explorer_and_the_api_filter_with_the_same_filter(name):
    assert PledgeFilter.base_filters[name] is PledgeAPIFilter.base_filters[name]


@pytest.mark.parametrize(("query", "found"), [
    ({"benefits_sids": "true"}, {"sids"}),
    ({"benefits_sids": "false"}, {"other"}),
    ({"kind": PledgeKind.FINANCIAL}, {"sids"}),
    ({"kind": PledgeKind.FINANCIAL, "benefits_sids": "false"}, set()),
])
def test_the_explorer_and_the_api_find_the_same_pledges(client, query, found):
    pledges = {
        "sids": PledgeFactory(status=PledgeStatus.PUBLISHED, benefits_sids=True, kind=PledgeKind.FINANCIAL,
                              value_usd=1000),
        "other": PledgeFactory(status=PledgeStatus.PUBLISHED, benefits_sids=False),
    }
    expected = {pledges[name].pk for name in found}
    page = client.get("/en/partnerships/partner2connect/", query)
    api = client.get("/api/v1/pledges/", query)
    assert {pledge.pk for pledge in page.context["pledges"]} == expected
    assert {row["id"] for row in api.json()["results"]} == expected
