"""The generated PDFs' structure, read back with an independent reader (pikepdf): tagged, in the
report's language, showing its title, headings nested, tables with header cells, figures with
alternative text; for the three kinds, in English, Arabic and Chinese."""

from datetime import date

import pikepdf
import pytest
from django.core.management import call_command

from alliance.reports import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _walk(node, found):
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        found.append(node)
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary):
            _walk(kid, found)


def _children(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary)]


def _structure(path) -> dict:
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        elements: list = []
        _walk(root.StructTreeRoot, elements)
        tables = [e for e in elements if e.S == "/Table"]
        return {
            "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
            "lang": str(root.get("/Lang", "")),
            "display_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
            "title": str(pdf.docinfo.get("/Title", "")) or pdf.open_metadata().get("dc:title", ""),
            "headings": [int(str(e.S)[2:]) for e in elements if str(e.S) in {f"/H{n}" for n in range(1, 7)}],
            "tables": len(tables),
            "tables_without_th": sum(1 for table in tables if not any(
                e.S == "/TH" for e in _descendants(table))),
            "figures": [str(e.get("/Alt", "")) for e in elements if e.S == "/Figure"],
        }


def _descendants(element) -> list:
    found: list = []
    for kid in _children(element):
        _walk(kid, found)
    return found


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
@pytest.mark.parametrize(("kind", "period"), [
    ("alliance", (date(2024, 1, 1), date(2025, 3, 31))),
    ("partnerships", (date(2024, 1, 1), date(2024, 12, 31))),
    ("p2c", (date(2024, 1, 1), date(2024, 12, 31))),
])
def test_the_pdf_is_tagged_in_its_language_with_nested_headings_table_headers_and_figure_text(
        demo, django_capture_on_commit_callbacks, kind, period, language):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(kind=kind, language=language, period_start=period[0],
                                         period_end=period[1])
    report.refresh_from_db()
    assert report.status == "done", report.error
    structure = _structure(report.pdf.path)
    assert structure["marked"]
    assert structure["lang"] == language
    assert structure["display_title"] and structure["title"]
    headings = structure["headings"]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False)), headings
    assert structure["tables"] and not structure["tables_without_th"]
    assert all(structure["figures"]), structure["figures"]
