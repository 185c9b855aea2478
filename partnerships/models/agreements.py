"""Partnership agreements (with their financial contributions) and impact stories.

Figures (counts, totals, shares) are never stored: ``selectors.py`` computes them from the
agreements for any year."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_no_control_characters, validate_pdf
from alliance.models import Priority

from .base import MONEY, ZERO, _in_choices, _translations
from .partners import Partner


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


#: Agreements that count in the figures: everything that has been signed.
SIGNED_STATUSES = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.CLOSED)


class AgreementRegion(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab_states", _("Arab States")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    CIS = "cis", _("CIS")
    EUROPE = "europe", _("Europe")
    GLOBAL = "global", _("Global")


class AllianceVehicle(models.TextChoices):
    NONE = "", _("None")
    BOARD = "board", _("Digital Innovation Board")
    CENTRES = "centres", _("Network of ITU Acceleration Centres")
    DTLAB = "dtlab", _("Digital Transformation Lab")


class PartnershipAgreement(models.Model):
    reference = models.CharField(_("reference"), max_length=40, unique=True,
                                 validators=[validate_no_control_characters])
    title = models.CharField(_("title"), max_length=400, validators=[validate_no_control_characters])
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="agreements",
                                verbose_name=_("partner"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True,
                                 help_text=_("Required once the agreement is signed."))
    status = models.CharField(_("status"), max_length=10, choices=AgreementStatus.choices,
                              default=AgreementStatus.DRAFT)
    partner_contribution_usd = models.DecimalField(
        _("partner contribution (USD)"), default=ZERO, **MONEY,
        help_text=_("In US dollars at the signing date."),
    )
    itu_contribution_usd = models.DecimalField(
        _("ITU contribution (USD)"), default=ZERO, **MONEY,
        help_text=_("In US dollars at the signing date."),
    )
    original_currency = models.CharField(_("original currency"), max_length=3, blank=True,
                                         help_text=_("ISO 4217 code, e.g. EUR."))
    original_amount = models.DecimalField(_("amount in the original currency"), null=True, blank=True,
                                          **MONEY)
    region = models.CharField(_("region served"), max_length=20, choices=AgreementRegion.choices)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="agreements",
                                        verbose_name=_("ITU-D priorities"))
    vehicle = models.CharField(_("Alliance vehicle"), max_length=10, blank=True,
                               choices=AllianceVehicle.choices)
    linked_projects = models.TextField(_("linked projects"), blank=True,
                                       validators=[validate_no_control_characters],
                                       help_text=_("One project per line."))
    document = models.FileField(_("signed document"), upload_to="partnerships/agreements/",
                                blank=True, validators=[validate_pdf])
    notes = models.TextField(_("notes"), blank=True, validators=[validate_no_control_characters])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[priorities], excluded_fields=_translations("title"))

    class Meta:
        ordering = ["-signed_on", "reference"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        indexes = [
            # A year's figures (the report, the figures page, the stats API) read the year's
            # agreements from this index alone on PostgreSQL (an index-only scan, no table pages).
            models.Index(fields=["signed_on", "status"], name="agreement_year_figures",
                         include=["partner", "region", "partner_contribution_usd", "itu_contribution_usd",
                                  "id"]),
            # The lists' order: the first page and deep pages (by keyset) read it in order.
            models.Index(fields=["-signed_on", "reference"], name="agreement_list_order"),
            # The admin's list filtered by status: the drafts' NULL dates sort first in the index
            # above (199,000 rows walked before the first active one at 2,000,000 agreements).
            models.Index(fields=["status", "-signed_on", "reference"], name="agreement_status_list_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(partner_contribution_usd__gte=0),
                                   name="agreement_partner_contribution_not_negative"),
            models.CheckConstraint(condition=Q(itu_contribution_usd__gte=0),
                                   name="agreement_itu_contribution_not_negative"),
            models.CheckConstraint(condition=Q(original_amount__isnull=True) | Q(original_amount__gte=0),
                                   name="agreement_original_amount_not_negative"),
            models.CheckConstraint(condition=Q(status=AgreementStatus.DRAFT) | Q(signed_on__isnull=False),
                                   name="agreement_signed_has_date"),
            models.CheckConstraint(condition=_in_choices("status", AgreementStatus),
                                   name="agreement_status_valid"),
            models.CheckConstraint(condition=_in_choices("region", AgreementRegion),
                                   name="agreement_region_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"

    @property
    def total_contribution_usd(self) -> Decimal:
        return (self.partner_contribution_usd or ZERO) + (self.itu_contribution_usd or ZERO)

    @property
    def is_financial(self) -> bool:
        return self.total_contribution_usd > 0

    def clean(self) -> None:
        errors: dict[str, list] = {}
        for field in ("partner_contribution_usd", "itu_contribution_usd", "original_amount"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors.setdefault(field, []).append(_("An amount cannot be negative."))
        if self.status != AgreementStatus.DRAFT:
            if self.signed_on is None:
                errors.setdefault("signed_on", []).append(_("A signed agreement needs its signing date."))
            elif self.signed_on > timezone.localdate():
                errors.setdefault("signed_on", []).append(
                    _("A signed agreement cannot have a signing date in the future."))
        if self.original_amount is not None and not self.original_currency:
            errors.setdefault("original_currency", []).append(
                _("Give the currency of the original amount."))
        if self.original_currency and not (len(self.original_currency) == 3
                                           and self.original_currency.isalpha()
                                           and self.original_currency.isupper()):
            errors.setdefault("original_currency", []).append(
                _("Use a three-letter ISO 4217 code in capitals, such as EUR."))
        if errors:
            raise ValidationError(errors)


class ImpactStory(models.Model):
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_control_characters])
    summary = models.TextField(_("summary"), validators=[validate_no_control_characters])
    body = models.TextField(_("story"), blank=True, validators=[validate_no_control_characters])
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="impact_stories", verbose_name=_("partner"))
    agreement = models.ForeignKey(PartnershipAgreement, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="impact_stories", verbose_name=_("agreement"))
    link = models.URLField(_("link"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=_translations("title", "summary", "body"))

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("impact story")
        verbose_name_plural = _("impact stories")
        constraints = [
            models.CheckConstraint(condition=Q(partner__isnull=False) | Q(agreement__isnull=False),
                                   name="impact_story_has_partner_or_agreement"),
            models.CheckConstraint(condition=Q(is_published=False) | Q(published_on__isnull=False),
                                   name="impact_story_published_has_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.partner_id is None and self.agreement_id is None:
            raise ValidationError(_("Attach the story to a partner or an agreement."))
        if self.is_published and self.published_on is None:
            raise ValidationError({"published_on": _("Give the publication date.")})
