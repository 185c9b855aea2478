"""The cooperation agreement a centre's host signs with BDT, and its renewals."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_pdf

from .base import _written
from .centres import Centre


class CooperationAgreement(models.Model):
    """The cooperation agreement with BDT, or one of its renewals."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="agreements",
                               verbose_name=_("centre"))
    renews = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="renewal", verbose_name=_("renews"))
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("term starts on"))
    ends_on = models.DateField(_("term ends on"))
    document = models.FileField(_("signed agreement (PDF)"), upload_to="centres/agreements/%Y/",
                                validators=[validate_pdf], blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "-starts_on"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")),
                                   name="centres_agreement_term_ends_after_start"),
        ]

    def __str__(self) -> str:
        return _("Cooperation agreement of %(centre)s, %(start)s–%(end)s") % {
            "centre": self.centre, "start": _written(self.starts_on), "end": _written(self.ends_on)}
