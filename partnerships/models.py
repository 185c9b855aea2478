"""Partners, partnership agreements, impact stories and Partner2Connect pledges.

Figures (counts, totals, shares) are never stored: ``selectors.py`` computes them from the
agreements for any year.
"""

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
from simple_history.models import HistoricalRecords

from alliance.models import Priority
from alliance.validators import validate_no_control_characters, validate_pdf

MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0")


def _translations(*fields: str) -> list[str]:
    """The columns django-modeltranslation adds; history keeps the default-language value only,
    because the historical model is built before modeltranslation adds them."""
    languages = [lang.replace("-", "_") for lang in settings.MODELTRANSLATION_LANGUAGES]
    return [f"{field}_{lang}" for field in fields for lang in languages]


def _in_choices(field: str, choices: type[models.TextChoices]) -> Q:
    return Q(**{f"{field}__in": choices.values})


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    UN_ENTITY = "un_entity", _("UN entity")
    INTERNATIONAL_ORG = "international_org", _("Regional or other international organization")
    FINANCIAL_INSTITUTION = "financial_institution", _("Financial institution")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    FOUNDATION_NGO = "foundation_ngo", _("Foundation or NGO")
    OTHER = "other", _("Other")


class MembershipCategory(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    SECTOR_MEMBER = "sector_member", _("ITU-D Sector Member")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL_ORG = "international_org", _("Regional or other international organization")
    NONE = "none", _("Not an ITU member")


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=300, validators=[validate_no_control_characters])
    acronym = models.CharField(_("acronym"), max_length=40, blank=True,
                               validators=[validate_no_control_characters])
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    membership_category = models.CharField(
        _("ITU membership category"), max_length=30, choices=MembershipCategory.choices,
        default=MembershipCategory.NONE,
    )
    country = CountryField(_("country"), blank=True,
                           help_text=_("Leave empty for international bodies."))
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True,
                                    validators=[validate_no_control_characters])
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True,
                                     validators=[validate_no_control_characters])
    relationship_notes = models.TextField(
        _("relationship notes"), blank=True, validators=[validate_no_control_characters],
        help_text=_("Long-standing relationship, history of cooperation (staff only)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=_translations("name"))

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", PartnerKind), name="partner_kind_valid"),
            models.CheckConstraint(condition=_in_choices("membership_category", MembershipCategory),
                                   name="partner_membership_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


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


class Agreement(models.Model):
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
            models.Index(fields=["signed_on", "status"]),
            # The lists' order: the first page and deep pages (by keyset) read it in order.
            models.Index(fields=["-signed_on", "reference"], name="agreement_list_order"),
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
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, null=True, blank=True,
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


# --- Partner2Connect Digital Coalition -------------------------------------------------------


class PledgerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    PHILANTHROPY = "philanthropy", _("Philanthropy")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    YOUTH = "youth", _("Youth organization")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL_ORG = "international_org", _("International organization")
    FINANCIAL_INSTITUTION = "financial_institution", _("Financial institution")


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
        indexes = [models.Index(fields=["status", "-submitted_at", "-id"], name="pledge_status_submitted")]
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
        if (self.benefits_ldc or self.benefits_lldc or self.benefits_sids) and not self.benefit_description:
            raise ValidationError({"benefit_description": _(
                "Say how much the pledge benefits LDCs, LLDCs or SIDS.")})


DUE_DILIGENCE_FIELDS = ("dd_identity_verified", "dd_supports_action_area", "dd_realistic_measurable",
                        "dd_no_reputational_risk")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")


class ProgressReport(models.Model):
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
