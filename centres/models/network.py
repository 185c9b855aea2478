"""The network of centres: trainings their staff attend and the network's events."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from alliance.core.history import HistoricalRecords

from .base import TEXT, translated
from .centres import Centre


class Training(models.Model):
    """An ITU Academy course or a workshop (such as I-CoDI) that centre staff attend."""

    class Kind(models.TextChoices):
        COURSE = "course", _("ITU Academy course")
        WORKSHOP = "workshop", _("Workshop")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    provider = models.CharField(_("provider"), max_length=200, blank=True, validators=TEXT)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    centres = models.ManyToManyField(Centre, through="TrainingAttendance", related_name="trainings",
                                     verbose_name=_("centres"))

    history = HistoricalRecords()
    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.UniqueConstraint(fields=["title", "starts_on"], name="centres_training_unique"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="centres_training_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class TrainingAttendance(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendances",
                                 verbose_name=_("training"))
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="attendances",
                               verbose_name=_("centre"))
    participants = models.PositiveSmallIntegerField(_("number of participants"),
                                                    validators=[MinValueValidator(1)])

    history = HistoricalRecords()
    class Meta:
        ordering = ["training", "centre"]
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendances")
        constraints = [
            models.UniqueConstraint(fields=["training", "centre"], name="centres_attendance_once"),
            models.CheckConstraint(condition=Q(participants__gte=1), name="centres_attendance_participants"),
        ]

    def __str__(self) -> str:
        return f"{self.centre} – {self.training}"


class NetworkEvent(models.Model):
    """A meeting where the centres meet as a network, such as at the Global Innovation Forum, or
    an event a centre organises and records in the portal (``organiser``). Both show on the public
    page of each centre concerned, as upcoming or past."""

    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    description = models.TextField(_("description"), blank=True, max_length=5000, validators=TEXT)
    location = models.CharField(_("location"), max_length=200, blank=True, validators=TEXT)
    is_online = models.BooleanField(_("online"), default=False)
    link = models.URLField(_("link"), blank=True, help_text=_("The event's page or registration link."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    organiser = models.ForeignKey(Centre, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="organised_events", verbose_name=_("organised by the centre"),
                                  help_text=_("Empty for an event of the network organised by BDT."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("recorded by"))
    centres = models.ManyToManyField(Centre, related_name="events", blank=True,
                                     verbose_name=_("centres taking part"))

    history = HistoricalRecords(excluded_fields=translated("title", "description"))
    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("network event")
        verbose_name_plural = _("network events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="centres_event_ends_after_start"),
            models.CheckConstraint(condition=Q(organiser__isnull=True) | Q(is_online=True) | ~Q(location=""),
                                   name="centres_centre_event_has_place_or_is_online"),
        ]

    def __str__(self) -> str:
        return self.title
