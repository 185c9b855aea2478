"""The Digital Innovation Board: members, meetings and their recommendations, the workplan,
working groups, Board documents, the Expert Network and the foresight series."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from alliance.core.validators import validate_image, validate_no_control_characters, validate_pdf

TEXT = [validate_no_control_characters]


class BoardMember(models.Model):
    """A person on the Board, serving in a personal capacity."""

    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Member")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    title = models.CharField(_("job title"), max_length=200, blank=True, validators=TEXT)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True, validators=TEXT)
    country = CountryField(_("country"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="board/members/", blank=True, validators=[validate_image])
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_founding_member = models.BooleanField(_("founding member"), default=False)
    elected_by_members = models.BooleanField(
        _("elected by the members"),
        default=False,
        help_text=_("Only for a co-chair elected by the Board's members."),
    )
    personal_capacity = models.BooleanField(_("serves in a personal capacity"), default=True)
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    biography = models.TextField(_("short biography"), blank=True, validators=TEXT)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)

    class Meta:
        ordering = ["order", "full_name", "pk"]
        verbose_name = _("Board member")
        verbose_name_plural = _("Board members")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=models.F("term_start")),
                name="board_member_term_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(elected_by_members=False) | Q(role="co_chair"),
                name="board_member_only_co_chair_elected",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


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


class Activity(models.Model):
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


class ExpertiseArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120, validators=TEXT)

    class Meta:
        ordering = ["name"]
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """A member of the Board's virtual Expert Network."""

    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    email = models.EmailField(_("e-mail"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, validators=TEXT)
    country = CountryField(_("country"))
    areas = models.ManyToManyField(
        ExpertiseArea, related_name="experts", verbose_name=_("areas of expertise")
    )
    is_active = models.BooleanField(_("active"), default=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("expert")
        verbose_name_plural = _("Expert Network")

    def __str__(self) -> str:
        return self.full_name


class ExpertRequest(models.Model):
    """A request to join the Expert Network, sent through the public form; staff decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, validators=TEXT)
    country = CountryField(_("country"))
    areas = models.ManyToManyField(
        ExpertiseArea, related_name="requests", verbose_name=_("areas of expertise")
    )
    motivation = models.TextField(_("motivation"), max_length=3000, validators=TEXT)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    expert = models.ForeignKey(
        Expert,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("expert"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("Expert Network membership request")
        verbose_name_plural = _("Expert Network membership requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
                name="board_expert_request_decided_when_not_pending",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(status="pending"),
                name="board_expert_request_one_pending_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


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
