"""The reports built from the demo data show the figures of seeds 000 and 002, through the real
task path (run in-process here; by a real worker in ``test_worker.py``).

Assertions that need an app's section are skipped, with the reason, until that app registers
its section.
"""

import re
from datetime import date

import pytest
from django.core.management import call_command

from alliance.reports import services
from alliance.reports.document import render_sections
from alliance.reports.models import ReportStatus, TDAGReport
from alliance.reports.registry import ReportKind, sections_for

from .pdftext import normalised

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}
ALLIANCE_PERIOD = {"period_start": date(2024, 1, 1), "period_end": date(2025, 3, 31)}
TOP_10 = [
    ("European Union", "19.82"), ("United Nations Children", "1.82"),
    ("United Nations Office for Disaster", "1.75"), ("Deutsche Gesellschaft", "1.09"),
    ("World Meteorological", "0.96"), ("Department of Infrastructure", "0.65"),
    ("Foreign, Commonwealth", "0.56"), ("Ministry of Information", "0.43"), ("EYGS", "0.41"),
    ("Ministry of Science", "0.37"),
]


def _require_section(kind: str, app: str) -> None:
    if not any(s.collect.__module__.startswith(f"{app}.") for s in sections_for(kind)):
        pytest.skip(f"waiting for the {app} section of the {kind} report ({app}/report.py)")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _generate(capture, **values) -> TDAGReport:
    with capture(execute=True):
        report = services.report_request(**values)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    return report


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_partnerships_report_for_2024_shows_the_seed_002_figures_and_the_top_10(
        demo, django_capture_on_commit_callbacks, pdf_text):
    _require_section(ReportKind.PARTNERSHIPS, "partnerships")
    report = _generate(django_capture_on_commit_callbacks, kind="partnerships", language="en", **YEAR_2024)
    assert report.file_name == "TDAG-partnerships-2024-en.pdf"
    text = _flat(pdf_text(report.pdf.path))
    for figure in ("89 partnership agreements", "53 of which", "USD 33.8 million", "92 %", "8 %",
                   "73 partners", "33 signed financial contributions", "USD 31.1 million"):
        assert figure in text
    layout = pdf_text(report.pdf.path, layout=True)
    top = layout[layout.index("Top 10 financial partners, 2024"):]
    rows = [line for line in top.splitlines() if re.search(r"\d+\.\d\d\s*$", line)][:10]
    for row, (name, amount) in zip(rows, TOP_10, strict=True):
        assert name in row and row.rstrip().endswith(amount), row


def test_the_alliance_report_shows_the_seed_000_figures(demo, django_capture_on_commit_callbacks, pdf_text):
    report = _generate(django_capture_on_commit_callbacks, kind="alliance", language="en", **ALLIANCE_PERIOD)
    text = _flat(pdf_text(report.pdf.path))
    for frame in ("Summary", "Action required", "References", "Background", "Next steps"):
        assert frame in text

    _require_section(ReportKind.ALLIANCE, "board")
    assert "31 members" in text
    assert re.search(r"19 March 2024 ?– ?20 March 2024", text)
    assert "Geneva" in text
    assert "28 October 2024" in text and "Valletta" in text

    _require_section(ReportKind.ALLIANCE, "dtlab")
    assert "8 playbooks" in text
    assert re.search(r"5 project concepts worth USD 20(,000,000| million)", text)

    _require_section(ReportKind.ALLIANCE, "centres")
    # Seed 000/001: 17 hosts selected in the first call (44 applications from 35 countries).
    assert re.search(r"First call.{0,60}?\b44 35 17\b", text)


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
@pytest.mark.parametrize(("kind", "period"), [("partnerships", YEAR_2024), ("alliance", ALLIANCE_PERIOD)])
def test_arabic_and_chinese_reports_show_their_translated_headings(
        demo, django_capture_on_commit_callbacks, pdf_text, language, kind, period):
    report = _generate(django_capture_on_commit_callbacks, kind=kind, language=language, **period)
    text = normalised(pdf_text(report.pdf.path), language)
    # Every section the report holds (a narrative part nobody wrote is left out).
    headings = [section.title for section in render_sections(report)]
    assert len(headings) >= len(sections_for(kind)) - 2
    for heading in headings:
        assert normalised(heading, language) in text, heading
