import datetime

import pytest
from rest_framework.test import APIClient

from coordination.models import Body, FocalPoint, Meeting, Sector, Topic
from tests.factories import api_key_for

from .conftest import make_body, make_focal_point, make_meeting, make_topic

pytestmark = pytest.mark.django_db

API = "/api/v1/coordination"


@pytest.fixture
def token_client(staff_user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(staff_user)}")
    return client


@pytest.fixture
def anonymous():
    return APIClient()


def test_staff_create_a_topic_with_a_token(token_client):
    response = token_client.post(f"{API}/topics/", {"name": "Industry engagement", "status": "proposed"},
                                 format="json")
    assert response.status_code == 201, response.data
    topic = Topic.objects.get(pk=response.data["id"])
    assert topic.name == "Industry engagement" and topic.status == Topic.Status.PROPOSED


def test_an_active_topic_created_through_the_api_is_accepted_today(token_client):
    response = token_client.post(f"{API}/topics/", {"name": "Space", "status": "active"}, format="json")
    assert response.status_code == 201
    assert Topic.objects.get(pk=response.data["id"]).accepted_on == datetime.date.today()


def test_anonymous_readers_list_but_cannot_write(anonymous):
    make_topic("gender")
    assert anonymous.get(f"{API}/topics/").data["count"] == 1
    for resource, payload in (("topics", {"name": "X", "status": "active"}),
                              ("bodies", {"acronym": "X", "name": "X", "kind": "secretariat"})):
        assert anonymous.post(f"{API}/{resource}/", payload, format="json").status_code in (401, 403)
    assert not Body.objects.exists() and Topic.objects.count() == 1


def test_a_signed_in_non_staff_user_cannot_write(member_user):
    client = APIClient()
    client.force_authenticate(member_user)
    assert client.post(f"{API}/topics/", {"name": "X"}, format="json").status_code == 403


def test_a_focal_point_is_created_named_or_vacant(token_client):
    topic = make_topic("accessibility")
    named = token_client.post(f"{API}/focal-points/", {"topic": topic.pk, "sector": "itu_t",
                                                       "name": "A. Person",
                                                       "vacant": False}, format="json")
    vacant = token_client.post(f"{API}/focal-points/", {"topic": topic.pk, "sector": "advisory_group",
                                                        "name": "", "vacant": True}, format="json")
    assert named.status_code == 201 and vacant.status_code == 201
    assert FocalPoint.objects.get(pk=vacant.data["id"]).vacant


def test_a_focal_point_neither_named_nor_vacant_is_refused_with_the_field(token_client):
    topic = make_topic("accessibility")
    response = token_client.post(f"{API}/focal-points/", {"topic": topic.pk, "sector": "itu_d", "name": "",
                                                          "vacant": False}, format="json")
    assert response.status_code == 400
    assert "name" in response.data
    assert not FocalPoint.objects.exists()


def test_a_focal_point_of_an_unknown_sector_is_refused(token_client):
    topic = make_topic()
    response = token_client.post(f"{API}/focal-points/", {"topic": topic.pk, "sector": "itu_x", "name": "A"},
                                 format="json")
    assert response.status_code == 400 and "sector" in response.data


def test_staff_create_a_body_and_its_meeting(token_client):
    body = token_client.post(f"{API}/bodies/", {"acronym": "ISCG",
                                                "name": "Inter-Sectoral Coordination Group",
                                                "kind": "membership"}, format="json")
    assert body.status_code == 201, body.data
    meeting = token_client.post(f"{API}/meetings/", {"body": body.data["id"], "held_on": "2024-05-31",
                                                     "title": "Second meeting"}, format="json")
    assert meeting.status_code == 201, meeting.data
    assert Meeting.objects.get(pk=meeting.data["id"]).held_on == datetime.date(2024, 5, 31)


def test_a_second_meeting_the_same_day_is_a_400(token_client):
    body = make_body()
    make_meeting(body, datetime.date(2024, 5, 31))
    response = token_client.post(f"{API}/meetings/", {"body": body.pk, "held_on": "2024-05-31",
                                                      "title": "Again"},
                                 format="json")
    assert response.status_code == 400 and "held_on" in response.data


def test_lists_are_paginated_and_filtered(anonymous):
    isctf, iscg = make_body("ISC-TF"), make_body("ISCG", Body.Kind.MEMBERSHIP)
    make_meeting(isctf, datetime.date(2024, 2, 1))
    make_meeting(isctf, datetime.date(2025, 2, 1))
    make_meeting(iscg, datetime.date(2024, 3, 1))
    page = anonymous.get(f"{API}/meetings/", {"body": "isc-tf", "year": 2024}).data
    assert page["count"] == 1 and page["results"][0]["held_on"] == "2024-02-01"
    assert {"count", "next", "previous", "results"} <= set(page)
    topic = make_topic()
    make_focal_point(topic, Sector.ITU_D)
    make_focal_point(topic, Sector.ADVISORY_GROUP, vacant=True)
    vacancies = anonymous.get(f"{API}/focal-points/", {"vacant": "true"}).data
    assert [row["sector"] for row in vacancies["results"]] == ["advisory_group"]


def test_anonymous_readers_do_not_get_focal_points_e_mail_addresses(anonymous, token_client):
    make_focal_point(make_topic())
    assert "email" not in anonymous.get(f"{API}/focal-points/").data["results"][0]
    assert token_client.get(f"{API}/focal-points/").data["results"][0]["email"]


def test_stats_of_a_year_have_exactly_the_contract_keys(anonymous):
    topic = make_topic("accessibility")
    make_focal_point(topic, Sector.ADVISORY_GROUP, vacant=True)
    body = make_body("ISC-TF")
    make_meeting(body, datetime.date(2024, 6, 1))
    make_meeting(body, datetime.date(2023, 6, 1))
    data = anonymous.get(f"{API}/stats/", {"year": 2024}).json()
    assert set(data) == {"year", "topics", "active_topics", "focal_points", "vacancies", "meetings_by_body",
                         "annual_reports_received", "annual_reports_expected"}
    assert data["year"] == 2024
    assert data["vacancies"] == [{"topic": "Accessibility", "sector": "advisory_group"}]
    assert data["meetings_by_body"] == [{"body": "ISC-TF", "meetings": 1}]


def test_stats_refuse_a_year_that_is_not_one(anonymous):
    assert anonymous.get(f"{API}/stats/", {"year": "20x4"}).status_code == 400
