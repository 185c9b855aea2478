"""The report to Council (kind ``coordination``) built from seed 004's demo data, through the real
report pipeline (task run in-process), read back with pdftotext."""

import re
from datetime import date

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from alliance.reports import services
from alliance.reports.models import ReportStatus, TDAGReport
from coordination import demo as coordination_demo
from tests.factories import api_key_for
from tests.reports.pdftext import normalised

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}
# The 16 topics (and the vacancies' topics) as the demo names them in each language.
NAMES = {
    "en": {"accessibility": "Accessibility", "industry": "Industry engagement", "space": "Space",
           "climate": "Climate change and environmental sustainability"},
    "ar": {"accessibility": "إمكانية النفاذ", "industry": "مشاركة الصناعة", "space": "الفضاء",
           "climate": "تغير المناخ والاستدامة البيئية"},
    "zh-hans": {"accessibility": "无障碍获取", "industry": "行业参与", "space": "空间",
                "climate": "气候变化与环境可持续性"},
}


@pytest.fixture
def demo():
    coordination_demo.load(log=lambda message: None)


def _generate(capture, language: str) -> TDAGReport:
    with capture(execute=True):
        report = services.report_request(kind="coordination", language=language, **YEAR_2024)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    return report


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_2024_council_report_shows_16_topics_the_vacancies_and_the_meetings(
        language, demo, django_capture_on_commit_callbacks, pdf_text):
    report = _generate(django_capture_on_commit_callbacks, language)
    layout = pdf_text(report.pdf.path, layout=True)
    text = normalised(layout, language)
    names = NAMES[language]
    for key in ("accessibility", "industry", "space", "climate"):
        assert normalised(names[key], language) in text, key
    # pdftotext wraps right-to-left runs in bidi embedding marks: read the table without them.
    layout = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", layout)
    rows = {line.split()[0]: line.split()[-1] for line in layout.splitlines()
            if line.strip().startswith(("ISC-TF", "ISCG")) and len(line.split()) == 2}
    if language == "ar":  # right-to-left: the figure comes first on the line
        rows = {line.split()[-1]: line.split()[0] for line in layout.splitlines()
                if line.strip().endswith(("ISC-TF", "ISCG")) and len(line.split()) == 2}
    assert rows == {"ISC-TF": "5", "ISCG": "3"}, layout
    # "16 topics ...": the count leads its line (trails it, read right to left in Arabic).
    assert any(re.match(r"16(\D|$)", line.strip()) or re.search(r"(^|\D)16$", line.strip())
               for line in layout.splitlines())


def test_the_english_report_reads_as_seed_004s_frame(demo, django_capture_on_commit_callbacks, pdf_text):
    report = _generate(django_capture_on_commit_callbacks, "en")
    text = " ".join(pdf_text(report.pdf.path, layout=True).split())
    for frame in ("Purpose", "Action required of Council", "Relevant link with the Strategic Plan",
                  "Financial implications", "References", "Background",
                  "Inter-Sectoral Coordination Task Force (ISC-TF)",
                  "Inter-Sectoral Coordination Group (ISCG)",
                  "Topic notes from the focal points' annual reports"):
        assert frame in text, frame
    assert "16 topics requiring inter-sectoral coordination" in text
    assert "held 5 meetings" in text and "which held 3 meetings in 2024" in text
    assert "Andrea Saks" in text and "after WTSA-24" in text
    assert "6 of 19 focal points submitted their annual report for 2024" in text
    assert "Green Digital Action declaration" in text


def test_the_reports_api_accepts_the_coordination_kind(staff_user, django_capture_on_commit_callbacks):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(staff_user)}")
    with django_capture_on_commit_callbacks(execute=False):
        payload = {"kind": "coordination", "period_start": "2024-01-01", "period_end": "2024-12-31",
                   "language": "en"}
        response = client.post("/api/v1/reports/", payload, format="json")
    assert response.status_code == 202, response.data
    assert TDAGReport.objects.get(pk=response.data["id"]).kind == "coordination"


def test_the_council_report_is_framed_for_the_council_not_tdag():
    from alliance.reports.document import render_document

    with translation.override("en"):
        html = render_document(TDAGReport(kind="coordination", language="en",
                                              period_start=date(2024, 1, 1), period_end=date(2024, 12, 31)))
        tdag = render_document(TDAGReport(kind="p2c", language="en",
                                              period_start=date(2024, 1, 1), period_end=date(2024, 12, 31)))
    assert "ITU Council" in html and "Report by the Secretary-General" in html
    assert "Telecommunication Development Advisory Group" not in html and "TDAG/" not in html
    assert "Telecommunication Development Advisory Group (TDAG)" in tdag
