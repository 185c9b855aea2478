"""Every rule of board/services.py, each proved by a test that fails when it is removed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from board import services
from board.models import BoardMember, Expert, ExpertRequest, Recommendation, WorkplanActivity
from tests.factories import (
    BoardActivityFactory,
    BoardMemberFactory,
    ExpertFactory,
    ExpertiseAreaFactory,
    ExpertRequestFactory,
    RecommendationFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

CO_CHAIR = BoardMember.Role.CO_CHAIR


def refused(match: str):
    return pytest.raises(ValidationError, match=match)


# --- Board members --------------------------------------------------------------------------------


def test_a_term_cannot_end_before_it_starts():
    member = BoardMember(full_name="M", term_start=datetime.date(2025, 1, 2),
                         term_end=datetime.date(2025, 1, 1))
    with refused("cannot end before it starts"):
        services.board_member_validate(member=member)
    member.term_end = member.term_start
    services.board_member_validate(member=member)


def test_only_a_co_chair_is_elected_by_the_members():
    with refused("Only a co-chair is elected"):
        services.board_member_validate(member=BoardMember(full_name="M", elected_by_members=True))


def test_the_board_has_at_most_two_co_chairs():
    BoardMemberFactory(role=CO_CHAIR)
    services.board_member_validate(member=BoardMember(full_name="Second", role=CO_CHAIR))
    BoardMemberFactory(role=CO_CHAIR)
    with refused("already has two co-chairs"):
        services.board_member_validate(member=BoardMember(full_name="Third", role=CO_CHAIR))


def test_a_co_chair_saved_again_does_not_count_against_itself():
    BoardMemberFactory(role=CO_CHAIR)
    second = BoardMemberFactory(role=CO_CHAIR)
    services.board_member_validate(member=second)


def test_only_one_co_chair_is_elected_by_the_members():
    BoardMemberFactory(role=CO_CHAIR, elected_by_members=True)
    with refused("already has an elected co-chair"):
        services.board_member_validate(
            member=BoardMember(full_name="M", role=CO_CHAIR, elected_by_members=True))
    services.board_member_validate(member=BoardMember(full_name="M", role=CO_CHAIR))


# --- Recommendations ------------------------------------------------------------------------------


def test_a_recommendation_status_must_be_known():
    recommendation = RecommendationFactory()
    with refused("Unknown implementation status"):
        services.recommendation_update_status(recommendation=recommendation, status="abandoned")
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.NOT_STARTED


def test_a_recommendation_is_marked_implemented_only_with_a_note():
    recommendation = RecommendationFactory()
    with refused("Say how the recommendation was implemented"):
        services.recommendation_update_status(recommendation=recommendation, status="implemented")
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.NOT_STARTED
    services.recommendation_update_status(recommendation=recommendation, status="implemented",
                                          progress_note="Published in June.")
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IMPLEMENTED


def test_a_note_written_earlier_is_enough_to_mark_it_implemented():
    recommendation = RecommendationFactory(progress_note="Workshop held.")
    services.recommendation_update_status(recommendation=recommendation, status="implemented",
                                          due_date=datetime.date(2026, 6, 1))
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.progress_note, recommendation.due_date) == (
        "implemented", "Workshop held.", datetime.date(2026, 6, 1))
    assert recommendation.status_updated_at is not None


# --- Workplan activities --------------------------------------------------------------------------


def test_an_activity_status_must_be_known():
    activity = BoardActivityFactory()
    with refused("Unknown activity status"):
        services.activity_update_progress(activity=activity, status="paused", progress=10)


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_is_a_percentage(progress):
    activity = BoardActivityFactory()
    with refused("between 0 and 100"):
        services.activity_update_progress(activity=activity, status="in_progress", progress=progress)
    activity.refresh_from_db()
    assert activity.progress == 0


@pytest.mark.parametrize("progress", [0, 100])
def test_progress_may_be_zero_or_a_hundred(progress):
    activity = BoardActivityFactory()
    services.activity_update_progress(activity=activity, status="in_progress", progress=progress)
    activity.refresh_from_db()
    assert activity.progress == progress


def test_a_completed_activity_is_at_a_hundred_percent():
    activity = BoardActivityFactory()
    with refused("must be at 100 percent"):
        services.activity_update_progress(activity=activity, status="completed", progress=99)
    activity.refresh_from_db()
    assert activity.status == WorkplanActivity.Status.PLANNED


def test_a_planned_activity_has_not_progressed():
    activity = BoardActivityFactory(status="in_progress", progress=50)
    with refused("has not progressed yet"):
        services.activity_update_progress(activity=activity, status="planned", progress=1)
    activity.refresh_from_db()
    assert activity.status == WorkplanActivity.Status.IN_PROGRESS


# --- Expert Network -------------------------------------------------------------------------------


def submit(**values):
    return services.expert_request_submit(**{
        "full_name": "Ada", "email": "ada@example.org", "organisation": "Uni", "country": "CH",
        "areas": [ExpertiseAreaFactory()], "motivation": "I can help.", **values})


def test_a_request_to_join_names_an_area_of_expertise():
    with refused("at least one area"):
        submit(areas=[])
    assert not ExpertRequest.objects.exists()


def test_an_active_member_of_the_network_cannot_ask_to_join_again():
    ExpertFactory(email="ada@example.org")
    with refused("already belongs to a member"):
        submit(email="ADA@example.org")
    assert not ExpertRequest.objects.exists()


def test_a_former_member_may_ask_to_join_again():
    ExpertFactory(email="ada@example.org", is_active=False)
    assert submit().pk


def test_a_second_pending_request_from_one_address_is_refused():
    ExpertRequestFactory(email="ada@example.org")
    with refused("already being reviewed"):
        submit(email="Ada@Example.org")
    assert ExpertRequest.objects.count() == 1


def test_a_decided_request_does_not_stop_a_new_one():
    ExpertRequestFactory(email="ada@example.org", status=ExpertRequest.Status.REJECTED)
    assert submit().pk


@pytest.mark.parametrize("status", [ExpertRequest.Status.APPROVED, ExpertRequest.Status.REJECTED])
def test_only_a_pending_request_is_approved(status):
    request = ExpertRequestFactory(status=status)
    with refused("Only pending requests can be approved"):
        services.expert_request_approve(expert_request=request, by=StaffFactory())
    assert not Expert.objects.exists()


@pytest.mark.parametrize("status", [ExpertRequest.Status.APPROVED, ExpertRequest.Status.REJECTED])
def test_only_a_pending_request_is_rejected(status):
    request = ExpertRequestFactory(status=status)
    with refused("Only pending requests can be rejected"):
        services.expert_request_reject(expert_request=request, by=StaffFactory())
    request.refresh_from_db()
    assert request.status == status


def test_approving_a_former_member_makes_them_active_again_with_the_new_areas():
    old_area, new_area = ExpertiseAreaFactory(), ExpertiseAreaFactory()
    expert = ExpertFactory(email="ada@example.org", is_active=False)
    expert.areas.add(old_area)
    request = ExpertRequestFactory(email="ada@example.org", areas=[new_area])
    services.expert_request_approve(expert_request=request, by=StaffFactory())
    expert.refresh_from_db()
    assert expert.is_active
    assert set(expert.areas.all()) == {old_area, new_area}
    request.refresh_from_db()
    assert (request.status, request.expert) == (ExpertRequest.Status.APPROVED, expert)
