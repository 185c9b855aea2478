import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from board import services
from board.models import (
    BoardMember,
    Expert,
    ExpertiseArea,
    ExpertRequest,
    ForesightReport,
    Recommendation,
    WorkplanActivity,
)
from tests.factories import png_upload

from .conftest import make_meeting, make_member, make_recommendation

pytestmark = pytest.mark.django_db


def test_a_meeting_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting(1, start_date=datetime.date(2024, 3, 20), end_date=datetime.date(2024, 3, 19))


def test_a_recommendation_number_is_unique_within_its_meeting():
    meeting = make_meeting(1)
    make_recommendation(meeting, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_recommendation(meeting, 1)
    make_recommendation(make_meeting(2), 1)


def test_only_a_co_chair_can_be_marked_elected_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_member(1, role=BoardMember.Role.MEMBER, elected_by_members=True)


def test_the_board_has_at_most_two_co_chairs():
    make_member(1, role=BoardMember.Role.CO_CHAIR, is_founding_member=True)
    make_member(2, role=BoardMember.Role.CO_CHAIR, elected_by_members=True)
    third = BoardMember(slug="third", full_name="Third", role=BoardMember.Role.CO_CHAIR)
    with pytest.raises(ValidationError) as error:
        services.board_member_validate(member=third)
    assert "role" in error.value.message_dict


def test_only_one_co_chair_is_elected_by_the_members():
    make_member(1, role=BoardMember.Role.CO_CHAIR, elected_by_members=True)
    other = BoardMember(slug="x", full_name="X", role=BoardMember.Role.CO_CHAIR, elected_by_members=True)
    with pytest.raises(ValidationError) as error:
        services.board_member_validate(member=other)
    assert "elected_by_members" in error.value.message_dict


def test_a_term_cannot_end_before_it_starts():
    member = BoardMember(
        slug="x", full_name="X", term_start=datetime.date(2025, 1, 1), term_end=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError):
        services.board_member_validate(member=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        member.save()


def test_staff_record_implementation_and_the_change_is_kept_in_history():
    recommendation = make_recommendation(make_meeting(1), 1)
    services.recommendation_update_status(
        recommendation=recommendation,
        status=Recommendation.Status.IN_PROGRESS,
        progress_note="Drafting started.",
    )
    services.recommendation_update_status(
        recommendation=recommendation, status=Recommendation.Status.IMPLEMENTED
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IMPLEMENTED
    assert recommendation.status_updated_at is not None
    assert list(recommendation.history.order_by("history_id").values_list("status", flat=True)) == [
        "not_started",
        "in_progress",
        "implemented",
    ]


def test_a_recommendation_cannot_be_marked_implemented_without_saying_how():
    recommendation = make_recommendation(make_meeting(1), 1)
    with pytest.raises(ValidationError) as error:
        services.recommendation_update_status(
            recommendation=recommendation, status=Recommendation.Status.IMPLEMENTED
        )
    assert "progress_note" in error.value.message_dict


def test_an_unknown_status_is_refused():
    recommendation = make_recommendation(make_meeting(1), 1)
    with pytest.raises(ValidationError):
        services.recommendation_update_status(recommendation=recommendation, status="done-ish")


@pytest.mark.parametrize(("status", "progress"), [("completed", 80), ("planned", 10), ("in_progress", 101)])
def test_activity_progress_must_match_its_status(status, progress):
    from board.models import Workplan, Workstream

    workplan = Workplan.objects.create(title="W", start_year=2024, end_year=2026)
    activity = WorkplanActivity.objects.create(
        workstream=Workstream.objects.create(workplan=workplan, number=1, title="S"), title="A"
    )
    with pytest.raises(ValidationError):
        services.activity_update_progress(activity=activity, status=status, progress=progress)
    activity.status, activity.progress = status, progress
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


def test_a_published_foresight_report_has_a_publication_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForesightReport.objects.create(
            slug="x", title="X", theme="T", status=ForesightReport.Status.PUBLISHED
        )


@pytest.fixture
def area():
    return ExpertiseArea.objects.create(slug="foresight", name="Strategic foresight")


def submit(area, **overrides):
    fields = {
        "full_name": "Ada Lovelace",
        "email": "Ada@Example.org",
        "organisation": "Analytical Engines",
        "country": "GB",
        "areas": [area],
        "motivation": "I study futures.",
        **overrides,
    }
    return services.expert_request_submit(**fields)


def test_a_membership_request_is_stored_pending_and_acknowledged(area, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(area)
    assert request.status == ExpertRequest.Status.PENDING
    assert request.email == "ada@example.org"
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]


def test_a_second_pending_request_from_the_same_address_is_refused(area):
    submit(area)
    with pytest.raises(ValidationError) as error:
        submit(area, email="ada@example.org")
    assert "email" in error.value.message_dict


def test_a_request_needs_an_area_of_expertise(area):
    with pytest.raises(ValidationError):
        submit(area, areas=[])


def test_staff_approval_makes_the_requester_an_expert(area, staff_user, django_capture_on_commit_callbacks):
    request = submit(area)
    with django_capture_on_commit_callbacks(execute=True):
        expert = services.expert_request_approve(expert_request=request, by=staff_user)
    request.refresh_from_db()
    assert request.status == ExpertRequest.Status.APPROVED and request.expert == expert
    assert request.decided_by == staff_user and request.decided_at is not None
    assert list(expert.areas.all()) == [area]
    assert "Welcome to the Expert Network" in mail.outbox[-1].subject
    with pytest.raises(ValidationError):
        services.expert_request_approve(expert_request=request, by=staff_user)


def test_a_rejected_request_creates_no_expert(area, staff_user):
    request = submit(area)
    services.expert_request_reject(expert_request=request, by=staff_user)
    assert Expert.objects.count() == 0
    assert ExpertRequest.objects.get().status == ExpertRequest.Status.REJECTED


def test_an_existing_expert_cannot_apply_again(area):
    Expert.objects.create(full_name="Ada", email="ada@example.org", organisation="X", country="GB")
    with pytest.raises(ValidationError):
        submit(area)


def test_a_member_photo_must_be_a_real_image():
    from django.core.files.uploadedfile import SimpleUploadedFile


    member = BoardMember(
        slug="p", full_name="P", photo=SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image")
    )
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "photo" in error.value.message_dict
    member.photo = png_upload()
    member.full_clean()


def test_meeting_documents_must_be_pdfs_by_content():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from board.models import MeetingDocument

    document = MeetingDocument(
        meeting=make_meeting(1),
        title="Report",
        file=SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>"),
    )
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "file" in error.value.message_dict
