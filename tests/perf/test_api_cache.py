"""Public API lists answered from the cache for anonymous readers, fresh after any write."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerships.models import PartnershipAgreement
from tests.factories import api_key_for
from tests.perf import rows

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/agreements/", "/api/v1/agreements/?page=2", "/api/v1/centres/", "/api/v1/pledges/",
         "/api/v1/partners/"]


@pytest.fixture
def data(db):
    rows.agreements(120)
    rows.centres(60)
    rows.pledges(60)


@pytest.mark.parametrize("url", LISTS)
def test_a_repeated_anonymous_list_runs_no_query(data, url, django_assert_num_queries):
    client = Client()
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.json() == first.json()


def test_a_write_shows_in_the_next_anonymous_list(data):
    client = Client()
    before = client.get("/api/v1/agreements/").json()
    newest = (
        PartnershipAgreement.objects.filter(signed_on__isnull=False)
        .order_by("-signed_on", "reference")
        .first()
    )
    newest.title_en = "Renamed after the first read"
    newest.partner_contribution_usd = Decimal("12.00")
    newest.save()
    after = client.get("/api/v1/agreements/").json()
    assert after["results"][0]["title"] == "Renamed after the first read"
    assert after["results"][0] != before["results"][0]


def test_each_language_has_its_own_cached_page(data):
    client = Client()
    client.get("/api/v1/centres/", headers={"Accept-Language": "en"})
    with CaptureQueriesContext(connection) as french:
        client.get("/api/v1/centres/", headers={"Accept-Language": "fr"})
    assert len(french) > 0, "the French page was served from the English one"


def test_staff_with_a_token_never_get_the_anonymous_page(data, staff_user):
    client = Client()
    public = client.get("/api/v1/centres/").json()["results"][0]
    key = api_key_for(staff_user)
    staff = client.get("/api/v1/centres/", headers={"Authorization": f"Token {key}"})
    staff = staff.json()["results"][0]
    assert "contact_phone" in staff and "contact_phone" not in public
