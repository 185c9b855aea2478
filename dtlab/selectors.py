"""Reads of the DT Lab, with the joins each page needs so query counts stay constant."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from alliance.reports.registry import Period

from .models import (
    Playbook,
    PlaybookDocument,
    PlaybookVersion,
    ProjectConcept,
    RIACohort,
    Service,
    ServiceRequest,
)

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=14, decimal_places=2))


def _versions_with_documents() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=PlaybookVersion.objects.order_by("-released_on", "-number").prefetch_related(
            Prefetch("documents", queryset=PlaybookDocument.objects.order_by("language"))
        ),
    )


def playbook_list() -> QuerySet[Playbook]:
    """Playbooks for the public library, with their versions and PDFs."""
    return (
        Playbook.objects.select_related("strategic_objective", "funder")
        .prefetch_related(_versions_with_documents())
        .annotate(downloads=Coalesce(Sum("versions__documents__download_count"), 0))
        .order_by("order", "slug")
    )


def playbook_get(*, slug: str) -> Playbook:
    return (
        Playbook.objects.select_related("strategic_objective", "funder")
        .prefetch_related(_versions_with_documents(), "services")
        .get(slug=slug)
    )


def playbook_document_get(*, slug: str, version: str, language: str) -> PlaybookDocument:
    return PlaybookDocument.objects.select_related("version__playbook").get(
        version__playbook__slug=slug, version__number=version, language=language
    )


def service_list() -> QuerySet[Service]:
    return (
        Service.objects.filter(is_active=True)
        .prefetch_related(Prefetch("playbooks", queryset=Playbook.objects.order_by("order", "slug")))
        .order_by("order", "slug")
    )


def cohort_list() -> QuerySet[RIACohort]:
    """Cohorts with their concept count and total budget, computed by the database."""
    return (
        RIACohort.objects.select_related("region", "regional_initiative", "funder")
        .annotate(
            concept_count=Count("concepts"),
            total_budget_usd=Coalesce(Sum("concepts__budget_usd"), ZERO),
            approved_count=Count("concepts", filter=Q(concepts__status__in=["approved", "funded"])),
            funded_budget_usd=Coalesce(
                Sum("concepts__budget_usd", filter=Q(concepts__status="funded")), ZERO
            ),
        )
        .order_by("-start_date", "-number")
    )


def cohort_get(*, number: int) -> RIACohort:
    return cohort_list().prefetch_related(
        Prefetch("concepts", queryset=ProjectConcept.objects.select_related("regional_initiative")
                 .order_by("number"))
    ).get(number=number)


def dtlab_figures() -> dict:
    """The DT Lab overview's headline figures, in three queries whatever the volume."""
    concepts = ProjectConcept.objects.aggregate(count=Count("pk"), total=Coalesce(Sum("budget_usd"), ZERO))
    return {
        "published_count": Playbook.objects.filter(status=Playbook.Status.PUBLISHED).count(),
        "service_count": Service.objects.filter(is_active=True).count(),
        "cohort_count": RIACohort.objects.count(),
        "concept_count": concepts["count"],
        "concepts_total_usd": concepts["total"],
    }


def concept_list() -> QuerySet[ProjectConcept]:
    return ProjectConcept.objects.select_related("cohort", "regional_initiative").order_by(
        "cohort__number", "number"
    )


# The TDAG report: figures for a period.

def playbooks_published_in(period: Period) -> QuerySet[Playbook]:
    return (
        Playbook.objects.select_related("strategic_objective", "funder")
        .filter(status=Playbook.Status.PUBLISHED, published_on__range=(period.start, period.end))
        .order_by("order", "slug")
    )


def playbooks_in_development() -> QuerySet[Playbook]:
    return (
        Playbook.objects.select_related("strategic_objective", "funder")
        .filter(status=Playbook.Status.IN_DEVELOPMENT).order_by("order", "slug")
    )


def services_delivered_in(period: Period) -> QuerySet[Service]:
    """Services with the requests completed in the period, busiest first."""
    in_period = Q(requests__status=ServiceRequest.Status.COMPLETED,
                  requests__completed_on__range=(period.start, period.end))
    return (
        Service.objects.annotate(delivered=Count("requests", filter=in_period))
        .filter(delivered__gt=0)
        .order_by("-delivered", "order", "slug")
    )


def cohorts_held_in(period: Period) -> QuerySet[RIACohort]:
    return cohort_list().filter(start_date__range=(period.start, period.end)).order_by("start_date", "number")


def service_requests_for_staff() -> QuerySet[ServiceRequest]:
    return ServiceRequest.objects.select_related("service", "handled_by").order_by("-submitted_at", "-pk")
