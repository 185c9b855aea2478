"""The Alliance-wide domain: users and the reference data every app maps to."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: BDT staff, a centre host or a pledger."""

    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True,
        help_text=_("Language of the e-mails the portal sends to this person."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class Region(models.Model):
    """One of the six ITU regions."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ITU region")
        verbose_name_plural = _("ITU regions")

    def __str__(self) -> str:
        return self.name


class RegionalInitiative(models.Model):
    """An ITU-D regional initiative (WTDC-22) that the Alliance's work maps to, such as AFR4."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("regional initiative")
        verbose_name_plural = _("regional initiatives")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class StrategicObjective(models.Model):
    """One of the Alliance's five strategic objectives."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=5), name="objective_number_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Priority(models.Model):
    """An ITU-D priority of the Kigali Action Plan (WTDC-22)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ITU-D priority")
        verbose_name_plural = _("ITU-D priorities")

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A staff member's API token (one each). Only the SHA-256 digest of its key is stored, with the
    key's first characters to find it: the key is shown once, at creation, and a copy of the
    database gives no one the keys (``alliance.api.HashedTokenAuthentication``)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
                                related_name="api_token", verbose_name=_("user"))
    prefix = models.CharField(_("first characters of the key"), max_length=8, db_index=True, editable=False)
    digest = models.CharField(_("SHA-256 digest of the key"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return gettext("API token of %(user)s") % {"user": self.user}
