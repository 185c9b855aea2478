"""The partnership and Partner2Connect figures on small datasets built here, the expected figures
worked out by hand in each test (not from the demo data the figures were first checked against).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from alliance.models import Priority
from partnerships import selectors
from partnerships.models import ActionArea, PledgeProgressReport, PledgeStatus
from tests.factories import PartnerFactory, PartnershipAgreementFactory, PledgeFactory, PledgerFactory

pytestmark = pytest.mark.django_db

D = Decimal


def signed(partner, day, partner_usd="0", itu_usd="0", **values):
    return PartnershipAgreementFactory(partner=partner, signed_on=day, itu_contribution_usd=D(itu_usd),
                                       partner_contribution_usd=D(partner_usd), **values)


@pytest.fixture
def year_2024():
    """Six signed agreements in 2024, and around them what must not count in 2024."""
    p1, p2 = Priority.objects.order_by("order", "code")[:2]
    beta = PartnerFactory(name="Beta Foundation")                   # created first: the lower id
    alpha = PartnerFactory(name="Alpha Telecom", kind="private_sector", membership_category="sector_member")
    gamma, delta, epsilon = (PartnerFactory(name=n) for n in ("Gamma Ministry", "Delta Agency", "Epsilon"))
    signed(beta, date(2024, 1, 1), partner_usd="100")               # first day of the year
    signed(alpha, date(2024, 12, 31), partner_usd="100", itu_usd="50").priorities.set([p1, p2])  # last day
    signed(gamma, date(2024, 6, 1), partner_usd="30").priorities.set([p1])
    signed(gamma, date(2024, 7, 1), partner_usd="20", region="americas")
    signed(delta, date(2024, 3, 1), itu_usd="40")                   # ITU money only
    signed(epsilon, date(2024, 4, 1))                               # no money at all
    signed(beta, date(2024, 5, 1), partner_usd="1000", status="draft")            # a draft never counts
    signed(beta, date(2023, 12, 31), partner_usd="100")             # the day before the year
    signed(beta, date(2025, 1, 1), partner_usd="100")               # the day after the year
    signed(beta, date(2020, 6, 1), partner_usd="10")                # first year of the five-year trend
    signed(beta, date(2019, 12, 31), partner_usd="10")              # just before the trend
    return {"p1": p1, "p2": p2}


def test_the_year_summary_counts_agreements_money_and_partners(year_2024):
    stats = selectors.partnership_stats(year=2024)
    assert stats["agreements"] == 6
    assert stats["financial_agreements"] == 5                       # all but Epsilon's
    assert stats["partner_contributions_usd"] == D("250.00")        # 100 + 100 + 30 + 20
    assert stats["itu_contributions_usd"] == D("90.00")             # 50 + 40
    assert stats["contributions_usd"] == D("340.00")
    assert stats["partner_share_percent"] == 74                     # 250 / 340 = 73.5 %
    assert stats["itu_share_percent"] == 26                         # 90 / 340 = 26.5 %, rounded half up: 26
    assert stats["partners"] == 5
    assert stats["financial_partners"] == 3                         # Alpha, Beta, Gamma: not Delta (ITU only)
    assert stats["financial_partners_usd"] == D("250.00")


def test_partners_by_type_and_membership_count_each_partner_once(year_2024):
    stats = selectors.partnership_stats(year=2024)
    assert stats["partners_by_kind"]["government"] == 4              # Gamma's two agreements: one partner
    assert stats["partners_by_kind"]["private_sector"] == 1
    assert sum(stats["partners_by_kind"].values()) == 5
    assert stats["partners_by_membership_category"]["none"] == 4
    assert stats["partners_by_membership_category"]["sector_member"] == 1


def test_top_financial_partners_sum_a_partners_agreements_and_break_ties_by_name(year_2024):
    top = selectors.top_financial_partners(year=2024)
    # Alpha and Beta both signed 100: Alpha first by name although Beta has the lower id.
    assert [(row["name"], row["amount_usd"]) for row in top] == [
        ("Alpha Telecom", D("100.00")), ("Beta Foundation", D("100.00")), ("Gamma Ministry", D("50.00"))]


def test_top_financial_partners_keep_the_limit_after_the_tie_break(year_2024):
    top = selectors.top_financial_partners(year=2024, limit=1)
    assert [row["name"] for row in top] == ["Alpha Telecom"]


def test_regions_split_the_year(year_2024):
    rows = {row["region"]: row for row in selectors.by_region(year=2024)}
    assert (rows["africa"]["agreements"], rows["africa"]["financial_agreements"],
            rows["africa"]["contributions_usd"]) == (5, 4, D("320.00"))     # 100 + 150 + 30 + 40 + 0
    assert (rows["americas"]["agreements"], rows["americas"]["financial_agreements"],
            rows["americas"]["contributions_usd"]) == (1, 1, D("20.00"))
    assert rows["europe"]["agreements"] == 0
    assert rows["europe"]["contributions_usd"] == D("0.00")


def test_an_agreement_serving_two_priorities_counts_in_both(year_2024):
    rows = {row["priority"]: row for row in selectors.by_priority(year=2024)}
    p1, p2 = year_2024["p1"].code, year_2024["p2"].code
    assert (rows[p1]["agreements"], rows[p1]["contributions_usd"]) == (2, D("180.00"))  # Alpha 150 + Gamma 30
    assert (rows[p2]["agreements"], rows[p2]["contributions_usd"]) == (1, D("150.00"))
    others = [row for code, row in rows.items() if code not in (p1, p2)]
    assert all(row["agreements"] == 0 for row in others)


def test_the_trend_is_five_years_with_the_empty_ones_at_zero(year_2024):
    trend = selectors.trend(year=2024)
    assert [(row["year"], row["agreements"], row["contributions_usd"]) for row in trend] == [
        (2020, 1, D("10.00")), (2021, 0, D("0.00")), (2022, 0, D("0.00")), (2023, 1, D("100.00")),
        (2024, 6, D("340.00"))]


def test_the_years_run_from_the_last_signed_agreement_to_the_first(year_2024):
    assert selectors.agreement_years() == [2025, 2024, 2023, 2022, 2021, 2020, 2019]


def test_a_year_without_agreements_is_all_zeros(year_2024):
    stats = selectors.partnership_stats(year=2022)
    assert (stats["agreements"], stats["contributions_usd"], stats["partner_share_percent"],
            stats["top_financial_partners"]) == (0, D("0.00"), 0, [])


# --- Partner2Connect ----------------------------------------------------------------------------


@pytest.fixture
def pledges():
    a1, a2, a3, a4 = ActionArea.objects.order_by("order")
    shared = PledgerFactory()
    p1 = PledgeFactory(pledger=shared, kind="financial", value_usd=D("1000"), status=PledgeStatus.PUBLISHED,
                       action_areas=[a1, a2], next_report_due=date(2026, 5, 1))
    p2 = PledgeFactory(kind="financial", value_usd=D("500"), status=PledgeStatus.PUBLISHED,
                       action_areas=[a1], next_report_due=None)
    p3 = PledgeFactory(pledger=shared, kind="programmatic", status=PledgeStatus.PUBLISHED,
                       action_areas=[a2], next_report_due=date(2026, 6, 1))
    PledgeFactory(kind="financial", value_usd=D("9999"), status=PledgeStatus.SUBMITTED, action_areas=[a1])
    declined = PledgeFactory(kind="financial", value_usd=D("7777"), status=PledgeStatus.DECLINED,
                             action_areas=[a3])
    report = PledgeProgressReport.objects.create
    report(pledge=p1, status="on_track", narrative="a", reported_on=date(2026, 1, 1),
           amount_delivered_usd=D("200"))
    report(pledge=p1, status="on_track", narrative="b", reported_on=date(2026, 3, 1),
           amount_delivered_usd=D("600"))
    # Two reports on the same day: the later one (higher id) is the latest.
    report(pledge=p2, status="on_track", narrative="c", reported_on=date(2026, 2, 1),
           amount_delivered_usd=D("100"))
    report(pledge=p2, status="completed", narrative="d", reported_on=date(2026, 2, 1),
           amount_delivered_usd=D("500"))
    report(pledge=declined, status="completed", narrative="e", reported_on=date(2026, 2, 1),
           amount_delivered_usd=D("7777"))
    return {"areas": (a1, a2, a3, a4), "p1": p1, "p3": p3}


def test_the_explorer_totals_count_published_pledges_only(pledges):
    assert selectors.pledge_totals(selectors.published_pledges()) == {
        "pledges": 3, "pledgers": 2, "financial": 2, "value_usd": D("1500.00")}


def test_a_pledge_in_two_chosen_action_areas_counts_once(pledges):
    a1, a2, _a3, _a4 = pledges["areas"]
    both = selectors.published_pledges().filter(action_areas__in=[a1, a2])
    assert selectors.pledge_totals(both) == {
        "pledges": 3, "pledgers": 2, "financial": 2, "value_usd": D("1500.00")}
    only_a1 = selectors.published_pledges().filter(action_areas=a1)
    assert selectors.pledge_totals(only_a1)["value_usd"] == D("1500.00")


def test_pledges_by_kind_and_by_action_area(pledges):
    by_kind = {row["kind"]: (row["pledges"], row["value_usd"])
               for row in selectors.pledges_by_kind(selectors.published_pledges())}
    assert by_kind["financial"] == (2, D("1500.00"))
    assert by_kind["programmatic"] == (1, D("0.00"))
    assert by_kind["policy"] == (0, D("0.00"))
    by_area = [(row["pledges"], row["value_usd"])
               for row in selectors.pledges_by_action_area(selectors.published_pledges())]
    assert by_area == [(2, D("1500.00")), (2, D("1000.00")), (0, D("0.00")), (0, D("0.00"))]


def test_the_progress_summary_takes_each_pledges_latest_report(pledges):
    summary = selectors.pledge_progress_summary(today=date(2026, 6, 1))
    assert summary["published"] == 3
    assert {row["code"]: row["pledges"] for row in summary["by_state"]} == {
        "on_track": 1, "delayed": 0, "completed": 1, "not_reported": 1}
    assert summary["overdue"] == 1              # p1 (due 1 May); p3 is due today, not overdue
    assert summary["delivered_usd"] == D("1100.00")     # 600 (p1's latest) + 500 (p2's latest)


@pytest.mark.parametrize("today, light", [
    (date(2026, 4, 30), "amber"), (date(2026, 5, 1), "amber"), (date(2026, 5, 2), "red"),
    (date(2026, 4, 1), "amber"), (date(2026, 3, 31), "green"),     # 30 days before: 1 April
])
def test_the_follow_up_light_turns_amber_a_month_before_and_red_the_day_after(pledges, today, light):
    assert selectors.pledge_light(pledges["p1"], today=today) == light
