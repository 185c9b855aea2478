"""Partner2Connect pledges: due diligence, benefits to LDCs, LLDCs and SIDS, progress reports
with their indicators, and the compilations of pledges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_no_control_characters

from .base import MONEY, ZERO, _in_choices
from .coalition import ActionArea, Event, Pledger


class PledgeKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    PROGRAMMATIC = "programmatic", _("Programmatic")
    POLICY = "policy", _("Policy")
    ADVOCACY = "advocacy", _("Advocacy")


class PledgeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")


class Pledge(models.Model):
    pledger = models.ForeignKey(Pledger, on_delete=models.PROTECT, related_name="pledges",
                                verbose_name=_("pledger"))
    title = models.CharField(_("title"), max_length=300, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), validators=[validate_no_control_characters])
    kind = models.CharField(_("type"), max_length=20, choices=PledgeKind.choices)
    action_areas = models.ManyToManyField(ActionArea, related_name="pledges",
                                          verbose_name=_("action areas"))
    target_countries = CountryField(_("target countries"), multiple=True, blank=True)
    benefits_ldc = models.BooleanField(_("benefits LDCs"), default=False)
    benefits_lldc = models.BooleanField(_("benefits LLDCs"), default=False)
    benefits_sids = models.BooleanField(_("benefits SIDS"), default=False)
    benefit_description = models.TextField(
        _("how much it benefits LDCs, LLDCs and SIDS"), blank=True,
        validators=[validate_no_control_characters],
    )
    value_usd = models.DecimalField(_("value (USD)"), null=True, blank=True, **MONEY,
                                    help_text=_("Required for a financial pledge."))
    target_year = models.PositiveSmallIntegerField(
        _("target year"), validators=[MinValueValidator(2021), MaxValueValidator(2100)])
    made_with = models.TextField(_("partners it is made with"), blank=True,
                                 validators=[validate_no_control_characters])
    announced_at = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="pledges", verbose_name=_("announced at"))
    status = models.CharField(_("status"), max_length=10, choices=PledgeStatus.choices,
                              default=PledgeStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    # Due diligence by BDT staff.
    dd_identity_verified = models.BooleanField(_("the pledger's identity is verified"), default=False)
    dd_supports_action_area = models.BooleanField(_("it supports one or more action areas"), default=False)
    dd_realistic_measurable = models.BooleanField(_("it is realistic and measurable"), default=False)
    dd_no_reputational_risk = models.BooleanField(_("no reputational or integrity risk"), default=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("reviewed by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True,
                                      validators=[validate_no_control_characters])
    report_every_months = models.PositiveSmallIntegerField(
        _("report progress every (months)"), default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)])
    next_report_due = models.DateField(_("next progress report due"), null=True, blank=True)
    last_reminded_on = models.DateField(_("last reminder sent"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        # The explorer and the API list: published pledges, newest first.
        indexes = [models.Index(fields=["status", "-submitted_at", "-id"], name="pledge_status_submitted"),
                   # The admin's change list: every pledge, newest first (page 1 and deep pages).
                   models.Index(fields=["-submitted_at", "-id"], name="pledge_admin_list_order"),
                   # The staff dashboard: published pledges whose progress report is due first.
                   models.Index(fields=["status", "next_report_due", "id"], name="pledge_follow_up_order")]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", PledgeKind), name="pledge_kind_valid"),
            models.CheckConstraint(condition=_in_choices("status", PledgeStatus), name="pledge_status_valid"),
            models.CheckConstraint(condition=Q(value_usd__isnull=True) | Q(value_usd__gte=0),
                                   name="pledge_value_not_negative"),
            models.CheckConstraint(condition=~Q(kind=PledgeKind.FINANCIAL) | Q(value_usd__gt=0),
                                   name="financial_pledge_has_value"),
            models.CheckConstraint(condition=~Q(status=PledgeStatus.DECLINED) | ~Q(decline_reason=""),
                                   name="declined_pledge_has_reason"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def due_diligence_complete(self) -> bool:
        return all(getattr(self, name) for name in DUE_DILIGENCE_FIELDS)

    def clean(self) -> None:
        if self.value_usd is not None and self.value_usd < 0:
            raise ValidationError({"value_usd": _("An amount cannot be negative.")})
        if self.kind == PledgeKind.FINANCIAL and not self.value_usd:
            raise ValidationError({"value_usd": _("Give the value in USD of a financial pledge.")})

    def benefits_group(self, group: str) -> bool:
        return bool(getattr(self, f"benefits_{group}"))


DUE_DILIGENCE_FIELDS = ("dd_identity_verified", "dd_supports_action_area", "dd_realistic_measurable",
                        "dd_no_reputational_risk")


class BenefitGroup(models.TextChoices):
    """The groups of countries a pledge says it benefits (seed 003)."""

    LDC = "ldc", _("Least developed countries (LDCs)")
    LLDC = "lldc", _("Landlocked developing countries (LLDCs)")
    SIDS = "sids", _("Small island developing states (SIDS)")


class PledgeBenefit(models.Model):
    """How much a pledge benefits one group: a share of the pledge, an amount in USD (financial
    pledges), people reached; at least one of the three."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="benefits",
                               verbose_name=_("pledge"))
    group = models.CharField(_("group"), max_length=4, choices=BenefitGroup.choices)
    share_percent = models.DecimalField(
        _("share of the pledge (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))])
    amount_usd = models.DecimalField(_("amount (USD)"), null=True, blank=True, **MONEY,
                                     validators=[MinValueValidator(ZERO)])
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pledge", "group"]
        verbose_name = _("benefit to LDCs, LLDCs or SIDS")
        verbose_name_plural = _("benefits to LDCs, LLDCs and SIDS")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "group"], name="one_benefit_per_group",
                                    violation_error_message=_("The pledge already states this group.")),
            models.CheckConstraint(condition=_in_choices("group", BenefitGroup), name="benefit_group_valid"),
            models.CheckConstraint(
                condition=Q(share_percent__isnull=True) | Q(share_percent__gte=0, share_percent__lte=100),
                name="benefit_share_is_a_percentage"),
            models.CheckConstraint(condition=Q(amount_usd__isnull=True) | Q(amount_usd__gte=0),
                                   name="benefit_amount_not_negative"),
            models.CheckConstraint(
                condition=(Q(share_percent__isnull=False) | Q(amount_usd__isnull=False)
                           | Q(people_reached__isnull=False)),
                name="benefit_has_a_figure"),
        ]

    def __str__(self) -> str:
        return f"{self.pledge} – {self.get_group_display()}"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.share_percent is None and self.amount_usd is None and self.people_reached is None:
            errors.setdefault("share_percent", []).append(_(
                "Give the share of the pledge, the amount in USD or the people reached."))
        if self.amount_usd is not None and self.pledge_id is not None:
            if self.pledge.kind != PledgeKind.FINANCIAL:
                errors.setdefault("amount_usd", []).append(_(
                    "An amount in USD is for financial pledges; give a share or the people reached."))
            elif self.pledge.value_usd is not None and self.amount_usd > self.pledge.value_usd:
                errors.setdefault("amount_usd", []).append(_(
                    "The amount cannot exceed the value of the pledge."))
        if errors:
            raise ValidationError(errors)


class ProgressStatus(models.TextChoices):
    """What a pledger says in a progress report."""

    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")


class ProgressState(models.TextChoices):
    """A published pledge's progress in public: its latest report's status, or not reported."""

    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    NOT_REPORTED = "not_reported", _("Not reported")


class PledgeProgressReport(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="progress_reports",
                               verbose_name=_("pledge"))
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    narrative = models.TextField(_("narrative"), validators=[validate_no_control_characters])
    amount_delivered_usd = models.DecimalField(_("amount delivered (USD)"), default=ZERO, **MONEY)
    reported_on = models.DateField(_("reported on"), default=date.today)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+", verbose_name=_("submitted by"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.CheckConstraint(condition=Q(amount_delivered_usd__gte=0),
                                   name="progress_amount_not_negative"),
            models.CheckConstraint(condition=_in_choices("status", ProgressStatus),
                                   name="progress_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.pledge} – {date_format(self.reported_on)}"

    def clean(self) -> None:
        if self.amount_delivered_usd is not None and self.amount_delivered_usd < 0:
            raise ValidationError({"amount_delivered_usd": _("An amount cannot be negative.")})


class ImpactIndicator(models.Model):
    """A measured result a progress report carries (e.g. 1,200 schools connected)."""

    progress_report = models.ForeignKey(
        PledgeProgressReport,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("progress report"),
    )
    name = models.CharField(_("indicator"), max_length=200, validators=[validate_no_control_characters],
                            help_text=_("What is measured, e.g. schools connected."))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50, validators=[validate_no_control_characters],
                            help_text=_("e.g. schools, people, km of fibre, USD."))
    measured_on = models.DateField(_("measured on"))

    class Meta:
        ordering = ["progress_report", "measured_on", "pk"]
        verbose_name = _("impact indicator")
        verbose_name_plural = _("impact indicators")

    def __str__(self) -> str:
        return f"{self.name}: {self.value} {self.unit}"

    def clean(self) -> None:
        if self.measured_on is not None and self.measured_on > timezone.localdate():
            raise ValidationError({"measured_on": _("A measurement cannot be dated in the future.")})


class CompilationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PledgeCompilation(models.Model):
    """The PDF compilation of published pledges for one selection and language, generated by a
    worker; asked again for the same selection, language and data, the same file is served."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    query = models.TextField(_("selection"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=10, choices=CompilationStatus.choices,
                              default=CompilationStatus.QUEUED)
    pdf = models.FileField(_("PDF"), upload_to="partnerships/compilations/", blank=True)
    pledge_count = models.PositiveIntegerField(_("pledges"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("compilation of pledges")
        verbose_name_plural = _("compilations of pledges")
        constraints = [
            models.CheckConstraint(condition=_in_choices("status", CompilationStatus),
                                   name="compilation_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.key[:12]} ({self.language})"
