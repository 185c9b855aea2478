"""The Digital Innovation Board section of the TDAG progress report on the Alliance."""

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, figures, section

from . import selectors
from .models import Recommendation


@section(kind=ReportKind.ALLIANCE, key="board", order=30, title=_("Digital Innovation Board"),
         template="board/report/section.html")
def board_section(period: Period) -> dict:
    meetings = list(selectors.meetings_held_in(start=period.start, end=period.end).prefetch_related(
        "recommendations"))
    recommendations = Recommendation.objects.filter(meeting__in=[m.pk for m in meetings])
    status_counts = selectors.recommendation_status_counts(recommendations)
    workplan = selectors.current_workplan(on=period.end) or selectors.current_workplan()
    workstreams = selectors.workstream_progress(workplan) if workplan else []
    progress = selectors.workplan_progress(workplan) if workplan else None
    return {
        "member_count": selectors.members_list().count(),
        "co_chairs": list(selectors.co_chairs()),
        "meetings": meetings,
        "recommendation_count": sum(row.count for row in status_counts),
        "implemented_count": next(row.count for row in status_counts
                                  if row.status == Recommendation.Status.IMPLEMENTED),
        "status_counts": status_counts,
        "workplan": workplan,
        "workstreams": workstreams,
        "workplan_progress": progress,
        "foresight_reports": list(selectors.foresight_list()),
    }


@figures(kind=ReportKind.ALLIANCE)
def board_figures(period: Period) -> dict:
    return {
        "board_members": selectors.members_list().count(),
        "board_meetings": selectors.meetings_held_in(start=period.start, end=period.end).count(),
    }
