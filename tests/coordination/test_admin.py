import pytest
from django.contrib import admin
from django.urls import reverse

from coordination import demo
from coordination.models import FocalPoint, Sector, Topic

from .conftest import make_topic

pytestmark = pytest.mark.django_db

ADMINS = sorted(m._meta.model_name for m in admin.site._registry if m._meta.app_label == "coordination")


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


@pytest.mark.parametrize("model", ADMINS)
def test_staff_open_every_coordination_changelist(staff_client, demo_data, model):
    assert staff_client.get(reverse(f"admin:coordination_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:coordination_{model}_changelist"), {"q": "a"}).status_code == 200


def test_staff_open_the_add_forms_and_a_topics_history(staff_client, demo_data):
    for model in ("topic", "focalpoint", "body", "meeting", "resolution", "outcome"):
        assert staff_client.get(reverse(f"admin:coordination_{model}_add")).status_code == 200
    topic = Topic.objects.get(slug="accessibility")
    assert staff_client.get(reverse("admin:coordination_topic_history", args=[topic.pk])).status_code == 200


def test_the_accept_action_calls_the_service(staff_client):
    proposed, active = make_topic("industry", status=Topic.Status.PROPOSED), make_topic("gender")
    response = staff_client.post(reverse("admin:coordination_topic_changelist"),
                                 {"action": "accept_topics", "_selected_action": [proposed.pk, active.pk]},
                                 follow=True)
    assert response.status_code == 200
    proposed.refresh_from_db()
    assert proposed.status == Topic.Status.ACTIVE and proposed.accepted_on
    assert "Only a proposed topic can be accepted." in response.content.decode()


def test_the_focal_point_form_refuses_a_post_neither_named_nor_vacant(staff_client):
    topic = make_topic()
    response = staff_client.post(reverse("admin:coordination_focalpoint_add"),
                                 {"topic": topic.pk, "sector": Sector.ITU_D, "name": "", "email": ""})
    assert response.status_code == 200
    assert "mark the post as vacant" in response.content.decode()
    assert not FocalPoint.objects.exists()


def test_staff_export_focal_points_as_csv(staff_client, demo_data):
    response = staff_client.post(reverse("admin:coordination_focalpoint_export"), {
        "format": "0", "resource": "1",  # codes and ids, for re-import
        "export_items": list(FocalPoint.objects.values_list("pk", flat=True)),
        **{f"focalpointresource_{name}": "on" for name in ("id", "topic__name", "sector", "vacant", "name")},
    })
    assert response.status_code == 200 and "text/csv" in response["Content-Type"]
    content = response.content.decode()
    assert "advisory_group" in content and "Industry engagement" in content
