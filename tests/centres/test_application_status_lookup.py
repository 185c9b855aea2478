"""An applicant without the e-mail's link finds the status page with the application's reference
number and e-mail address; a wrong pair gets one neutral answer, and guessing is rate limited."""

import pytest
from django.urls import reverse

from centres import services
from centres.models import Application
from tests.factories import ApplicationFactory

NO_MATCH = "No application matches this reference number and e-mail address."


@pytest.fixture
def application(call) -> Application:
    return ApplicationFactory(call=call, contact_email="Amina@Example.org")


def _lookup(client, reference: str, email: str, **extra):
    return client.post(reverse("centres:application-status-lookup"),
                       {"reference": reference, "email": email}, **extra)


def test_the_lookup_page_has_labelled_fields_and_works_without_javascript(client, db):
    page = client.get(reverse("centres:application-status-lookup")).content.decode()
    assert '<label for="id_reference">Reference number' in page
    assert '<label for="id_email">E-mail address' in page
    assert '<form method="post"' in page and "<script" not in page.split("<form", 1)[1].split("</form>")[0]


def test_a_matching_pair_leads_to_the_applications_status_page(client, application):
    response = _lookup(client, f" {application.reference.lower()} ", "amina@example.org")
    token = services.application_status_token(application=application)
    assert response.status_code == 302
    assert response["Location"] == reverse("centres:application-status", kwargs={"token": token})
    assert application.reference in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("case", ["wrong e-mail", "unknown reference", "another application's e-mail"])
def test_a_pair_that_does_not_match_gets_the_same_neutral_answer(client, call, application, case):
    other = ApplicationFactory(call=call, contact_email="other@example.org")
    reference, email = {
        "wrong e-mail": (application.reference, "someone@example.org"),
        "unknown reference": ("AC-2025-000000", "amina@example.org"),
        "another application's e-mail": (application.reference, other.contact_email),
    }[case]
    response = _lookup(client, reference, email)
    page = response.content.decode()
    assert response.status_code == 200
    assert NO_MATCH in page
    assert 'class="error-summary' in page and page.index("error-summary") < page.index('id="id_reference"')
    assert "status" not in response.get("Location", "")


def test_the_answer_does_not_tell_whether_a_reference_exists(client, application):
    known = _lookup(client, application.reference, "someone@example.org")
    unknown = _lookup(client, "AC-2025-000000", "someone@example.org")
    assert known.status_code == unknown.status_code == 200
    for response in (known, unknown):
        page = response.content.decode()
        assert page.count(NO_MATCH) == 1 and application.organisation not in page
        assert "errorlist" not in page and "id_reference_error" not in page  # no remark on the field


def test_both_fields_are_required_and_listed_at_the_top(client, db):
    page = _lookup(client, "", "not-an-address").content.decode()
    assert 'href="#id_reference"' in page and 'href="#id_email"' in page


def test_looking_up_is_rate_limited_like_the_other_public_forms(client, application, settings):
    settings.RATELIMIT_ENABLE = True
    settings.ALLIANCE_RATE_LIMITS = {"form-address": "3/h"}
    codes = [_lookup(client, f"AC-2025-00000{n}", f"guess{n}@example.org",
                     REMOTE_ADDR="203.0.113.7").status_code for n in range(4)]
    assert codes == [200, 200, 200, 429]
    assert _lookup(client, application.reference, "amina@example.org",
                   REMOTE_ADDR="203.0.113.8").status_code == 302
