"""A centre's action plan: its activities against the strategic objectives, and the progress
reports that update them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from alliance.core.history import HistoricalRecords
from alliance.models import StrategicObjective

from .base import TEXT, _written
from .centres import Centre


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


class ActionPlanActivity(models.Model):
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


class CentreProgressReport(models.Model):
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

    report = models.ForeignKey(CentreProgressReport, on_delete=models.CASCADE, related_name="lines",
                               verbose_name=_("progress report"))
    activity = models.ForeignKey(ActionPlanActivity, on_delete=models.CASCADE, related_name="progress_lines",
                                 verbose_name=_("activity"))
    status = models.CharField(_("status"), max_length=20, choices=ActionPlanActivity.Status.choices)
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
