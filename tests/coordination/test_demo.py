"""The demo holds what seed 004 states."""

import pytest

from coordination import demo as coordination_demo
from coordination import selectors
from coordination.models import AnnualReport, FocalPoint, MapUpdate, Outcome, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    coordination_demo.load(log=lambda message: None)


def test_the_demo_has_the_16_topics_of_seed_004_and_industry_engagement_proposed(demo):
    assert Topic.objects.filter(status=Topic.Status.ACTIVE).count() == 16
    proposed = Topic.objects.get(status=Topic.Status.PROPOSED)
    assert proposed.name_en == "Industry engagement" and proposed.name_ru == "Участие отрасли"
    assert Topic.objects.get(slug="climate-change").name_zh_hans == "气候变化与环境可持续性"


def test_the_demo_vacancies_are_accessibility_and_industry_engagement(demo):
    vacancies = list(FocalPoint.objects.filter(vacant=True).values_list("topic__slug", "sector"))
    assert sorted(vacancies) == [
        ("accessibility", "advisory_group"),
        ("industry-engagement", "advisory_group"),
    ]
    assert "Andrea Saks" in FocalPoint.objects.get(topic__slug="accessibility", vacant=True).vacancy_note


def test_the_demo_bodies_met_5_and_3_times_in_2024(demo):
    stats = selectors.coordination_stats(year=2024)
    assert stats["meetings_by_body"] == [{"body": "ISC-TF", "meetings": 5}, {"body": "ISCG", "meetings": 3}]
    assert stats["active_topics"] == 16


def test_the_demo_map_was_updated_after_wtsa_24_and_names_the_outcomes(demo):
    assert MapUpdate.objects.latest().after_event == "WTSA-24"
    titles = set(Outcome.objects.values_list("title_en", flat=True))
    assert {
        "ITU capacity development handbook",
        "Green Digital Action declaration",
        "First digitalization day at a climate conference (COP-29)",
    } <= titles
    assert (
        "eight common goals" in Outcome.objects.get(title_en="Green Digital Action declaration").description
    )
    assert AnnualReport.objects.filter(year=2024).exists()


def test_loading_the_demo_twice_adds_nothing(demo):
    from coordination import models

    counts = {
        m.__name__: m.objects.count()
        for m in (
            models.Topic,
            models.FocalPoint,
            models.Meeting,
            models.ResolutionMapping,
            models.Outcome,
            models.AnnualReport,
            models.CallToAction,
        )
    }
    coordination_demo.load(log=lambda message: None)
    assert counts == {
        m.__name__: m.objects.count()
        for m in (
            models.Topic,
            models.FocalPoint,
            models.Meeting,
            models.ResolutionMapping,
            models.Outcome,
            models.AnnualReport,
            models.CallToAction,
        )
    }
