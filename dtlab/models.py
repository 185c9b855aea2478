"""The Digital Transformation Lab: playbooks, the services built from them, and the RIA."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from alliance.core.validators import validate_no_control_characters, validate_pdf
from alliance.models import Region, RegionalInitiative, StrategicObjective

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Funder(models.Model):
    """Who pays for a piece of DT Lab work, such as Japan's MIC or China's MIIT."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    country = CountryField(_("country"), blank=True)


    class Meta:
        ordering = ["name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self) -> str:
        return self.name


class Playbook(models.Model):
    """A DT Lab playbook, on one strategic objective or on a cross-cutting topic."""

    class Status(models.TextChoices):
        IN_DEVELOPMENT = "in_development", _("In development")
        PUBLISHED = "published", _("Published")

    class Topic(models.TextChoices):
        CO_DESIGN = "co_design", _("Co-design of programmes")
        ADVOCACY = "advocacy", _("Advocacy and outreach")
        RESOURCE_MOBILIZATION = "resource_mobilization", _("Resource mobilization and partnership")
        STANDARDIZATION = "standardization", _("Bridging the standardization gap")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    summary = models.TextField(_("summary"), blank=True, validators=[validate_no_control_characters])
    strategic_objective = models.ForeignKey(
        StrategicObjective, on_delete=models.PROTECT, null=True, blank=True, related_name="playbooks",
        verbose_name=_("strategic objective"),
        help_text=_("Leave empty for a cross-cutting playbook."),
    )
    topic = models.CharField(
        _("cross-cutting topic"), max_length=30, choices=Topic.choices, blank=True,
        help_text=_("Only for a playbook that is not about one strategic objective."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.IN_DEVELOPMENT)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="playbooks", verbose_name=_("funder"))
    partners = models.CharField(_("partners"), max_length=300, blank=True,
                                validators=[validate_no_control_characters])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_no_control_characters])


    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("playbook")
        verbose_name_plural = _("playbooks")
        constraints = [
            models.CheckConstraint(
                condition=(Q(strategic_objective__isnull=False) & Q(topic=""))
                | (Q(strategic_objective__isnull=True) & ~Q(topic="")),
                name="dtlab_playbook_objective_xor_topic",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["in_development", "published"]),
                name="dtlab_playbook_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="in_development") | Q(published_on__isnull=False),
                name="dtlab_playbook_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.strategic_objective_id and self.topic:
            raise ValidationError(
                _("Choose either a strategic objective or a cross-cutting topic, not both.")
            )
        if not self.strategic_objective_id and not self.topic:
            raise ValidationError(_("Choose a strategic objective or a cross-cutting topic."))
        if self.status == self.Status.PUBLISHED and self.published_on is None:
            raise ValidationError({"published_on": _("A published playbook needs a publication date.")})

    @property
    def subject(self) -> str:
        """The strategic objective or cross-cutting topic, for display."""
        if self.strategic_objective_id:
            return str(self.strategic_objective)
        return str(self.get_topic_display())


class PlaybookVersion(models.Model):
    playbook = models.ForeignKey(Playbook, on_delete=models.CASCADE, related_name="versions",
                                 verbose_name=_("playbook"))
    number = models.CharField(_("version"), max_length=20, validators=[validate_no_control_characters])
    released_on = models.DateField(_("release date"))
    changes = models.TextField(_("what changed"), blank=True, validators=[validate_no_control_characters])


    class Meta:
        ordering = ["playbook", "-released_on", "-number"]
        verbose_name = _("playbook version")
        verbose_name_plural = _("playbook versions")
        constraints = [
            models.UniqueConstraint(fields=["playbook", "number"], name="dtlab_version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.playbook} {self.number}"


class PlaybookDocument(models.Model):
    """The PDF of one version in one language; its downloads are counted here."""

    version = models.ForeignKey(PlaybookVersion, on_delete=models.CASCADE, related_name="documents",
                                verbose_name=_("version"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF"), upload_to="dtlab/playbooks/%Y/", validators=[validate_pdf])
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["download_count"])

    class Meta:
        ordering = ["version", "language"]
        verbose_name = _("playbook document")
        verbose_name_plural = _("playbook documents")
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="dtlab_document_one_per_language"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES),
                                   name="dtlab_document_language_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.language})"


class Service(models.Model):
    """A service the DT Lab offers, built from its playbooks (e.g. the Innovation Café)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True,
                                   validators=[validate_no_control_characters])
    playbooks = models.ManyToManyField(Playbook, blank=True, related_name="services",
                                       verbose_name=_("built from playbooks"))
    open_to_members = models.BooleanField(_("ITU members may request it"), default=True)
    open_to_centres = models.BooleanField(_("Acceleration Centres may request it"), default=True)
    open_to_regional_offices = models.BooleanField(_("ITU regional offices may request it"),
                                                   default=False)
    is_active = models.BooleanField(_("offered now"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=Q(open_to_members=True) | Q(open_to_centres=True)
                | Q(open_to_regional_offices=True),
                name="dtlab_service_open_to_someone",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def accepts(self, requester_type: str) -> bool:
        return {
            ServiceRequest.RequesterType.MEMBER: self.open_to_members,
            ServiceRequest.RequesterType.CENTRE: self.open_to_centres,
            ServiceRequest.RequesterType.REGIONAL_OFFICE: self.open_to_regional_offices,
        }.get(requester_type, False)


class ServiceRequest(models.Model):
    """A request for a service, tracked by staff from submission to completion."""

    class RequesterType(models.TextChoices):
        MEMBER = "member", _("ITU member")
        CENTRE = "centre", _("ITU Acceleration Centre")
        REGIONAL_OFFICE = "regional_office", _("ITU regional office")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DECLINED = "declined", _("Declined")

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="requests",
                                verbose_name=_("service"))
    requester_type = models.CharField(_("requesting as"), max_length=20, choices=RequesterType.choices)
    organisation = models.CharField(_("organisation"), max_length=200,
                                    validators=[validate_no_control_characters])
    country = CountryField(_("country"))
    contact_name = models.CharField(_("contact person"), max_length=150,
                                    validators=[validate_no_control_characters])
    contact_email = models.EmailField(_("contact e-mail"))
    description = models.TextField(_("what you need"), validators=[validate_no_control_characters])
    preferred_start = models.DateField(_("preferred start"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en",
                                help_text=_("The language of the e-mails sent to the requester."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+", verbose_name=_("submitted by"))
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("handled by"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    staff_notes = models.TextField(_("staff notes"), blank=True,
                                   validators=[validate_no_control_characters])

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["submitted", "accepted", "in_progress", "completed", "declined"]),
                name="dtlab_request_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(requester_type__in=["member", "centre", "regional_office"]),
                name="dtlab_request_requester_type_valid",
            ),
            models.CheckConstraint(
                condition=(Q(status="completed") & Q(completed_on__isnull=False))
                | (~Q(status="completed") & Q(completed_on__isnull=True)),
                name="dtlab_request_completed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} – {self.organisation}"

    def clean(self) -> None:
        if (self.status == self.Status.COMPLETED) != (self.completed_on is not None):
            raise ValidationError(
                {"completed_on": _("Give a completion date exactly when the request is completed.")}
            )


class RIACohort(models.Model):
    """A cohort of the Regional Initiatives Accelerator: one co-design meeting and its concepts."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="ria_cohorts",
                               verbose_name=_("region"))
    regional_initiative = models.ForeignKey(
        RegionalInitiative, on_delete=models.PROTECT, related_name="ria_cohorts",
        verbose_name=_("regional initiative"),
    )
    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="ria_cohorts",
                               verbose_name=_("funder"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    city = models.CharField(_("city"), max_length=100, validators=[validate_no_control_characters])
    country = CountryField(_("country"))
    participating_countries = CountryField(_("participating countries"), multiple=True, blank=True)
    participating_organisations = models.TextField(
        _("participating organisations"), blank=True, validators=[validate_no_control_characters],
        help_text=_("One organisation a line."),
    )
    summary = models.TextField(_("summary"), blank=True, validators=[validate_no_control_characters])
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_no_control_characters])


    class Meta:
        ordering = ["-start_date", "-number"]
        verbose_name = _("RIA cohort")
        verbose_name_plural = _("RIA cohorts")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")),
                                   name="dtlab_cohort_ends_after_start"),
            models.CheckConstraint(condition=Q(number__gte=1), name="dtlab_cohort_number_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A cohort cannot end before it starts.")})
        if (self.region_id and self.regional_initiative_id
                and self.regional_initiative.region_id != self.region_id):
            raise ValidationError(
                {"regional_initiative": _("This regional initiative belongs to another region.")}
            )

    @property
    def organisation_list(self) -> list[str]:
        return [line.strip() for line in self.participating_organisations.splitlines() if line.strip()]


class ProjectConcept(models.Model):
    """A project concept co-designed in an RIA cohort."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        APPROVED = "approved", _("Approved")
        FUNDED = "funded", _("Funded")

    cohort = models.ForeignKey(RIACohort, on_delete=models.CASCADE, related_name="concepts",
                               verbose_name=_("cohort"))
    title = models.CharField(_("title"), max_length=250, validators=[validate_no_control_characters])
    summary = models.TextField(_("summary"), blank=True, validators=[validate_no_control_characters])
    lead_country = CountryField(_("lead country"))
    budget_usd = models.DecimalField(_("budget (USD)"), max_digits=14, decimal_places=2)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    regional_initiative = models.ForeignKey(
        RegionalInitiative, on_delete=models.PROTECT, related_name="project_concepts",
        verbose_name=_("regional initiative served"),
    )
    number = models.PositiveSmallIntegerField(_("number in the cohort"))
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_no_control_characters])


    class Meta:
        ordering = ["cohort", "number"]
        verbose_name = _("project concept")
        verbose_name_plural = _("project concepts")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "number"], name="dtlab_concept_unique_number"),
            models.CheckConstraint(condition=Q(budget_usd__gte=0), name="dtlab_concept_budget_not_negative"),
            models.CheckConstraint(condition=Q(status__in=["concept", "approved", "funded"]),
                                   name="dtlab_concept_status_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.budget_usd is not None and self.budget_usd < 0:
            raise ValidationError({"budget_usd": _("A budget cannot be negative.")})
        if self.cohort_id and self.lead_country:
            countries = [country.code for country in self.cohort.participating_countries]
            if countries and self.lead_country.code not in countries:
                raise ValidationError(
                    {"lead_country": _(
                        "The lead country must be one of the cohort's participating countries."
                    )}
                )
