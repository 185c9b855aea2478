"""Inter-sectoral coordination (seed 004: the report to the ITU Council on PP Resolution 191).

Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference instructs the
Secretary-General to keep improving the strategy for coordination and cooperation among the
three Sectors (ITU-R, ITU-T, ITU-D) and the General Secretariat in areas of mutual interest, so
that work is not duplicated and the Union's resources are used well, and to identify overlaps
and propose ways to remove them. The Secretary-General delegated this to the Deputy
Secretary-General.

What the portal holds:

- **Topics** requiring inter-sectoral coordination (16 in seed 004), each with a status:
  active, proposed (a new topic such as industry engagement, until staff accept it) or closed.
- **Focal points** per topic and per Sector or bureau (``itu_r``, ``itu_t``, ``itu_d``, ``gs``)
  or advisory group: a named person, or a **vacancy** (the accessibility focal point retired;
  the industry engagement focal point is pending). A focal point with a portal account signs
  in and submits the **annual report** (progress, outcomes, next steps, documents) for a year.
- Two **coordination bodies**: the secretariat's Inter-Sectoral Coordination Task Force
  (ISC-TF, re-established by service order SO 24/06 under the Coordination Committee, chaired
  by the Deputy Secretary-General, with D2-level staff and the directors of the regional
  offices; 5 meetings in 2024) and the members' contribution-driven Inter-Sectoral
  Coordination Group (ISCG, with its chair; 3 meetings in 2024). Their **meetings** carry an
  agenda, documents, a report, outcomes and **calls to action** addressed to the Sector
  advisory groups or the Council working groups.
- The **resolutions map**: resolutions of the major conferences and assemblies (PP, WTDC,
  WTSA, RA, WRC) mapped to topics and Sectors, with the date of its last update (after WTSA-24).
- **Outcomes** per topic (the ITU capacity development handbook; the first digitalization
  day at COP-29 and the Green Digital Action declaration with its 8 common goals).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import validate_no_control_characters

TEXT = [validate_no_control_characters]


class Sector(models.TextChoices):
    """Who designates a focal point: a Sector's bureau, the General Secretariat or an advisory group."""

    ITU_R = "itu_r", _("ITU-R (Radiocommunication Sector)")
    ITU_T = "itu_t", _("ITU-T (Telecommunication Standardization Sector)")
    ITU_D = "itu_d", _("ITU-D (Telecommunication Development Sector)")
    GS = "gs", _("General Secretariat")
    ADVISORY_GROUP = "advisory_group", _("Sector advisory groups")


class Topic(models.Model):
    """A topic requiring inter-sectoral coordination, on the list published on the ISC web page."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PROPOSED = "proposed", _("Proposed")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    description = models.TextField(_("description"), blank=True, validators=TEXT)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    added_on = models.DateField(_("date added"))
    accepted_on = models.DateField(_("date accepted"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("coordination topic")
        verbose_name_plural = _("coordination topics")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["active", "proposed", "closed"]),
                name="coordination_topic_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(accepted_on__isnull=False),
                name="coordination_topic_active_has_acceptance_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FocalPoint(models.Model):
    """The person who answers for a topic in a Sector, bureau or advisory group, or a vacancy."""

    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="focal_points", verbose_name=_("topic")
    )
    sector = models.CharField(_("Sector or bureau"), max_length=20, choices=Sector.choices)
    vacant = models.BooleanField(_("vacant"), default=False)
    name = models.CharField(_("name"), max_length=200, blank=True, validators=TEXT)
    title = models.CharField(_("title"), max_length=200, blank=True, validators=TEXT)
    unit = models.CharField(_("unit"), max_length=200, blank=True, validators=TEXT)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_points",
        verbose_name=_("portal account"),
        help_text=_("The account with which this focal point signs in to submit annual reports."),
    )
    vacancy_note = models.TextField(
        _("vacancy note"),
        blank=True,
        validators=TEXT,
        help_text=_("Why the post is vacant and who is to designate a new focal point."),
    )
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        ordering = ["topic__order", "topic__name", "sector", "pk"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "sector"], name="coordination_focal_point_one_per_sector"
            ),
            models.CheckConstraint(
                condition=(Q(vacant=True) & Q(name="") & Q(user__isnull=True))
                | (Q(vacant=False) & ~Q(name="")),
                name="coordination_focal_point_named_or_vacant",
            ),
        ]

    def __str__(self) -> str:
        who = _("vacant") if self.vacant else self.name
        return f"{self.topic} – {self.get_sector_display()}: {who}"


class Body(models.Model):
    """A coordination body: the secretariat's ISC-TF or the members' ISCG."""

    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", _("Within the secretariat")
        MEMBERSHIP = "membership", _("Among the members")

    acronym = models.CharField(_("acronym"), max_length=20, unique=True, validators=TEXT)
    name = models.CharField(_("name"), max_length=200, validators=TEXT)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    chair = models.CharField(_("chair"), max_length=200, blank=True, validators=TEXT)
    reports_to = models.CharField(_("works under"), max_length=200, blank=True, validators=TEXT)
    established_by = models.CharField(_("established by"), max_length=200, blank=True, validators=TEXT)
    composition = models.TextField(_("members"), blank=True, validators=TEXT)
    mandate = models.TextField(_("mandate"), blank=True, validators=TEXT)
    web_page = models.URLField(_("web page"), blank=True)

    class Meta:
        ordering = ["-kind", "acronym"]  # the secretariat's task force first, as in seed 004
        verbose_name = _("coordination body")
        verbose_name_plural = _("coordination bodies")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["secretariat", "membership"]), name="coordination_body_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return self.acronym


class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Hybrid (in person and virtual)")

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("body"))
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.VIRTUAL)
    place = models.CharField(_("place"), max_length=200, blank=True, validators=TEXT)
    agenda = models.TextField(_("agenda"), blank=True, validators=TEXT)
    report_summary = models.TextField(_("report"), blank=True, validators=TEXT)
    topics = models.ManyToManyField(Topic, related_name="meetings", blank=True, verbose_name=_("topics"))

    class Meta:
        ordering = ["-held_on", "body", "pk"]
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "held_on"], name="coordination_meeting_one_per_body_and_day"
            ),
            models.CheckConstraint(
                condition=Q(format="virtual") | ~Q(place=""), name="coordination_meeting_in_person_has_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body.acronym} {self.held_on.isoformat()}: {self.title}"


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    symbol = models.CharField(_("document symbol"), max_length=60, blank=True, validators=TEXT)
    title = models.CharField(_("title"), max_length=250, validators=TEXT)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        ordering = ["meeting", "symbol", "pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip()


class CallToAction(models.Model):
    """An outcome of a meeting addressed to a Sector advisory group or a Council working group."""

    class Addressee(models.TextChoices):
        ADVISORY_GROUPS = "advisory_groups", _("Sector advisory groups (RAG, TSAG, TDAG)")
        RAG = "rag", _("Radiocommunication Advisory Group (RAG)")
        TSAG = "tsag", _("Telecommunication Standardization Advisory Group (TSAG)")
        TDAG = "tdag", _("Telecommunication Development Advisory Group (TDAG)")
        CWG_FHR = "cwg_fhr", _("Council Working Group on Financial and Human Resources (CWG-FHR)")
        CWG_LANG = "cwg_lang", _("Council Working Group on Languages (CWG-LANG)")
        COUNCIL = "council", _("ITU Council")
        SECRETARIAT = "secretariat", _("ITU secretariat")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="calls_to_action", verbose_name=_("meeting")
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls_to_action",
        verbose_name=_("topic"),
    )
    addressed_to = models.CharField(_("addressed to"), max_length=20, choices=Addressee.choices)
    text = models.TextField(_("text"), validators=TEXT)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")

    def __str__(self) -> str:
        return f"{self.meeting.body.acronym} → {self.get_addressed_to_display()}"


class Resolution(models.Model):
    """A resolution of a major conference or assembly, mapped to topics and Sectors."""

    class Assembly(models.TextChoices):
        PP = "pp", _("Plenipotentiary Conference (PP)")
        WTDC = "wtdc", _("World Telecommunication Development Conference (WTDC)")
        WTSA = "wtsa", _("World Telecommunication Standardization Assembly (WTSA)")
        RA = "ra", _("Radiocommunication Assembly (RA)")
        WRC = "wrc", _("World Radiocommunication Conference (WRC)")

    assembly = models.CharField(_("conference or assembly"), max_length=10, choices=Assembly.choices)
    number = models.CharField(_("number"), max_length=20, validators=TEXT)
    revision = models.CharField(
        _("revision"),
        max_length=100,
        blank=True,
        validators=TEXT,
        help_text=_("For example: Rev. Bucharest, 2022"),
    )
    title = models.CharField(_("title"), max_length=300, validators=TEXT)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        ordering = ["assembly", "number"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "number"], name="coordination_resolution_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_assembly_display()} {self.number}"


class ResolutionMapping(models.Model):
    """One line of the resolutions map: a resolution, a topic and the Sector concerned."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="mappings", verbose_name=_("resolution")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="resolution_mappings", verbose_name=_("topic")
    )
    sector = models.CharField(_("Sector or bureau"), max_length=20, choices=Sector.choices)

    class Meta:
        ordering = ["resolution__assembly", "resolution__number", "topic__order", "sector"]
        verbose_name = _("resolution mapping")
        verbose_name_plural = _("resolutions map")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "topic", "sector"], name="coordination_mapping_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resolution} – {self.topic} ({self.get_sector_display()})"


class MapUpdate(models.Model):
    """When the resolutions map was last brought up to date, and after which event."""

    updated_on = models.DateField(_("updated on"), unique=True)
    after_event = models.CharField(
        _("after"),
        max_length=120,
        validators=TEXT,
        help_text=_("The conference or assembly whose resolutions were added, e.g. WTSA-24."),
    )

    class Meta:
        ordering = ["-updated_on"]
        get_latest_by = "updated_on"
        verbose_name = _("update of the resolutions map")
        verbose_name_plural = _("updates of the resolutions map")

    def __str__(self) -> str:
        return f"{self.updated_on.isoformat()} ({self.after_event})"


class AnnualReport(models.Model):
    """A focal point's annual report on their topic, for the report to Council."""

    focal_point = models.ForeignKey(
        FocalPoint, on_delete=models.PROTECT, related_name="annual_reports", verbose_name=_("focal point")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    progress = models.TextField(_("progress"), validators=TEXT)
    outcomes = models.TextField(_("outcomes"), blank=True, validators=TEXT)
    next_steps = models.TextField(_("next steps"), blank=True, validators=TEXT)
    documents = models.TextField(
        _("documents"),
        blank=True,
        validators=TEXT,
        help_text=_("Document symbols or addresses, one per line."),
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    class Meta:
        ordering = ["-year", "focal_point__topic__order", "focal_point__sector"]
        verbose_name = _("annual report of a focal point")
        verbose_name_plural = _("annual reports of focal points")
        constraints = [
            models.UniqueConstraint(
                fields=["focal_point", "year"], name="coordination_annual_report_once_a_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="coordination_annual_report_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focal_point.topic} ({self.focal_point.get_sector_display()}) {self.year}"


class ReportingDeadline(models.Model):
    """When the focal points' annual reports for a year are due (reminders go out before)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    due_on = models.DateField(_("due on"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report deadline")
        verbose_name_plural = _("annual report deadlines")

    def __str__(self) -> str:
        return f"{self.year}: {self.due_on.isoformat()}"


class ReminderSent(models.Model):
    """A reminder sent to a focal point: each (year, days before the deadline) goes out once."""

    focal_point = models.ForeignKey(
        FocalPoint, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("focal point")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["focal_point", "year", "days_before"], name="coordination_reminder_sent_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focal_point} {self.year} (-{self.days_before})"


class Outcome(models.Model):
    """A concrete result of coordination on a topic, linked to a meeting or an annual report."""

    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        related_name="outcomes",
        null=True,
        blank=True,
        verbose_name=_("topic"),
    )
    title = models.CharField(_("title"), max_length=250, validators=TEXT)
    description = models.TextField(_("description"), blank=True, validators=TEXT)
    achieved_on = models.DateField(_("date"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("meeting"),
    )
    annual_report = models.ForeignKey(
        AnnualReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="linked_outcomes",
        verbose_name=_("annual report"),
    )
    url = models.URLField(_("address"), blank=True)

    class Meta:
        ordering = ["-achieved_on", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return self.title
