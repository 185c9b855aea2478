"""Lead times of the reminders, the reminders already sent, opt-outs and calendar feed tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    HOST_PROGRESS_REPORT = "host_progress_report", _("Centre hosts: a progress report is due")
    HOST_AGREEMENT_END = "host_agreement_end", _("Centre hosts: the cooperation agreement ends")
    PLEDGE_PROGRESS_REPORT = "pledge_progress_report", _("Pledgers: a progress report is due")


MAX_LEAD_DAYS = 366


def parse_days(value: str) -> list[int]:
    """``"30, 7"`` -> ``[30, 7]``; refuses what is not a list of whole days between 1 and 366."""
    try:
        days = [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise ValidationError(_("Give whole numbers of days separated by commas, e.g. 30, 7.")) from None
    if not days:
        raise ValidationError(_("Give at least one number of days."))
    if any(day < 1 or day > MAX_LEAD_DAYS for day in days):
        raise ValidationError(_("Each lead time is between 1 and %(max)s days."),
                              params={"max": MAX_LEAD_DAYS})
    return sorted(set(days), reverse=True)


def validate_days(value: str) -> None:
    parse_days(value)


class LeadTime(models.Model):
    """How many days before a deadline a kind of reminder goes out (edited by staff in the admin)."""

    kind = models.CharField(_("reminder"), max_length=40, choices=ReminderKind.choices, unique=True)
    days_before = models.CharField(
        _("days before the deadline"), max_length=100, validators=[validate_days],
        help_text=_("One reminder at each of these lead times, e.g. 30, 7."))
    enabled = models.BooleanField(_("send these reminders"), default=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("reminder lead time")
        verbose_name_plural = _("reminder lead times")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ReminderKind.values),
                                   name="notifications_lead_time_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days_before}"

    @property
    def days(self) -> list[int]:
        return parse_days(self.days_before)


class ReminderSent(models.Model):
    """A reminder (or a digest) that went out: each (kind, what it is about, deadline, lead time)
    is recorded in the transaction that queues its e-mail, and never sent twice."""

    kind = models.CharField(_("kind"), max_length=40)
    about = models.CharField(_("about"), max_length=100, help_text=_("What the deadline belongs to."))
    deadline = models.DateField(_("deadline"))
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "about", "deadline", "days_before"],
                                    name="notifications_reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.about} {self.deadline.isoformat()} (-{self.days_before})"


class OptOut(models.Model):
    """An address that no longer receives one kind of non-essential e-mail (a ``topic``)."""

    email = models.EmailField(_("e-mail"))
    topic = models.CharField(_("topic"), max_length=80)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["email", "topic"]
        verbose_name = _("unsubscribed e-mail")
        verbose_name_plural = _("unsubscribed e-mails")
        constraints = [
            models.UniqueConstraint(fields=["email", "topic"], name="notifications_opt_out_once"),
            models.CheckConstraint(condition=Q(email=Lower("email")),
                                   name="notifications_opt_out_email_lowercase"),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.topic}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed (calendar applications send no session)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed", verbose_name=_("user"))
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
