import contextlib
import hashlib
import re
import shutil
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from alliance.models import StrategicObjective
from alliance.reports import pdf, services
from alliance.reports.document import render_document
from alliance.reports.models import ReportStatus, TDAGReport
from alliance.reports.registry import ReportKind, sections_for
from alliance.reports.tasks import generate_report

from .pdftext import normalised

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]

ALLIANCE_PERIOD = {"period_start": date(2024, 1, 1), "period_end": date(2025, 3, 31)}


def _generated(capture, **overrides) -> TDAGReport:
    values = {"kind": "alliance", "language": "en", **ALLIANCE_PERIOD, **overrides}
    with capture(execute=True):
        report = services.report_request(**values)
    report.refresh_from_db()
    return report


def _files(report: TDAGReport) -> list[str]:
    """The report's folder, but its Word file and its lists' folder (tested on their own)."""
    return sorted(path.name for path in Path(report.pdf.path).parent.iterdir()
                  if path.is_file() and path.suffix != ".docx")


def _pdf_objects(content: bytes) -> bytes:
    """The PDF's objects with its compressed streams inflated (WeasyPrint packs the catalog)."""
    inflated = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):
            inflated.append(zlib.decompress(match.group(1)))
    return b"".join(inflated)


def _pdfinfo(path: str) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    return subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout


def _pdffonts(path: str) -> str:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    return subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout


def test_the_alliance_report_is_a_tagged_pdf_with_its_frame_metadata_and_page_numbers(
        django_capture_on_commit_callbacks, pdf_text):
    report = _generated(django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.DONE, report.error
    assert report.progress == 100
    assert report.pdf.name == f"reports/{report.pk}/TDAG-alliance-2024-2025-en.pdf"
    content = Path(report.pdf.path).read_bytes()
    assert content.startswith(b"%PDF-1.7")
    assert report.size_bytes == len(content)
    assert report.checksum == hashlib.sha256(content).hexdigest()
    text = pdf_text(report.pdf.path)
    for heading in ("Summary", "Action required", "References", "Background", "Next steps"):
        assert heading in text
    assert "AFR4, AMS3, ARB4, ASP4, CIS3, CIS5, EUR5" in text
    assert "25 January 2023" in text
    assert f"Page {report.page_count} / {report.page_count}" in text
    info = _pdfinfo(report.pdf.path)
    assert "Tagged:          yes" in info
    assert "Title:           Innovation and Entrepreneurship Alliance for Digital Development" in info
    assert "Author:          ITU Telecommunication Development Bureau (BDT)" in info
    assert f"Pages:           {report.page_count}" in info
    catalog = _pdf_objects(content)
    assert b"/Lang (en)" in catalog
    assert b"/Outlines" in catalog and b"/StructTreeRoot" in catalog
    assert b"pdfuaid:part" in catalog


def test_the_document_declares_language_direction_fonts_and_repeated_table_headers():
    report = TDAGReport.objects.create(kind="alliance", language="ar", **ALLIANCE_PERIOD)
    html = render_document(report)
    assert '<html lang="ar" dir="rtl">' in html
    assert '"Noto Sans Arabic"' in html
    assert "thead { display: table-header-group; }" in html
    assert "counter(page)" in html
    chinese = render_document(TDAGReport(kind="alliance", language="zh-hans", **ALLIANCE_PERIOD))
    assert '<html lang="zh-hans" dir="ltr">' in chinese
    assert '"Noto Sans CJK SC", "Noto Sans"' in chinese


@pytest.mark.parametrize(("language", "font"), [("ar", "NotoSansArabic"), ("zh-hans", "NotoSansCJK")])
def test_arabic_and_chinese_reports_render_their_headings_and_data_in_their_script(
        django_capture_on_commit_callbacks, pdf_text, language, font):
    report = _generated(django_capture_on_commit_callbacks, language=language)
    assert report.status == ReportStatus.DONE, report.error
    text = normalised(pdf_text(report.pdf.path), language)
    with translation.override(language):
        headings = [gettext("Summary"), gettext("Background"), gettext("Next steps")]
        objective = StrategicObjective.objects.get(number=2).name
    for heading in [*headings, objective]:
        assert normalised(heading, language) in text, heading
    assert font.lower() in _pdffonts(report.pdf.path).replace("-", "").lower()


def test_a_second_delivery_of_the_same_task_finds_the_report_done_and_leaves_one_pdf(
        django_capture_on_commit_callbacks):
    report = _generated(django_capture_on_commit_callbacks)
    before = (report.checksum, report.finished_at, report.attempts)
    generate_report.apply(args=[report.pk])
    generate_report.delay(report.pk)
    report.refresh_from_db()
    assert (report.checksum, report.finished_at, report.attempts) == before
    assert _files(report) == ["TDAG-alliance-2024-2025-en.pdf"]


def test_a_report_left_running_by_a_dead_worker_is_generated_by_the_next_delivery(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        report = services.report_request(kind="alliance", language="en", **ALLIANCE_PERIOD)
    TDAGReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, progress=40, attempts=1)
    generate_report.delay(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert report.attempts == 2


def test_progress_is_recorded_after_each_section(django_capture_on_commit_callbacks, monkeypatch):
    seen: list[int] = []
    original = services._set_progress

    def record(report_id, done, total):
        original(report_id, done, total)
        seen.append(TDAGReport.objects.get(pk=report_id).progress)

    monkeypatch.setattr(services, "_set_progress", record)
    report = _generated(django_capture_on_commit_callbacks)
    assert len(seen) == len(sections_for("alliance"))
    assert seen == sorted(seen) and seen[0] > 0 and seen[-1] == 95
    assert report.progress == 100


def test_a_failure_marks_the_report_failed_with_the_reason_and_keeps_the_previous_pdf(
        django_capture_on_commit_callbacks, monkeypatch):
    report = _generated(django_capture_on_commit_callbacks)
    previous = Path(report.pdf.path).read_bytes()

    def broken(*, html, target, **options):
        Path(target).write_bytes(b"%PDF-1.7 half a document")
        raise OSError("No space left on device")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate_again(report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error == "The report could not be generated: OSError: No space left on device"
    assert Path(report.pdf.path).read_bytes() == previous
    assert _files(report) == ["TDAG-alliance-2024-2025-en.pdf"]


def test_a_section_that_breaks_fails_the_report_without_leaving_a_file(
        django_capture_on_commit_callbacks, monkeypatch):
    import alliance.reports.report as frame

    monkeypatch.setattr(frame.RegionalInitiative.objects, "order_by",
                        lambda *args: (_ for _ in ()).throw(RuntimeError("database gone")))
    report = _generated(django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.FAILED
    assert "RuntimeError: database gone" in report.error
    assert not report.pdf
    folder = Path(services.default_storage.path(f"reports/{report.pk}"))
    assert not folder.exists() or list(folder.iterdir()) == []


def test_the_requester_is_emailed_when_the_report_is_ready(django_capture_on_commit_callbacks, staff_user):
    report = _generated(django_capture_on_commit_callbacks, by=staff_user)
    assert report.status == ReportStatus.DONE
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff_user.email]
    assert "Your TDAG report is ready" in message.subject
    assert f"/en/staff/reports/{report.pk}/" in message.body


def test_staff_download_the_finished_pdf_as_an_attachment(django_capture_on_commit_callbacks, staff_client):
    report = _generated(django_capture_on_commit_callbacks)
    for url in (f"/en/staff/reports/{report.pk}/pdf/", f"/api/v1/reports/{report.pk}/pdf/"):
        response = staff_client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="TDAG-alliance-2024-2025-en.pdf"'
        assert b"".join(response.streaming_content) == Path(report.pdf.path).read_bytes()
    body = staff_client.get(f"/api/v1/reports/{report.pk}/").json()
    assert body["status"] == "done"
    assert body["pdf_url"].endswith(f"/api/v1/reports/{report.pk}/pdf/")


def test_the_scheduled_task_queues_every_kind_in_six_languages_for_the_year_before(
        django_capture_on_commit_callbacks):
    from alliance.reports.tasks import request_scheduled_reports

    with django_capture_on_commit_callbacks(execute=False):
        ids = request_scheduled_reports.run(year=2024)
        again = request_scheduled_reports.run(year=2024)
    assert len(ids) == len(ReportKind.values) * 6
    assert again == ids
    assert set(TDAGReport.objects.values_list("period_start", "period_end").distinct()) == {
        (date(2024, 1, 1), date(2024, 12, 31))}


def test_the_beat_schedule_is_editable_in_the_admin():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="alliance.reports.tasks.request_scheduled_reports")
    assert task.enabled and task.crontab is not None


def test_the_report_links_the_full_lists_instead_of_printing_them():
    report = TDAGReport.objects.create(kind="partnerships", language="fr", **ALLIANCE_PERIOD)
    html = render_document(report)
    assert f"/fr/documents/{report.pk}/lists/agreements.csv" in html
    assert f"/fr/documents/{report.pk}/lists/partners.xlsx" in html
    assert "/admin/" not in html  # the public files, not the staff's exports


def test_a_helper_shared_by_sections_is_computed_once_per_report():
    from alliance.reports.registry import per_report, report_run

    calls: list[int] = []

    @per_report
    def figures(year: int) -> int:
        calls.append(year)
        return year * 2

    with report_run():
        assert [figures(2024), figures(2024), figures(2023)] == [4048, 4048, 4046]
    figures(2024)
    assert calls == [2024, 2023, 2024]


def test_a_temporary_file_left_by_a_killed_worker_is_cleaned_up_by_the_next_run(
        django_capture_on_commit_callbacks, media_root):
    import os

    with django_capture_on_commit_callbacks(execute=False):
        report = services.report_request(kind="alliance", language="en", **ALLIANCE_PERIOD)
    folder = Path(media_root) / "reports" / str(report.pk)
    folder.mkdir(parents=True)
    stale = folder / ".TDAG-alliance-2024-2025-en-abc123.part"
    stale.write_bytes(b"%PDF-1.7 half")
    an_hour_ago = stale.stat().st_mtime - services.STALE_PART_SECONDS - 1
    os.utime(stale, (an_hour_ago, an_hour_ago))
    generate_report.delay(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert _files(report) == ["TDAG-alliance-2024-2025-en.pdf"]


def test_links_in_the_report_and_the_mail_use_the_portal_address(settings, staff_user,
                                                                  django_capture_on_commit_callbacks):
    settings.PORTAL_BASE_URL = "https://alliance.example.org/"
    listed = TDAGReport.objects.create(kind="partnerships", language="en", **ALLIANCE_PERIOD)
    html = render_document(listed)
    assert f"https://alliance.example.org/en/documents/{listed.pk}/lists/agreements.csv" in html
    report = _generated(django_capture_on_commit_callbacks, by=staff_user)
    assert f"https://alliance.example.org/en/staff/reports/{report.pk}/" in mail.outbox[0].body


def test_the_pdf_never_reads_files_outside_the_static_folders(tmp_path, settings):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the report")
    html = (f'<html lang="en"><head><title>t</title></head><body><h1>t</h1><img alt="x" src="file://{secret}">'
            f'<img alt="y" src="http://example.org/x.png"></body></html>')
    fetcher = pdf.LocalOnlyFetcher([Path(settings.BASE_DIR) / "static"])
    for url in (f"file://{secret}", "http://example.org/x.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    css = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"
    fetcher.fetch(f"file://{css}").close()
    # The refused images are left out; the document still renders.
    assert pdf.write_pdf(html=html, target=tmp_path / "out.pdf",
                         allowed_roots=[Path(settings.BASE_DIR) / "static"]).page_count == 1
