"""The Expert Network: areas of expertise, experts and requests for an expert."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords

from .base import TEXT


class ExpertiseArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120, validators=TEXT)

    class Meta:
        ordering = ["name"]
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """A member of the Board's virtual Expert Network."""

    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    email = models.EmailField(_("e-mail"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, validators=TEXT)
    country = CountryField(_("country"))
    areas = models.ManyToManyField(
        ExpertiseArea, related_name="experts", verbose_name=_("areas of expertise")
    )
    is_active = models.BooleanField(_("active"), default=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("expert")
        verbose_name_plural = _("Expert Network")

    def __str__(self) -> str:
        return self.full_name


class ExpertRequest(models.Model):
    """A request to join the Expert Network, sent through the public form; staff decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, validators=TEXT)
    country = CountryField(_("country"))
    areas = models.ManyToManyField(
        ExpertiseArea, related_name="requests", verbose_name=_("areas of expertise")
    )
    motivation = models.TextField(_("motivation"), max_length=3000, validators=TEXT)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    expert = models.ForeignKey(
        Expert,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("expert"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("Expert Network membership request")
        verbose_name_plural = _("Expert Network membership requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
                name="board_expert_request_decided_when_not_pending",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(status="pending"),
                name="board_expert_request_one_pending_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name
