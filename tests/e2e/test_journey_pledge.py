"""Journey 2: a pledger makes a P2C pledge, staff do due diligence and publish it, the public
explorer shows it in its totals; then the pledger chooses a password and finds it published.

Everything is done with the keyboard (see keyboard.py), in a real browser.
"""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from alliance.core.roles import BDT_STAFF_GROUP
from partnerships import selectors
from partnerships.figures import usd_millions
from partnerships.models import DUE_DILIGENCE_FIELDS, Pledge, PledgeStatus

from .conftest import give_authenticator, screenshot
from .keyboard import (
    log_in,
    path,
    press_enter_and_wait,
    tab_and_check,
    tab_and_choose,
    tab_and_type,
    tab_to,
)

TITLE = "Community networks for island schools"
ORGANISATION = "Lagoon Telecom Foundation"
EMAIL = "amina.pledger@lagoon.example"
VALUE = Decimal("2750000")


def explorer_totals() -> dict:
    with translation.override("en"):
        totals = selectors.pledge_totals(selectors.published_pledges())
        return {"pledges": str(totals["pledges"]), "pledgers": str(totals["pledgers"]),
                "millions": usd_millions(totals["value_usd"], 1)}


def shown_totals(page) -> dict:
    figures = page.locator(".figures .figure").all_inner_texts()
    return dict(zip(["pledges", "pledgers", "millions"], figures, strict=True))


def submit_pledge(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/partnerships/partner2connect/")
    tab_to(page, "main a[href$='/partner2connect/pledge/']")
    press_enter_and_wait(page)
    assert path(page).endswith("/en/partnerships/partner2connect/pledge/")
    tab_and_type(page, "#id_organisation", ORGANISATION)
    tab_and_choose(page, "#id_pledger_kind", "Philanthropy")
    tab_and_choose(page, "#id_country", "Fiji")
    tab_and_type(page, "#id_contact_name", "Amina Pledger")
    tab_and_type(page, "#id_contact_email", EMAIL)
    tab_and_type(page, "#id_title", TITLE)
    tab_and_type(page, "#id_description", "Satellite backhaul and Wi-Fi for 40 island schools; "
                                          "measured by the schools connected each year.")
    tab_and_choose(page, "#id_kind", "Financial")
    tab_and_check(page, "#id_action_areas_0")
    tab_and_choose(page, "#id_target_countries", "Fiji")
    tab_and_check(page, "#id_benefits_sids")
    tab_and_type(page, "#id_sids_share_percent", "100")
    tab_and_type(page, "#id_benefit_description", "All 40 schools are in small island developing states.")
    tab_and_type(page, "#id_value_usd", str(VALUE))
    tab_and_type(page, "#id_target_year", str(timezone.localdate().year + 2))
    screenshot(page, "journey2-pledge-form")
    tab_to(page, "main button[type=submit]")
    press_enter_and_wait(page)


def review_and_publish(page, base_url: str, staff_password: str, pledge: Pledge) -> None:
    log_in(page, base_url, "bdt-reviewer", staff_password)  # with the authenticator's code
    assert path(page).endswith("/en/staff/")
    tab_to(page, "main a[href$='/en/partnerships/staff/']")
    press_enter_and_wait(page)
    tab_to(page, f"#review ~ ul a[href$='/staff/pledges/{pledge.pk}/review/']")
    press_enter_and_wait(page)
    assert "Due diligence" in page.inner_text("h1")
    for field in DUE_DILIGENCE_FIELDS:
        tab_and_check(page, f"#id_{field}")
    tab_and_check(page, "input[name=decision][value=publish]")
    screenshot(page, "journey2-due-diligence")
    tab_to(page, "button[name=decide]")
    press_enter_and_wait(page)
    assert path(page).endswith("/en/partnerships/staff/")
    assert "The pledge is published." in page.inner_text(".messages")


def choose_password_and_log_in(page, base_url: str) -> None:
    """The receipt gives a new pledger their username and a link to choose their password."""
    receipt = next(m for m in mail.outbox if m.to == [EMAIL] and "we received your pledge" in m.subject)
    assert EMAIL in receipt.body, "the username"
    link = re.search(r"\S*/accounts/reset/\S+/", receipt.body).group(0)
    page.goto(link if link.startswith("http") else base_url + link)   # absolute once the address is set
    tab_and_type(page, "#id_new_password1", "island schools 2030")
    tab_and_type(page, "#id_new_password2", "island schools 2030")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/reset/done/(#content)?$"))
    log_in(page, base_url, EMAIL, "island schools 2030")


def title_link(page):
    """The pledge's title link, matched by its whole text (the title sits in a <bdi> inside it)."""
    return page.locator("th a").filter(has_text=re.compile(f"^{re.escape(TITLE)}$"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pledge_is_submitted_reviewed_published_and_counted_in_the_explorer(
        live_server, browser, page, django_user_model):
    call_command("load_demo", verbosity=0)
    staff = django_user_model.objects.create_user(username="bdt-reviewer", password="reviewer pass 2024",
                                                  email="reviewer@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(staff)
    before = explorer_totals()
    page.goto(live_server.url + "/en/partnerships/partner2connect/")
    assert shown_totals(page) == before

    submit_pledge(page, live_server.url)
    assert path(page).endswith("/en/partnerships/partner2connect/pledge/thanks/")
    screenshot(page, "journey2-thanks")
    pledge = Pledge.objects.get(title=TITLE)
    assert (pledge.status, pledge.value_usd, pledge.pledger.organisation) == (
        PledgeStatus.SUBMITTED, VALUE, ORGANISATION)
    page.goto(live_server.url + "/en/partnerships/partner2connect/")
    assert TITLE not in page.inner_text("main"), "not public before due diligence"
    assert shown_totals(page) == before

    staff_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        review_and_publish(staff_context.new_page(), live_server.url, "reviewer pass 2024", pledge)
    finally:
        staff_context.close()
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.PUBLISHED and pledge.due_diligence_complete

    after = explorer_totals()
    assert int(after["pledges"]) == int(before["pledges"]) + 1
    assert int(after["pledgers"]) == int(before["pledgers"]) + 1
    assert Decimal(after["millions"]) - Decimal(before["millions"]) in (Decimal("2.7"), Decimal("2.8"))
    page.goto(live_server.url + "/en/partnerships/partner2connect/")
    assert shown_totals(page) == after
    row = page.locator("tbody tr", has=title_link(page))
    assert row.locator("td").all_inner_texts()[0] == ORGANISATION
    assert row.locator("td.num").inner_text() == "2,750,000"
    screenshot(page, "journey2-explorer")

    choose_password_and_log_in(page, live_server.url)
    assert path(page).endswith("/en/partnerships/partner2connect/my-pledges/")
    # A published pledge's title links to its public page (with its progress reports).
    row = page.locator("tbody tr", has=title_link(page))
    assert row.locator(".status").inner_text() == "Published"
    tab_to(page, f"main a[href$='/my-pledges/{pledge.pk}/progress/']")
    screenshot(page, "journey2-my-pledges")
