import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board import demo
from board.models import (
    Attendance,
    BoardDocument,
    Expert,
    ExpertiseArea,
    ForesightReport,
    ForesightReportFile,
    Meeting,
    MeetingDocument,
    Recommendation,
    WorkingGroup,
    Workplan,
    WorkplanActivity,
    Workstream,
)
from tests.factories import pdf_upload

from .conftest import make_meeting, make_member, make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


PAGES = [
    ("board:index", {}),
    ("board:member-list", {}),
    ("board:member-detail", {"slug": "bdt-director"}),
    ("board:meeting-list", {}),
    ("board:meeting-detail", {"number": 2}),
    ("board:recommendation-list", {}),
    ("board:workplan", {}),
    ("board:foresight-list", {}),
    ("board:foresight-detail", {"slug": "shaping-the-education-system-of-tomorrow"}),
    ("board:expert-list", {}),
    ("board:expert-request", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_public_board_pages_open_without_login_with_one_h1(client, demo_data, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_board_page_names_the_co_chairs_and_counts_31_members(client, demo_data):
    html = client.get(reverse("board:index")).content.decode()
    assert "BDT Director" in html and "founding member and co-chair" in html
    assert "co-chair elected by the members" in html
    assert '<span class="figure">31</span>' in html


def test_second_meeting_page_shows_how_the_first_meetings_recommendations_were_implemented(client, demo_data):
    html = client.get(reverse("board:meeting-detail", kwargs={"number": 2})).content.decode()
    assert "Follow-up of the recommendations of meeting 1" in html
    assert "Prepare a strategic advocacy plan." in html
    assert "Global Innovation Forum" in html and "28 October 2024" in html
    first = client.get(reverse("board:meeting-detail", kwargs={"number": 1})).content.decode()
    assert "Follow-up of the recommendations" not in first
    assert "19 March 2024 – 20 March 2024" in first


def test_an_unknown_meeting_is_not_found(client, demo_data):
    assert client.get(reverse("board:meeting-detail", kwargs={"number": 9})).status_code == 404


def test_workplan_page_shows_workstreams_and_progress(client, demo_data):
    html = client.get(reverse("board:workplan")).content.decode()
    assert "Workplan 2024–2026" in html
    assert "Foresight series of reports" in html and "Fostering partner ecosystems" in html
    assert "1 of 6 activities completed; average progress 42%." in html
    assert "Strategic advocacy plan" in html and "Monitoring and evaluation framework" in html


def test_recommendations_can_be_filtered_by_status_and_searched(client, demo_data):
    url = reverse("board:recommendation-list")
    html = client.get(url, {"status": "in_progress"}).content.decode()
    assert "4 recommendations and decisions" in html
    html = client.get(url, {"q": "advocacy"}).content.decode()
    assert "1 recommendation or decision" in html
    html = client.get(url, {"q": "nothing-like-this"}).content.decode()
    assert "No recommendations match these filters." in html


def test_members_can_be_filtered_by_role(client, demo_data):
    html = client.get(reverse("board:member-list"), {"role": "co_chair"}).content.decode()
    assert "2 members" in html


def test_pagination_keeps_the_filters(client, demo_data):
    html = client.get(reverse("board:member-list"), {"role": "member"}).content.decode()
    assert "29 members" in html
    assert "role=member&amp;page=2" in html


def test_experts_can_be_filtered_by_area(client, demo_data):
    area = ExpertiseArea.objects.get(slug="strategic-foresight")
    html = client.get(reverse("board:expert-list"), {"area": area.pk}).content.decode()
    assert "Expert One (illustrative)" in html and "Expert Two" not in html


def test_a_foresight_report_in_preparation_is_not_public(client):
    ForesightReport.objects.create(slug="draft", title="Draft", theme="T")
    assert client.get(reverse("board:foresight-detail", kwargs={"slug": "draft"})).status_code == 404
    assert "Draft" not in client.get(reverse("board:foresight-list")).content.decode()


def test_foresight_pdf_is_downloaded_as_an_attachment_per_language(client):
    report = ForesightReport.objects.create(
        slug="r", title="R", theme="T", status="published", publication_date=datetime.date(2025, 1, 1)
    )
    ForesightReportFile.objects.create(report=report, language="fr", file=pdf_upload())
    response = client.get(reverse("board:foresight-download", kwargs={"slug": "r", "language": "fr"}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="r-fr.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    missing = client.get(reverse("board:foresight-download", kwargs={"slug": "r", "language": "ar"}))
    assert missing.status_code == 404


def test_meeting_and_board_documents_are_downloaded_as_attachments(client):
    meeting = make_meeting(1)
    document = MeetingDocument.objects.create(meeting=meeting, kind="report", title="Report",
                                              file=pdf_upload())
    response = client.get(reverse("board:meeting-document-download", kwargs={"pk": document.pk}))
    assert response["Content-Disposition"] == 'attachment; filename="board-meeting-1-report-en.pdf"'
    BoardDocument.objects.create(slug="plan", kind="advocacy_plan", title="Plan", file=pdf_upload())
    response = client.get(reverse("board:document-download", kwargs={"slug": "plan"}))
    assert response["Content-Disposition"].startswith("attachment")
    BoardDocument.objects.create(slug="empty", kind="me_framework", title="M&E")
    assert client.get(reverse("board:document-download", kwargs={"slug": "empty"})).status_code == 404


def build(start: int, stop: int) -> None:
    area, _ = ExpertiseArea.objects.get_or_create(slug="a", defaults={"name": "A"})
    meetings = [Meeting.objects.filter(number=n).first() or make_meeting(n) for n in (1, 2)]
    for i in range(start, stop):
        member = make_member(i)
        Attendance.objects.create(meeting=meetings[1], member=member)
        make_recommendation(meetings[i % 2], 2 * i + 1)
        make_recommendation(meetings[0], 2 * i + 2, status=Recommendation.Status.IN_PROGRESS)
        expert = Expert.objects.create(
            full_name=f"E{i}", email=f"e{i}@example.org", organisation="O", country="FR"
        )
        expert.areas.add(area)
        report = ForesightReport.objects.create(slug=f"r{i}", title=f"R{i}", theme="T", status="approved")
        ForesightReportFile.objects.create(report=report, language="en", file="board/foresight/x.pdf")
        MeetingDocument.objects.create(meeting=meetings[1], title=f"D{i}", file="board/meetings/x.pdf")
        if i % 20 == 0:
            group = WorkingGroup.objects.create(slug=f"g{i}", name=f"G{i}")
            group.members.add(member)
    workplan, _ = Workplan.objects.get_or_create(start_year=2024, end_year=2026, defaults={"title": "W"})
    workstream, _ = Workstream.objects.get_or_create(workplan=workplan, number=1, defaults={"title": "S"})
    for i in range(start, stop):
        WorkplanActivity.objects.create(workstream=workstream, order=i, title=f"A{i}")
        BoardDocument.objects.create(slug=f"d{i}", kind="other", title=f"D{i}")


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("board:member-list", {}),
        ("board:meeting-detail", {"number": 2}),
        ("board:recommendation-list", {}),
        ("board:expert-list", {}),
        ("board:foresight-list", {}),
        ("board:index", {}),
        ("board:workplan", {}),
    ],
)
def test_public_pages_use_the_same_number_of_queries_for_5_and_200_items(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    counts = []
    for start, stop in [(0, 5), (5, 200)]:
        build(start, stop)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts


def test_an_invalid_filter_shows_its_error_instead_of_failing(client, demo_data):
    response = client.get(reverse("board:meeting-list"), {"year": "twenty"})
    assert response.status_code == 200
    assert 'class="field field-invalid"' in response.content.decode()


def test_board_page_counts_every_meeting_not_only_the_latest_three(client):
    for number in range(1, 6):
        make_meeting(number)
    html = client.get(reverse("board:index")).content.decode()
    assert '<span class="figure">5</span> meetings held' in html
