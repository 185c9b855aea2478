"""Arabic charts read right in the PDF: their labels are HTML text, which WeasyPrint shapes (joined
letters, in logical order, in the page's Arabic font), where SVG <text> came out as separate
letters in reverse order in a fallback font."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from alliance.core.charts import bar_chart, pie_chart
from alliance.reports.document import FONT_FAMILIES, RenderedSection
from alliance.reports.pdf import write_pdf
from tests.reports.pdftext import normalised

REGIONS = [("أفريقيا", 21), ("الدول العربية", 12), ("آسيا والمحيط الهادئ", 3)]
KINDS = [("الدول الأعضاء", 19), ("القطاع الخاص", 7), ("الأوساط الأكاديمية", 3)]


def _document(charts: str) -> str:
    """The report's own document template and stylesheet around the charts."""
    report = SimpleNamespace(period_label="2024", symbol="TDAG-25/1", kind="partnerships", published_at=None,
                             period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    frame = SimpleNamespace(body="TDAG", issuer="BDT", source="BDT", symbol_prefix="TDAG")
    section = RenderedSection(key="charts", title="الرسوم البيانية", number="1", front_matter=False,
                              html=charts)
    return render_to_string("reports/report/document.html", {
        "report": report, "frame": frame, "title": "الشراكات", "language": "ar", "direction": "rtl",
        "language_name": "العربية", "font_family": FONT_FAMILIES["ar"], "generated_on": date(2025, 1, 1),
        "front_matter": [], "body": [section], "exports": []})


def test_arabic_chart_labels_come_out_of_the_pdf_as_the_words_they_are(tmp_path, pdf_text):
    with translation.override("ar"):
        charts = (bar_chart(chart_id="regions", title="المساهمات حسب المنطقة", items=REGIONS)
                  + pie_chart(chart_id="kinds", title="الشركاء حسب النوع", items=KINDS))
        write_pdf(html=_document(charts), target=tmp_path / "charts.pdf")
    text = normalised(pdf_text(tmp_path / "charts.pdf"), "ar")
    for label, _value in [*REGIONS, *KINDS, ("المساهمات حسب المنطقة", 0), ("الشركاء حسب النوع", 0)]:
        assert normalised(label, "ar") in text, label


@pytest.mark.parametrize("language", ["ar", "en"])
def test_chart_words_are_html_text_never_svg_text(language):
    with translation.override(language):
        html = bar_chart(chart_id="r", title="t", items=REGIONS)
        html += pie_chart(chart_id="k", title="t", items=KINDS)
    assert "<text" not in html
    for label, _value in REGIONS + KINDS:
        assert f"<bdi>{label}</bdi>" in html
