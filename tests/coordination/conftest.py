import datetime

import pytest
from django.utils import translation

from coordination.models import Body, FocalPoint, Meeting, Sector, Topic


@pytest.fixture(autouse=True)
def english_urls():
    """reverse() follows the active language, which a request to /fr/... leaves behind."""
    with translation.override("en"):
        yield


def make_topic(slug: str = "gender", status: str = Topic.Status.ACTIVE, **fields) -> Topic:
    defaults = {
        "name": slug.replace("-", " ").capitalize(),
        "added_on": datetime.date(2023, 1, 1),
        "accepted_on": datetime.date(2023, 1, 1) if status == Topic.Status.ACTIVE else None,
    }
    return Topic.objects.create(slug=slug, status=status, **{**defaults, **fields})


def make_focal_point(topic: Topic, sector: str = Sector.ITU_D, **fields) -> FocalPoint:
    defaults = {"name": f"Focal point {topic.slug} {sector}", "email": f"{topic.slug}.{sector}@itu.example"}
    if fields.get("vacant"):
        defaults = {"name": "", "email": ""}
    return FocalPoint.objects.create(topic=topic, sector=sector, **{**defaults, **fields})


def make_body(acronym: str = "ISC-TF", kind: str = Body.Kind.SECRETARIAT) -> Body:
    return Body.objects.create(acronym=acronym, name=f"{acronym} body", kind=kind)


def make_meeting(body: Body, held_on: datetime.date, **fields) -> Meeting:
    return Meeting.objects.create(body=body, held_on=held_on, title=fields.pop("title", "Meeting"), **fields)


@pytest.fixture
def focal_user(django_user_model):
    return django_user_model.objects.create_user(
        username="focal", password="correct horse battery", email="focal@itu.example"
    )


@pytest.fixture
def other_focal_user(django_user_model):
    return django_user_model.objects.create_user(
        username="other-focal", password="correct horse battery", email="other@itu.example"
    )
