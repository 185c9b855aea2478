"""A person sees and changes what they receive; unsubscribes in one click without signing in; and
subscribes to a calendar of meetings, events and their own deadlines only."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from alliance.notifications import services
from alliance.notifications.models import CalendarFeed, OptOut
from alliance.notifications.optional import opted_out, unsubscribe_token
from tests.factories import (
    CentreAgreementFactory,
    CentreFactory,
    CentreHostFactory,
    MeetingFactory,
    PledgeFactory,
    PledgerFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_host_sees_and_stops_the_reminders_of_their_role(client):
    host = CentreHostFactory(user=UserFactory(email="Host@Example.org")).user
    client.force_login(host)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Centre hosts: a progress report is due" in page
    assert "Pledgers: a progress report is due" not in page  # not their role
    assert "Staff digest" not in page
    client.post(reverse("notifications:preferences"), {"receive": ["reminder:host_agreement_end"]})
    assert opted_out(email="host@example.org", topic="reminder:host_progress_report")
    assert not opted_out(email="host@example.org", topic="reminder:host_agreement_end")
    client.post(reverse("notifications:preferences"),
                {"receive": ["reminder:host_agreement_end", "reminder:host_progress_report"]})
    assert not OptOut.objects.exists()


def test_a_topic_outside_ones_roles_is_refused_with_a_form_error(client):
    client.force_login(PledgerFactory().user)
    response = client.post(reverse("notifications:preferences"), {"receive": ["digest:pledges"]})
    assert response.status_code == 400 and "receive" in response.context["form"].errors
    assert not OptOut.objects.exists()


def test_staff_choose_the_kinds_of_their_digest(client):
    staff = StaffFactory()
    client.force_login(staff)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Staff digest: Pledges to review (due diligence)" in page
    client.post(reverse("notifications:preferences"), {"receive": ["digest", "digest:expert-requests"]})
    assert opted_out(email=staff.email, topic="digest:pledges")
    assert not opted_out(email=staff.email, topic="digest:expert-requests")


def test_the_preferences_page_needs_a_sign_in(client):
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_unsubscribing_takes_one_click_and_no_sign_in(client):
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(email="Pat@Example.org",
                                                                       topic="reminder:pledge_progress_report")])
    page = client.get(url)
    assert page.status_code == 200 and not OptOut.objects.exists()  # link scanners only read
    assert "pat@example.org" in page.content.decode()
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200  # again: harmless
    assert opted_out(email="pat@example.org", topic="reminder:pledge_progress_report")


def test_a_forged_unsubscribe_token_is_refused(client):
    token = unsubscribe_token(email="pat@example.org", topic="digest")
    assert client.post(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    assert not OptOut.objects.exists()


def _feed(client, user) -> Calendar:
    feed = services.calendar_feed_for(user=user)
    client.logout()  # calendar applications send no session
    response = client.get(reverse("notifications:calendar", args=[feed.token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _summaries(calendar: Calendar) -> set[str]:
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


def test_the_calendar_holds_meetings_events_and_only_the_users_own_deadlines(client):
    MeetingFactory(number=2, start_date=datetime.date(2024, 10, 28), end_date=datetime.date(2024, 10, 28))
    mine = CentreAgreementFactory(centre=CentreFactory(status="operating", name="Centre Mine"))
    theirs = CentreAgreementFactory(centre=CentreFactory(status="operating", name="Centre Theirs"))
    host = CentreHostFactory(centre=mine.centre).user
    CentreHostFactory(centre=theirs.centre)
    PledgeFactory(status="published", title="Someone else's pledge",
                  next_report_due=datetime.date(2027, 1, 1))
    calendar = _feed(client, host)
    summaries = _summaries(calendar)
    assert "Board meeting 2" in summaries
    assert "Centre Mine: progress report due" in summaries
    assert "Centre Mine: the cooperation agreement ends" in summaries
    assert not any("Theirs" in summary or "Someone else" in summary for summary in summaries)
    board = next(e for e in calendar.walk("VEVENT") if str(e["summary"]) == "Board meeting 2")
    assert board.decoded("dtstart") == datetime.date(2024, 10, 28)
    assert board.decoded("dtend") == datetime.date(2024, 10, 29)
    assert len({str(event["uid"]) for event in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT"))


def test_the_calendar_holds_the_published_partner2connect_events(client):
    from partnerships.models import Event as P2CEvent

    P2CEvent.objects.create(slug="roundtable", name="P2C Roundtable", kind="roundtable", is_published=True,
                            starts_on=datetime.date(2022, 6, 7), ends_on=datetime.date(2022, 6, 9),
                            venue="Kigali")
    P2CEvent.objects.create(slug="draft", name="Not yet announced", kind="roundtable",
                            starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 1, 1))
    calendar = _feed(client, UserFactory())
    summaries = _summaries(calendar)
    assert "Partner2Connect: P2C Roundtable" in summaries
    assert not any("Not yet announced" in summary for summary in summaries)
    event = next(e for e in calendar.walk("VEVENT") if str(e["summary"]) == "Partner2Connect: P2C Roundtable")
    assert event.decoded("dtend") == datetime.date(2022, 6, 10)
    assert str(event["url"]).endswith("/partnerships/partner2connect/events/roundtable/")


def test_a_pledger_finds_their_own_report_deadlines(client):
    pledge = PledgeFactory(status="published", title="Schools online",
                           next_report_due=datetime.date(2027, 1, 1))
    summaries = _feed(client, pledge.pledger.user)
    assert "Partner2Connect: progress report due on pledge Schools online" in _summaries(summaries)


def test_an_unknown_or_renewed_token_opens_no_calendar(client):
    user = UserFactory()
    old = services.calendar_feed_for(user=user).token
    services.calendar_feed_renew(user=user)
    assert client.get(reverse("notifications:calendar", args=[old])).status_code == 404
    assert client.get(reverse("notifications:calendar", args=["nope"])).status_code == 404
    assert CalendarFeed.objects.get(user=user).token != old


def test_the_calendar_costs_the_same_queries_however_many_meetings(client, django_assert_max_num_queries):
    host = CentreHostFactory(centre=CentreFactory(status="operating")).user
    token = services.calendar_feed_for(user=host).token
    url = reverse("notifications:calendar", args=[token])
    MeetingFactory()
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    MeetingFactory.create_batch(5)
    PledgeFactory.create_batch(3, status="published", pledger__user=host,
                               next_report_due=datetime.date(2027, 1, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
