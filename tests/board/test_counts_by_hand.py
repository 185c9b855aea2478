"""Board report counts on small datasets built here, the expected figures worked out by hand."""

from __future__ import annotations

import datetime

import pytest

from board import selectors
from board.models import Recommendation
from tests.factories import BoardActivityFactory, MeetingFactory, RecommendationFactory, WorkstreamFactory

pytestmark = pytest.mark.django_db


def test_recommendations_by_status_list_every_status_with_zeros():
    meeting = MeetingFactory()
    RecommendationFactory(meeting=meeting, status="implemented", progress_note="Done.")
    RecommendationFactory(meeting=meeting, status="implemented", progress_note="Done.")
    RecommendationFactory(meeting=meeting, status="in_progress")
    counts = {row.status: row.count for row in selectors.recommendation_status_counts(
        Recommendation.objects.all())}
    assert counts == {"not_started": 0, "in_progress": 1, "implemented": 2, "discontinued": 0}


def test_workplan_progress_counts_activities_and_rounds_the_average():
    stream = WorkstreamFactory()
    BoardActivityFactory(workstream=stream, status="completed", progress=100)
    BoardActivityFactory(workstream=stream, status="in_progress", progress=25)
    BoardActivityFactory(workstream=stream, status="planned", progress=0)
    BoardActivityFactory(workstream=WorkstreamFactory(workplan=stream.workplan), status="postponed",
                         progress=10)
    BoardActivityFactory(status="completed", progress=100)           # another workplan: not counted
    totals = selectors.workplan_progress(stream.workplan)
    # (100 + 25 + 0 + 10) / 4 = 33.75 -> 34
    assert totals == {"total": 4, "average": 34, "completed": 1, "in_progress": 1, "planned": 1,
                      "postponed": 1}


def test_an_empty_workplan_is_at_zero():
    totals = selectors.workplan_progress(WorkstreamFactory().workplan)
    assert (totals["total"], totals["average"]) == (0, 0)


def test_meetings_held_in_a_period_are_counted_by_their_first_day():
    for number, day in ((1, datetime.date(2023, 12, 31)), (2, datetime.date(2024, 1, 1)),
                        (3, datetime.date(2025, 6, 30)), (4, datetime.date(2025, 7, 1))):
        MeetingFactory(number=number, start_date=day, end_date=day + datetime.timedelta(days=1))
    held = selectors.meetings_held_in(start=datetime.date(2024, 1, 1), end=datetime.date(2025, 6, 30))
    assert [meeting.number for meeting in held] == [2, 3]
