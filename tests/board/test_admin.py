import pytest
from django.contrib import admin
from django.urls import reverse

from board import demo
from board.models import ExpertiseArea, ExpertRequest, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


BOARD_ADMINS = sorted(m._meta.model_name for m in admin.site._registry if m._meta.app_label == "board")


def test_every_main_board_model_has_an_admin():
    assert {
        "boardmember",
        "meeting",
        "recommendation",
        "workplan",
        "workplanactivity",
        "workinggroup",
        "boarddocument",
        "expert",
        "expertrequest",
        "foresightreport",
    } <= set(BOARD_ADMINS)


@pytest.mark.parametrize("model", BOARD_ADMINS)
def test_staff_can_open_every_board_changelist_and_add_form(staff_client, demo_data, model):
    assert staff_client.get(reverse(f"admin:board_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:board_{model}_changelist"), {"q": "board"}).status_code == 200
    assert staff_client.get(reverse(f"admin:board_{model}_add")).status_code == 200


def test_staff_can_see_the_history_of_a_recommendation(staff_client, demo_data):
    recommendation = Recommendation.objects.first()
    response = staff_client.get(reverse("admin:board_recommendation_history", args=[recommendation.pk]))
    assert response.status_code == 200


def test_staff_export_recommendations_as_csv(staff_client, demo_data):
    url = reverse("admin:board_recommendation_export")
    response = staff_client.post(
        url,
        {
            "format": "0",
            "resource": "1",  # codes and ids, for re-import
            "export_items": list(Recommendation.objects.values_list("pk", flat=True)),
            **{
                f"recommendationresource_{name}": "on"
                for name in ("id", "meeting__number", "number", "status")
            },
        },
    )
    assert response.status_code == 200
    assert "text/csv" in response["Content-Type"]
    assert "implemented" in response.content.decode()


def test_approve_action_in_the_admin_calls_the_service(staff_client, staff_user):
    area = ExpertiseArea.objects.create(slug="a", name="A")
    request = ExpertRequest.objects.create(
        full_name="Ada", email="ada@example.org", organisation="X", country="GB", motivation="m"
    )
    request.areas.add(area)
    response = staff_client.post(
        reverse("admin:board_expertrequest_changelist"),
        {"action": "approve_requests", "_selected_action": [request.pk]},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ExpertRequest.Status.APPROVED and request.decided_by == staff_user


def test_admin_refuses_a_third_co_chair(staff_client, demo_data):
    response = staff_client.post(
        reverse("admin:board_boardmember_add"),
        {
            "slug": "third",
            "full_name": "Third",
            "role": "co_chair",
            "personal_capacity": "on",
            "order": 5,
        },
    )
    assert response.status_code == 200
    assert "The Board already has two co-chairs." in response.content.decode()


def test_staff_home_links_to_the_board_work_queues(staff_client):
    html = staff_client.get(reverse("staff-home")).content.decode()
    assert reverse("admin:board_expertrequest_changelist") + "?status__exact=pending" in html


def test_staff_export_board_members_as_xlsx(staff_client, demo_data):
    from board.admin import BoardMemberAdmin
    from board.models import BoardMember

    formats = BoardMemberAdmin(BoardMember, admin.site).get_export_formats()
    index = next(i for i, f in enumerate(formats) if f().get_title() == "xlsx")
    response = staff_client.post(
        reverse("admin:board_boardmember_export"),
        {
            "format": str(index),
            "resource": "1",  # codes and ids, for re-import
            "export_items": list(BoardMember.objects.values_list("pk", flat=True)),
            "boardmemberresource_full_name": "on",
            "boardmemberresource_slug": "on",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"
