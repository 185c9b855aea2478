from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.reports.models import ReportStatus, TDAGReport
from centres.models import ActionPlanActivity, CentreHost, CentreProgressReport
from dtlab.models import Service
from partnerships.models import Pledge, Pledger, PledgeStatus

from .crawl import crawl

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source: str) -> list[tuple[str, str, list]]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]][:3])
            for v in result["violations"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_have_no_wcag_21_aa_violations(live_server, page, axe_source, language):
    call_command("load_demo", verbosity=0)
    paths = crawl(language)
    assert len(paths) >= 7, paths.keys()
    failures = {}
    for path in paths:
        page.goto(live_server.url + path)
        violations = axe_violations(page, axe_source)
        if violations:
            failures[path] = violations
    assert failures == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_is_the_first_stop_and_focus_is_visible(live_server, page):
    page.goto(live_server.url + "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


# --- Login, portal and staff pages -------------------------------------------------------------


def log_in_as(page, live_server, user) -> None:
    """Give the browser a session of ``user`` (the login form itself is checked anonymously)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie,
                               "url": live_server.url}])


def reset_link(user) -> str:
    return reverse("password_reset_confirm", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                                                     "token": default_token_generator.make_token(user)})


class Checker:
    """Runs axe on pages and on forms submitted empty; collects the violations by page."""

    def __init__(self, page, live_server, axe_source: str, language: str) -> None:
        self.page, self.base, self.axe, self.language = page, live_server.url, axe_source, language
        self.failures: dict[str, list] = {}
        self.checked: list[str] = []

    def _axe(self, label: str) -> None:
        self.checked.append(label)
        violations = axe_violations(self.page, self.axe)
        if violations:
            self.failures[label] = violations

    def visit(self, path: str) -> None:
        response = self.page.goto(f"{self.base}/{self.language}{path}")
        assert response.ok, (path, response.status)
        assert "/accounts/login/" not in self.page.url or path.startswith("/accounts/"), path
        self._axe(path)

    def submit_empty(self, path: str, button: str = "main form.form button[type=submit]") -> None:
        """Submit the form as it comes (required fields empty), then check the page with its errors."""
        self.page.goto(f"{self.base}/{self.language}{path}")
        with self.page.expect_navigation():
            self.page.locator(button).first.click()
        assert self.page.locator(".errors, .form-errors").count() > 0, f"{path}: no error shown"
        self._axe(f"{path} (errors)")

    def log_in_wrongly(self, username: str, label: str) -> None:
        self.page.goto(f"{self.base}/{self.language}/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", "not the password")
        with self.page.expect_navigation():
            self.page.locator("main form.form button[type=submit]").click()
        self._axe(label)


@pytest.fixture
def demo_roles(django_user_model):
    """The demo data, a BDT staff user, the demo host and a user for a demo pledger."""
    call_command("load_demo", verbosity=0)
    staff = django_user_model.objects.create_user(username="bdt-a11y", email="bdt@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    host = django_user_model.objects.get(username="host")
    pledge = Pledge.objects.filter(status=PledgeStatus.PUBLISHED).select_related("pledger").first()
    pledger = django_user_model.objects.create_user(username="pledger-a11y",
                                                    email=pledge.pledger.contact_email)
    Pledger.objects.filter(pk=pledge.pledger_id).update(user=pledger)
    return {"staff": staff, "host": host, "pledger": pledger, "pledge": pledge}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_account_portal_staff_pages_and_form_errors_have_no_wcag_21_aa_violations(
        live_server, page, axe_source, language, demo_roles):
    check = Checker(page, live_server, axe_source, language)

    service = Service.objects.order_by("pk").first()
    for path in ("/partnerships/partner2connect/pledge/", "/partnerships/partner2connect/join/",
                 "/centres/apply/", "/board/experts/join/",
                 f"/dtlab/services/{service.slug}/request/"):
        check.submit_empty(path)

    for path in ("/accounts/login/", "/accounts/password-reset/", "/accounts/password-reset/done/",
                 "/accounts/reset/done/", "/accounts/reset/MQ/bad-token/"):
        check.visit(path)
    check.submit_empty("/accounts/login/")
    check.submit_empty("/accounts/password-reset/")
    check.log_in_wrongly("host", "/accounts/login/ (wrong password)")
    assert check.page.locator(".form-errors").count() == 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("login"), {"username": "host", "password": "still wrong"})
    check.log_in_wrongly("host", "/accounts/login/ (account locked)")
    assert check.page.locator("main p[role=alert]").count() == 1, "the lockout page"
    assert check.page.locator("main a[href$='/accounts/password-reset/']").count() == 1
    set_password = reset_link(demo_roles["host"]).removeprefix("/en")
    check.visit(set_password)
    check.submit_empty(set_password)

    host, centre = demo_roles["host"], CentreHost.objects.get(user__username="host").centre
    log_in_as(page, live_server, host)
    activity = ActionPlanActivity.objects.filter(plan__centre=centre).first()
    report = CentreProgressReport.objects.filter(centre=centre).first()
    for path in ("/portal/", "/portal/profile/", "/portal/action-plan/", "/portal/reports/",
                 "/portal/reports/add/", "/portal/documents/", "/portal/agreement/",
                 "/portal/action-plan/activities/add/", f"/portal/action-plan/activities/{activity.pk}/",
                 f"/portal/reports/{report.pk}/", "/accounts/password-change/",
                 "/accounts/password-change/done/", "/portal/messages/", "/portal/events/",
                 "/portal/events/add/", "/portal/profile/changes/"):
        check.visit(path)
    for path in ("/portal/action-plan/activities/add/", "/portal/reports/add/", "/portal/documents/",
                 "/accounts/password-change/", "/portal/messages/", "/portal/events/add/"):
        check.submit_empty(path)

    log_in_as(page, live_server, demo_roles["pledger"])
    progress = f"/partnerships/partner2connect/my-pledges/{demo_roles['pledge'].pk}/progress/"
    check.visit("/partnerships/partner2connect/my-pledges/")
    check.visit(progress)
    check.submit_empty(progress)

    log_in_as(page, live_server, demo_roles["staff"])
    queued = TDAGReport.objects.create(kind="partnerships", period_start=date(2024, 1, 1),
                                          period_end=date(2024, 12, 31), language=language)
    failed = TDAGReport.objects.create(kind="alliance", period_start=date(2024, 1, 1),
                                          period_end=date(2024, 12, 31), language=language,
                                          status=ReportStatus.FAILED,
                                          error="The report could not be generated.")
    submitted = Pledge.objects.filter(status=PledgeStatus.SUBMITTED).first()
    review = f"/partnerships/staff/pledges/{submitted.pk}/review/"
    for path in ("/staff/", "/staff/reports/", f"/staff/reports/{queued.pk}/", f"/staff/reports/{failed.pk}/",
                 "/partnerships/staff/", review, "/dtlab/staff/requests/"):
        check.visit(path)
    check.submit_empty("/staff/reports/", "main form[action$='/request/'] button[type=submit]")
    check.submit_empty(review, "button[name=decide]")

    assert check.failures == {}
