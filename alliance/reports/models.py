"""The TDAG progress report: one requested PDF of a kind, a period and a language."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .registry import Period, ReportKind

LANGUAGE_CHOICES = settings.LANGUAGES


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


PENDING_STATUSES = (ReportStatus.QUEUED, ReportStatus.RUNNING)


class Workflow(models.TextChoices):
    """The document's way to TDAG: written, checked by a second person, approved, published."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


EDITABLE_WORKFLOW = (Workflow.DRAFT, Workflow.IN_REVIEW)
FROZEN_WORKFLOW = (Workflow.APPROVED, Workflow.PUBLISHED)


def report_upload_to(instance: TDAGReport, filename: str) -> str:
    return f"reports/{instance.pk}/{filename}"


class TDAGReport(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="progress_reports", verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    pdf = models.FileField(_("PDF"), upload_to=report_upload_to, max_length=300, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    workflow = models.CharField(_("workflow"), max_length=10, choices=Workflow.choices,
                                default=Workflow.DRAFT, db_index=True)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True,
                                 help_text=_("Section code → Markdown text, in the report's language."))
    symbol = models.CharField(_("document symbol"), max_length=40, blank=True,
                              help_text=_("The official symbol, e.g. TDAG-25/12, entered at approval."))
    snapshot = models.JSONField(_("figures at approval"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    docx = models.FileField(_("Word document"), upload_to=report_upload_to, max_length=300, blank=True)

    class Meta:
        ordering = ("-requested_at", "-id")
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        permissions = [("approve_report", _("Can approve and publish TDAG reports"))]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="reports_period_ends_after_start"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="reports_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(kind__in=ReportKind.values), name="reports_kind_known"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="reports_status_known"),
            models.CheckConstraint(
                condition=Q(workflow__in=Workflow.values), name="reports_workflow_known"),
            # Frozen reports keep their figures; published ones say when.
            models.CheckConstraint(
                condition=~Q(workflow__in=FROZEN_WORKFLOW) | Q(snapshot__isnull=False),
                name="reports_frozen_has_snapshot"),
            models.CheckConstraint(
                condition=~Q(workflow=Workflow.PUBLISHED) | Q(published_at__isnull=False),
                name="reports_published_has_date"),
            # At most one identical report queued or running: a second request gets the first.
            models.UniqueConstraint(
                fields=("kind", "period_start", "period_end", "language"),
                condition=Q(status__in=PENDING_STATUSES), name="reports_one_pending_per_request",
                violation_error_message=_("An identical report is already queued or running."),
            ),
        ]
        indexes = [models.Index(fields=("kind", "period_start", "period_end", "language", "status"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} ({self.language})"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def period_label(self) -> str:
        if self.period_start.year == self.period_end.year:
            return str(self.period_start.year)
        return f"{self.period_start.year}-{self.period_end.year}"

    @property
    def file_name(self) -> str:
        return f"TDAG-{self.kind}-{self.period_label}-{self.language}.pdf"

    @property
    def docx_file_name(self) -> str:
        return self.file_name.removesuffix(".pdf") + ".docx"

    @property
    def is_editable(self) -> bool:
        return self.workflow in EDITABLE_WORKFLOW

    @property
    def is_published(self) -> bool:
        return self.workflow == Workflow.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES

    @property
    def is_done(self) -> bool:
        return self.status == ReportStatus.DONE and bool(self.pdf)


class StepAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted for review")
    APPROVE = "approve", _("Approved")
    PUBLISH = "publish", _("Published")
    RETURN = "return", _("Returned to draft")
    EDIT = "edit", _("Narrative edited")


class ReportStep(models.Model):
    """One step of a report's workflow, or an edit of its narrative: who, when, why."""

    report = models.ForeignKey(TDAGReport, on_delete=models.CASCADE, related_name="steps",
                               verbose_name=_("report"))
    action = models.CharField(_("action"), max_length=10, choices=StepAction.choices)
    from_state = models.CharField(_("from"), max_length=10, choices=Workflow.choices)
    to_state = models.CharField(_("to"), max_length=10, choices=Workflow.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           related_name="report_steps", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        ordering = ("at", "id")
        verbose_name = _("report step")
        verbose_name_plural = _("report steps")
        constraints = [
            models.CheckConstraint(condition=Q(action__in=StepAction.values),
                                   name="reports_step_action_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


class ListFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


LIST_CONTENT_TYPES = {
    ListFormat.CSV: "text/csv; charset=utf-8",
    ListFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def list_upload_to(instance: ReportListFile, filename: str) -> str:
    # A folder of their own: the clean-up of the PDF's folder (``remove_unreferenced``) never sees them.
    return f"reports/{instance.report_id}/lists/{filename}"


class ReportListFile(models.Model):
    """One full list the report leaves out (all the agreements, centres, pledges...), as a CSV or
    an XLSX file written with the report, in its language; public once the report is published."""

    report = models.ForeignKey(TDAGReport, on_delete=models.CASCADE, related_name="list_files",
                               verbose_name=_("report"))
    name = models.SlugField(_("list"), max_length=40)
    format = models.CharField(_("format"), max_length=4, choices=ListFormat.choices)
    file = models.FileField(_("file"), upload_to=list_upload_to, max_length=300)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    written_at = models.DateTimeField(_("written"), auto_now=True)

    class Meta:
        ordering = ("report", "id")
        verbose_name = _("report list file")
        verbose_name_plural = _("report list files")
        constraints = [
            models.UniqueConstraint(fields=("report", "name", "format"),
                                    name="reports_one_list_file_per_format"),
            models.CheckConstraint(condition=Q(format__in=ListFormat.values),
                                   name="reports_list_format_known"),
        ]

    def __str__(self) -> str:
        return self.file_name

    @property
    def file_name(self) -> str:
        return f"{self.report.file_name.removesuffix('.pdf')}-{self.name}.{self.format}"

    @property
    def content_type(self) -> str:
        return LIST_CONTENT_TYPES[self.format]

    @property
    def title(self) -> str:
        from .lists import list_named

        declared = list_named(self.report.kind, self.name)
        return str(declared.title) if declared else self.name
