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
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from alliance.core.validators import validate_no_control_characters, validate_pdf
from alliance.models import Priority

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


class ImpactIndicator(models.Model):
    """A measured result a progress report carries (e.g. 1,200 schools connected)."""

    progress_report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="indicators",
                                        verbose_name=_("progress report"))
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
