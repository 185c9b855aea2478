"""A host records the events the centre organises; the centre's public page shows them, with the
network's events it takes part in, as upcoming or past."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from centres.models import NetworkEvent

TODAY = timezone.localdate


def _event_data(**values):
    start = TODAY() + timedelta(days=20)
    data = {"title": "Foresight bootcamp", "starts_on": start, "ends_on": start + timedelta(days=1),
            "location": "Nairobi, iHub", "is_online": "", "link": "https://example.org/bootcamp",
            "description": "Two days of horizon scanning."}
    data.update(values)
    return data


def test_a_recorded_event_shows_on_the_public_page_as_upcoming(host_client, host_user, centre):
    response = host_client.post(reverse("portal:event-add"), _event_data())
    assert response.status_code == 302
    event = NetworkEvent.objects.get()
    assert (event.organiser, event.recorded_by) == (centre, host_user)
    page = Client().get(centre.get_absolute_url()).content.decode()
    upcoming, past = page.split("Past events")
    assert "Foresight bootcamp" in upcoming and "Nairobi, iHub" in upcoming
    assert 'href="https://example.org/bootcamp"' in upcoming
    assert "No past event recorded." in past


def test_past_events_and_network_events_are_listed_apart(centre, other_centre):
    today = TODAY()
    NetworkEvent.objects.create(title="Old workshop", organiser=centre, is_online=True,
                                starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=30))
    forum = NetworkEvent.objects.create(title="Global Innovation Forum", location="Valletta",
                                        starts_on=today + timedelta(days=5),
                                        ends_on=today + timedelta(days=7))
    forum.centres.add(centre)
    NetworkEvent.objects.create(title="Other centre's day", organiser=other_centre, location="Accra",
                                starts_on=today, ends_on=today)
    page = Client().get(centre.get_absolute_url()).content.decode()
    upcoming, past = page.split("Past events")
    assert "Global Innovation Forum" in upcoming and "network event" in upcoming
    assert "Old workshop" in past and "Online" in past
    assert "Other centre" not in page


def test_an_event_needs_a_place_or_to_be_online(host_client, centre):
    response = host_client.post(reverse("portal:event-add"), _event_data(location=""))
    assert response.status_code == 200
    assert "Give the place of the event" in response.content.decode()
    assert host_client.post(reverse("portal:event-add"),
                            _event_data(location="", is_online="on")).status_code == 302


def test_an_event_cannot_end_before_it_starts(host_client, centre):
    response = host_client.post(reverse("portal:event-add"),
                                _event_data(ends_on=TODAY(), starts_on=TODAY() + timedelta(days=1)))
    assert "The event cannot end before it starts." in response.content.decode()
    assert not NetworkEvent.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_host_gets_404_for_another_centres_event(host_client, other_centre, method):
    event = NetworkEvent.objects.create(title="Theirs", organiser=other_centre, location="Accra",
                                        starts_on=TODAY(), ends_on=TODAY())
    response = getattr(host_client, method)(reverse("portal:event-edit", args=[event.pk]),
                                             _event_data(title="Hijacked"))
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.title == "Theirs"


def test_a_host_cannot_edit_a_network_event_their_centre_takes_part_in(host_client, centre):
    forum = NetworkEvent.objects.create(title="Forum", location="Valletta", starts_on=TODAY(),
                                        ends_on=TODAY())
    forum.centres.add(centre)
    assert host_client.get(reverse("portal:event-edit", args=[forum.pk])).status_code == 404


def test_the_host_corrects_their_own_event(host_client, centre):
    event = NetworkEvent.objects.create(title="Typo", organiser=centre, location="Nairobi",
                                        starts_on=TODAY(), ends_on=TODAY())
    assert host_client.post(reverse("portal:event-edit", args=[event.pk]),
                            _event_data(title="Fixed")).status_code == 302
    event.refresh_from_db()
    assert event.title == "Fixed"
    assert "Fixed" in host_client.get(reverse("portal:events")).content.decode()
