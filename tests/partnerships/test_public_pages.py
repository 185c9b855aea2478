from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from partnerships.models import ActionArea, Partner, PartnershipAgreement, Pledge, Pledger


def bulk_agreements(count: int) -> None:
    partners = Partner.objects.bulk_create(
        [Partner(name=f"P{n}", name_en=f"P{n}", kind="government" if n % 2 else "un_entity")
         for n in range(20)])
    PartnershipAgreement.objects.bulk_create([
        PartnershipAgreement(reference=f"B-{n}", title=f"A{n}", title_en=f"A{n}", partner=partners[n % 20],
                  status="active", signed_on=date(2024 - n % 5, n % 12 + 1, 1), region="africa",
                  partner_contribution_usd=Decimal(n * 10), itu_contribution_usd=Decimal(0))
        for n in range(count)])


@pytest.mark.parametrize("size", [10, 1000])
def test_the_figures_page_uses_a_constant_number_of_queries(client, db, size, django_assert_max_num_queries):
    bulk_agreements(size)
    with django_assert_max_num_queries(10):
        response = client.get("/en/partnerships/", {"year": 2024})
    assert response.status_code == 200


def test_the_figures_page_shows_seed_002_with_charts_and_tables(client, demo):
    page = client.get("/en/partnerships/").content.decode()
    assert page.count("<h1") == 1
    assert '<figure class="chart chart-bars"' in page and "<caption>" in page and 'scope="row"' in page
    assert "European Union, represented by the European Commission" in page
    assert ">89<" in page and ">33.8<" in page and "92 %" in page


def test_the_figures_page_follows_the_language(client, demo):
    page = client.get("/ru/partnerships/", {"year": 2024}).content.decode()
    assert "19,82" in page and "33,8" in page


def test_a_bad_year_falls_back_to_the_latest_year(client, demo):
    response = client.get("/en/partnerships/", {"year": "1066"})
    assert response.status_code == 200
    assert response.context["year"] == 2024


@pytest.mark.parametrize("size", [5, 200])
def test_the_pledge_explorer_uses_a_constant_number_of_queries(client, db, size,
                                                               django_assert_max_num_queries):
    pledger = Pledger.objects.create(organisation="Org", kind="government", contact_name="C",
                                     contact_email="c@example.org")
    area = ActionArea.objects.first()
    pledges = Pledge.objects.bulk_create([
        Pledge(pledger=pledger, title=f"Pledge {n}", description="d", kind="policy", target_year=2030,
               status="published") for n in range(size)])
    Pledge.action_areas.through.objects.bulk_create(
        [Pledge.action_areas.through(pledge=p, actionarea=area) for p in pledges])
    # The totals by group of countries (2 queries) and by progress (1) came on top of 7 (cold: no cache).
    with django_assert_max_num_queries(10):
        response = client.get("/en/partnerships/partner2connect/")
    assert len(response.context["pledges"]) == min(size, 20)
    assert response.context["totals"]["pledges"] == size


def test_unpublished_pledges_are_never_public(client, demo):
    hidden = list(Pledge.objects.exclude(status="published"))
    assert {p.status for p in hidden} == {"submitted", "declined"}
    explorer = client.get("/en/partnerships/partner2connect/").content.decode()
    for pledge in Pledge.objects.filter(status="published"):
        assert pledge.title in explorer
    api = client.get("/api/v1/pledges/").json()
    for pledge in hidden:
        assert pledge.title not in explorer
        assert client.get(f"/en/partnerships/partner2connect/pledges/{pledge.pk}/").status_code == 404
        assert client.get(f"/api/v1/pledges/{pledge.pk}/").status_code == 404
        assert pledge.pk not in [row["id"] for row in api["results"]]
    assert api["count"] == Pledge.objects.filter(status="published").count()


def test_the_explorer_filters_and_totals(client, demo):
    response = client.get("/en/partnerships/partner2connect/", {"kind": "financial", "benefits_sids": "true"})
    pledges = list(response.context["pledges"])
    assert [p.title for p in pledges] == ["Digital skills for one million women (illustrative)"]
    assert response.context["totals"]["value_usd"] == Decimal("12500000.00")
    bogus = client.get("/en/partnerships/partner2connect/", {"kind": "bogus"})
    assert list(bogus.context["pledges"]) == []
    assert "kind" in bogus.context["filter"].form.errors


def test_a_pledge_from_the_public_form_waits_for_due_diligence(client, db):
    area = ActionArea.objects.get(code="building_ecosystems")
    response = client.post("/en/partnerships/partner2connect/pledge/", {
        "organisation": "Island University", "pledger_kind": "academia", "country": "FJ",
        "contact_name": "Sione Tupou", "contact_email": "sione@example.org", "title": "Sandbox",
        "description": "A regulatory sandbox.", "kind": "policy", "action_areas": [area.pk],
        "target_countries": ["FJ", "TO"], "benefits_sids": "on", "sids_share_percent": "100",
        "target_year": date.today().year + 1})
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.status == "submitted"
    assert client.get("/en/partnerships/partner2connect/").context["totals"]["pledges"] == 0


def test_a_bad_public_pledge_shows_errors_and_stores_nothing(client, db):
    response = client.post("/en/partnerships/partner2connect/pledge/", {
        "organisation": "Bank", "pledger_kind": "financial_institution", "contact_name": "X",
        "contact_email": "nope", "title": "Money", "description": "d", "kind": "financial",
        "target_year": 1999})
    assert response.status_code == 200
    form = response.context["form"]
    assert {"contact_email", "action_areas", "target_year"} <= set(form.errors)
    assert not Pledge.objects.exists() and not Pledger.objects.exists()
    financial = client.post("/en/partnerships/partner2connect/pledge/", {
        "organisation": "Bank", "pledger_kind": "financial_institution", "contact_name": "X",
        "contact_email": "x@example.org", "title": "Money", "description": "d", "kind": "financial",
        "action_areas": [ActionArea.objects.first().pk], "target_year": date.today().year + 1})
    assert "value_usd" in financial.context["form"].errors
    assert not Pledge.objects.exists()


def test_staff_review_a_pledge_and_decline_it_with_a_reason(staff_client, demo):
    pledge = Pledge.objects.get(status="submitted")
    url = f"/en/partnerships/staff/pledges/{pledge.pk}/review/"
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"decide": "1", "decision": "decline", "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["decision"].errors
    response = staff_client.post(url, {"decide": "1", "decision": "publish"})
    assert response.status_code == 200  # checklist incomplete
    assert Pledge.objects.get(pk=pledge.pk).status == "submitted"
    staff_client.post(url, {"decide": "1", "decision": "decline", "reason": "Not measurable."})
    assert Pledge.objects.get(pk=pledge.pk).status == "declined"


def test_the_staff_dashboard_is_for_staff_only(client, staff_client, member_user, demo):
    page = staff_client.get("/en/partnerships/staff/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Red: overdue" in text and "Amber: due within a month" in text and "Green: up to date" in text
    other = Client()
    assert other.get("/en/partnerships/staff/").status_code == 302
    other.force_login(member_user)
    assert other.get("/en/partnerships/staff/").status_code == 403


def test_a_pledger_reports_progress_on_their_own_pledge_only(client, demo, member_user):
    pledge = Pledge.objects.filter(status="published").select_related("pledger").first()
    url = f"/en/partnerships/partner2connect/my-pledges/{pledge.pk}/progress/"
    client.force_login(member_user)
    assert client.get(url).status_code == 404
    pledge.pledger.user = member_user
    pledge.pledger.save()
    bad = client.post(url, {"status": "on_track", "narrative": "x", "amount_delivered_usd": "-3"})
    assert bad.status_code == 200 and "amount_delivered_usd" in bad.context["form"].errors
    ok = client.post(url, {"status": "completed", "narrative": "Done.", "amount_delivered_usd": "10"})
    assert ok.status_code == 302
    assert pledge.progress_reports.filter(status="completed").exists()


@pytest.mark.parametrize("size", [5, 100])
def test_impact_stories_list_uses_constant_queries_and_hides_drafts(client, make_partner, size,
                                                                    django_assert_max_num_queries):
    from partnerships.models import ImpactStory

    partner = make_partner(kind="un_entity")
    ImpactStory.objects.bulk_create(
        [ImpactStory(title=f"Story {n}", title_en=f"Story {n}", summary="s", summary_en="s", partner=partner,
                     is_published=n % 2 == 0, published_on=date(2024, 1, 1)) for n in range(size)])
    with django_assert_max_num_queries(4):
        response = client.get("/en/partnerships/impact-stories/", {"partner_kind": "un_entity"})
    assert response.context["paginator"].count == (size + 1) // 2
    assert client.get("/en/partnerships/impact-stories/", {"q": "nothing like this"}).context[
        "paginator"].count == 0
    draft = ImpactStory.objects.filter(is_published=False).first()
    assert client.get(f"/en/partnerships/impact-stories/{draft.pk}/").status_code == 404
