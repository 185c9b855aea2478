"""The staff's daily digest of what arrived, built on the to-do registry; each chooses its kinds."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alliance.notifications import digest
from alliance.notifications.models import ReminderSent
from alliance.notifications.optional import digest_topic, opt_out, opted_out
from tests.factories import ApplicationFactory, ExpertRequestFactory, PledgeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def send(capture) -> int:
    with capture(execute=True):
        return digest.digests_send(now=timezone.now())


def test_staff_get_what_arrived_with_a_link_to_each_list(django_capture_on_commit_callbacks, settings):
    settings.PORTAL_BASE_URL = "https://alliance.example.org"
    staff = StaffFactory(email="bdt@itu.example")
    ApplicationFactory(organisation="Phish <click>")
    PledgeFactory()
    old = PledgeFactory()
    old.submitted_at = timezone.now() - datetime.timedelta(days=3)
    old.save()
    UserFactory(email="member@example.org")  # not staff: no digest
    assert send(django_capture_on_commit_callbacks) == 1
    message, = mail.outbox
    assert message.to == [staff.email]
    assert "Applications to screen: 1 new; 1 waiting in all" in message.body
    assert "Pledges to review (due diligence): 1 new; 2 waiting in all" in message.body
    assert ("https://alliance.example.org/en/admin/centres/application/?status__exact=submitted"
            in message.body)
    assert "Requests to join the Expert Network" not in message.body  # nothing new there
    assert "List-Unsubscribe" in message.extra_headers


def test_a_digest_goes_once_a_day_even_if_beat_runs_twice(django_capture_on_commit_callbacks):
    StaffFactory()
    ExpertRequestFactory()
    assert send(django_capture_on_commit_callbacks) == 1
    assert send(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_each_staff_member_chooses_the_kinds_they_receive(django_capture_on_commit_callbacks):
    chooser = StaffFactory(email="chooser@itu.example")
    StaffFactory(email="all@itu.example")
    ExpertRequestFactory()
    PledgeFactory()
    opt_out(email=chooser.email, topic=digest_topic("pledges"))
    send(django_capture_on_commit_callbacks)
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Pledges to review" not in bodies["chooser@itu.example"]
    assert "Requests to join the Expert Network" in bodies["chooser@itu.example"]
    assert "Pledges to review" in bodies["all@itu.example"]


def test_nothing_new_no_digest(django_capture_on_commit_callbacks):
    StaffFactory()
    assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_digest_is_written_in_each_staff_members_language(django_capture_on_commit_callbacks):
    StaffFactory(preferred_language="fr")
    ExpertRequestFactory()
    send(django_capture_on_commit_callbacks)
    assert mail.outbox[0].body.startswith("Bonjour,")


def test_the_digests_unsubscribe_link_stops_the_whole_digest(client, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    ExpertRequestFactory()
    send(django_capture_on_commit_callbacks)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    assert client.post(link).status_code == 200
    ReminderSent.objects.all().delete()  # as if it were the next day
    mail.outbox.clear()
    assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and opted_out(email=staff.email, topic="digest")


def test_staff_status_without_permissions_gets_no_digest(django_capture_on_commit_callbacks):
    UserFactory(is_staff=True)  # staff status alone opens nothing
    ExpertRequestFactory()
    assert send(django_capture_on_commit_callbacks) == 0
