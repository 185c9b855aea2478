"""What a pledger gets (issue 16): a welcome e-mail with their username and a working link to set
their password, and their own pledge to correct while ITU reviews it, never after."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnerships import services
from partnerships.models import ActionArea, Pledge, PledgeStatus
from tests.factories import PledgeFactory, UserFactory

pytestmark = pytest.mark.django_db


def submit(**overrides) -> Pledge:
    values = {
        "organisation": "Connectivity Foundation", "pledger_kind": "philanthropy", "country": "KE",
        "contact_name": "Amina Otieno", "contact_email": "amina@example.org", "title": "Schools online",
        "description": "Connect 500 schools.", "kind": "programmatic",
        "action_areas": ActionArea.objects.filter(code="connecting_people"), "target_year": 2030, **overrides,
    }
    return services.pledge_submit(**values)


def test_the_welcome_e_mail_gives_the_username_and_a_link_that_sets_the_password(
        client, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_BASE_URL = "https://alliance.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        pledge = submit(language="fr")
    body = mail.outbox[0].body
    assert "amina@example.org" in body                      # the username
    link = re.search(r"https://alliance\.example\.org(/fr/accounts/reset/\S+/)", body)
    assert link, body
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200 and "new_password1" in form_page.context["form"].fields
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": "A-long-pass-phrase-42",
                                                         "new_password2": "A-long-pass-phrase-42"})
    assert done.status_code == 302
    user = pledge.pledger.user
    user.refresh_from_db()
    assert user.check_password("A-long-pass-phrase-42")


def test_no_password_link_goes_to_an_address_that_already_has_an_account(
        django_capture_on_commit_callbacks):
    UserFactory(email="amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert "/accounts/reset/" not in mail.outbox[0].body


@pytest.fixture
def under_review():
    pledge = PledgeFactory(status=PledgeStatus.SUBMITTED, title="Schools online", target_year=2030,
                           dd_identity_verified=True, dd_supports_action_area=True,
                           dd_realistic_measurable=True)
    return pledge


def edit_data(**overrides) -> dict:
    return {"title": "Schools and clinics online", "description": "Connect 500 schools and 50 clinics.",
            "kind": "financial", "value_usd": "200000", "target_year": "2030",
            "action_areas": [ActionArea.objects.get(code="empowering_communities").pk],
            "benefits_ldc": "on", "ldc_amount_usd": "150000", **overrides}


def test_a_pledger_changes_their_pledge_while_it_is_under_review(client, under_review):
    client.force_login(under_review.pledger.user)
    url = reverse("partnerships:pledge-edit", args=[under_review.pk])
    assert client.get(url).context["form"].initial["title"] == "Schools online"
    bad = client.post(url, edit_data(ldc_amount_usd="300000"))       # more than the pledge
    assert bad.status_code == 200 and "ldc_amount_usd" in bad.context["form"].errors
    assert client.post(url, edit_data()).status_code == 302
    pledge = Pledge.objects.get(pk=under_review.pk)
    assert (pledge.title, pledge.kind, pledge.value_usd) == (
        "Schools and clinics online", "financial", Decimal("200000.00"))
    assert [a.code for a in pledge.action_areas.all()] == ["empowering_communities"]
    assert pledge.benefits.get().amount_usd == Decimal("150000.00")
    # What it says changed: those checks are to be made again; who the pledger is did not.
    assert (pledge.dd_identity_verified, pledge.dd_supports_action_area, pledge.dd_realistic_measurable) == (
        True, False, False)


def test_a_decided_pledge_can_no_longer_be_changed(client, under_review):
    under_review.status = PledgeStatus.PUBLISHED
    under_review.save()
    client.force_login(under_review.pledger.user)
    assert client.get(reverse("partnerships:pledge-edit", args=[under_review.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.pledge_update_by_pledger(pledge=under_review, by=under_review.pledger.user,
                                          action_areas=ActionArea.objects.all()[:1], title="Changed")
    assert Pledge.objects.get(pk=under_review.pk).title == "Schools online"


def test_nobody_else_changes_a_pledge(client, under_review, staff_user):
    other = UserFactory()
    client.force_login(other)
    assert client.get(reverse("partnerships:pledge-edit", args=[under_review.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.pledge_update_by_pledger(pledge=under_review, by=staff_user,
                                          action_areas=ActionArea.objects.all()[:1], title="Changed")


def test_my_pledges_offers_the_change_and_lists_past_progress_reports(client, under_review):
    published = PledgeFactory(pledger=under_review.pledger, status=PledgeStatus.PUBLISHED, title="Older")
    services.progress_report_submit(pledge=published, by=published.pledger.user, status="delayed",
                                    narrative="Permits are late.", today=timezone.localdate())
    client.force_login(under_review.pledger.user)
    html = client.get(reverse("partnerships:my-pledges")).content.decode()
    assert reverse("partnerships:pledge-edit", args=[under_review.pk]) in html
    assert reverse("partnerships:pledge-edit", args=[published.pk]) not in html
    assert "Permits are late." in html and "Delayed" in html
