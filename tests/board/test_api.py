import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from board import demo
from board.models import MeetingDocument, Recommendation

from .conftest import make_meeting, make_member, make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


def test_board_members_api_lists_the_31_demo_members_and_filters_by_role(client, demo_data):
    data = client.get("/api/v1/board-members/").json()
    assert data["count"] == 31
    co_chairs = client.get("/api/v1/board-members/", {"role": "co_chair"}).json()["results"]
    assert {m["slug"] for m in co_chairs} == {"bdt-director", "amina-diallo"}
    assert "notes" not in co_chairs[0]


def test_meetings_api_gives_dates_place_and_format(client, demo_data):
    data = client.get("/api/v1/meetings/2/").json()
    assert data["start_date"] == "2024-10-28" and data["city"] == "Valletta" and data["country"] == "MT"
    assert data["format"] == "hybrid" and data["held_with"] == "Global Innovation Forum"
    assert data["recommendation_count"] == 6
    assert client.get("/api/v1/meetings/", {"year": 2024}).json()["count"] == 2
    assert client.get("/api/v1/meetings/", {"meeting_format": "virtual"}).json()["count"] == 0


def test_recommendations_api_filters_by_meeting_and_status(client, demo_data):
    data = client.get("/api/v1/recommendations/", {"meeting": 1, "status": "implemented"}).json()
    assert data["count"] == 5
    assert {row["meeting"] for row in data["results"]} == {1}


def test_the_public_cannot_change_a_recommendation(client, member_user, demo_data):
    recommendation = Recommendation.objects.get(meeting__number=2, number=4)
    url = f"/api/v1/recommendations/{recommendation.pk}/status/"
    assert client.post(url, {"status": "implemented"}).status_code in (401, 403)
    client.force_login(member_user)
    assert client.post(url, {"status": "implemented"}).status_code == 403
    assert client.put(f"/api/v1/recommendations/{recommendation.pk}/", {}).status_code == 405


def test_staff_record_implementation_through_the_api(staff_client, demo_data):
    recommendation = Recommendation.objects.get(meeting__number=2, number=4)
    url = f"/api/v1/recommendations/{recommendation.pk}/status/"
    response = staff_client.post(
        url, {"status": "implemented", "progress_note": "Published."}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "implemented"
    bad = staff_client.post(url, {"status": "finished"}, content_type="application/json")
    assert bad.status_code == 400


def test_staff_get_the_service_rule_as_a_400(staff_client):
    recommendation = make_recommendation(make_meeting(1), 1)
    response = staff_client.post(
        f"/api/v1/recommendations/{recommendation.pk}/status/",
        {"status": "implemented"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "progress_note" in response.json()


def test_the_board_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/v1/board-members/", "/api/v1/meetings/", "/api/v1/recommendations/{id}/status/"):
        assert path in schema


@pytest.mark.parametrize("url", ["/api/v1/board-members/", "/api/v1/meetings/", "/api/v1/recommendations/"])
def test_board_api_lists_use_the_same_number_of_queries_for_5_and_200_items(client, url):
    counts = []
    for start, stop in [(0, 5), (5, 200)]:
        for i in range(start, stop):
            make_member(i)
            meeting = make_meeting(i + 1)
            make_recommendation(meeting, 1)
            MeetingDocument.objects.create(meeting=meeting, title="D", file="board/meetings/x.pdf")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6, counts
