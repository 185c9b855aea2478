"""Partner2Connect journeys (issue 20), with the keyboard in a real browser: an organisation
expresses its interest in an action area, staff accept it in the admin and the area's public page
lists it; a pledger reports progress with an impact indicator and the public pledge page shows it.
"""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from alliance.core.roles import BDT_STAFF_GROUP
from partnerships.models import ActionAreaMembership, ExpressionOfInterest, InterestStatus, PledgeStatus
from tests.factories import PledgeFactory, PledgerFactory

from .conftest import give_authenticator, screenshot
from .keyboard import log_in, path, press_enter_and_wait, tab_and_check, tab_and_choose, tab_and_type, tab_to

ORGANISATION = "Andean community networks"


def express_interest(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/partnerships/partner2connect/action-areas/")
    tab_to(page, "main a[href$='/partner2connect/join/?area=connecting_people']")
    press_enter_and_wait(page)
    assert page.eval_on_selector("#id_action_area", "s => s.selectedOptions[0].text") == (
        "Connecting people worldwide")
    tab_and_type(page, "#id_organisation", ORGANISATION)
    tab_to(page, "#id_stakeholder_group")
    page.select_option("#id_stakeholder_group", "marginalised_communities")
    tab_to(page, "#id_country")
    page.select_option("#id_country", "BO")
    tab_and_type(page, "#id_contact_name", "Ana Mamani")
    tab_and_type(page, "#id_contact_email", "ana@andes.example")
    tab_and_type(page, "#id_contribution", "Community networks in 30 villages of the Altiplano.")
    screenshot(page, "p2c-interest-form")
    tab_to(page, "main button[type=submit]")
    press_enter_and_wait(page)
    assert path(page).endswith("/partner2connect/join/thanks/")


def accept_in_the_admin(page, base_url: str, interest: ExpressionOfInterest) -> None:
    log_in(page, base_url, "bdt-coalition", "coalition pass 2024")
    page.goto(f"{base_url}/en/admin/partnerships/expressionofinterest/")
    tab_and_check(page, f"input[name=_selected_action][value='{interest.pk}']")
    tab_to(page, "select[name=action]")
    page.select_option("select[name=action]", "accept")
    tab_to(page, "button[name=index]")
    press_enter_and_wait(page)
    assert "1 expressions of interest accepted." in page.inner_text(".messagelist")
    screenshot(page, "p2c-interest-accepted")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_expression_of_interest_is_submitted_accepted_and_listed(live_server, browser, page,
                                                                     django_user_model):
    staff = django_user_model.objects.create_user(username="bdt-coalition", password="coalition pass 2024",
                                                  email="coalition@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(staff)

    express_interest(page, live_server.url)
    interest = ExpressionOfInterest.objects.get(organisation=ORGANISATION)
    assert interest.status == InterestStatus.SUBMITTED
    page.goto(f"{live_server.url}/en/partnerships/partner2connect/action-areas/")
    assert ORGANISATION not in page.inner_text("main"), "not listed before staff accept it"

    staff_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        accept_in_the_admin(staff_context.new_page(), live_server.url, interest)
    finally:
        staff_context.close()
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    assert ActionAreaMembership.objects.get(pledger__organisation=ORGANISATION).role == "member"

    page.goto(f"{live_server.url}/en/partnerships/partner2connect/action-areas/")
    # The name sits in a <bdi> inside its header cell: match the cell's whole text.
    name = page.locator("th").filter(has_text=re.compile(f"^{re.escape(ORGANISATION)}$"))
    row = page.locator("#area-connecting_people ~ table tbody tr", has=name)
    assert row.locator("td").all_inner_texts()[:2] == [
        "Member", "Organization representing marginalized communities"]
    screenshot(page, "p2c-action-areas")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pledgers_progress_is_shown_on_the_public_pledge_page(live_server, page, django_user_model):
    user = django_user_model.objects.create_user(username="island-pledger", password="island schools 2030",
                                                 email="island@example.org")
    pledge = PledgeFactory(pledger=PledgerFactory(user=user), status=PledgeStatus.PUBLISHED, kind="financial",
                           value_usd=Decimal("500000"), title="Island schools online")
    page.goto(f"{live_server.url}/en/partnerships/partner2connect/pledges/{pledge.pk}/")
    assert "Not reported" in page.inner_text("main")

    log_in(page, live_server.url, "island-pledger", "island schools 2030")
    page.goto(f"{live_server.url}/en/partnerships/partner2connect/my-pledges/")
    tab_to(page, f"main a[href$='/my-pledges/{pledge.pk}/progress/']")
    press_enter_and_wait(page)
    tab_and_choose(page, "#id_status", "Delayed")
    tab_and_type(page, "#id_narrative", "Shipping of the antennas is late; 12 schools are online.")
    tab_and_type(page, "#id_amount_delivered_usd", "120000")
    tab_and_type(page, "#id_indicators-0-name", "Schools connected")
    tab_and_type(page, "#id_indicators-0-value", "12")
    tab_and_type(page, "#id_indicators-0-unit", "schools")
    tab_to(page, "#id_indicators-0-measured_on")
    page.fill("#id_indicators-0-measured_on", "2025-05-01")
    screenshot(page, "p2c-progress-form")
    tab_to(page, "main button[type=submit]")
    press_enter_and_wait(page)
    assert path(page).endswith("/partner2connect/my-pledges/")

    page.goto(f"{live_server.url}/en/partnerships/partner2connect/pledges/{pledge.pk}/")
    main = page.inner_text("main")
    assert "Progress: Delayed" in main
    assert "Shipping of the antennas is late" in main
    indicator = page.locator(".progress-report tbody tr").first
    assert indicator.locator("th").inner_text() == "Schools connected"
    assert indicator.locator("td").all_inner_texts()[:2] == ["12", "schools"]
    screenshot(page, "p2c-pledge-progress")
