"""Writes of inter-sectoral coordination: every view, admin action, API call, task and the demo
go through here, so each refuses the same things with the same messages."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliance.core.mail import queue_mail
from alliance.models import User

from .models import (
    AnnualReport,
    Body,
    FocalPoint,
    Meeting,
    ReminderSent,
    ReportingDeadline,
    Sector,
    Topic,
)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:100] or "topic"
    slug, n = base, 2
    while Topic.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def topic_create(
    *,
    name: str,
    status: str = Topic.Status.PROPOSED,
    description: str = "",
    added_on: datetime.date | None = None,
    slug: str = "",
    order: int = 100,
) -> Topic:
    """Put a topic on the list: proposed (the usual way in) or directly active or closed."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the topic a name.")})
    if status not in Topic.Status.values:
        raise ValidationError({"status": _("Unknown topic status.")})
    today = timezone.localdate()
    with transaction.atomic():
        return Topic.objects.create(
            name=name,
            description=description.strip(),
            status=status,
            order=order,
            slug=slug or _unique_slug(name),
            added_on=added_on or today,
            accepted_on=today if status == Topic.Status.ACTIVE else None,
        )


def topic_accept(*, topic: Topic, on: datetime.date | None = None) -> Topic:
    """Staff accept a proposed topic: it joins the list of active topics."""
    if topic.status != Topic.Status.PROPOSED:
        raise ValidationError(_("Only a proposed topic can be accepted."))
    topic.status = Topic.Status.ACTIVE
    topic.accepted_on = on or timezone.localdate()
    topic.save(update_fields=["status", "accepted_on"])
    return topic


def topic_close(*, topic: Topic) -> Topic:
    if topic.status == Topic.Status.CLOSED:
        raise ValidationError(_("This topic is already closed."))
    topic.status = Topic.Status.CLOSED
    topic.save(update_fields=["status"])
    return topic


def focal_point_validate(*, focal_point: FocalPoint) -> None:
    """A focal point is either a named person or a vacancy, never both and never neither."""
    if focal_point.vacant:
        errors = {}
        if focal_point.name.strip():
            errors["name"] = [_("A vacant post has no name; leave the name empty.")]
        if focal_point.user_id:
            errors["user"] = [_("A vacant post has no portal account.")]
        if errors:
            raise ValidationError(errors)
    elif not focal_point.name.strip():
        raise ValidationError({"name": [_("Give the focal point's name, or mark the post as vacant.")]})
    if focal_point.sector not in Sector.values:
        raise ValidationError({"sector": [_("Unknown Sector or bureau.")]})
    duplicate = FocalPoint.objects.filter(topic_id=focal_point.topic_id, sector=focal_point.sector)
    if duplicate.exclude(pk=focal_point.pk).exists():
        raise ValidationError(
            {"sector": [_("This topic already has a focal point for this Sector or bureau.")]}
        )


def focal_point_create(
    *,
    topic: Topic,
    sector: str,
    name: str = "",
    vacant: bool = False,
    title: str = "",
    unit: str = "",
    email: str = "",
    user=None,
    vacancy_note: str = "",
    since: datetime.date | None = None,
) -> FocalPoint:
    focal_point = FocalPoint(
        topic=topic,
        sector=sector,
        name=name.strip(),
        vacant=vacant,
        title=title,
        unit=unit,
        email=email.strip().lower(),
        user=user,
        vacancy_note=vacancy_note,
        since=since,
    )
    focal_point_validate(focal_point=focal_point)
    with transaction.atomic():
        focal_point.save()
    return focal_point


def focal_point_vacate(*, focal_point: FocalPoint, note: str) -> FocalPoint:
    """The focal point left (retired, moved on): the post becomes a vacancy; reports stay."""
    if focal_point.vacant:
        raise ValidationError(_("This post is already vacant."))
    focal_point.vacant = True
    focal_point.name = ""
    focal_point.email = ""
    focal_point.user = None
    focal_point.vacancy_note = note
    focal_point.save(update_fields=["vacant", "name", "email", "user", "vacancy_note"])
    return focal_point


def body_create(
    *,
    acronym: str,
    name: str,
    kind: str,
    chair: str = "",
    reports_to: str = "",
    established_by: str = "",
    composition: str = "",
    mandate: str = "",
    web_page: str = "",
) -> Body:
    acronym = acronym.strip()
    if kind not in Body.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of body.")})
    if Body.objects.filter(acronym__iexact=acronym).exists():
        raise ValidationError({"acronym": _("A body with this acronym already exists.")})
    with transaction.atomic():
        return Body.objects.create(
            acronym=acronym,
            name=name.strip(),
            kind=kind,
            chair=chair,
            reports_to=reports_to,
            established_by=established_by,
            composition=composition,
            mandate=mandate,
            web_page=web_page,
        )


def meeting_create(
    *,
    body: Body,
    held_on: datetime.date,
    title: str,
    format: str = Meeting.Format.VIRTUAL,
    place: str = "",
    agenda: str = "",
    report_summary: str = "",
    topics: Iterable[Topic] = (),
) -> Meeting:
    if format not in Meeting.Format.values:
        raise ValidationError({"format": _("Unknown meeting format.")})
    if format != Meeting.Format.VIRTUAL and not place.strip():
        raise ValidationError({"place": _("Say where a meeting held in person takes place.")})
    if Meeting.objects.filter(body=body, held_on=held_on).exists():
        raise ValidationError({"held_on": _("This body already has a meeting on that day.")})
    with transaction.atomic():
        meeting = Meeting.objects.create(
            body=body,
            held_on=held_on,
            title=title.strip(),
            format=format,
            place=place.strip(),
            agenda=agenda,
            report_summary=report_summary,
        )
        meeting.topics.set(list(topics))
    return meeting


def annual_report_submit(
    *,
    focal_point: FocalPoint,
    year: int,
    progress: str,
    outcomes: str = "",
    next_steps: str = "",
    documents: str = "",
    by: User | None = None,
) -> AnnualReport:
    """A focal point submits (or corrects) the annual report on their topic for a year."""
    if focal_point.vacant:
        raise ValidationError(_("A vacant post cannot report."))
    if focal_point.topic.status == Topic.Status.CLOSED:
        raise ValidationError(_("This topic is closed."))
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("A year that has not begun cannot be reported on.")})
    if not progress.strip():
        raise ValidationError({"progress": _("Describe the progress made during the year.")})
    values = {
        "progress": progress.strip(),
        "outcomes": outcomes.strip(),
        "next_steps": next_steps.strip(),
        "documents": documents.strip(),
        "submitted_at": timezone.now(),
        "submitted_by": by,
    }
    with transaction.atomic():
        report, _created = AnnualReport.objects.update_or_create(
            focal_point=focal_point, year=year, defaults=values
        )
    return report


def deadline_set(*, year: int, due_on: datetime.date) -> ReportingDeadline:
    if due_on.year < year:
        raise ValidationError({"due_on": _("Reports for a year cannot be due before that year.")})
    deadline, _created = ReportingDeadline.objects.update_or_create(year=year, defaults={"due_on": due_on})
    return deadline


def _mail_language(focal_point: FocalPoint) -> str:
    """The focal point's own language when their account has one, English otherwise."""
    user = focal_point.user
    return (user.preferred_language if user is not None else "") or "en"


def reminders_send(*, today: datetime.date, days_before: Iterable[int] = (30, 7)) -> int:
    """Remind each focal point who has not reported, when a deadline is ``days_before`` away.

    Beat runs this daily; a reminder (focal point, year, days before) is recorded and never sent
    twice, even if beat runs it again the same day or a day was missed and caught up later
    (the reminder for the nearest step still due is sent once).
    """
    from alliance.notifications.reminders import due_step, send_once

    from . import selectors

    sent = 0
    for deadline in ReportingDeadline.objects.filter(due_on__gte=today):
        days_left = (deadline.due_on - today).days
        step = due_step(days_left=days_left, steps=days_before)
        if step is None:
            continue
        for focal_point in selectors.focal_points_yet_to_report(year=deadline.year):
            if not focal_point.email:
                continue
            if send_once(
                record=lambda focal_point=focal_point, deadline=deadline, step=step:
                    ReminderSent.objects.get_or_create(focal_point=focal_point, year=deadline.year,
                                                       days_before=step),
                send=lambda focal_point=focal_point, deadline=deadline, days_left=days_left: queue_mail(
                    to=[focal_point.email], template="coordination/mail/annual_report_reminder",
                    context={"focal_point": focal_point, "deadline": deadline, "days_left": days_left},
                    language=_mail_language(focal_point)),
            ):
                sent += 1
    return sent
