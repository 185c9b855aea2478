"""The Partner2Connect coalition: pledgers, action areas with their leads and members, events
and expressions of interest."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_no_control_characters
from alliance.models import Priority

from .base import _in_choices, _translations

# --- Partner2Connect Digital Coalition -------------------------------------------------------


class PledgerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    PHILANTHROPY = "philanthropy", _("Philanthropy")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    YOUTH = "youth", _("Youth organization (Generation Connect)")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL_ORG = "international_org", _("International organization")
    FINANCIAL_INSTITUTION = "financial_institution", _("International or other financial institution")
    MARGINALISED_COMMUNITIES = "marginalised_communities", _(
        "Organization representing marginalized communities")


class Pledger(models.Model):
    organisation = models.CharField(_("organization"), max_length=300,
                                    validators=[validate_no_control_characters])
    kind = models.CharField(_("type"), max_length=30, choices=PledgerKind.choices)
    country = CountryField(_("country"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200,
                                    validators=[validate_no_control_characters])
    contact_email = models.EmailField(_("contact e-mail"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="pledgers", verbose_name=_("account"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("pledger")
        verbose_name_plural = _("pledgers")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", PledgerKind), name="pledger_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.organisation


class ActionArea(models.Model):
    """One of the four action areas of the coalition (loaded by a data migration)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="action_areas",
                                        verbose_name=_("ITU-D priorities it serves"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("action area")
        verbose_name_plural = _("action areas")

    def __str__(self) -> str:
        return self.name


MAX_LEADS_PER_AREA = 5


class ActionAreaRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    MEMBER = "member", _("Member")


class ActionAreaMembership(models.Model):
    """A pledger's role in an action area. Leads hold one of five numbered seats, so the
    database itself refuses a sixth lead."""

    action_area = models.ForeignKey(ActionArea, on_delete=models.CASCADE, related_name="memberships",
                                    verbose_name=_("action area"))
    pledger = models.ForeignKey(Pledger, on_delete=models.CASCADE, related_name="memberships",
                                verbose_name=_("organization"))
    role = models.CharField(_("role"), max_length=10, choices=ActionAreaRole.choices)
    lead_seat = models.PositiveSmallIntegerField(
        _("lead seat"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEADS_PER_AREA)],
    )

    class Meta:
        ordering = ["action_area__order", "role", "pledger__organisation"]
        verbose_name = _("action-area membership")
        verbose_name_plural = _("action-area memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["action_area", "pledger"], name="one_role_per_area",
                violation_error_message=_("This organization already has a role in this action area.")),
            models.UniqueConstraint(fields=["action_area", "lead_seat"], name="lead_seat_unique",
                                    violation_error_message=_("This lead seat is already taken.")),
            models.CheckConstraint(
                condition=(Q(role=ActionAreaRole.LEAD, lead_seat__gte=1, lead_seat__lte=MAX_LEADS_PER_AREA)
                           | Q(role=ActionAreaRole.MEMBER, lead_seat__isnull=True)),
                name="at_most_five_lead_seats",
                violation_error_message=_("A lead takes one of the five lead seats; a member takes none."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pledger} – {self.action_area} ({self.get_role_display()})"


class EventKind(models.TextChoices):
    ROUNDTABLE = "roundtable", _("P2C Roundtable")
    COALITION_MEETING = "coalition_meeting", _("Meeting of leads and members")
    CONFERENCE = "conference", _("Session at a conference")
    WEBINAR = "webinar", _("Webinar")


class Event(models.Model):
    """A P2C event (the Roundtable at WTDC-22, later meetings): pledges may be announced at it."""

    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300, validators=[validate_no_control_characters])
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=300, blank=True,
                             validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True, validators=[validate_no_control_characters])
    is_published = models.BooleanField(_("published"), default=False)
    history = HistoricalRecords(excluded_fields=_translations("name", "venue", "description"))

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("P2C event")
        verbose_name_plural = _("P2C events")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", EventKind), name="event_kind_valid"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="event_ends_after_start",
                                   violation_error_message=_("An event cannot end before it starts.")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:event", kwargs={"slug": self.slug})


class SessionKind(models.TextChoices):
    HIGH_LEVEL_SEGMENT = "high_level", _("High-level segment")
    POLICY_STATEMENTS = "policy_statements", _("Policy statements")
    PANEL = "panel", _("Thematic panel")
    BREAKOUT = "breakout", _("Breakout discussion")
    PLENARY_PLEDGES = "plenary_pledges", _("Pledges announced in plenary")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    VIDEO_MESSAGES = "video_messages", _("Video messages")
    MEETING = "meeting", _("Meeting")


class EventSession(models.Model):
    """One part of an event's programme: a segment, panel, breakout, plenary, ceremony."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions",
                              verbose_name=_("event"))
    kind = models.CharField(_("type"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_control_characters])
    day = models.DateField(_("day"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "day", "order", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", SessionKind),
                                   name="event_session_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.event_id and self.day and not (self.event.starts_on <= self.day <= self.event.ends_on):
            raise ValidationError({"day": _("A session takes place during its event.")})


class InterestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ExpressionOfInterest(models.Model):
    """An organization's wish to become a member of an action area (seed 003); once BDT accepts
    it, the organization is a member of the area."""

    action_area = models.ForeignKey(ActionArea, on_delete=models.PROTECT, related_name="interests",
                                    verbose_name=_("action area"))
    organisation = models.CharField(_("organization"), max_length=300,
                                    validators=[validate_no_control_characters])
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=30, choices=PledgerKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200,
                                    validators=[validate_no_control_characters])
    contact_email = models.EmailField(_("contact e-mail"))
    contribution = models.TextField(_("what the organization brings"),
                                    validators=[validate_no_control_characters])
    language = models.CharField(_("language"), max_length=10, default="en",
                                help_text=_("The language the organization wrote in; replies use it."))
    status = models.CharField(_("status"), max_length=10, choices=InterestStatus.choices,
                              default=InterestStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True,
                                      validators=[validate_no_control_characters])
    membership = models.OneToOneField(ActionAreaMembership, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="interest", verbose_name=_("membership"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.CheckConstraint(condition=_in_choices("status", InterestStatus),
                                   name="interest_status_valid"),
            models.CheckConstraint(condition=_in_choices("stakeholder_group", PledgerKind),
                                   name="interest_stakeholder_group_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.action_area}"
