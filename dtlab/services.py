"""Writes of the DT Lab: publishing playbooks, counting downloads, service requests, RIA concepts."""

from __future__ import annotations

import datetime
import functools
import tempfile
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core import freshness
from alliance.core.mail import queue_mail
from alliance.models import RegionalInitiative, User
from alliance.notifications import decisions

from .models import Playbook, PlaybookDocument, ProjectConcept, RIACohort, Service, ServiceRequest

REQUEST_TRANSITIONS: dict[str, set[str]] = {
    ServiceRequest.Status.SUBMITTED: {ServiceRequest.Status.ACCEPTED, ServiceRequest.Status.DECLINED},
    ServiceRequest.Status.ACCEPTED: {ServiceRequest.Status.IN_PROGRESS, ServiceRequest.Status.DECLINED},
    ServiceRequest.Status.IN_PROGRESS: {ServiceRequest.Status.COMPLETED},
    ServiceRequest.Status.COMPLETED: set(),
    ServiceRequest.Status.DECLINED: set(),
}

CONCEPT_STATUS_ORDER = [
    ProjectConcept.Status.CONCEPT, ProjectConcept.Status.APPROVED, ProjectConcept.Status.FUNDED,
]


def playbook_publish(*, playbook: Playbook, published_on: datetime.date | None = None) -> Playbook:
    """Publish a playbook that has at least one released version with a PDF."""
    if playbook.status == Playbook.Status.PUBLISHED:
        raise ValidationError(_("This playbook is already published."))
    first_release = (
        PlaybookDocument.objects.filter(version__playbook=playbook)
        .order_by("version__released_on").values_list("version__released_on", flat=True).first()
    )
    if first_release is None:
        raise ValidationError(_("A playbook needs at least one version with a PDF before it is published."))
    playbook.status = Playbook.Status.PUBLISHED
    playbook.published_on = published_on or first_release
    playbook.full_clean()
    playbook.save(update_fields=["status", "published_on"])
    return playbook


def playbook_document_count_download(*, document: PlaybookDocument) -> None:
    """Count one download; done in the database so concurrent downloads are all counted.

    ``update()`` sends no signal, so the DT Lab content version is bumped here: the playbook pages
    show the counts, and their ETag must change with them.
    """
    PlaybookDocument.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)
    freshness.bump("dtlab")


DUPLICATE_REQUEST_WINDOW = datetime.timedelta(days=7)


def _is_duplicate_request(*, service: Service, contact_email: str, description: str) -> bool:
    """The same requester (e-mail address, any case) sent the same text for the service lately."""
    return ServiceRequest.objects.filter(
        service=service, contact_email__iexact=contact_email.strip(),
        description__iexact=description.strip(),
        submitted_at__gte=timezone.now() - DUPLICATE_REQUEST_WINDOW,
    ).exists()


def service_request_submit(
    *,
    service: Service,
    requester_type: str,
    organisation: str,
    country: str,
    contact_name: str,
    contact_email: str,
    description: str,
    preferred_start: datetime.date | None = None,
    by: User | None = None,
    language: str = "en",
) -> ServiceRequest:
    if not service.is_active:
        raise ValidationError(_("This service is not offered at the moment."))
    if not service.accepts(requester_type):
        raise ValidationError(
            {"requester_type": _("This service cannot be requested by this kind of requester.")}
        )
    if preferred_start is not None and preferred_start < timezone.localdate():
        raise ValidationError({"preferred_start": _("The preferred start cannot be in the past.")})
    request = ServiceRequest(
        service=service, requester_type=requester_type, organisation=organisation.strip(),
        country=country, contact_name=contact_name.strip(), contact_email=contact_email,
        description=description.strip(), preferred_start=preferred_start, language=language,
        submitted_by=by if by is not None and by.is_authenticated else None,
    )
    # Validated first: the duplicate query must not carry what the fields refuse (NUL in PostgreSQL).
    request.full_clean()
    if _is_duplicate_request(service=service, contact_email=contact_email, description=request.description):
        raise ValidationError(_("We already have this request: the same text was sent for this service "
                                "from this e-mail address in the last seven days. The Digital "
                                "Transformation Lab team will contact you."), code="duplicate")
    with transaction.atomic():
        request.save()
        context = {"request": request, "service_name": str(service)}
        queue_mail(to=[contact_email], template="dtlab/mail/request_received", context=context,
                   language=language)
        queue_mail(to=[settings.ALLIANCE_CONTACT_EMAIL], template="dtlab/mail/request_new",
                   context=context)
    return request


def service_request_move(
    *,
    service_request: ServiceRequest,
    status: str,
    by: User,
    completed_on: datetime.date | None = None,
    note: str = "",
) -> ServiceRequest:
    """Move a service_request one step along submitted → accepted → in progress → completed (or declined)."""
    if status not in REQUEST_TRANSITIONS.get(service_request.status, set()):
        raise ValidationError(
            _("A request that is %(current)s cannot become %(new)s."),
            params={"current": service_request.get_status_display(),
                    "new": ServiceRequest.Status(status).label if status in ServiceRequest.Status.values
                    else status},
        )
    if status == ServiceRequest.Status.COMPLETED:
        completed_on = completed_on or timezone.localdate()
        if completed_on < service_request.submitted_at.date():
            raise ValidationError(
                {"completed_on": _("A request cannot be completed before it was submitted.")}
            )
    else:
        completed_on = None
    service_request.status = status
    service_request.completed_on = completed_on
    service_request.handled_by = by
    if note:
        stamp = timezone.localdate().isoformat()
        service_request.staff_notes = f"{service_request.staff_notes}\n{stamp}: {note}".strip()
    service_request.full_clean()
    with transaction.atomic():
        service_request.save(update_fields=["status", "completed_on", "handled_by", "staff_notes"])
        decisions.service_request_moved(request=service_request)
    return service_request


def project_concept_create(
    *,
    cohort: RIACohort,
    number: int,
    title: str,
    lead_country: str,
    budget_usd: Decimal,
    regional_initiative: RegionalInitiative,
    summary: str = "",
    status: str = ProjectConcept.Status.CONCEPT,
    notes: str = "",
) -> ProjectConcept:
    concept = ProjectConcept(
        cohort=cohort, number=number, title=title, lead_country=lead_country, budget_usd=budget_usd,
        regional_initiative=regional_initiative, summary=summary, status=status, notes=notes,
    )
    concept.full_clean()
    concept.save()
    return concept


def project_concept_advance(*, concept: ProjectConcept, status: str) -> ProjectConcept:
    """Move a concept forward: concept → approved → funded; never back."""
    if status not in ProjectConcept.Status.values:
        raise ValidationError(_("Unknown status."))
    if CONCEPT_STATUS_ORDER.index(status) != CONCEPT_STATUS_ORDER.index(concept.status) + 1:
        raise ValidationError(
            _("A project concept that is %(current)s cannot become %(new)s."),
            params={"current": concept.get_status_display(), "new": ProjectConcept.Status(status).label},
        )
    concept.status = status
    concept.save(update_fields=["status"])
    return concept


# --- Playbook PDFs ------------------------------------------------------------------------------


def playbook_document_html(*, document: PlaybookDocument) -> str:
    """The HTML of a playbook's PDF in the document's language, from the playbook's data."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from alliance.models import StrategicObjective
    from alliance.reports.document import DEFAULT_FONT_FAMILY, FONT_FAMILIES

    version = document.version
    playbook = version.playbook
    language = document.language
    with translation.override(language):
        return render_to_string("dtlab/pdf/playbook.html", {
            "playbook": playbook,
            "version": version,
            "versions": playbook.versions.order_by("-released_on", "-number"),
            "services": playbook.services.filter(is_active=True).order_by("order", "slug"),
            "objectives": StrategicObjective.objects.order_by("number"),
            "language": language,
            "direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
            "language_name": translation.get_language_info(language)["name_local"],
            "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
        })


@functools.lru_cache(maxsize=64)
def _playbook_pdf(html: str) -> bytes:
    """The PDF of ``html``. The same data gives the same document: a demo loaded again (every
    test that loads it, in one process) lays each one out once."""
    from alliance.reports.pdf import write_pdf

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "playbook.pdf"
        write_pdf(html=html, target=target)
        return target.read_bytes()


def playbook_document_generate(*, document_id: int) -> PlaybookDocument | None:
    """Lay out a playbook's PDF in its language and store it on the document (the task's body).

    The new file is stored under a fresh name before the row points to it; the old one is then
    deleted, so a download never meets half a file.
    """
    document = PlaybookDocument.objects.select_related("version__playbook").filter(pk=document_id).first()
    if document is None:
        return None
    content = _playbook_pdf(playbook_document_html(document=document))
    version = document.version
    storage = document.file.storage
    name = storage.save(f"dtlab/playbooks/{version.released_on:%Y}/"
                        f"{version.playbook.slug}-{version.number}-{document.language}.pdf",
                        ContentFile(content))
    old = document.file.name if document.file else ""
    PlaybookDocument.objects.filter(pk=document.pk).update(file=name)
    document.file.name = name
    if old and old != name:
        storage.delete(old)
    return document
