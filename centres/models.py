"""The Network of ITU Acceleration Centres: from the application to host a centre to an operating centre."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from alliance.core.validators import validate_image, validate_no_control_characters, validate_pdf
from alliance.models import RegionalInitiative, StrategicObjective

TEXT = [validate_no_control_characters]
LANGUAGE_SUFFIXES = ("ar", "zh_hans", "en", "fr", "ru", "es")


def translated(*names: str) -> list[str]:
    """The per-language columns modeltranslation adds, which history leaves out (it keeps the field)."""
    return [f"{name}_{suffix}" for name in names for suffix in LANGUAGE_SUFFIXES]



def _written(value: date | datetime | None) -> str:
    """A date or a moment as the active language writes it (its DATE_FORMAT or DATETIME_FORMAT, in
    the portal's time zone), for the names of objects: never the ISO form of ``str()``."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return str(localize(value))

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


class Agreement(models.Model):
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


class ActionPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to BDT")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")

    centre = models.OneToOneField(Centre, on_delete=models.CASCADE, related_name="action_plan",
                                  verbose_name=_("centre"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("approved by"))
    review_comment = models.TextField(_("BDT comment"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(condition=~Q(status="approved") | Q(approved_at__isnull=False),
                                   name="centres_plan_approval_has_date"),
        ]

    def __str__(self) -> str:
        return _("Action plan of %(centre)s") % {"centre": self.centre}


class Activity(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities",
                             verbose_name=_("action plan"))
    objective = models.ForeignKey(StrategicObjective, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("strategic objective"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0,
                                                validators=[MaxValueValidator(100)])
    outputs = models.TextField(_("outputs"), blank=True, max_length=3000, validators=TEXT)
    indicators = models.TextField(_("indicators"), blank=True, max_length=3000, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "objective__number", "planned_start", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(condition=Q(planned_end__gte=F("planned_start")),
                                   name="centres_activity_ends_after_start"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="centres_activity_progress_percent"),
        ]

    def __str__(self) -> str:
        return self.title


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to BDT")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="progress_reports",
                               verbose_name=_("centre"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    summary = models.TextField(_("summary"), max_length=10000, validators=TEXT)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("reviewed by"))
    review_comment = models.TextField(_("BDT comment"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "-period_end", "pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="centres_report_period_ends_after_start"),
            models.CheckConstraint(condition=~Q(status="returned") | ~Q(review_comment=""),
                                   name="centres_report_return_has_comment"),
            models.UniqueConstraint(fields=["centre", "period_start", "period_end"],
                                    name="centres_one_report_per_period"),
        ]

    def __str__(self) -> str:
        return _("Progress report %(start)s–%(end)s") % {"start": _written(self.period_start),
                                                         "end": _written(self.period_end)}


class ActivityProgress(models.Model):
    """What a progress report says about one activity; applied to the activity when BDT accepts it."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="lines",
                               verbose_name=_("progress report"))
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="progress_lines",
                                 verbose_name=_("activity"))
    status = models.CharField(_("status"), max_length=20, choices=Activity.Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), validators=[MaxValueValidator(100)])
    note = models.TextField(_("note"), blank=True, max_length=3000, validators=TEXT)

    history = HistoricalRecords()
    class Meta:
        ordering = ["report", "activity__objective__number", "activity__planned_start", "pk"]
        verbose_name = _("activity progress")
        verbose_name_plural = _("activity progress")
        constraints = [
            models.UniqueConstraint(fields=["report", "activity"], name="centres_progress_once_per_activity"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="centres_progress_line_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.progress} %"


class CentreDocument(models.Model):
    """A document a host keeps for their centre. A host who removes one only marks it removed
    (``removed_at``): it leaves the portal, while BDT still sees it, its file and its previous
    versions in the admin."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="documents",
                               verbose_name=_("centre"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    file = models.FileField(_("file (PDF)"), upload_to="centres/documents/%Y/", validators=[validate_pdf])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True, db_index=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("removed by"))

    history = HistoricalRecords()
    class Meta:
        ordering = ["centre", "-uploaded_at", "pk"]
        verbose_name = _("centre document")
        verbose_name_plural = _("centre documents")

    def __str__(self) -> str:
        return self.title


class CentreDocumentVersion(models.Model):
    """A file a centre document held before the host replaced it: kept, with who uploaded it and when,
    and who replaced it and when."""

    document = models.ForeignKey(CentreDocument, on_delete=models.CASCADE, related_name="versions",
                                 verbose_name=_("document"))
    file = models.FileField(_("file (PDF)"), upload_to="centres/documents/%Y/", validators=[validate_pdf])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"))
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("replaced by"))
    replaced_at = models.DateTimeField(_("replaced at"))

    class Meta:
        ordering = ["document", "-replaced_at", "-pk"]
        verbose_name = _("previous version of a centre document")
        verbose_name_plural = _("previous versions of centre documents")
        constraints = [
            models.CheckConstraint(condition=Q(replaced_at__gte=F("uploaded_at")),
                                   name="centres_document_version_replaced_after_upload"),
        ]

    def __str__(self) -> str:
        return _("%(document)s, uploaded %(date)s") % {"document": self.document,
                                                        "date": _written(self.uploaded_at)}


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


class CentreMessage(models.Model):
    """A message in the thread between a centre's hosts and BDT (one thread per centre)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="messages",
                               verbose_name=_("centre"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("author"))
    from_bdt = models.BooleanField(_("from BDT"), default=False)
    body = models.TextField(_("message"), max_length=5000, validators=TEXT)
    attachment = models.FileField(_("attachment (PDF)"), upload_to="centres/messages/%Y/", blank=True,
                                  validators=[validate_pdf])
    sent_at = models.DateTimeField(_("sent at"), db_index=True)
    report = models.ForeignKey(ProgressReport, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="messages", verbose_name=_("about the progress report"),
                               help_text=_("The centre's progress report the message is about, if any."))

    class Meta:
        ordering = ["centre", "sent_at", "pk"]
        verbose_name = _("message with a centre")
        verbose_name_plural = _("messages with centres")

    def __str__(self) -> str:
        return _("Message of %(date)s about %(centre)s") % {"date": _written(self.sent_at),
                                                             "centre": self.centre}

    def clean(self) -> None:
        if self.report_id and self.centre_id and self.report.centre_id != self.centre_id:
            raise ValidationError({"report": _("This progress report is another centre's.")})
