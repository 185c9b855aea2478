import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from alliance.reports.registry import Period, ReportKind, sections_for
from dtlab import demo, selectors
from dtlab.models import Playbook, PlaybookDocument, ProjectConcept, RIACohort, ServiceRequest

pytestmark = pytest.mark.django_db

SEED_PERIOD = Period(start=datetime.date(2024, 1, 1), end=datetime.date(2025, 3, 31))


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


def dtlab_section():
    return next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "dtlab")


def test_demo_has_the_eight_mic_playbooks_of_seed_000(demo_data):
    mic = Playbook.objects.filter(funder__code="mic-japan")
    assert mic.count() == 8
    assert mic.filter(strategic_objective__isnull=False).values("strategic_objective").distinct().count() == 5
    assert set(mic.exclude(topic="").values_list("topic", flat=True)) == {
        "co_design", "advocacy", "resource_mobilization"
    }
    assert not mic.exclude(status=Playbook.Status.PUBLISHED).exists()


def test_demo_standardization_playbook_is_in_development_with_tsb(demo_data):
    playbook = Playbook.objects.get(topic=Playbook.Topic.STANDARDIZATION)
    assert playbook.status == Playbook.Status.IN_DEVELOPMENT
    assert "TSB" in playbook.partners


def test_demo_pdfs_are_real_pdfs_in_each_language_not_placeholders(demo_data):
    documents = PlaybookDocument.objects.all()
    assert sorted({document.language for document in documents}) == sorted(demo.DEMO_LANGUAGES)
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        assert len(content) > demo.PLACEHOLDER_MAX_BYTES, document


def test_demo_first_ria_cohort_totals_exactly_twenty_million(demo_data):
    cohort = selectors.cohort_list().get(number=1)
    assert (cohort.start_date, cohort.end_date) == (datetime.date(2025, 2, 3), datetime.date(2025, 2, 5))
    assert cohort.city == "Podgorica" and cohort.country.code == "ME"
    assert cohort.funder.code == "miit-china"
    assert len(cohort.participating_countries) == 5
    assert cohort.concept_count == 5
    assert cohort.total_budget_usd == Decimal("20000000.00")


def test_loading_the_demo_twice_changes_nothing(demo_data):
    counts = [Playbook.objects.count(), PlaybookDocument.objects.count(), RIACohort.objects.count(),
              ProjectConcept.objects.count(), ServiceRequest.objects.count()]
    demo.load(log=lambda message: None)
    assert [Playbook.objects.count(), PlaybookDocument.objects.count(), RIACohort.objects.count(),
            ProjectConcept.objects.count(), ServiceRequest.objects.count()] == counts == [9, 48, 1, 5, 3]


def test_report_section_is_registered_for_the_alliance_report_at_order_50():
    section = dtlab_section()
    assert section.order == 50
    assert section.template == "dtlab/report/section.html"


def test_report_section_figures_match_the_demo_data(demo_data):
    data = dtlab_section().collect(SEED_PERIOD)
    assert data["playbooks_published_count"] == 8
    assert [p.slug for p in data["playbooks_in_development"]] == ["bridging-the-standardization-gap"]
    assert data["services_delivered_count"] == 3
    assert {s.slug: s.delivered for s in data["services"]} == {
        "strategic-foresight-support": 2, "innovation-cafe": 1
    }
    assert data["cohort_count"] == 1
    assert data["concept_count"] == 5
    assert data["concepts_total_usd"] == Decimal("20000000.00")


def test_report_section_leaves_out_what_happened_outside_the_period(demo_data):
    data = dtlab_section().collect(Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 12, 31)))
    assert data["playbooks_published_count"] == 0
    assert data["services_delivered_count"] == 0
    assert data["cohort_count"] == 0
    assert data["concepts_total_usd"] == Decimal("0.00")


def test_report_section_renders_the_totals_as_an_html_fragment(demo_data):
    html = render_to_string(dtlab_section().template, dtlab_section().collect(SEED_PERIOD))
    assert "20,000,000" in html
    assert "<caption>" in html and 'scope="col"' in html
    assert "<html" not in html


@pytest.mark.parametrize("size", [5, 200])
def test_report_section_query_count_does_not_grow(make_playbook, make_cohort, size,
                                                  django_assert_max_num_queries):
    for number in range(1, size + 1):
        make_playbook(status=Playbook.Status.PUBLISHED, published_on=datetime.date(2024, 6, 1))
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=number)
        make_cohort(number=number, concepts=1, start=start)
    with django_assert_max_num_queries(4):
        data = dtlab_section().collect(SEED_PERIOD)
    assert data["playbooks_published_count"] == size
    assert data["concept_count"] == size
