"""Every figure of seed 002 (TDAG report on partnerships, 2024), computed from the demo data
through GET /api/v1/partnerships/stats/."""

from datetime import date
from decimal import Decimal

import pytest

from partnerships.models import Partner, PartnershipAgreement

SEED_TOP_10 = [
    ("European Union, represented by the European Commission", "19.82"),
    ("United Nations Children's Fund", "1.82"),
    ("United Nations Office for Disaster Risk Reduction", "1.75"),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit GmbH", "1.09"),
    ("World Meteorological Organization", "0.96"),
    ("Department of Infrastructure, Transport, Regional Development, Communications and the Arts, Australia",
     "0.65"),
    ("Foreign, Commonwealth & Development Office, United Kingdom", "0.56"),
    ("Ministry of Information and Communications Technologies, Colombia", "0.43"),
    ("EYGS LLP", "0.41"),
    ("Ministry of Science and ICT, Republic of Korea", "0.37"),
]


def millions(amount: str) -> Decimal:
    """As the seed writes amounts: USD millions with two decimals ("19,82 млн")."""
    return (Decimal(amount) / 1_000_000).quantize(Decimal("0.01"))


@pytest.fixture
def stats_2024(demo, client):
    response = client.get("/api/v1/partnerships/stats/", {"year": 2024})
    assert response.status_code == 200
    return response.json()


def test_seed_002_headline_figures_are_computed_from_the_demo_data(stats_2024):
    assert stats_2024["year"] == 2024
    assert stats_2024["agreements"] == 89
    assert stats_2024["financial_agreements"] == 53
    assert millions(stats_2024["contributions_usd"]).quantize(Decimal("0.1")) == Decimal("33.8")
    assert stats_2024["partner_share_percent"] == 92
    assert stats_2024["itu_share_percent"] == 8
    assert stats_2024["partners"] == 73
    assert stats_2024["financial_partners"] == 33
    assert millions(stats_2024["financial_partners_usd"]).quantize(Decimal("0.1")) == Decimal("31.1")


def test_seed_002_partners_by_membership_category(stats_2024):
    categories = stats_2024["partners_by_membership_category"]
    assert categories["member_state"] == 19
    assert categories["sector_member"] == 7
    assert categories["academia"] == 3
    assert categories["international_org"] == 2
    assert sum(categories.values()) == 73
    assert sum(stats_2024["partners_by_kind"].values()) == 73


def test_seed_002_top_10_financial_partners_table(stats_2024):
    top = stats_2024["top_financial_partners"]
    assert [(row["name"], str(millions(row["amount_usd"]))) for row in top] == SEED_TOP_10
    assert set(top[0]) == {"partner", "name", "amount_usd"}
    assert Partner.objects.get(pk=top[0]["partner"]).acronym == "EC"


def test_amounts_are_decimal_strings_and_shares_whole_numbers(stats_2024):
    assert stats_2024["contributions_usd"] == "33816830.00"
    assert stats_2024["financial_partners_usd"] == "31104350.00"
    assert isinstance(stats_2024["partner_share_percent"], int)
    for row in stats_2024["by_region"] + stats_2024["by_priority"] + stats_2024["trend"]:
        assert isinstance(row["contributions_usd"], str)
        Decimal(row["contributions_usd"])


def test_regions_and_priorities_cover_every_agreement_of_the_year(stats_2024):
    regions = stats_2024["by_region"]
    assert [row["region"] for row in regions] == [
        "africa", "americas", "arab_states", "asia_pacific", "cis", "europe", "global"]
    assert sum(row["agreements"] for row in regions) == 89
    assert sum(row["financial_agreements"] for row in regions) == 53
    assert sum(Decimal(row["contributions_usd"]) for row in regions) == Decimal("33816830.00")
    priorities = stats_2024["by_priority"]
    assert {row["priority"] for row in priorities} == {
        "affordable_connectivity", "digital_transformation", "enabling_environment",
        "resource_mobilization", "inclusive_secure_ict"}
    # An agreement may serve several priorities, so the sum is at least the number of agreements.
    assert sum(row["agreements"] for row in priorities) >= 89


def test_trend_is_the_year_asked_and_the_four_before(stats_2024):
    trend = stats_2024["trend"]
    assert [row["year"] for row in trend] == [2020, 2021, 2022, 2023, 2024]
    assert trend[-1] == {"year": 2024, "agreements": 89, "financial_agreements": 53,
                         "contributions_usd": stats_2024["contributions_usd"]}
    assert all(row["agreements"] > 0 for row in trend)


def test_draft_agreements_never_count(stats_2024, client):
    assert PartnershipAgreement.objects.filter(status="draft").exists()
    draft = PartnershipAgreement.objects.filter(status="draft").first()
    draft.signed_on = date(2024, 6, 1)
    draft.save()
    again = client.get("/api/v1/partnerships/stats/", {"year": 2024}).json()
    assert again["agreements"] == 89


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Partner.objects.count(), PartnershipAgreement.objects.count())
    demo.load(log=lambda message: None)
    assert (Partner.objects.count(), PartnershipAgreement.objects.count()) == counts


@pytest.mark.parametrize("year", ["twenty", "1800", "3000"])
def test_stats_refuse_a_bad_year(client, db, year):
    response = client.get("/api/v1/partnerships/stats/", {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()


def test_stats_of_a_year_without_agreements_are_zero(client, db):
    data = client.get("/api/v1/partnerships/stats/", {"year": 2030}).json()
    assert data["agreements"] == 0
    assert data["contributions_usd"] == "0.00"
    assert data["partner_share_percent"] == 0
    assert data["top_financial_partners"] == []
    assert len(data["trend"]) == 5
