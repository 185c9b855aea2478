"""The public forms resist abuse (issue 15, finding 3): rate limits by address, account and e-mail
address with a 429 page in the visitor's language, login, password reset and API writes limited
too, a honeypot field, a duplicate check on service requests, and receipts that quote none of the
visitor's text to an address that has not confirmed it."""

from __future__ import annotations

import itertools
import re

import pytest
from django.core import mail
from django.urls import reverse

from alliance.core.abuse import HONEYPOT_FIELD, WriteRateThrottle
from alliance.models import RegionalInitiative, StrategicObjective
from board import services as board_services
from board.models import ExpertiseArea, ExpertRequest
from centres import services as centre_services
from centres.models import Application
from dtlab import services as dtlab_services
from dtlab.models import Service, ServiceRequest
from partnerships import services as partnership_services
from partnerships.models import ActionArea, Pledge

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


def _address() -> str:
    """A fresh client address per use: the counters live in the cache, beyond one test."""
    n = next(_numbers)
    return f"192.0.2.{n % 250 + 1}" if n < 250 else f"198.51.{n // 250}.{n % 250 + 1}"


def _email() -> str:
    return f"visitor{next(_numbers)}-{id(object())}@example.org"


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    return settings


@pytest.fixture
def service(db):
    return Service.objects.create(slug="innovation-cafe", name_en="Innovation Café", open_to_members=True,
                                  open_to_centres=True, open_to_regional_offices=True)


@pytest.fixture
def area(db):
    return ExpertiseArea.objects.create(slug="foresight", name="Strategic foresight")


def _form_url(name: str, service: Service) -> str:
    return {
        "apply": reverse("centres:apply"),
        "pledge": reverse("partnerships:pledge-submit"),
        "interest": reverse("partnerships:interest-submit"),
        "expert": reverse("board:expert-request"),
        "service": reverse("dtlab:service-request", kwargs={"slug": service.slug}),
    }[name]


EMAIL_FIELD = {"apply": "contact_email", "pledge": "contact_email", "interest": "contact_email",
               "expert": "email", "service": "contact_email"}


# --- Rate limits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["apply", "pledge", "interest", "expert", "service"])
def test_each_public_form_refuses_one_address_over_its_limit_with_a_429_page(client, limits_on, service,
                                                                              form):
    limits_on.ALLIANCE_RATE_LIMITS = {"form-address": "3/h"}
    url, address = _form_url(form, service), _address()
    for _ in range(3):
        response = client.post(url, {EMAIL_FIELD[form]: _email()}, REMOTE_ADDR=address)
        assert response.status_code == 200  # the (incomplete) form again, with its errors
    response = client.post(url, {EMAIL_FIELD[form]: _email()}, REMOTE_ADDR=address)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert b"Too many requests" in response.content
    assert client.post(url, {EMAIL_FIELD[form]: _email()}, REMOTE_ADDR=_address()).status_code == 200
    assert client.get(url, REMOTE_ADDR=address).status_code == 200, "reading the form is not limited"


def test_the_default_limit_is_ten_submissions_an_hour_from_one_address(client, limits_on, area):
    url, address = reverse("board:expert-request"), _address()
    codes = [client.post(url, {"email": _email()}, REMOTE_ADDR=address).status_code for _ in range(11)]
    assert codes == [200] * 10 + [429]


def test_one_account_is_limited_whatever_its_address(client, limits_on, member_user):
    limits_on.ALLIANCE_RATE_LIMITS = {"form-account": "2/h"}
    client.force_login(member_user)
    url = reverse("partnerships:pledge-submit")
    codes = [client.post(url, {"contact_email": _email()}, REMOTE_ADDR=_address()).status_code
             for _ in range(3)]
    assert codes == [200, 200, 429]


def test_one_e_mail_address_gets_few_receipts_whatever_the_address_sending(client, limits_on):
    limits_on.ALLIANCE_RATE_LIMITS = {"form-email": "2/d"}
    url, victim = reverse("partnerships:pledge-submit"), _email()
    codes = [client.post(url, {"contact_email": victim.upper() if n else victim},
                         REMOTE_ADDR=_address()).status_code for n in range(3)]
    assert codes == [200, 200, 429]


def test_the_429_page_speaks_the_visitors_language(client, limits_on):
    limits_on.ALLIANCE_RATE_LIMITS = {"form-address": "1/h"}
    address, url = _address(), "/fr/partnerships/partner2connect/pledge/"
    client.post(url, {"contact_email": _email()}, REMOTE_ADDR=address)
    response = client.post(url, {"contact_email": _email()}, REMOTE_ADDR=address)
    assert response.status_code == 429
    assert '<html lang="fr"' in response.content.decode()


def test_sign_in_is_limited_by_address_and_by_username(client, limits_on, member_user):
    limits_on.ALLIANCE_RATE_LIMITS = {"login-address": "3/h", "login-username": "4/h"}
    url, address = reverse("login"), _address()
    codes = [client.post(url, {"username": f"nobody{n}", "password": "x"}, REMOTE_ADDR=address).status_code
             for n in range(4)]
    assert codes == [200, 200, 200, 429]
    target = f"target{next(_numbers)}"
    codes = [client.post(url, {"username": target, "password": "x"}, REMOTE_ADDR=_address()).status_code
             for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]


def test_the_admins_sign_in_is_limited_like_the_portals(client, limits_on, member_user):
    limits_on.ALLIANCE_RATE_LIMITS = {"login-address": "3/h", "login-username": "50/h"}
    url, address = reverse("admin:login"), _address()
    codes = [client.post(url, {"username": f"nobody{n}", "password": "x"}, REMOTE_ADDR=address).status_code
             for n in range(4)]
    assert codes == [200, 200, 200, 429]


def test_password_reset_is_limited_by_address_and_by_e_mail_address(client, limits_on, member_user):
    url = reverse("password_reset")
    codes = [client.post(url, {"email": "member@example.org"}, REMOTE_ADDR=_address()).status_code
             for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    limits_on.ALLIANCE_RATE_LIMITS = {"reset-address": "2/h"}
    address = _address()
    codes = [client.post(url, {"email": _email()}, REMOTE_ADDR=address).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_api_writes_are_throttled_per_account_and_reads_are_not(client, limits_on, staff_user, monkeypatch):
    from tests.factories import api_key_for

    monkeypatch.setattr(WriteRateThrottle, "THROTTLE_RATES", {"write": "2/min"})
    key = api_key_for(staff_user)
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    codes = [client.post("/api/v1/partners/", {"name": ""}, content_type="application/json",
                         REMOTE_ADDR=_address(), **headers).status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    assert client.get("/api/v1/partners/", **headers).status_code == 200


def test_with_limits_switched_off_nothing_is_refused(client, settings):
    settings.RATELIMIT_ENABLE = False
    settings.ALLIANCE_RATE_LIMITS = {"form-address": "1/h"}
    address = _address()
    codes = [client.post(reverse("partnerships:pledge-submit"), {"contact_email": _email()},
                         REMOTE_ADDR=address).status_code for _ in range(3)]
    assert codes == [200, 200, 200]


# --- Honeypot ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["apply", "pledge", "interest", "expert", "service"])
def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, service, form):
    html = client.get(_form_url(form, service)).content.decode()
    match = re.search(rf'<div hidden aria-hidden="true"><label for="id_{HONEYPOT_FIELD}">[^<]+</label>'
                      rf'<input type="text" name="{HONEYPOT_FIELD}"[^>]*>', html)
    assert match, "the honeypot field is missing or not hidden"
    assert 'tabindex="-1"' in match.group(0) and 'autocomplete="off"' in match.group(0)


def _pledge_data(**overrides) -> dict:
    return {"organisation": "Lagoon Foundation", "pledger_kind": "philanthropy", "country": "FJ",
            "contact_name": "Amina", "contact_email": _email(), "title": "Island schools",
            "description": "Connect 40 schools.", "kind": "advocacy",
            "action_areas": [ActionArea.objects.get(code="connecting_people").pk], "target_year": 2030,
            **overrides}


def test_a_filled_honeypot_refuses_the_pledge_with_a_generic_error(client):
    response = client.post(reverse("partnerships:pledge-submit"), _pledge_data(**{HONEYPOT_FIELD: "http://x"}))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The form could not be sent. Please check it and send it again."]
    assert not Pledge.objects.exists()
    assert mail.outbox == []
    assert client.post(reverse("partnerships:pledge-submit"), _pledge_data()).status_code == 302


def test_a_filled_honeypot_refuses_the_service_request(client, service):
    data = {"requester_type": "member", "organisation": "Ministry", "country": "KE", "contact_name": "Asha",
            "contact_email": _email(), "description": "An Innovation Café in May."}
    url = _form_url("service", service)
    assert client.post(url, {**data, HONEYPOT_FIELD: "spam"}).status_code == 200
    assert not ServiceRequest.objects.exists()
    assert client.post(url, data).status_code == 302
    assert ServiceRequest.objects.count() == 1


# --- Duplicate service requests ----------------------------------------------------------------------


def _service_request(service, **overrides):
    values = {"service": service, "requester_type": "member", "organisation": "Ministry", "country": "KE",
              "contact_name": "Asha", "contact_email": "asha@example.org",
              "description": "We would like an Innovation Café in May.", **overrides}
    return dtlab_services.service_request_submit(**values)


def test_the_same_service_request_twice_is_refused_with_a_clear_message(client, service):
    from django.core.exceptions import ValidationError

    _service_request(service)
    with pytest.raises(ValidationError) as error:
        _service_request(service, contact_email="ASHA@example.org",
                         description="  we would like an Innovation Café in May.  ")
    assert "We already have this request" in error.value.messages[0]
    assert ServiceRequest.objects.count() == 1
    _service_request(service, description="And a foresight workshop in June.")
    _service_request(service, contact_email="other@example.org")
    assert ServiceRequest.objects.count() == 3


def test_the_duplicate_shows_on_the_form(client, service):
    data = {"requester_type": "member", "organisation": "Ministry", "country": "KE", "contact_name": "Asha",
            "contact_email": "asha@example.org", "description": "An Innovation Café in May."}
    url = _form_url("service", service)
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 200
    assert "We already have this request" in str(response.context["form"].non_field_errors())


def test_an_old_identical_request_is_not_a_duplicate(service):
    from datetime import timedelta

    from django.utils import timezone

    first = _service_request(service)
    ServiceRequest.objects.filter(pk=first.pk).update(submitted_at=timezone.now() - timedelta(days=8))
    _service_request(service)
    assert ServiceRequest.objects.count() == 2


# --- Receipts to unconfirmed addresses -----------------------------------------------------------------

MARK = "PHISH-https://evil.example/login"


def _receipt_to(address: str):
    receipts = [m for m in mail.outbox if m.to == [address]]
    assert len(receipts) == 1, [m.to for m in mail.outbox]
    return receipts[0]


def test_the_pledge_receipt_quotes_none_of_the_visitors_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pledge = partnership_services.pledge_submit(
            organisation=MARK, pledger_kind="philanthropy", country="KE", contact_name=MARK,
            contact_email="victim@example.org", title=MARK, description=MARK, kind="advocacy",
            action_areas=ActionArea.objects.filter(code="connecting_people"), target_year=2030,
            made_with=MARK)
    receipt = _receipt_to("victim@example.org")
    assert "PHISH" not in receipt.subject + receipt.body
    assert str(pledge.pk) in receipt.subject


def test_the_service_request_receipt_quotes_none_of_the_visitors_text(service,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = _service_request(service, organisation=MARK, contact_name=MARK, description=MARK,
                                   contact_email="victim@example.org")
    receipt = _receipt_to("victim@example.org")
    assert "PHISH" not in receipt.subject + receipt.body
    assert str(request.pk) in receipt.body


def test_the_expert_request_receipt_quotes_none_of_the_visitors_text(area,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        board_services.expert_request_submit(full_name=MARK, email="victim@example.org", organisation=MARK,
                                             country="KE", areas=[area], motivation=MARK)
    assert ExpertRequest.objects.count() == 1
    receipt = _receipt_to("victim@example.org")
    assert "PHISH" not in receipt.subject + receipt.body


def test_the_application_receipt_quotes_none_of_the_visitors_text(django_capture_on_commit_callbacks):
    from datetime import date

    from centres.models import Call

    Call.objects.get_or_create(code="rolling",
                               defaults={"name": "Rolling call", "opened_on": date(2023, 1, 25)})
    with django_capture_on_commit_callbacks(execute=True):
        application = centre_services.application_submit(
            organisation=MARK, host_type="private", country="PE", city=MARK, contact_name=MARK,
            contact_email="victim@example.org", support_plan=MARK, website="https://evil.example/",
            regional_initiative=RegionalInitiative.objects.get(code="AMS3"),
            objectives=list(StrategicObjective.objects.filter(number=1)))
    assert Application.objects.count() == 1
    receipt = _receipt_to("victim@example.org")
    assert "PHISH" not in receipt.subject + receipt.body
    assert application.reference in receipt.body
