import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from alliance.celery import app as celery_app
from alliance.models import Region, RegionalInitiative, StrategicObjective
from dtlab.demo import minimal_pdf
from dtlab.models import (
    Funder,
    Playbook,
    PlaybookDocument,
    PlaybookVersion,
    ProjectConcept,
    RIACohort,
    Service,
)


@pytest.fixture(autouse=True)
def mail_tasks_in_process():
    """Send queued mail in-process even where a broker is configured, so tests can read the outbox."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def mic(db):
    return Funder.objects.create(code="mic-japan", name_en="MIC, Japan", country="JP")


@pytest.fixture
def miit(db):
    return Funder.objects.create(code="miit-china", name_en="MIIT, China", country="CN")


@pytest.fixture
def make_playbook(db, mic):
    counter = iter(range(1, 10_000))

    def make(*, objective: int | None = 1, topic: str = "", status=Playbook.Status.IN_DEVELOPMENT,
             published_on=None, title: str | None = None, funder=mic) -> Playbook:
        n = next(counter)
        return Playbook.objects.create(
            slug=f"playbook-{n}", title_en=title or f"Playbook {n}",
            strategic_objective=StrategicObjective.objects.get(number=objective) if objective else None,
            topic=topic, status=status, published_on=published_on, funder=funder, order=n,
        )

    return make


@pytest.fixture
def add_pdf():
    def add(playbook: Playbook, *, number: str = "1.0", language: str = "en",
            released_on=datetime.date(2024, 10, 28)) -> PlaybookDocument:
        version, _ = PlaybookVersion.objects.get_or_create(
            playbook=playbook, number=number, defaults={"released_on": released_on}
        )
        document = PlaybookDocument(version=version, language=language)
        document.file.save(f"{playbook.slug}-{number}-{language}.pdf", ContentFile(minimal_pdf("t")),
                           save=False)
        document.save()
        return document

    return add


@pytest.fixture
def service(db):
    return Service.objects.create(slug="innovation-cafe", name_en="Innovation Café", open_to_members=False,
                                  open_to_centres=True, open_to_regional_offices=True)


@pytest.fixture
def make_cohort(db, miit):
    def make(*, number: int = 1, start=datetime.date(2025, 2, 3), countries=("AL", "BA", "ME", "MK", "RS"),
             concepts: int = 0, budget=Decimal("1000000.00")) -> RIACohort:
        cohort = RIACohort.objects.create(
            number=number, name_en=f"Cohort {number}", region=Region.objects.get(code="europe"),
            regional_initiative=RegionalInitiative.objects.get(code="EUR5"), funder=miit,
            start_date=start, end_date=start + datetime.timedelta(days=2), city_en="Podgorica",
            country="ME", participating_countries=list(countries),
        )
        for n in range(1, concepts + 1):
            ProjectConcept.objects.create(
                cohort=cohort, number=n, title_en=f"Concept {number}.{n}", lead_country=countries[0],
                budget_usd=budget, regional_initiative=cohort.regional_initiative,
            )
        return cohort

    return make
