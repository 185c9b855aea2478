"""Journey 1: a newcomer applies to host a centre, BDT staff select it in the admin, the host
completes the action plan and reports progress, and the centre appears in the public directory.

The journey runs twice: with ordinary Playwright actions, and with the keyboard only (Tab,
Shift+Tab, Enter, Space, arrows and typing; file inputs take their files as the operating
system's dialog would give them).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from alliance.core.roles import EVALUATORS_GROUP, LEAD_EVALUATORS_GROUP
from centres.models import ActionPlanActivity, Application
from dtlab.demo import minimal_pdf

from .conftest import authenticator_code, give_authenticator, screenshot
from .keyboard import tab_to

WAIT = 20_000  # ms; the machine running the suite may be busy
ORGANISATION = "Lakeside Digital Innovation Hub"
CENTRE = f"ITU Acceleration Centre – {ORGANISATION}"
CONTACT_EMAIL = "amani.njoroge@lakeside-hub.example"
HOST_PASSPHRASE = "lakeside hub passphrase 2026"


def pdf_upload(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": minimal_pdf(name)}


# Two ways of using a page --------------------------------------------------------------------


class Mouse:
    """Ordinary Playwright actions: fill, select, check, click."""

    screenshots = True

    def __init__(self, page: Page) -> None:
        self.page = page

    def fill(self, target: Locator, text: str) -> None:
        target.fill(text)

    def fill_date(self, target: Locator, day: date) -> None:
        target.fill(day.isoformat())

    def choose(self, target: Locator, label: str) -> None:
        """Choose the option whose text starts with ``label``."""
        options = target.locator("option").all_inner_texts()
        target.select_option(label=next(o for o in options if o.strip().startswith(label)))

    def tick(self, target: Locator) -> None:
        target.check()

    def attach(self, target: Locator, files) -> None:
        target.set_input_files(files)

    def press(self, target: Locator) -> None:
        """Activate a button or a link that does not leave the page."""
        target.click()

    def close_popup(self, target: Locator) -> None:
        """Activate the link of a popup window that closes it."""
        target.click()

    def follow(self, target: Locator) -> None:
        """Activate a button or a link that loads another page."""
        with self.page.expect_navigation():
            target.click()


FOCUS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
}"""
LABELLED = "el => !el.matches('input, select, textarea') || el.labels.length > 0"

class Keyboard:
    """The keyboard only: every control is reached with Tab and used with keys.

    Each control reached on the portal's own pages must show where the focus is, and each field
    must have a label. The screenshots are the ordinary run's.
    """

    screenshots = False

    def __init__(self, page: Page) -> None:
        self.page = page
        self.focus_checked = 0

    def reach(self, target: Locator) -> None:
        tab_to(self.page, target)
        if "/admin/" not in self.page.url:
            assert self.page.evaluate(FOCUS_VISIBLE), f"no visible focus on {target}"
            assert target.evaluate(LABELLED), f"no label for {target}"
            self.focus_checked += 1

    def fill(self, target: Locator, text: str) -> None:
        self.reach(target)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)
        expect(target).to_have_value(text)

    def fill_date(self, target: Locator, day: date) -> None:
        self.reach(target)
        if target.get_attribute("type") == "date":
            # Chromium's date field (en-US): month, day and year segments, filled in turn.
            self.page.keyboard.type(day.strftime("%m%d%Y"))
        else:
            self.page.keyboard.press("Control+A")
            self.page.keyboard.type(day.isoformat())
        expect(target).to_have_value(day.isoformat())

    def choose(self, target: Locator, label: str) -> None:
        """Move through a closed select with the arrow keys to the option starting with ``label``."""
        self.reach(target)
        options = [text.strip() for text in target.locator("option").all_inner_texts()]
        wanted = next(i for i, text in enumerate(options) if text.startswith(label))
        current = target.evaluate("el => el.selectedIndex")
        key = "ArrowDown" if wanted > current else "ArrowUp"
        for _ in range(abs(wanted - current)):
            self.page.keyboard.press(key)
        assert target.evaluate("el => el.selectedIndex") == wanted, (label, options[wanted])

    def tick(self, target: Locator) -> None:
        self.reach(target)
        self.page.keyboard.press("Space")
        expect(target).to_be_checked()

    def attach(self, target: Locator, files) -> None:
        """Reach the file input by Tab; the operating system's dialog then hands over the files."""
        self.reach(target)
        target.set_input_files(files)

    def press(self, target: Locator) -> None:
        self.reach(target)
        self.page.keyboard.press("Enter")

    def close_popup(self, target: Locator) -> None:
        """Enter on a link that closes its window: the key is released in the window left behind."""
        self.reach(target)
        self.page.keyboard.down("Enter")

    def follow(self, target: Locator) -> None:
        self.reach(target)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")


# The journey ---------------------------------------------------------------------------------


def snap(act, name: str) -> None:
    if act.screenshots:
        screenshot(act.page, name)


def main(page: Page) -> Locator:
    return page.locator("main")


def admin_action(act, page: Page, base: str, model: str, search: str, action: str) -> None:
    """Find one object in an admin list, tick it, and run an action on it."""
    page.goto(f"{base}/en/admin/centres/{model}/")
    act.fill(page.locator("#searchbar"), search)
    act.follow(page.locator("#changelist-search input[type=submit]"))
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    act.tick(rows.locator("input.action-select"))
    act.choose(page.locator("select[name=action]"), action)
    act.follow(page.locator("button[name=index]"))
    expect(page.locator(".messagelist .error")).to_have_count(0)
    expect(page.locator(".messagelist .success")).to_be_visible()


def apply(act, page: Page, base: str) -> str:
    page.goto(f"{base}/en/centres/")
    act.follow(main(page).get_by_role("link", name="Apply to host a centre"))
    act.fill(page.locator("#id_organisation"), ORGANISATION)
    act.choose(page.locator("#id_host_type"), "Ministry or government agency")
    act.choose(page.locator("#id_country"), "Kenya")
    act.fill(page.locator("#id_city"), "Kisumu")
    act.fill(page.locator("#id_contact_name"), "Amani Njoroge")
    act.fill(page.locator("#id_contact_email"), CONTACT_EMAIL)
    act.fill(page.locator("#id_contact_phone"), "+254 20 123 4567")
    act.fill(page.locator("#id_website"), "https://lakeside-hub.example")
    act.tick(page.locator("#id_objectives_0"))
    act.tick(page.locator("#id_objectives_2"))
    act.choose(page.locator("#id_regional_initiative"), "AFR4")
    act.fill(page.locator("#id_support_plan"), "The county budget funds the hub for five years.")
    act.attach(page.locator("#id_documents"), [pdf_upload("support-letter.pdf"), pdf_upload("budget.pdf")])
    snap(act, "journey1-apply")
    act.follow(page.get_by_role("button", name="Send the application"))
    expect(page.locator("h1")).to_have_text("Application received")
    snap(act, "journey1-apply-received")
    return main(page).locator("strong").inner_text()


def due_diligence_and_scores(act, page: Page, base: str, reference: str) -> None:
    admin_action(act, page, base, "application", reference, "Start due diligence")
    act.follow(page.locator("#result_list").get_by_role("link", name=reference))
    results = page.locator("#checks-group select[name$='-result']:not([name*='__prefix__'])")
    expect(results).to_have_count(6)
    for index in range(6):
        act.choose(results.nth(index), "Passed")
    act.follow(page.locator("input[name=_continue]"))
    expect(page.locator(".messagelist .success")).to_be_visible()

    admin_action(act, page, base, "application", reference, "Finish due diligence")
    # The staff member, also the lead evaluator, assigns themselves and scores on their own sheet.
    application = Application.objects.get(reference=reference)
    page.goto(f"{base}/en/staff/evaluation/ranking/{application.pk}/")
    act.choose(page.locator("#id_evaluator"), "bdt")
    act.follow(page.locator("main form[action$='/assign/'] button"))
    expect(page.locator(".messages")).to_contain_text("The evaluator is assigned.")
    page.goto(f"{base}/en/staff/evaluation/{application.pk}/")
    scores = page.locator("main input[name$='-score']")
    expect(scores).to_have_count(5)
    for index in range(5):
        act.fill(scores.nth(index), "4")
    act.follow(page.locator("main button[value=submit]"))
    expect(page.locator(".messages")).to_contain_text("Your scores are submitted.")
    # Every criterion scored 4 out of 5.
    page.goto(f"{base}/en/staff/evaluation/ranking/{application.pk}/")
    expect(main(page)).to_contain_text("80.00")
    snap(act, "journey1-evaluation-scores")


def select_and_sign(act, page: Page, base: str, reference: str) -> str:
    admin_action(act, page, base, "application", reference, "Select")
    selected = page.locator(".messagelist .success")
    expect(selected).to_have_text("1 application selected; its host was invited.")
    snap(act, "journey1-admin-select")
    invitation = next(m for m in reversed(mail.outbox) if m.to == [CONTACT_EMAIL])
    link = re.search(r"https?://\S+", invitation.body).group(0)

    page.goto(f"{base}/en/admin/centres/cooperationagreement/add/")
    with page.expect_popup() as popup_info:
        act.press(page.locator("#lookup_id_centre"))
    popup = popup_info.value
    lookup = type(act)(popup)
    lookup.fill(popup.locator("#searchbar"), ORGANISATION)
    lookup.follow(popup.locator("#changelist-search input[type=submit]"))
    with popup.expect_event("close"):
        lookup.close_popup(popup.locator("#result_list").get_by_role("link", name=CENTRE))
    expect(page.locator("#id_centre")).not_to_have_value("")
    today = timezone.localdate()
    act.fill_date(page.locator("#id_signed_on"), today)
    act.fill_date(page.locator("#id_starts_on"), today)
    act.fill_date(page.locator("#id_ends_on"), today + timedelta(days=3 * 365))
    act.attach(page.locator("#id_document"), pdf_upload("cooperation-agreement.pdf"))
    act.follow(page.locator("input[name=_save]"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    admin_action(act, page, base, "centre", ORGANISATION, "Start the design phase")
    return link


def host_sets_password_and_logs_in(act, page: Page, link: str) -> None:
    page.goto(link)
    act.fill(page.locator("#id_new_password1"), HOST_PASSPHRASE)
    act.fill(page.locator("#id_new_password2"), HOST_PASSPHRASE)
    act.follow(page.get_by_role("button", name="Change my password"))
    act.follow(main(page).get_by_role("link", name="Log in"))
    act.fill(page.locator("#id_username"), CONTACT_EMAIL)
    act.fill(page.locator("#id_password"), HOST_PASSPHRASE)
    act.follow(main(page).get_by_role("button", name="Log in"))
    expect(page).to_have_url(re.compile(r"/en/portal/$"))


def host_writes_action_plan(act, page: Page) -> None:
    nav = page.get_by_role("navigation", name="Centre portal")
    act.follow(nav.get_by_role("link", name="Action plan"))
    act.follow(main(page).get_by_role("link", name="Add an activity"))
    start = timezone.localdate() + timedelta(days=7)
    act.choose(page.locator("#id_objective"), "1.")
    act.fill(page.locator("#id_title"), "Foresight lab for county services")
    act.fill_date(page.locator("#id_planned_start"), start)
    act.fill_date(page.locator("#id_planned_end"), start + timedelta(days=180))
    act.choose(page.locator("#id_status"), "Planned")
    act.fill(page.locator("#id_progress"), "0")
    act.fill(page.locator("#id_outputs"), "Two foresight reports")
    act.fill(page.locator("#id_indicators"), "Reports published; services redesigned")
    act.follow(page.get_by_role("button", name="Save"))
    expect(main(page).get_by_role("link", name="Foresight lab for county services")).to_be_visible()
    act.follow(page.get_by_role("button", name="Submit the action plan to BDT"))
    expect(main(page).locator(".status")).to_have_text("Submitted to BDT")
    snap(act, "journey1-portal-action-plan")


def host_reports_progress(act, page: Page) -> None:
    nav = page.get_by_role("navigation", name="Centre portal")
    act.follow(nav.get_by_role("link", name="Progress reports"))
    act.follow(main(page).get_by_role("link", name="Start a progress report"))
    today = timezone.localdate()
    act.fill_date(page.locator("#id_period_start"), today - timedelta(days=90))
    act.fill_date(page.locator("#id_period_end"), today)
    act.fill(page.locator("#id_summary"), "The lab opened with twenty start-ups.")
    act.follow(page.get_by_role("button", name="Create the draft"))
    act.choose(page.locator("#id_lines-0-status"), "In progress")
    act.fill(page.locator("#id_lines-0-progress"), "40")
    act.fill(page.locator("#id_lines-0-note"), "First foresight report drafted")
    act.follow(page.get_by_role("button", name="Save draft"))
    act.tick(page.locator("#id_submit-confirm"))
    act.follow(page.get_by_role("button", name="Save and submit to BDT"))
    expect(main(page).locator(".status")).to_have_text("Submitted to BDT")
    snap(act, "journey1-portal-report")


def find_in_directory(act, page: Page, base: str) -> None:
    page.goto(f"{base}/en/centres/")
    act.fill(page.locator("#id_q"), "Lakeside")
    act.follow(main(page).get_by_role("button", name="Search"))
    rows = main(page).locator("#centres-results tbody tr")  # not the map's table of countries
    expect(rows).to_have_count(1)
    expect(rows.locator(".status")).to_have_text("Operating")
    snap(act, "journey1-directory")
    act.follow(rows.get_by_role("link", name=CENTRE))
    expect(page.locator("h1")).to_have_text(CENTRE)
    expect(main(page)).to_contain_text("Kisumu, Kenya")
    snap(act, "journey1-centre")


def journey(driver, new_page, base: str, staff_user) -> dict:
    """The whole path; returns the drivers used, for checks made along the way."""
    newcomer, staff = new_page(), new_page()
    applicant, bdt = driver(newcomer), driver(staff)
    reference = apply(applicant, newcomer, base)
    assert re.fullmatch(r"AC-\d{4}-[0-9A-F]{6}", reference), reference

    give_authenticator(staff_user)
    staff_user.groups.add(*Group.objects.filter(name__in=(EVALUATORS_GROUP, LEAD_EVALUATORS_GROUP)))
    staff.goto(f"{base}/en/accounts/login/")
    bdt.fill(staff.locator("#id_username"), staff_user.username)
    bdt.fill(staff.locator("#id_password"), "correct horse battery")
    bdt.follow(main(staff).get_by_role("button", name="Log in"))
    bdt.fill(staff.locator("#id_code"), authenticator_code(staff_user))
    bdt.follow(main(staff).get_by_role("button", name="Verify"))
    due_diligence_and_scores(bdt, staff, base, reference)
    link = select_and_sign(bdt, staff, base, reference)

    host = driver(newcomer)
    host_sets_password_and_logs_in(host, newcomer, link)
    host_writes_action_plan(host, newcomer)
    admin_action(bdt, staff, base, "actionplan", ORGANISATION, "Approve")
    host_reports_progress(host, newcomer)
    admin_action(bdt, staff, base, "centreprogressreport", ORGANISATION, "Accept")
    admin_action(bdt, staff, base, "centre", ORGANISATION, "Mark as operating")

    visitor = new_page()
    public = driver(visitor)
    find_in_directory(public, visitor, base)

    application = Application.objects.get(reference=reference)
    assert application.documents.count() == 2
    assert application.centre.agreements.get().document
    assert ActionPlanActivity.objects.get(plan__centre=application.centre).progress == 40
    return {"applicant": applicant, "host": host, "public": public}


@pytest.fixture(autouse=True)
def _patient_expectations():
    expect.set_options(timeout=WAIT)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def new_page(browser):
    """Each call opens a page in a browser context of its own (its own cookies): one per person."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        context.set_default_timeout(WAIT)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def demo(settings, tmp_path):
    call_command("load_demo", verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_newcomer_becomes_a_host_on_the_public_directory(live_server, new_page, demo, staff_user, settings):
    settings.PORTAL_BASE_URL = live_server.url  # the invitation's link: the portal's address
    journey(Mouse, new_page, live_server.url, staff_user)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_whole_journey_works_with_the_keyboard_only(live_server, new_page, demo, staff_user, settings):
    settings.PORTAL_BASE_URL = live_server.url
    page = new_page()
    page.goto(f"{live_server.url}/en/centres/apply/")
    Keyboard(page).follow(page.get_by_role("button", name="Send the application"))
    invalid = page.locator(".field-invalid")
    expect(invalid).to_have_count(9)
    screenshot(page, "journey1-keyboard-apply-errors")
    for field in invalid.all():
        error_id = field.locator(".errors").get_attribute("id")
        described = field.locator("fieldset, input, select, textarea").first
        assert error_id in (described.get_attribute("aria-describedby") or "").split(), field.inner_html()
        for control in field.locator("input, select, textarea").all():
            assert control.get_attribute("aria-invalid") == "true", control.evaluate("el => el.outerHTML")
    unlabelled = page.eval_on_selector_all(
        "main form input:not([type=hidden]), main form select, main form textarea",
        "els => els.filter(el => !el.labels.length && !el.getAttribute('aria-label')).map(el => el.name)")
    assert unlabelled == []

    drivers = journey(Keyboard, new_page, live_server.url, staff_user)
    assert all(d.focus_checked for d in drivers.values())
