"""The foresight series: reports and their files in each language."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import validate_pdf

from .base import TEXT
from .meetings import Meeting


class ForesightReport(models.Model):
    """A report of the Board's foresight series; its themes are approved by the Board."""

    class Status(models.TextChoices):
        IN_PREPARATION = "in_preparation", _("In preparation")
        APPROVED = "approved", _("Approved by the Board")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=250, validators=TEXT)
    theme = models.CharField(_("theme"), max_length=200, validators=TEXT)
    summary = models.TextField(_("summary"), blank=True, validators=TEXT)
    authors = models.CharField(_("authors"), max_length=300, blank=True, validators=TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PREPARATION
    )
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_reports",
        verbose_name=_("approved at"),
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)

    class Meta:
        ordering = ["-publication_date", "title", "pk"]
        verbose_name = _("foresight report")
        verbose_name_plural = _("foresight series")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publication_date__isnull=False),
                name="board_foresight_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ForesightReportFile(models.Model):
    report = models.ForeignKey(
        ForesightReport, on_delete=models.CASCADE, related_name="files", verbose_name=_("report")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("file (PDF)"), upload_to="board/foresight/", validators=[validate_pdf])

    class Meta:
        ordering = ["report", "language"]
        verbose_name = _("foresight report file")
        verbose_name_plural = _("foresight report files")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language"], name="board_foresight_file_language_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.language})"
