import datetime

import pytest
from django.urls import reverse

from coordination.models import Body, MapUpdate, Resolution, ResolutionMapping, Sector, Topic

from .conftest import make_body, make_focal_point, make_meeting, make_topic

pytestmark = pytest.mark.django_db


def test_the_topics_page_lists_focal_points_and_vacancies_but_not_closed_topics(client):
    topic = make_topic("accessibility", name="Accessibility")
    make_focal_point(topic, Sector.ITU_T, name="Named Person")
    make_focal_point(topic, Sector.ADVISORY_GROUP, vacant=True, vacancy_note="The focal point retired.")
    make_topic("old", status=Topic.Status.CLOSED, name="Closed topic")
    html = client.get(reverse("coordination:topics")).content.decode()
    assert "Named Person" in html and "The focal point retired." in html
    assert "Vacant focal points" in html
    assert "Closed topic" not in html


def test_the_topics_page_speaks_the_visitors_language(client):
    make_topic("gender", name_en="Gender", name_ar="المساواة بين الجنسين")
    response = client.get("/ar/coordination/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and "المساواة بين الجنسين" in html


def test_the_bodies_page_shows_each_body_with_its_meetings(client):
    isctf = make_body("ISC-TF")
    make_body("ISCG", Body.Kind.MEMBERSHIP)
    make_meeting(isctf, datetime.date(2024, 2, 20), title="First of 2024")
    html = client.get(reverse("coordination:bodies")).content.decode()
    assert "ISC-TF" in html and "ISCG" in html and "First of 2024" in html


def test_a_body_page_answers_404_for_an_unknown_acronym(client):
    assert client.get(reverse("coordination:body-detail", args=["NOPE"])).status_code == 404


def test_the_resolutions_map_filters_by_assembly_topic_and_sector(client):
    climate, gender = make_topic("climate", name="Climate"), make_topic("gender", name="Gender")
    pp = Resolution.objects.create(assembly="pp", number="182", title="Climate resolution")
    wtsa = Resolution.objects.create(assembly="wtsa", number="55", title="Gender resolution")
    ResolutionMapping.objects.create(resolution=pp, topic=climate, sector=Sector.ITU_T)
    ResolutionMapping.objects.create(resolution=wtsa, topic=gender, sector=Sector.ITU_T)
    MapUpdate.objects.create(updated_on=datetime.date(2024, 11, 29), after_event="WTSA-24")
    url = reverse("coordination:resolutions")
    everything = client.get(url).content.decode()
    assert "Climate resolution" in everything and "Gender resolution" in everything
    assert "WTSA-24" in everything
    by_assembly = client.get(url, {"assembly": "wtsa"}).content.decode()
    assert "Gender resolution" in by_assembly and "Climate resolution" not in by_assembly
    by_topic = client.get(url, {"topic": "climate"}).content.decode()
    assert "Climate resolution" in by_topic and "Gender resolution" not in by_topic


def test_a_bad_filter_value_is_a_form_error_not_a_server_error(client):
    response = client.get(reverse("coordination:resolutions"), {"assembly": "nope"})
    assert response.status_code == 200
    assert "field-invalid" in response.content.decode()


def test_the_site_navigation_links_the_coordination_pages(client):
    assert reverse("coordination:topics") in client.get(reverse("home")).content.decode()
