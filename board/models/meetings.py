"""Board meetings: attendance, their documents and the recommendations each meeting makes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.validators import validate_pdf

from .base import TEXT
from .members import BoardMember


class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Hybrid (in person and virtual)")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    city = models.CharField(_("city"), max_length=100, validators=TEXT)
    country = CountryField(_("country"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    held_with = models.CharField(
        _("held with"),
        max_length=200,
        blank=True,
        validators=TEXT,
        help_text=_("The event the meeting is held with, for example the Global Innovation Forum."),
    )
    agenda = models.TextField(_("agenda"), blank=True, validators=TEXT)
    report_summary = models.TextField(_("report summary"), blank=True, validators=TEXT)
    participants = models.ManyToManyField(
        BoardMember,
        through="Attendance",
        related_name="meetings",
        blank=True,
        verbose_name=_("participants"),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("Board meeting")
        verbose_name_plural = _("Board meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="board_meeting_end_after_start"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="board_meeting_number_positive"),
        ]

    def __str__(self) -> str:
        return _("Board meeting %(number)s") % {"number": self.number}


class Attendance(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        APOLOGIES = "apologies", _("Sent apologies")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    member = models.ForeignKey(
        BoardMember, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("member")
    )
    mode = models.CharField(_("attendance"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)

    class Meta:
        ordering = ["meeting__number", "member__order", "member__full_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="board_attendance_once")]

    def __str__(self) -> str:
        return f"{self.member} – {self.meeting}"


class MeetingDocument(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        REPORT = "report", _("Meeting report")
        PRESENTATION = "presentation", _("Presentation")
        OTHER = "other", _("Other document")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    file = models.FileField(_("file (PDF)"), upload_to="board/meetings/", validators=[validate_pdf])

    class Meta:
        ordering = ["meeting__number", "kind", "title", "pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    """A recommendation or decision of a meeting; staff follow its implementation."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        DECISION = "decision", _("Decision")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        IMPLEMENTED = "implemented", _("Implemented")
        DISCONTINUED = "discontinued", _("Discontinued")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("meeting")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION)
    text = models.TextField(_("text"), validators=TEXT)
    owner = models.CharField(
        _("owner"),
        max_length=200,
        blank=True,
        validators=TEXT,
        help_text=_("Who carries it out, for example the BDT secretariat."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("implementation status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress_note = models.TextField(_("implementation follow-up"), blank=True, validators=TEXT)
    status_updated_at = models.DateTimeField(_("status updated at"), null=True, blank=True)

    class Meta:
        ordering = ["meeting__number", "number"]
        verbose_name = _("recommendation or decision")
        verbose_name_plural = _("recommendations and decisions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="board_recommendation_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="board_recommendation_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting.number}.{self.number}"
