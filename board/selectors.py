"""Reads of the Board, with the joins each page needs (constant query counts)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Prefetch, Q, QuerySet

from .models import (
    Attendance,
    BoardDocument,
    BoardMember,
    Expert,
    ForesightReport,
    Meeting,
    MeetingDocument,
    Recommendation,
    WorkingGroup,
    Workplan,
    WorkplanActivity,
    Workstream,
)


def members_list() -> QuerySet[BoardMember]:
    return BoardMember.objects.order_by("order", "full_name", "pk")


def co_chairs() -> QuerySet[BoardMember]:
    return members_list().filter(role=BoardMember.Role.CO_CHAIR)


def meetings_list() -> QuerySet[Meeting]:
    return Meeting.objects.annotate(
        recommendation_count=Count("recommendations", distinct=True),
    ).order_by("-number")


def meeting_detail(*, number: int) -> Meeting:
    return Meeting.objects.prefetch_related(
        Prefetch("documents", queryset=MeetingDocument.objects.order_by("kind", "title", "pk")),
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("member").order_by(
                "member__order", "member__full_name", "pk"
            ),
        ),
        Prefetch("recommendations", queryset=Recommendation.objects.order_by("number")),
    ).get(number=number)


def previous_meeting(*, meeting: Meeting) -> Meeting | None:
    """The meeting whose recommendations this one reviews."""
    return (
        Meeting.objects.filter(number__lt=meeting.number)
        .order_by("-number")
        .prefetch_related(Prefetch("recommendations", queryset=Recommendation.objects.order_by("number")))
        .first()
    )


def recommendations_list() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related("meeting").order_by("-meeting__number", "number")


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def recommendation_status_counts(recommendations: QuerySet[Recommendation]) -> list[StatusCount]:
    counts = dict(recommendations.order_by().values_list("status").annotate(n=Count("pk")))
    return [
        StatusCount(status=value, label=label, count=counts.get(value, 0))
        for value, label in Recommendation.Status.choices
    ]


def current_workplan(*, on: datetime.date | None = None) -> Workplan | None:
    workplans = Workplan.objects.order_by("-start_year", "pk")
    if on is not None:
        workplans = workplans.filter(start_year__lte=on.year, end_year__gte=on.year)
    return (
        workplans.prefetch_related(
            Prefetch(
                "workstreams",
                queryset=Workstream.objects.order_by("number")
                .annotate(
                    average_progress=Avg("activities__progress"),
                )
                .prefetch_related(
                    Prefetch("activities", queryset=WorkplanActivity.objects.order_by("order", "pk")),
                ),
            ),
        )
        .select_related("approved_at")
        .first()
    )


def workplan_progress(workplan: Workplan) -> dict:
    """Activities by status and the average progress of the whole workplan."""
    activities = WorkplanActivity.objects.filter(workstream__workplan=workplan)
    totals = activities.aggregate(
        total=Count("pk"),
        average=Avg("progress"),
        completed=Count("pk", filter=Q(status=WorkplanActivity.Status.COMPLETED)),
        in_progress=Count("pk", filter=Q(status=WorkplanActivity.Status.IN_PROGRESS)),
        planned=Count("pk", filter=Q(status=WorkplanActivity.Status.PLANNED)),
        postponed=Count("pk", filter=Q(status=WorkplanActivity.Status.POSTPONED)),
    )
    totals["average"] = round(totals["average"] or 0)
    return totals


def working_groups_list() -> QuerySet[WorkingGroup]:
    return (
        WorkingGroup.objects.filter(is_active=True)
        .select_related("workstream", "approved_at")
        .prefetch_related(Prefetch("members", queryset=BoardMember.objects.order_by("order", "full_name")))
        .order_by("name")
    )


def documents_list() -> QuerySet[BoardDocument]:
    return BoardDocument.objects.select_related("approved_at").order_by("kind", "title")


def experts_list() -> QuerySet[Expert]:
    return Expert.objects.filter(is_active=True).prefetch_related("areas").order_by("full_name", "pk")


def foresight_list() -> QuerySet[ForesightReport]:
    return (
        ForesightReport.objects.exclude(status=ForesightReport.Status.IN_PREPARATION)
        .select_related("approved_at")
        .prefetch_related("files")
        .order_by("-publication_date", "title", "pk")
    )


def meetings_held_in(*, start: datetime.date, end: datetime.date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(start_date__gte=start, start_date__lte=end).order_by("number")


def workstream_progress(workplan: Workplan) -> list[Workstream]:
    return list(
        workplan.workstreams.order_by("number").annotate(
            activity_count=Count("activities"),
            completed_count=Count(
                "activities", filter=Q(activities__status=WorkplanActivity.Status.COMPLETED)
            ),
            average_progress=Avg("activities__progress"),
        )
    )
