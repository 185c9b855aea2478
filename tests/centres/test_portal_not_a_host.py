"""The portal answers a signed-in user who hosts no centre with a page that says where to go."""

import pytest
from django.test import Client
from django.urls import reverse

from partnerships.models import Pledger


@pytest.fixture
def pledger_user(django_user_model):
    user = django_user_model.objects.create_user(username="pledger", password="correct horse battery")
    Pledger.objects.create(organisation="Connect Foundation", kind="government", contact_name="C",
                           contact_email="c@example.org", user=user)
    return user


def _portal(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("portal:dashboard"))


def _assert_styled_refusal(response):
    assert response.status_code == 403
    page = response.content.decode()
    assert '<main id="content"' in page
    assert "<h1>The centre hosts' portal</h1>" in page
    return page


def test_staff_opening_the_portal_are_sent_to_the_staff_area(staff_user):
    page = _assert_styled_refusal(_portal(staff_user))
    assert f'href="{reverse("staff-home")}"' in page
    assert "Go to the staff area" in page


def test_a_pledger_opening_the_portal_is_sent_to_their_pledges(pledger_user):
    page = _assert_styled_refusal(_portal(pledger_user))
    assert f'href="{reverse("partnerships:my-pledges")}"' in page
    assert "Go to my pledges" in page


def test_a_plain_user_opening_the_portal_is_told_how_to_apply(member_user):
    page = _assert_styled_refusal(_portal(member_user))
    assert f'href="{reverse("centres:apply")}"' in page
    assert "Go to the staff area" not in page and "Go to my pledges" not in page


def test_every_portal_page_gives_a_non_host_the_same_answer(member_user):
    client = Client()
    client.force_login(member_user)
    response = client.post(reverse("portal:documents"), {"title": "Budget"})
    _assert_styled_refusal(response)
