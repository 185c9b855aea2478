"""Reads of inter-sectoral coordination, scoped by who asks, with the joins each page needs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import (
    AnnualReport,
    Body,
    CallToAction,
    FocalPoint,
    MapUpdate,
    Meeting,
    MeetingDocument,
    Outcome,
    ResolutionMapping,
    Topic,
)

LISTED_STATUSES = (Topic.Status.ACTIVE, Topic.Status.PROPOSED)


def _focal_points() -> QuerySet[FocalPoint]:
    return FocalPoint.objects.order_by("sector", "pk")


def topics_public() -> QuerySet[Topic]:
    """The published list: active and proposed topics, each with its focal points and vacancies."""
    return (
        Topic.objects.filter(status__in=LISTED_STATUSES)
        .prefetch_related(Prefetch("focal_points", queryset=_focal_points()))
        .order_by("order", "name", "pk")
    )


def topics_all() -> QuerySet[Topic]:
    return Topic.objects.prefetch_related(Prefetch("focal_points", queryset=_focal_points())).order_by(
        "order", "name", "pk"
    )


def active_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(status=Topic.Status.ACTIVE).order_by("order", "name", "pk")


def topic_public(*, slug: str) -> Topic:
    return (
        topics_public()
        .prefetch_related(
            Prefetch("outcomes", queryset=Outcome.objects.order_by("-achieved_on", "pk")),
            Prefetch(
                "resolution_mappings",
                queryset=ResolutionMapping.objects.select_related("resolution").order_by(
                    "resolution__assembly", "resolution__number", "sector"
                ),
            ),
        )
        .get(slug=slug)
    )


def vacancies() -> QuerySet[FocalPoint]:
    return (
        FocalPoint.objects.filter(vacant=True, topic__status__in=LISTED_STATUSES)
        .select_related("topic")
        .order_by("topic__order", "topic__name", "sector")
    )


def focal_points_of(user) -> QuerySet[FocalPoint]:
    """The posts a signed-in focal point holds (none for anyone else)."""
    if not user.is_authenticated:
        return FocalPoint.objects.none()
    return (
        FocalPoint.objects.filter(user=user, vacant=False)
        .exclude(topic__status=Topic.Status.CLOSED)
        .select_related("topic")
        .order_by("topic__order", "topic__name", "sector")
    )


def focal_point_of(user, *, pk: int) -> FocalPoint:
    """One of the user's own posts; another focal point's post raises DoesNotExist (404)."""
    return focal_points_of(user).get(pk=pk)


def annual_reports_of(focal_point: FocalPoint) -> QuerySet[AnnualReport]:
    return focal_point.annual_reports.order_by("-year")


def bodies_with_meetings() -> QuerySet[Body]:
    return Body.objects.prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.order_by("-held_on", "pk")),
    ).order_by("-kind", "acronym")


def body_detail(*, acronym: str) -> Body:
    return Body.objects.get(acronym__iexact=acronym)


def meetings_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body").order_by("-held_on", "body__acronym", "pk")


def meetings_of(body: Body) -> QuerySet[Meeting]:
    return body.meetings.order_by("-held_on", "pk").prefetch_related(
        Prefetch("documents", queryset=MeetingDocument.objects.order_by("symbol", "pk")),
        Prefetch("calls_to_action", queryset=CallToAction.objects.select_related("topic").order_by("pk")),
        Prefetch("outcomes", queryset=Outcome.objects.order_by("pk")),
        Prefetch("topics", queryset=Topic.objects.order_by("order", "name")),
    )


def meetings_held_in(*, year: int) -> QuerySet[Meeting]:
    return Meeting.objects.filter(held_on__year=year).select_related("body").order_by("held_on", "pk")


def resolution_map() -> QuerySet[ResolutionMapping]:
    return ResolutionMapping.objects.select_related("resolution", "topic").order_by(
        "resolution__assembly", "resolution__number", "topic__order", "sector", "pk"
    )


def map_last_update() -> MapUpdate | None:
    return MapUpdate.objects.order_by("-updated_on").first()


def outcomes_in(*, year: int) -> QuerySet[Outcome]:
    return (
        Outcome.objects.filter(achieved_on__year=year)
        .select_related("topic", "meeting__body")
        .order_by("achieved_on", "pk")
    )


def focal_points_expected_to_report(*, year: int) -> QuerySet[FocalPoint]:
    """Named focal points of active topics: each owes an annual report."""
    return (
        FocalPoint.objects.filter(vacant=False, topic__status=Topic.Status.ACTIVE)
        .select_related("topic")
        .order_by("topic__order", "topic__name", "sector", "pk")
    )


def focal_points_yet_to_report(*, year: int) -> QuerySet[FocalPoint]:
    expected = focal_points_expected_to_report(year=year)
    return expected.exclude(annual_reports__year=year).select_related("user")


@dataclass(frozen=True)
class ReportingRow:
    focal_point: FocalPoint
    report: AnnualReport | None


def reporting_status(*, year: int) -> list[ReportingRow]:
    """Every focal point expected to report for ``year`` and their report, if received."""
    focal_points = focal_points_expected_to_report(year=year).prefetch_related(
        Prefetch("annual_reports", queryset=AnnualReport.objects.filter(year=year), to_attr="year_reports")
    )
    return [
        ReportingRow(focal_point=fp, report=(fp.year_reports[0] if fp.year_reports else None))
        for fp in focal_points
    ]


def annual_reports_in(*, year: int) -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.filter(year=year, focal_point__topic__status=Topic.Status.ACTIVE)
        .select_related("focal_point__topic")
        .order_by("focal_point__topic__order", "focal_point__topic__name", "focal_point__sector")
    )


def coordination_stats(*, year: int) -> dict:
    """The figures of ``GET /api/v1/coordination/stats/`` and of the report to Council."""
    topic_counts = Topic.objects.aggregate(
        total=Count("pk", filter=Q(status__in=LISTED_STATUSES)),
        active=Count("pk", filter=Q(status=Topic.Status.ACTIVE)),
    )
    listed = FocalPoint.objects.filter(topic__status__in=LISTED_STATUSES)
    by_body = dict(
        Meeting.objects.filter(held_on__year=year).order_by().values_list("body").annotate(n=Count("pk"))
    )
    expected = focal_points_expected_to_report(year=year)
    return {
        "year": year,
        "topics": topic_counts["total"],
        "active_topics": topic_counts["active"],
        "focal_points": listed.filter(vacant=False).count(),
        "vacancies": [{"topic": fp.topic.name, "sector": fp.sector} for fp in vacancies()],
        "meetings_by_body": [
            {"body": body.acronym, "meetings": by_body.get(body.pk, 0)}
            for body in Body.objects.order_by("-kind", "acronym")
        ],
        "annual_reports_received": AnnualReport.objects.filter(year=year, focal_point__in=expected).count(),
        "annual_reports_expected": expected.count(),
    }


def deadline_for(*, year: int) -> datetime.date | None:
    from .models import ReportingDeadline

    return ReportingDeadline.objects.filter(year=year).values_list("due_on", flat=True).first()
