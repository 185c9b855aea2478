"""An Acceleration Centre and its lifecycle: the centre, its hosts and their proposed changes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_image
from alliance.models import RegionalInitiative, StrategicObjective

from .applications import Application, HostType
from .base import TEXT, translated


class Centre(models.Model):
    class Status(models.TextChoices):
        SELECTED = "selected", _("Selected")
        AGREEMENT_SIGNED = "agreement_signed", _("Cooperation agreement signed")
        DESIGN = "design", _("Design phase")
        CAPACITY_BUILDING = "capacity_building", _("Capacity building and service deployment")
        OPERATING = "operating", _("Operating")
        REMOVED = "removed", _("Removed")

    class RemovalReason(models.TextChoices):
        NO_AGREEMENT = "no_agreement", _("No cooperation agreement signed")
        INSUFFICIENT_SUPPORT = "insufficient_support", _("Insufficient financial or political support")
        OTHER = "other", _("Other")

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="centre",
                                       verbose_name=_("application"))
    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    host_organisation = models.CharField(_("host organisation"), max_length=200, validators=TEXT)
    host_type = models.CharField(_("type of host"), max_length=20, choices=HostType.choices)
    country = CountryField(_("country"), db_index=True)
    city = models.CharField(_("city"), max_length=100, validators=TEXT)
    regional_initiative = models.ForeignKey(RegionalInitiative, on_delete=models.PROTECT,
                                            related_name="centres", verbose_name=_("regional initiative"))
    objectives = models.ManyToManyField(StrategicObjective, related_name="centres",
                                        verbose_name=_("strategic objectives"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SELECTED, db_index=True)
    selected_on = models.DateField(_("selected on"))
    design_finished_on = models.DateField(
        _("design phase finished on"), null=True, blank=True,
        help_text=_("Set when BDT approves the centre's action plan."),
    )
    operating_since = models.DateField(_("operating since"), null=True, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    removal_reason = models.CharField(_("reason for removal"), max_length=30, blank=True,
                                      choices=RemovalReason.choices)
    removal_note = models.TextField(_("removal note"), blank=True, validators=TEXT)
    description = models.TextField(_("description"), blank=True, max_length=5000, validators=TEXT)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True, validators=TEXT)
    logo = models.ImageField(_("logo"), upload_to="centres/logos/", blank=True, validators=[validate_image])
    is_academy_training_centre = models.BooleanField(
        _("also an ITU Academy Training Centre"), default=False,
    )
    history = HistoricalRecords(excluded_fields=translated("description"))

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("acceleration centre")
        verbose_name_plural = _("acceleration centres")
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="removed") & Q(removed_on__isnull=False) & ~Q(removal_reason=""))
                | (~Q(status="removed") & Q(removed_on__isnull=True) & Q(removal_reason="")),
                name="centres_centre_removal_has_date_and_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["capacity_building", "operating"])
                | Q(design_finished_on__isnull=False),
                name="centres_centre_deploying_after_design",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("centres:detail", kwargs={"slug": self.slug})


class CentreHost(models.Model):
    """A person who runs a centre and logs in to the host portal; one centre per person."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="centre_host", verbose_name=_("user"))
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="hosts",
                               verbose_name=_("centre"))
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "user__username"]
        verbose_name = _("centre host")
        verbose_name_plural = _("centre hosts")

    def __str__(self) -> str:
        return f"{self.user} ({self.centre})"


class CentreChangeProposal(models.Model):
    """A host's proposal to change what only BDT may change (the centre's name, its host
    organisation, its city): it waits for BDT, who accepts it (the centre then changes) or
    declines it with a reason. One proposal waits at a time per centre."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for BDT")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    FIELDS = ("name", "host_organisation", "city")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="change_proposals",
                               verbose_name=_("centre"))
    name = models.CharField(_("new name"), max_length=200, blank=True, validators=TEXT)
    host_organisation = models.CharField(_("new host organisation"), max_length=200, blank=True,
                                         validators=TEXT)
    city = models.CharField(_("new city"), max_length=100, blank=True, validators=TEXT)
    reason = models.TextField(_("reason for the change"), max_length=3000, validators=TEXT)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING,
                              db_index=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed at"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("BDT comment"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "-proposed_at", "-pk"]
        verbose_name = _("proposed change of a centre")
        verbose_name_plural = _("proposed changes of centres")
        constraints = [
            models.UniqueConstraint(fields=["centre"], condition=Q(status="pending"),
                                    name="centres_one_pending_change_proposal"),
            models.CheckConstraint(condition=~Q(name="", host_organisation="", city=""),
                                   name="centres_change_proposal_changes_something"),
            models.CheckConstraint(condition=~Q(status="declined") | ~Q(decision_comment=""),
                                   name="centres_change_proposal_decline_has_reason"),
            models.CheckConstraint(condition=Q(status="pending") | Q(decided_at__isnull=False),
                                   name="centres_change_proposal_decision_has_date"),
        ]

    def __str__(self) -> str:
        return _("Proposed change of %(centre)s") % {"centre": self.centre}

    def changes(self) -> list[tuple[str, str]]:
        """(label, proposed value) of each field the proposal changes."""
        return [(self._meta.get_field(name).verbose_name, getattr(self, name))
                for name in self.FIELDS if getattr(self, name)]
