"""The public documents page and the staff pages that write, preview and move a report along."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.roles import BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP
from alliance.reports import services
from alliance.reports.models import ReportListFile, ReportStatus, TDAGReport, Workflow

pytestmark = pytest.mark.django_db


def _published(kind: str, year: int, language: str, symbol: str = "") -> TDAGReport:
    report = TDAGReport.objects.create(
        kind=kind, period_start=date(year, 1, 1), period_end=date(year, 12, 31), language=language,
        status=ReportStatus.DONE, workflow=Workflow.PUBLISHED, snapshot={}, symbol=symbol,
        published_at=timezone.now(), size_bytes=2048)
    report.pdf.name = default_storage.save(f"reports/{report.pk}/r.pdf", ContentFile(b"%PDF-1.7\n"))
    report.save(update_fields=["pdf"])
    return report


def test_the_documents_page_lists_published_documents_by_kind_and_period_with_each_language(client):
    _published("partnerships", 2024, "en", symbol="TDAG-25/13")
    _published("partnerships", 2024, "fr")
    _published("p2c", 2023, "en")
    TDAGReport.objects.create(kind="alliance", period_start=date(2024, 1, 1),
                                  period_end=date(2024, 12, 31), language="en", status=ReportStatus.DONE)
    response = client.get("/en/documents/")
    assert response.status_code == 200
    documents = response.context["documents"]
    assert [(d["kind"], d["period_label"], [v.language for v in d["versions"]]) for d in documents] == [
        ("partnerships", "2024", ["en", "fr"]), ("p2c", "2023", ["en"])]
    html = response.content.decode()
    assert "TDAG-25/13" in html and "Français" in html
    assert "Innovation and Entrepreneurship Alliance progress report" not in html  # not published


@pytest.mark.parametrize("count", [2, 20])
def test_the_documents_page_runs_three_queries_whatever_the_number_of_documents_and_lists(client, count):
    for year in range(2000, 2000 + count):
        report = _published("p2c", year, "en")
        for name in ("pledges", "pledgers"):
            for fmt in ("csv", "xlsx"):
                ReportListFile.objects.create(report=report, name=name, format=fmt, file=f"l/{name}.{fmt}")
    client.get("/en/documents/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/documents/")
    assert response.status_code == 200
    assert response.content.decode().count("/lists/pledgers.xlsx") == count
    assert len(queries) <= 3  # the reports, their list files (one query for all)


def test_the_documents_page_says_when_nothing_is_published(client):
    assert "No document has been published yet." in client.get("/en/documents/").content.decode()


def test_staff_edit_the_narrative_and_see_it_in_the_preview(staff_client):
    report = services.report_request(kind="partnerships", language="en", period_start=date(2024, 1, 1),
                                     period_end=date(2024, 12, 31))
    url = reverse("reports:narrative", kwargs={"pk": report.pk})
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"summary": "A *new* summary with {agreements} agreements."})
    assert response.status_code == 302
    assert "The narrative is saved." in staff_client.get(url).content.decode()
    preview = staff_client.get(reverse("reports:preview", kwargs={"pk": report.pk}))
    assert preview.status_code == 200
    assert "A <em>new</em> summary with 0 agreements." in preview.content.decode()
    assert 'style-src' in preview["Content-Security-Policy"]


def test_a_bad_placeholder_is_a_form_error_and_nothing_is_lost(staff_client):
    report = services.report_request(kind="partnerships", language="en", period_start=date(2024, 1, 1),
                                     period_end=date(2024, 12, 31))
    response = staff_client.post(reverse("reports:narrative", kwargs={"pk": report.pk}),
                                 {"summary": "Signed {agremeents}.", "next_steps": "Keep this."})
    assert response.status_code == 400
    assert "{agremeents}" in response.content.decode()
    assert "Keep this." in response.content.decode()
    assert TDAGReport.objects.get(pk=report.pk).narrative == {}


def test_the_workflow_buttons_move_the_report_and_tell_what_happened(staff_client, client, django_user_model):
    report = services.report_request(kind="partnerships", language="en", period_start=date(2024, 1, 1),
                                     period_end=date(2024, 12, 31))

    def step(user_client, name, **data):
        url = reverse("reports:workflow", kwargs={"pk": report.pk, "step": name})
        return user_client.post(url, data, follow=True)

    response = step(staff_client, "submit")
    assert "The report is submitted for review." in response.content.decode()
    response = step(staff_client, "approve")
    assert "Approving a report needs the permission" in response.content.decode()
    approver = django_user_model.objects.create_user(username="approver", password="x", is_staff=True)
    approver.groups.add(Group.objects.get(name=BDT_STAFF_GROUP),
                        Group.objects.get(name=REPORT_APPROVERS_GROUP))
    client.force_login(approver)
    response = step(client, "approve", symbol="TDAG-25/13")
    assert "The report is approved" in response.content.decode()
    report.refresh_from_db()
    assert (report.workflow, report.symbol) == (Workflow.APPROVED, "TDAG-25/13")
