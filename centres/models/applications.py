"""Calls for hosts and the applications to host a centre: documents, due diligence, criteria,
scores and evaluator assignments."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_pdf
from alliance.models import RegionalInitiative, StrategicObjective

from .base import TEXT, translated


class Call(models.Model):
    """A call for hosts: the first call of 2023, then applications on a rolling basis."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True,
                                 help_text=_("Empty for a call open on a rolling basis."))

    history = HistoricalRecords(excluded_fields=translated("name"))
    class Meta:
        ordering = ["opened_on", "code"]
        verbose_name = _("call for hosts")
        verbose_name_plural = _("calls for hosts")
        constraints = [
            models.CheckConstraint(condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                                   name="centres_call_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.name


class HostType(models.TextChoices):
    GOVERNMENT = "government", _("Ministry or government agency")
    REGULATOR = "regulator", _("Regulator")
    ACADEMIA = "academia", _("Academia")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        DUE_DILIGENCE = "due_diligence", _("Due diligence")
        EVALUATION = "evaluation", _("Evaluation")
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected")

    reference = models.CharField(_("reference number"), max_length=20, unique=True, editable=False)
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications",
                             verbose_name=_("call"))
    organisation = models.CharField(_("organisation"), max_length=200, validators=TEXT)
    host_type = models.CharField(_("type of host"), max_length=20, choices=HostType.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, validators=TEXT)
    contact_name = models.CharField(_("contact person"), max_length=150, validators=TEXT)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True, validators=TEXT)
    website = models.URLField(_("website"), blank=True)
    objectives = models.ManyToManyField(StrategicObjective, related_name="applications",
                                        verbose_name=_("strategic objectives"))
    regional_initiative = models.ForeignKey(RegionalInitiative, on_delete=models.PROTECT,
                                            related_name="centre_applications",
                                            verbose_name=_("regional initiative"))
    support_plan = models.TextField(
        _("financial and political support"), max_length=5000, validators=TEXT,
        help_text=_("How the organisation will secure the financial and political support a centre needs."),
    )
    language = models.CharField(_("language"), max_length=10, default="en",
                                choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED, db_index=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True, validators=TEXT)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("decided by"))
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "reference"]
        verbose_name = _("application to host a centre")
        verbose_name_plural = _("applications to host a centre")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_selected") | ~Q(decision_reason=""),
                name="centres_application_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["submitted", "due_diligence", "evaluation"])
                | Q(decided_at__isnull=False),
                name="centres_application_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.organisation}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents",
                                    verbose_name=_("application"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    file = models.FileField(_("file (PDF)"), upload_to="centres/applications/%Y/",
                            validators=[validate_pdf])

    history = HistoricalRecords()
    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")

    def __str__(self) -> str:
        return self.title


class DueDiligenceCheck(models.Model):
    """One line of an application's due-diligence checklist."""

    class Item(models.TextChoices):
        LEGAL_STATUS = "legal_status", _("Legal status and standing of the organisation")
        MANDATE = "mandate", _("Mandate fits the Alliance's strategic objectives")
        FINANCIAL_SUPPORT = "financial_support", _("Financial support secured")
        POLITICAL_SUPPORT = "political_support", _("Political support of the administration")
        CAPACITY = "capacity", _("Staff and premises to run a centre")
        INTEGRITY = "integrity", _("No conflict of interest or reputational risk")

    class Result(models.TextChoices):
        PENDING = "pending", _("Pending")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="checks",
                                    verbose_name=_("application"))
    item = models.CharField(_("item"), max_length=30, choices=Item.choices)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    note = models.TextField(_("note"), blank=True, validators=TEXT)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("checked by"))
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("due-diligence check")
        verbose_name_plural = _("due-diligence checks")
        constraints = [
            models.UniqueConstraint(fields=["application", "item"], name="centres_check_once_per_item"),
        ]

    def __str__(self) -> str:
        return self.get_item_display()


class Criterion(models.Model):
    """An evaluation criterion, published on the "apply" page and used to score applications."""

    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    description = models.TextField(_("description"), blank=True, validators=TEXT)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0.01"))])
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=5,
                                                 validators=[MinValueValidator(1)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords(excluded_fields=translated("name", "description"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="centres_criterion_weight_positive"),
            models.CheckConstraint(condition=Q(max_score__gte=1),
                                   name="centres_criterion_max_score_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores",
                                    verbose_name=_("application"))
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores",
                                  verbose_name=_("criterion"))
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("evaluator"))
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True, validators=TEXT)
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "criterion__order", "evaluator_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion", "evaluator"],
                                    name="centres_one_score_per_evaluator_and_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class EvaluatorAssignment(models.Model):
    """An evaluator assigned to score an application on their own, blind to the others' scores.

    Their scores count once they submit them (``submitted_at``), and are frozen then. Declaring a
    conflict of interest removes them from the application: their draft scores are deleted and the
    application's evaluation no longer waits for them.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments",
                                    verbose_name=_("application"))
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("evaluator"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("assigned by"))
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("scores submitted at"), null=True, blank=True)
    conflict_declared_at = models.DateTimeField(_("conflict of interest declared at"), null=True, blank=True)
    conflict_note = models.TextField(_("conflict of interest"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "assigned_at", "pk"]
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        constraints = [
            models.UniqueConstraint(fields=["application", "evaluator"],
                                    name="centres_evaluator_assigned_once_per_application"),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(conflict_declared_at__isnull=True),
                name="centres_assignment_submitted_or_conflicted_not_both",
            ),
        ]
        # Held by the "Evaluators" and "Lead evaluators" groups only, never by the whole BDT staff
        # group (alliance.core.roles.RESTRICTED_PERMISSIONS).
        permissions = [
            ("evaluate_application", _("Can score the applications assigned to them")),
            ("lead_evaluation", _("Can assign evaluators and see every score and the ranking")),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference}: {self.evaluator}"

    @property
    def is_active(self) -> bool:
        return self.conflict_declared_at is None
