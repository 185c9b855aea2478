import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from alliance.reports.registry import Period, ReportKind, sections_for
from board import demo
from board.models import BoardMember, Meeting, Recommendation, Workplan

pytestmark = pytest.mark.django_db

YEAR_2024 = Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


def board_section():
    return next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "board")


def test_demo_board_matches_seed_000(demo_data):
    assert BoardMember.objects.count() == 31
    director = BoardMember.objects.get(slug="bdt-director")
    assert director.role == BoardMember.Role.CO_CHAIR and director.is_founding_member
    elected = BoardMember.objects.get(elected_by_members=True)
    assert elected.role == BoardMember.Role.CO_CHAIR and "(illustrative)" in elected.full_name
    assert (
        BoardMember.objects.exclude(slug="bdt-director").exclude(full_name__contains="(illustrative)").count()
        == 0
    )
    first, second = Meeting.objects.order_by("number")
    assert (first.start_date, first.end_date, first.city, first.country.code) == (
        datetime.date(2024, 3, 19),
        datetime.date(2024, 3, 20),
        "Geneva",
        "CH",
    )
    assert (second.start_date, second.city, second.country.code, second.format, second.held_with) == (
        datetime.date(2024, 10, 28),
        "Valletta",
        "MT",
        Meeting.Format.HYBRID,
        "Global Innovation Forum",
    )
    workplan = Workplan.objects.get()
    assert (workplan.start_year, workplan.end_year) == (2024, 2026)
    assert list(workplan.workstreams.values_list("title", flat=True)) == [
        "Foresight series of reports",
        "Fostering partner ecosystems",
    ]


def test_loading_the_board_demo_twice_changes_nothing(demo_data):
    counts = (BoardMember.objects.count(), BoardMember.history.count(), Recommendation.history.count())
    demo.load(log=lambda message: None)
    assert (
        BoardMember.objects.count(),
        BoardMember.history.count(),
        Recommendation.history.count(),
    ) == counts


def test_report_section_is_registered_for_the_alliance_report_at_order_30():
    section = board_section()
    assert section.order == 30 and section.template == "board/report/section.html"


def test_report_section_figures_for_2024_from_the_demo(demo_data):
    data = board_section().collect(YEAR_2024)
    assert data["member_count"] == 31
    assert [m.number for m in data["meetings"]] == [1, 2]
    assert data["recommendation_count"] == 12
    assert data["implemented_count"] == 8
    assert {row.status: row.count for row in data["status_counts"]} == {
        "not_started": 0,
        "in_progress": 4,
        "implemented": 8,
        "discontinued": 0,
    }
    assert data["workplan_progress"]["total"] == 6
    assert data["workplan_progress"]["completed"] == 1
    assert data["workplan_progress"]["average"] == 42
    assert [ws.activity_count for ws in data["workstreams"]] == [3, 3]


def test_report_section_for_a_period_without_meetings(demo_data):
    data = board_section().collect(Period(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 6, 30)))
    assert data["meetings"] == [] and data["recommendation_count"] == 0
    html = render_to_string("board/report/section.html", data)
    assert "The Board did not meet in this period." in html


def test_report_section_renders_the_figures(demo_data):
    section = board_section()
    with translation.override("en"):
        html = render_to_string(section.template, {**section.collect(YEAR_2024), "period": YEAR_2024})
    assert "The Digital Innovation Board has 31 members" in html
    assert "Of the 12 recommendations and decisions of these meetings, 8 are implemented." in html
    assert "1 of 6 activities completed; average progress 42%" in html
    assert "Valletta, Malta (Global Innovation Forum)" in html
    assert "19 March 2024 – 20 March 2024" in html


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_board_section_goes_into_the_alliance_pdf(demo_data, tmp_path, language):
    from alliance.reports.document import render_document
    from alliance.reports.models import TDAGReport
    from alliance.reports.pdf import write_pdf

    report = TDAGReport(
        kind=ReportKind.ALLIANCE, period_start=YEAR_2024.start, period_end=YEAR_2024.end, language=language
    )
    html = render_document(report)
    assert "Valletta" in html or "Валлетта" in html
    rendered = write_pdf(html=html, target=tmp_path / "report.pdf")
    assert rendered.page_count >= 1
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
