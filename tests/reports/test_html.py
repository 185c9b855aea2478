import shutil
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from alliance.reports import services
from alliance.reports.document import render_document
from alliance.reports.models import ReportStatus, TDAGReport
from tests.e2e.vnu import vnu_command, vnu_errors

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnu():
    if not VNU.exists() or not shutil.which("java"):
        pytest.skip("vnu-jar (npm ci) and Java 17 are needed for the Nu HTML checker")

    return lambda files: vnu_errors(vnu_command(VNU), files)


def test_the_staff_pages_and_the_report_document_are_valid_html(staff_client, tmp_path, vnu,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        pending = services.report_request(kind="partnerships", period_start=date(2024, 1, 1),
                                           period_end=date(2024, 12, 31), language="en")
        failed = services.report_request(kind="alliance", period_start=date(2024, 1, 1),
                                          period_end=date(2024, 12, 31), language="ar")
    TDAGReport.objects.filter(pk=failed.pk).update(status=ReportStatus.FAILED, error="Broken")
    pages = {
        "list": staff_client.get(reverse("reports:list")).content.decode(),
        "list-ar": staff_client.get("/ar/staff/reports/").content.decode(),
        "invalid-request": staff_client.post(reverse("reports:request"), {"kind": "x"}).content.decode(),
        "pending": staff_client.get(reverse("reports:detail", args=[pending.pk])).content.decode(),
        "failed": staff_client.get(reverse("reports:detail", args=[failed.pk])).content.decode(),
        "document-ar": render_document(failed),
    }
    files = {}
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html)
        files[str(path)] = name
    # The Nu checker does not know the CSS of paged media (string-set, string()) WeasyPrint reads.
    errors = [error for error in vnu(files)
              if not (error[0].startswith("document") and error[2].startswith("CSS:"))]
    assert errors == []
