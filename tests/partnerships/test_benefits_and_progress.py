"""How much pledges benefit LDCs, LLDCs and SIDS, and their progress in public (issue 20): the
rules, and the totals on small datasets built here with the expected figures worked out by hand.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnerships import selectors, services
from partnerships.models import (
    ActionArea,
    ImpactIndicator,
    Pledge,
    PledgeBenefit,
    PledgeProgressReport,
    PledgeStatus,
)
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db

D = Decimal


def submit(**overrides) -> Pledge:
    values = {
        "organisation": "Island Connect", "pledger_kind": "private_sector", "country": "FJ",
        "contact_name": "Sione Tupou", "contact_email": "sione@example.org", "title": "Islands online",
        "description": "Connect 40 islands.", "kind": "financial",
        "action_areas": ActionArea.objects.filter(code="connecting_people"), "target_year": 2030,
        "value_usd": D("2000000"), **overrides,
    }
    return services.pledge_submit(**values)


def benefit(pledge, group, **figures) -> PledgeBenefit:
    setattr(pledge, f"benefits_{group}", True)
    pledge.save()
    return PledgeBenefit.objects.create(pledge=pledge, group=group, **figures)


# --- Rules ---------------------------------------------------------------------------------------


def test_a_pledge_states_how_much_it_benefits_each_group_and_ticks_them():
    pledge = submit(benefits={"sids": {"share_percent": D("60"), "people_reached": 80000},
                              "ldc": {"amount_usd": D("500000")}})
    assert (pledge.benefits_ldc, pledge.benefits_lldc, pledge.benefits_sids) == (True, False, True)
    figures = {b.group: (b.share_percent, b.amount_usd, b.people_reached) for b in pledge.benefits.all()}
    assert figures == {"ldc": (None, D("500000.00"), None), "sids": (D("60.00"), None, 80000)}


@pytest.mark.parametrize(("benefits", "field"), [
    ({"ldc": {"share_percent": D("100.01")}}, "ldc_share_percent"),
    ({"lldc": {"share_percent": D("-1")}}, "lldc_share_percent"),
    ({"sids": {"amount_usd": D("-5")}}, "sids_amount_usd"),
    ({"ldc": {"amount_usd": D("2000000.01")}}, "ldc_amount_usd"),       # more than the pledge
])
def test_bad_benefit_figures_are_refused_and_nothing_is_stored(benefits, field):
    with pytest.raises(ValidationError) as error:
        submit(benefits=benefits)
    assert field in error.value.message_dict
    assert not Pledge.objects.exists() and not PledgeBenefit.objects.exists()


def test_an_amount_in_usd_is_for_financial_pledges_only():
    with pytest.raises(ValidationError) as error:
        submit(kind="programmatic", value_usd=None, benefits={"ldc": {"amount_usd": D("10")}})
    assert "ldc_amount_usd" in error.value.message_dict
    ok = submit(kind="programmatic", value_usd=None, benefits={"ldc": {"share_percent": D("100")}})
    assert ok.benefits.get().share_percent == D("100")


def test_a_ticked_group_without_figures_needs_the_description():
    with pytest.raises(ValidationError) as error:
        submit(benefits_lldc=True)
    assert "benefit_description" in error.value.message_dict
    assert submit(benefits_lldc=True, benefit_description="Mostly in Nepal.").benefits_lldc


def test_the_database_refuses_a_benefit_without_figures_or_beyond_a_hundred_percent():
    pledge = PledgeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeBenefit.objects.create(pledge=pledge, group="ldc")
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeBenefit.objects.create(pledge=pledge, group="ldc", share_percent=D("100.5"))


def test_the_public_form_asks_figures_for_each_ticked_group(client):
    data = {"organisation": "Island Connect", "pledger_kind": "private_sector", "country": "FJ",
            "contact_name": "Sione Tupou", "contact_email": "sione@example.org", "title": "Islands online",
            "description": "Connect 40 islands.", "kind": "programmatic",
            "action_areas": [ActionArea.objects.get(code="connecting_people").pk],
            "target_year": timezone.localdate().year + 1, "benefits_sids": "on", "sids_share_percent": "",
            "ldc_amount_usd": "10"}
    response = client.post(reverse("partnerships:pledge-submit"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "sids_share_percent" in errors        # ticked, no figure
    assert "ldc_amount_usd" in errors            # USD for a programmatic pledge
    assert not Pledge.objects.exists()
    data.update(sids_share_percent="75", ldc_amount_usd="", lldc_people_reached="1200")
    assert client.post(reverse("partnerships:pledge-submit"), data).status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.benefits_ldc, pledge.benefits_lldc, pledge.benefits_sids) == (False, True, True)
    assert pledge.benefits.get(group="lldc").people_reached == 1200


# --- Totals by group, worked out by hand --------------------------------------------------------


@pytest.fixture
def benefit_data():
    """Three published pledges and one declined; the figures each states per group."""
    big = PledgeFactory(kind="financial", value_usd=D("1000000"), status=PledgeStatus.PUBLISHED)
    benefit(big, "ldc", amount_usd=D("400000"), people_reached=1000)    # USD stated
    benefit(big, "sids", share_percent=D("25"))                         # 25 % of 1,000,000
    small = PledgeFactory(kind="financial", value_usd=D("300"), status=PledgeStatus.PUBLISHED)
    benefit(small, "ldc", share_percent=D("33.33"), people_reached=250)   # 99.99 USD
    programme = PledgeFactory(kind="programmatic", status=PledgeStatus.PUBLISHED)
    benefit(programme, "ldc", share_percent=D("50"), people_reached=5000)  # no value: no USD
    programme.benefits_lldc = True                                        # ticked, no figures
    programme.benefit_description = "Some of it."
    programme.save()
    declined = PledgeFactory(kind="financial", value_usd=D("9000"), status=PledgeStatus.DECLINED)
    benefit(declined, "ldc", amount_usd=D("9000"), people_reached=99)
    return {"big": big, "small": small, "programme": programme}


def test_the_totals_by_group_add_stated_amounts_and_shares_of_value(benefit_data):
    totals = {row["group"]: (row["pledges"], row["usd"], row["people"])
              for row in selectors.pledge_benefit_totals(selectors.published_pledges())}
    assert totals == {
        "ldc": (3, D("400099.99"), 6250),      # 400,000 + 33.33 % of 300; 1,000 + 250 + 5,000
        "lldc": (1, D("0.00"), 0),
        "sids": (1, D("250000.00"), 0),
    }


def test_the_totals_by_group_follow_the_selection(benefit_data):
    only_programmes = selectors.published_pledges().filter(kind="programmatic")
    totals = {row["group"]: (row["pledges"], row["usd"], row["people"])
              for row in selectors.pledge_benefit_totals(only_programmes)}
    assert totals == {"ldc": (1, D("0.00"), 5000), "lldc": (1, D("0.00"), 0), "sids": (0, D("0.00"), 0)}


def test_the_explorer_and_the_p2c_report_show_the_totals_by_group(client, benefit_data):
    from alliance.reports.registry import Period
    from partnerships import report

    html = client.get(reverse("partnerships:pledges")).content.decode()
    assert "0.40" in html and "6,250" in html            # USD million to LDCs; people in LDCs
    period = Period(start=date(2020, 1, 1), end=timezone.localdate())
    figures = report.p2c_figures(period)
    assert figures["usd_million_to_ldc"] == D("0.40")
    assert figures["usd_million_to_sids"] == D("0.25")
    assert figures["people_reached_in_ldc"] == 6250
    assert figures["pledges_benefiting_lldc"] == 1


# --- Progress in public -------------------------------------------------------------------------


@pytest.fixture
def progress_data():
    """Four published pledges: on track then delayed, completed, on track, and one never reported."""
    published = dict(status=PledgeStatus.PUBLISHED, kind="financial",
                     submitted_at=timezone.make_aware(datetime(2024, 1, 1)))
    late = PledgeFactory(value_usd=D("100"), **published)
    done = PledgeFactory(value_usd=D("20"), **published)
    fine = PledgeFactory(value_usd=D("3"), **published)
    silent = PledgeFactory(value_usd=D("4000"), **published)
    declined = PledgeFactory(value_usd=D("5"), status=PledgeStatus.DECLINED, kind="financial")
    report = PledgeProgressReport.objects.create
    report(pledge=late, status="on_track", narrative="a", reported_on=date(2025, 1, 1))
    report(pledge=late, status="delayed", narrative="b", reported_on=date(2025, 6, 1))
    report(pledge=done, status="completed", narrative="c", reported_on=date(2025, 3, 1))
    report(pledge=fine, status="delayed", narrative="d", reported_on=date(2025, 2, 1))
    report(pledge=fine, status="on_track", narrative="e", reported_on=date(2025, 2, 1))   # same day, later
    report(pledge=declined, status="completed", narrative="f", reported_on=date(2025, 3, 1))
    return {"late": late, "done": done, "fine": fine, "silent": silent}


def test_each_published_pledge_shows_its_latest_progress_state(progress_data):
    states = dict(selectors.published_pledges().values_list("pk", "progress_state"))
    assert states == {progress_data["late"].pk: "delayed", progress_data["done"].pk: "completed",
                      progress_data["fine"].pk: "on_track", progress_data["silent"].pk: "not_reported"}


def test_the_totals_by_progress_count_and_sum_each_state(progress_data):
    rows = {row["state"]: (row["pledges"], row["value_usd"])
            for row in selectors.pledges_by_progress(selectors.published_pledges())}
    assert rows == {"on_track": (1, D("3.00")), "delayed": (1, D("100.00")), "completed": (1, D("20.00")),
                    "not_reported": (1, D("4000.00"))}


def test_the_explorer_filters_by_progress(client, progress_data):
    response = client.get(reverse("partnerships:pledges"), {"progress": "delayed"})
    assert [p.pk for p in response.context["pledges"]] == [progress_data["late"].pk]
    response = client.get(reverse("partnerships:pledges"), {"progress": "not_reported"})
    assert [p.pk for p in response.context["pledges"]] == [progress_data["silent"].pk]
    assert response.context["totals"]["pledges"] == 1


def test_the_p2c_report_counts_the_states_as_of_its_period(progress_data):
    summary = selectors.pledge_progress_summary(today=date(2025, 3, 31), as_of=date(2025, 3, 31))
    # On 31 March 2025 "late" was still on track (its delay came in June).
    assert {row["code"]: row["pledges"] for row in summary["by_state"]} == {
        "on_track": 2, "delayed": 0, "completed": 1, "not_reported": 1}


def test_a_progress_report_carries_impact_indicators(db):
    pledge = PledgeFactory(status=PledgeStatus.PUBLISHED)
    day = timezone.localdate()
    report = services.progress_report_submit(
        pledge=pledge, by=pledge.pledger.user, status="on_track", narrative="Half the schools.",
        indicators=[{"name": "Schools connected", "value": D("120"), "unit": "schools", "measured_on": day},
                    {"name": "Fibre laid", "value": D("35.5"), "unit": "km", "measured_on": day}])
    assert list(report.indicators.values_list("name", "value", "unit")) == [
        ("Schools connected", D("120.00"), "schools"), ("Fibre laid", D("35.50"), "km")]


def test_a_bad_indicator_stores_neither_it_nor_the_report(db):
    pledge = PledgeFactory(status=PledgeStatus.PUBLISHED)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.progress_report_submit(
            pledge=pledge, by=pledge.pledger.user, status="on_track", narrative="x",
            indicators=[{"name": "Schools", "value": D("1"), "unit": "schools", "measured_on": tomorrow}])
    assert "measured_on" in error.value.message_dict
    assert not PledgeProgressReport.objects.exists() and not ImpactIndicator.objects.exists()


def test_the_pledgers_progress_page_takes_indicators_and_the_public_page_shows_them(client, db):
    pledge = PledgeFactory(status=PledgeStatus.PUBLISHED, title="Schools online")
    client.force_login(pledge.pledger.user)
    url = reverse("partnerships:progress-report", args=[pledge.pk])
    management = {"indicators-TOTAL_FORMS": "3", "indicators-INITIAL_FORMS": "0",
                  "indicators-MIN_NUM_FORMS": "0", "indicators-MAX_NUM_FORMS": "5"}
    bad = client.post(url, {"status": "delayed", "narrative": "Permits late.", "amount_delivered_usd": "0",
                            **management, "indicators-0-name": "Schools connected", "indicators-0-value": "x",
                            "indicators-0-unit": "schools", "indicators-0-measured_on": "2025-05-01"})
    assert bad.status_code == 200 and bad.context["indicators"].forms[0].errors["value"]
    assert not PledgeProgressReport.objects.exists()
    ok = client.post(url, {"status": "delayed", "narrative": "Permits late.", "amount_delivered_usd": "0",
                           **management, "indicators-0-name": "Schools connected", "indicators-0-value": "40",
                           "indicators-0-unit": "schools", "indicators-0-measured_on": "2025-05-01"})
    assert ok.status_code == 302
    assert ImpactIndicator.objects.get().value == D("40")
    client.logout()
    html = client.get(reverse("partnerships:pledge", args=[pledge.pk])).content.decode()
    assert "Delayed" in html and "Permits late." in html and "Schools connected" in html
