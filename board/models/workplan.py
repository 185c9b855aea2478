"""What the Board approves: the workplan, its workstreams and activities, working groups and
the Board's documents."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import validate_pdf

from .base import TEXT
from .meetings import Meeting
from .members import BoardMember


class Workplan(models.Model):
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    summary = models.TextField(_("summary"), blank=True, validators=TEXT)
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_workplans",
        verbose_name=_("approved at"),
    )

    class Meta:
        ordering = ["-start_year", "pk"]
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")
        constraints = [
            models.UniqueConstraint(fields=["start_year", "end_year"], name="board_workplan_years_unique"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="board_workplan_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Workstream(models.Model):
    workplan = models.ForeignKey(
        Workplan, on_delete=models.CASCADE, related_name="workstreams", verbose_name=_("workplan")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    description = models.TextField(_("description"), blank=True, validators=TEXT)

    class Meta:
        ordering = ["workplan", "number"]
        verbose_name = _("workstream")
        verbose_name_plural = _("workstreams")
        constraints = [
            models.UniqueConstraint(fields=["workplan", "number"], name="board_workstream_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class WorkplanActivity(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        POSTPONED = "postponed", _("Postponed")

    workstream = models.ForeignKey(
        Workstream, on_delete=models.CASCADE, related_name="activities", verbose_name=_("workstream")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    description = models.TextField(_("description"), blank=True, validators=TEXT)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)

    class Meta:
        ordering = ["workstream__number", "order", "pk"]
        verbose_name = _("workplan activity")
        verbose_name_plural = _("workplan activities")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="board_activity_progress_max_100"),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(progress=100), name="board_activity_completed_is_100"
            ),
            models.CheckConstraint(
                condition=~Q(status="planned") | Q(progress=0), name="board_activity_planned_is_0"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class WorkingGroup(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    mandate = models.TextField(_("mandate"), blank=True, validators=TEXT)
    terms_of_reference = models.FileField(
        _("terms of reference (PDF)"),
        upload_to="board/working-groups/",
        blank=True,
        validators=[validate_pdf],
    )
    members = models.ManyToManyField(
        BoardMember, related_name="working_groups", blank=True, verbose_name=_("members")
    )
    workstream = models.ForeignKey(
        Workstream,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("workstream"),
    )
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_working_groups",
        verbose_name=_("approved at"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return self.name


class BoardDocument(models.Model):
    """A document the Board approved: advocacy plan, M&E framework, terms of reference."""

    class Kind(models.TextChoices):
        ADVOCACY_PLAN = "advocacy_plan", _("Strategic advocacy plan")
        ME_FRAMEWORK = "me_framework", _("Monitoring and evaluation framework")
        RESOURCE_MOBILIZATION = "resource_mobilization", _("Resource-mobilization mechanisms")
        EXPERT_NETWORK_TOR = "expert_network_tor", _("Terms of reference of the Expert Network")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    summary = models.TextField(_("summary"), blank=True, validators=TEXT)
    file = models.FileField(
        _("file (PDF)"), upload_to="board/documents/", blank=True, validators=[validate_pdf]
    )
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_documents",
        verbose_name=_("approved at"),
    )

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("Board document")
        verbose_name_plural = _("Board documents")

    def __str__(self) -> str:
        return self.title
