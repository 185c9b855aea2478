import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from coordination import selectors, services
from coordination.models import AnnualReport, Body, FocalPoint, Meeting, Sector, Topic

from .conftest import make_body, make_focal_point, make_meeting, make_topic

pytestmark = pytest.mark.django_db


def test_a_new_topic_is_proposed_and_staff_accept_it():
    topic = services.topic_create(name="Industry engagement")
    assert topic.status == Topic.Status.PROPOSED and topic.slug == "industry-engagement"
    services.topic_accept(topic=topic, on=datetime.date(2025, 1, 10))
    topic.refresh_from_db()
    assert topic.status == Topic.Status.ACTIVE and topic.accepted_on == datetime.date(2025, 1, 10)


def test_only_a_proposed_topic_can_be_accepted():
    topic = make_topic("gender")
    with pytest.raises(ValidationError):
        services.topic_accept(topic=topic)


def test_an_active_topic_needs_an_acceptance_date_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.create(
            slug="x", name="X", status=Topic.Status.ACTIVE, added_on=datetime.date(2024, 1, 1)
        )


def test_a_focal_point_is_named_or_vacant():
    topic = make_topic()
    with pytest.raises(ValidationError) as error:
        services.focal_point_create(topic=topic, sector=Sector.ITU_D, name="", vacant=False)
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.focal_point_create(topic=topic, sector=Sector.ITU_D, name="Someone", vacant=True)
    assert "name" in error.value.message_dict
    vacancy = services.focal_point_create(topic=topic, sector=Sector.ITU_D, vacant=True)
    assert vacancy.vacant and vacancy.name == ""


def test_the_database_refuses_a_focal_point_neither_named_nor_vacant():
    topic = make_topic()
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPoint.objects.create(topic=topic, sector=Sector.ITU_D, name="", vacant=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPoint.objects.create(topic=topic, sector=Sector.ITU_D, name="Named", vacant=True)


def test_a_topic_has_one_focal_point_per_sector():
    topic = make_topic()
    make_focal_point(topic, Sector.ITU_T)
    with pytest.raises(ValidationError) as error:
        services.focal_point_create(topic=topic, sector=Sector.ITU_T, name="Second")
    assert "sector" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPoint.objects.create(topic=topic, sector=Sector.ITU_T, name="Second")


def test_a_focal_point_who_retires_leaves_a_vacancy_and_keeps_the_reports(focal_user):
    focal_point = make_focal_point(make_topic("accessibility"), Sector.ADVISORY_GROUP, user=focal_user)
    services.annual_report_submit(focal_point=focal_point, year=2024, progress="Captioning.")
    services.focal_point_vacate(focal_point=focal_point, note="Retired.")
    focal_point.refresh_from_db()
    assert focal_point.vacant and focal_point.name == "" and focal_point.user is None
    assert focal_point.annual_reports.count() == 1
    assert [fp.pk for fp in selectors.vacancies()] == [focal_point.pk]


def test_a_meeting_held_in_person_needs_a_place():
    body = make_body()
    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            body=body, held_on=datetime.date(2024, 3, 1), title="M", format=Meeting.Format.IN_PERSON
        )
    assert "place" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            body=body, held_on=datetime.date(2024, 3, 1), title="M", format=Meeting.Format.HYBRID, place=""
        )


def test_a_body_meets_once_a_day():
    body = make_body()
    services.meeting_create(body=body, held_on=datetime.date(2024, 3, 1), title="M")
    with pytest.raises(ValidationError) as error:
        services.meeting_create(body=body, held_on=datetime.date(2024, 3, 1), title="Again")
    assert "held_on" in error.value.message_dict


def test_a_body_acronym_is_unique_whatever_the_case():
    make_body("ISCG", Body.Kind.MEMBERSHIP)
    with pytest.raises(ValidationError):
        services.body_create(acronym="iscg", name="Again", kind=Body.Kind.MEMBERSHIP)


def test_an_annual_report_is_one_per_focal_point_and_year_and_can_be_corrected(focal_user):
    focal_point = make_focal_point(make_topic(), user=focal_user)
    services.annual_report_submit(focal_point=focal_point, year=2024, progress="First.", by=focal_user)
    services.annual_report_submit(focal_point=focal_point, year=2024, progress="Corrected.", by=focal_user)
    assert AnnualReport.objects.get().progress == "Corrected."
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualReport.objects.create(
            focal_point=focal_point,
            year=2024,
            progress="x",
            submitted_at=AnnualReport.objects.get().submitted_at,
        )


def test_an_annual_report_needs_progress_and_a_year_that_has_begun():
    focal_point = make_focal_point(make_topic())
    with pytest.raises(ValidationError) as error:
        services.annual_report_submit(focal_point=focal_point, year=2024, progress="  ")
    assert "progress" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.annual_report_submit(
            focal_point=focal_point, year=datetime.date.today().year + 1, progress="Early."
        )
    assert "year" in error.value.message_dict


def test_a_vacant_post_cannot_report():
    vacancy = make_focal_point(make_topic(), vacant=True)
    with pytest.raises(ValidationError):
        services.annual_report_submit(focal_point=vacancy, year=2024, progress="x")


def test_stats_count_meetings_of_the_year_only_and_reports_of_named_focal_points():
    active, proposed = make_topic("gender"), make_topic("industry", status=Topic.Status.PROPOSED)
    make_topic("old", status=Topic.Status.CLOSED)
    named = make_focal_point(active, Sector.GS)
    make_focal_point(active, Sector.ITU_D)
    make_focal_point(proposed, Sector.ADVISORY_GROUP, vacant=True)
    isctf, iscg = make_body("ISC-TF"), make_body("ISCG", Body.Kind.MEMBERSHIP)
    for day in (datetime.date(2024, 1, 5), datetime.date(2024, 12, 31), datetime.date(2025, 1, 1)):
        make_meeting(isctf, day)
    make_meeting(iscg, datetime.date(2023, 12, 31))
    services.annual_report_submit(focal_point=named, year=2024, progress="Done.")
    services.annual_report_submit(focal_point=named, year=2023, progress="Earlier.")

    stats = selectors.coordination_stats(year=2024)

    assert stats == {
        "year": 2024,
        "topics": 2,
        "active_topics": 1,
        "focal_points": 2,
        "vacancies": [{"topic": "Industry", "sector": "advisory_group"}],
        "meetings_by_body": [{"body": "ISC-TF", "meetings": 2}, {"body": "ISCG", "meetings": 0}],
        "annual_reports_received": 1,
        "annual_reports_expected": 2,
    }
