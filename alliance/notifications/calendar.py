"""The calendar feed (iCalendar, RFC 5545): Board meetings, network events and coordination
meetings for everyone, and the person's own deadlines (their centre's progress report and
cooperation agreement, their pledges' progress reports), nobody else's.

Calendar applications fetch it without a session: the address carries the person's secret token
(``CalendarFeed``). P2C events join when partnerships has them (issue 20).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .optional import absolute

DOMAIN = "innovation-alliance.itu.int"


def _event(
    *,
    uid: str,
    summary: str,
    start: date,
    end: date | None = None,
    location: str = "",
    url: str = "",
    stamp: datetime,
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", (end or start) + timedelta(days=1))  # all-day: the end is exclusive
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    return event


def public_events(*, stamp: datetime) -> list[Event]:
    from board.models import Meeting as BoardMeeting
    from centres.models import NetworkEvent
    from coordination.models import Meeting as CoordinationMeeting
    from partnerships.models import Event as P2CEvent

    events = [
        _event(
            uid=f"board-meeting-{meeting.pk}",
            summary=str(meeting),
            start=meeting.start_date,
            end=meeting.end_date,
            location=f"{meeting.city}, {meeting.country.name}",
            url=absolute(reverse("board:meeting-detail", args=[meeting.number])),
            stamp=stamp,
        )
        for meeting in BoardMeeting.objects.order_by("start_date")
    ]
    events += [
        _event(
            uid=f"network-event-{event.pk}",
            summary=event.title,
            start=event.starts_on,
            end=event.ends_on,
            location=event.location,
            stamp=stamp,
        )
        for event in NetworkEvent.objects.order_by("starts_on")
    ]
    events += [
        _event(
            uid=f"coordination-meeting-{meeting.pk}",
            summary=f"{meeting.body.acronym}: {meeting.title}",
            start=meeting.held_on,
            location=meeting.place,
            stamp=stamp,
        )
        for meeting in CoordinationMeeting.objects.select_related("body").order_by("held_on")
    ]
    events += [
        _event(
            uid=f"p2c-event-{event.pk}",
            summary=f"Partner2Connect: {event.name}",
            start=event.starts_on,
            end=event.ends_on,
            location=event.venue,
            url=absolute(event.get_absolute_url()),
            stamp=stamp,
        )
        for event in P2CEvent.objects.filter(is_published=True).order_by("starts_on")
    ]
    return events


def own_deadlines(*, user, stamp: datetime) -> list[Event]:
    """The deadlines of ``user``'s own centre and pledges."""
    from centres.selectors import agreement_ends_on, progress_report_due_on
    from partnerships.models import Pledge, PledgeStatus

    events = []
    host = getattr(user, "centre_host", None)
    if host is not None:
        centre = host.centre
        due = progress_report_due_on(centre)
        if due:
            events.append(
                _event(
                    uid=f"centre-{centre.pk}-report-{due.isoformat()}",
                    start=due,
                    stamp=stamp,
                    summary=_("%(centre)s: progress report due") % {"centre": centre.name},
                    url=absolute(reverse("portal:reports")),
                )
            )
        ends = agreement_ends_on(centre)
        if ends:
            events.append(
                _event(
                    uid=f"centre-{centre.pk}-agreement-{ends.isoformat()}",
                    start=ends,
                    stamp=stamp,
                    summary=_("%(centre)s: the cooperation agreement ends") % {"centre": centre.name},
                )
            )
    pledges = Pledge.objects.filter(
        pledger__user=user, status=PledgeStatus.PUBLISHED, next_report_due__isnull=False
    ).order_by("pk")
    events += [
        _event(
            uid=f"pledge-{pledge.pk}-report-{pledge.next_report_due.isoformat()}",
            start=pledge.next_report_due,
            summary=_("Partner2Connect: progress report due on pledge %(title)s") % {"title": pledge.title},
            stamp=stamp,
        )
        for pledge in pledges
    ]
    return events


def calendar_for(*, user) -> bytes:
    stamp = timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//ITU//Innovation Alliance portal//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Innovation Alliance"))
    for event in [*public_events(stamp=stamp), *own_deadlines(user=user, stamp=stamp)]:
        calendar.add_component(event)
    return calendar.to_ical()
