"""Query budgets of the coordination pages and API lists: the same number of queries with a few
rows as with many (each list joins or prefetches what it shows)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.models import Body, CallToAction, Meeting, Resolution, ResolutionMapping, Sector, Topic

from .conftest import make_focal_point

pytestmark = pytest.mark.django_db

SIZES = [3, 60]

PAGE_BUDGETS = {
    "topics": 3,
    "bodies": 3,
    "body": 7,
    "resolutions map": 6,
    "resolutions map, filtered": 7,
}
API_BUDGETS = {
    "topics": 2,
    "focal points": 2,
    "bodies": 2,
    "meetings": 2,
    "meetings, filtered": 2,
    "stats": 7,
}


def _data(size: int) -> None:
    sectors = list(Sector.values)
    isctf = Body.objects.create(acronym="ISC-TF", name="Task force", kind=Body.Kind.SECRETARIAT)
    Body.objects.create(acronym="ISCG", name="Group", kind=Body.Kind.MEMBERSHIP)
    for i in range(size):
        day = datetime.date(2023, 1, 1)
        topic = Topic.objects.create(slug=f"t{i}", name=f"Topic {i}", status=Topic.Status.ACTIVE,
                                     added_on=day, accepted_on=day, order=i)
        make_focal_point(topic, sectors[i % 5])
        make_focal_point(topic, sectors[(i + 1) % 5], vacant=True)
        held_on = datetime.date(2024, 1, 1) + datetime.timedelta(days=i)
        meeting = Meeting.objects.create(body=isctf, held_on=held_on, title=f"M{i}")
        meeting.topics.add(topic)
        CallToAction.objects.create(meeting=meeting, topic=topic, addressed_to="council", text="Act.")
        resolution = Resolution.objects.create(assembly="pp", number=str(i), title=f"R{i}")
        ResolutionMapping.objects.create(resolution=resolution, topic=topic, sector=Sector.GS)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _pages() -> dict[str, str]:
    map_url = reverse("coordination:resolutions")
    return {
        "topics": reverse("coordination:topics"),
        "bodies": reverse("coordination:bodies"),
        "body": reverse("coordination:body-detail", args=["ISC-TF"]),
        "resolutions map": map_url,
        "resolutions map, filtered": f"{map_url}?assembly=pp&sector=gs&topic=t1",
    }


def _apis() -> dict[str, str]:
    api = "/api/v1/coordination"
    return {
        "topics": f"{api}/topics/", "focal points": f"{api}/focal-points/", "bodies": f"{api}/bodies/",
        "meetings": f"{api}/meetings/", "meetings, filtered": f"{api}/meetings/?body=ISC-TF&year=2024",
        "stats": f"{api}/stats/?year=2024",
    }


@pytest.mark.parametrize("size", SIZES)
def test_coordination_pages_stay_within_their_query_budget(client, size):
    _data(size)
    over = {name: count for name, url in _pages().items()
            if (count := _count(client, url)) > PAGE_BUDGETS[name]}
    assert not over, over


@pytest.mark.parametrize("size", SIZES)
def test_coordination_api_lists_stay_within_their_query_budget(client, size):
    _data(size)
    over = {name: count for name, url in _apis().items()
            if (count := _count(client, url)) > API_BUDGETS[name]}
    assert not over, over
