"""The full lists published beside a TDAG report: as of its period, readable, safe, public once published."""

import csv
import io
from datetime import date, datetime

import openpyxl
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
from alliance.reports.models import ReportListFile, TDAGReport, Workflow
from board.models import Recommendation
from centres.models import Call, Centre, CooperationAgreement
from dtlab.models import Playbook
from partnerships.models import AgreementStatus, PledgeStatus
from tests.factories import (
    BoardMemberFactory,
    MeetingFactory,
    PartnerFactory,
    PartnershipAgreementFactory,
    PlaybookFactory,
    PledgeFactory,
    ProjectConceptFactory,
    RecommendationFactory,
    RIACohortFactory,
    StagedCentreFactory,
)

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


def _report(kind: str, language: str = "en") -> TDAGReport:
    return services.report_request(kind=kind, language=language, **YEAR_2024)


def _files(report: TDAGReport) -> dict[tuple[str, str], ReportListFile]:
    return {(f.name, f.format): f for f in ReportListFile.objects.filter(report=report)}


def _csv_rows(report: TDAGReport, name: str) -> list[list[str]]:
    with _files(report)[(name, "csv")].file.open("rb") as stream:
        return list(csv.reader(io.StringIO(stream.read().decode("utf-8-sig"))))


def _xlsx_rows(report: TDAGReport, name: str) -> list[tuple]:
    with _files(report)[(name, "xlsx")].file.open("rb") as stream:
        sheet = openpyxl.load_workbook(io.BytesIO(stream.read())).active
    return list(sheet.iter_rows(values_only=True))


def _column(rows: list, header: str) -> list:
    index = list(rows[0]).index(header)
    return [row[index] for row in rows[1:]]


def _publish(report: TDAGReport) -> None:
    report.pdf.name = default_storage.save(f"reports/{report.pk}/r.pdf", ContentFile(b"%PDF-1.7\n"))
    report.status, report.workflow, report.snapshot = "done", Workflow.PUBLISHED, {}
    report.published_at = timezone.now()
    report.save()


def test_the_partnership_lists_hold_the_agreements_signed_in_the_period_and_their_partners():
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1),
                                partner=PartnerFactory(name="Partner of 2024"))
    PartnershipAgreementFactory(reference="IN-2023", signed_on=date(2023, 12, 31),
                                partner=PartnerFactory(name="Partner of 2023"))
    PartnershipAgreementFactory(reference="DRAFT-2024", signed_on=date(2024, 6, 1),
                                status=AgreementStatus.DRAFT)
    report = _report("partnerships")
    services.report_write_lists(report=report)

    assert set(_files(report)) == {("agreements", "csv"), ("agreements", "xlsx"),
                                   ("partners", "csv"), ("partners", "xlsx")}
    agreements = _csv_rows(report, "agreements")
    assert _column(agreements, "Reference") == ["IN-2024"]  # the report's figures count the same one
    assert _column(agreements, "Signed on") == ["2024-05-01"]
    assert _column(_csv_rows(report, "partners"), "Name") == ["Partner of 2024"]
    assert "Contact e-mail" not in agreements[0] + _csv_rows(report, "partners")[0]


def test_the_p2c_lists_are_the_compilation_of_the_pledges_published_by_the_period_end():
    PledgeFactory(title="Published in 2024", status=PledgeStatus.PUBLISHED,
                  decided_at=timezone.make_aware(datetime(2024, 5, 1)), pledger__organisation="Early")
    PledgeFactory(title="Published today", status=PledgeStatus.PUBLISHED, decided_at=timezone.now(),
                  pledger__organisation="Late")
    PledgeFactory(title="Still submitted", decided_at=timezone.make_aware(datetime(2024, 5, 1)))
    report = _report("p2c")
    services.report_write_lists(report=report)

    pledges = _csv_rows(report, "pledges")
    assert _column(pledges, "Pledge") == ["Published in 2024"]
    assert _column(pledges, "Type of pledge") == ["Programmatic"]
    assert _column(_csv_rows(report, "pledgers"), "Organization") == ["Early"]


def test_the_alliance_lists_follow_the_period():
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING, name="Kept centre",
                         selected_on=date(2024, 2, 1), design_finished_on=date(2024, 5, 1),
                         operating_since=date(2024, 6, 1))
    CooperationAgreement.objects.filter(centre=centre).update(signed_on=date(2024, 3, 1))
    StagedCentreFactory(application__call=call, name="Selected in 2025", selected_on=date(2025, 1, 10))
    centre.status, centre.removed_on = Centre.Status.REMOVED, timezone.localdate()
    centre.removal_reason = Centre.RemovalReason.INSUFFICIENT_SUPPORT
    centre.save()  # removed today: operating at the end of 2024
    RecommendationFactory(meeting=MeetingFactory(start_date=date(2024, 3, 1)), text="Held in 2024")
    RecommendationFactory(meeting=MeetingFactory(start_date=date(2025, 3, 1), end_date=date(2025, 3, 1)),
                          text="Held in 2025")
    PlaybookFactory(title="Published 2024", status=Playbook.Status.PUBLISHED, published_on=date(2024, 4, 1))
    PlaybookFactory(title="Published 2025", status=Playbook.Status.PUBLISHED, published_on=date(2025, 4, 1))
    ProjectConceptFactory(title="Concept 2024", cohort=RIACohortFactory(start_date=date(2024, 2, 3)))
    ProjectConceptFactory(title="Concept 2025")
    BoardMemberFactory(full_name="Ada Member")
    report = _report("alliance")
    services.report_write_lists(report=report)

    centres = _csv_rows(report, "centres")
    assert _column(centres, "Name") == ["Kept centre"]
    assert _column(centres, "Status") == ["Operating"]
    assert _column(_csv_rows(report, "recommendations"), "Text") == ["Held in 2024"]
    assert _column(_csv_rows(report, "playbooks"), "Title") == ["Published 2024"]
    assert _column(_csv_rows(report, "project-concepts"), "Title") == ["Concept 2024"]
    assert _column(_csv_rows(report, "board-members"), "Full name") == ["Ada Member"]
    assert Recommendation.objects.count() == 2


def test_the_xlsx_has_one_header_row_of_labels_in_the_reports_language_and_labels_not_codes():
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1),
                                partner_contribution_usd="1500.50")
    report = _report("partnerships", language="fr")
    services.report_write_lists(report=report)

    rows = _xlsx_rows(report, "agreements")
    assert len(rows) == 2
    assert rows[0][:4] == ("Référence", "Titre", "Partenaire", "Signé le")
    assert _column(rows, "Statut") == ["Actif"]  # the label, not "active"
    assert "Afrique" in rows[1] and "africa" not in rows[1]
    assert _column(rows, "Contribution du partenaire (USD)") == [1500.5]  # a number, not text
    assert _column(rows, "Signé le") == ["2024-05-01"]


def _queries_writing_lists(kind: str, language: str) -> list[str]:
    report = _report(kind, language)  # a new report: no files of its own to replace
    with CaptureQueriesContext(connection) as queries:
        services.report_write_lists(report=report)
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize(("kind", "make_rows"), [
    ("partnerships", lambda n: PartnershipAgreementFactory.create_batch(
        n, signed_on=date(2024, 5, 1), partner=PartnerFactory())),
    ("p2c", lambda n: PledgeFactory.create_batch(
        n, status=PledgeStatus.PUBLISHED, decided_at=timezone.make_aware(datetime(2024, 5, 1)))),
])
def test_a_list_is_read_in_the_same_few_queries_whatever_its_length(kind, make_rows):
    """The rows come from ``QuerySet.iterator`` in chunks, each chunk's relations prefetched: the
    queries do not grow with the list, and no page is read with OFFSET (a quadratic read, which
    import_export's own export does for a prefetching queryset: 2,785 pages at 278,451 agreements)."""
    make_rows(3)
    few = _queries_writing_lists(kind, "en")
    make_rows(130)  # more than import_export's page of 100 rows
    many = _queries_writing_lists(kind, "fr")

    assert len(many) == len(few)
    assert not [sql for sql in many if "OFFSET" in sql.upper()]


def test_the_xlsx_header_row_is_bold_and_stays_in_view():
    PartnershipAgreementFactory(signed_on=date(2024, 5, 1), title="A title\non two lines")
    report = _report("partnerships")
    services.report_write_lists(report=report)

    with _files(report)[("agreements", "xlsx")].file.open("rb") as stream:
        sheet = openpyxl.load_workbook(io.BytesIO(stream.read())).active
    assert sheet.title == "Partnership agreements"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1]) and not sheet["A2"].font.bold
    assert sheet["B2"].value == "A title\non two lines" and sheet["B2"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width == len("A title\non two lines") + 2


def test_a_formula_typed_into_a_name_is_neutralised_in_the_csv_and_the_xlsx():
    PartnershipAgreementFactory(signed_on=date(2024, 5, 1),
                                partner=PartnerFactory(name='=HYPERLINK("https://evil.example","x")'))
    report = _report("partnerships")
    services.report_write_lists(report=report)

    expected = ["'=HYPERLINK(\"https://evil.example\",\"x\")"]
    assert _column(_csv_rows(report, "partners"), "Name") == expected
    assert _column(_xlsx_rows(report, "partners"), "Name") == expected


def test_a_list_is_not_found_before_publication_and_downloads_anonymously_after(client, staff_client):
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1))
    report = _report("partnerships")
    other = services.report_request(kind="partnerships", language="fr", **YEAR_2024)
    services.report_write_lists(report=report)
    url = reverse("documents:list-file", kwargs={"pk": report.pk, "name": "agreements", "fmt": "csv"})
    assert url == f"/en/documents/{report.pk}/lists/agreements.csv"

    assert client.get(url).status_code == 404
    staff = staff_client.get(reverse("reports:list-file",
                                     kwargs={"pk": report.pk, "name": "agreements", "fmt": "xlsx"}))
    assert staff.status_code == 200
    detail = staff_client.get(reverse("reports:detail", kwargs={"pk": report.pk}))
    assert "Full lists" in detail.content.decode()
    admin = staff_client.get(reverse("admin:reports_tdagreport_change", args=[report.pk]))
    assert "TDAG-partnerships-2024-en-agreements.csv" in admin.content.decode()

    _publish(report)
    _publish(other)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="TDAG-partnerships-2024-en-agreements.csv"')
    assert "IN-2024" in b"".join(response.streaming_content).decode("utf-8-sig")
    xlsx = client.get(url.replace(".csv", ".xlsx"))
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    # Another report's file by this report's number, a list the kind has not, a format it has not.
    assert client.get(url.replace(f"/{report.pk}/", f"/{other.pk}/")).status_code == 404
    assert client.get(url.replace("agreements", "pledges")).status_code == 404
    assert client.get(url.replace(".csv", ".pdf")).status_code == 404


def test_the_documents_page_links_each_versions_lists_beside_its_pdf(client):
    report = _report("partnerships")
    services.report_write_lists(report=report)
    _publish(report)
    html = client.get("/en/documents/").content.decode()
    assert f'href="/en/documents/{report.pk}/lists/agreements.csv"' in html
    assert f'href="/en/documents/{report.pk}/lists/partners.xlsx"' in html
    assert "Partnership agreements signed (CSV)" in html


@pytest.fixture
def approver(django_user_model):
    user = django_user_model.objects.create_user(username="approver", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP), Group.objects.get(name=REPORT_APPROVERS_GROUP))
    return user


def test_an_approved_report_keeps_its_lists_when_generated_again_after_the_data_changed(staff_user, approver):
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1))
    report = _report("partnerships")
    services.report_submit(report=report, by=staff_user)
    services.report_approve(report=report, by=approver)
    report.refresh_from_db()
    services.report_write_lists(report=report)
    assert _column(_csv_rows(report, "agreements"), "Reference") == ["IN-2024"]

    PartnershipAgreementFactory(reference="LATE-2024", signed_on=date(2024, 11, 1))  # recorded later
    services.report_write_lists(report=report)
    assert _column(_csv_rows(report, "agreements"), "Reference") == ["IN-2024"]
    # Another language version of the approved report gets the same frozen rows.
    french = services.report_request(kind="partnerships", language="fr", **YEAR_2024)
    services.report_write_lists(report=french)
    assert _column(_csv_rows(french, "agreements"), "Référence") == ["IN-2024"]

    services.report_return(report=report, by=approver)  # unfrozen: the lists follow the data again
    report.refresh_from_db()
    report.snapshot = None
    services.report_write_lists(report=report)
    assert _column(_csv_rows(report, "agreements"), "Reference") == ["IN-2024", "LATE-2024"]


def test_approval_leaves_the_lists_to_the_worker_which_freezes_them_once_in_every_language(
        staff_user, approver):
    """The approver's request reads no list (at the benchmark's size, six languages of 27,800 rows
    inline took 64 s and 549 MB); the worker's first writing freezes all six, the others reuse them."""
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1))
    report = _report("partnerships")
    services.report_submit(report=report, by=staff_user)
    services.report_approve(report=report, by=approver)
    report.refresh_from_db()
    assert "lists" not in report.snapshot
    folder = report.snapshot["lists_folder"]
    assert not default_storage.exists(f"{folder}/en/agreements.jsonl.gz")

    services.report_write_lists(report=report)
    frozen = {f"{folder}/{language}/{name}.jsonl.gz" for language in ("ar", "zh-hans", "en", "fr", "ru", "es")
              for name in ("agreements", "partners")}
    assert all(default_storage.exists(name) for name in frozen)
    assert all(default_storage.exists(f"{name}.done") for name in frozen)
    stamps = {name: default_storage.get_modified_time(name) for name in frozen}
    arabic = services.report_request(kind="partnerships", language="ar", **YEAR_2024)
    services.report_write_lists(report=arabic)
    assert {name: default_storage.get_modified_time(name) for name in frozen} == stamps
    assert _column(_csv_rows(arabic, "agreements"), "المرجع") == ["IN-2024"]


def test_a_frozen_list_left_half_written_by_a_worker_that_died_is_written_again(staff_user, approver):
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1))
    report = _report("partnerships")
    services.report_submit(report=report, by=staff_user)
    services.report_approve(report=report, by=approver)
    report.refresh_from_db()
    half = f"{report.snapshot['lists_folder']}/en/agreements.jsonl.gz"
    default_storage.save(half, ContentFile(b"\x1f\x8b half a file"))  # no ".done" beside it

    services.report_write_lists(report=report)

    assert _column(_csv_rows(report, "agreements"), "Reference") == ["IN-2024"]


def test_a_snapshot_taken_before_the_lists_were_frozen_as_files_still_gives_its_rows():
    report = _report("partnerships")
    report.snapshot = {"lists": {"en": {
        "agreements": {"title": "Agreements", "headers": ["Reference", "Amount"],
                       "rows": [["OLD-1", {"decimal": "12.50"}]]},
    }}}
    report.save()
    services.report_write_lists(report=report)

    assert _csv_rows(report, "agreements") == [["Reference", "Amount"], ["OLD-1", "12.50"]]


def test_writing_the_lists_again_replaces_the_files_and_removes_the_old_ones():
    report = _report("partnerships")
    services.report_write_lists(report=report)
    first = {f.file.name for f in ReportListFile.objects.filter(report=report)}
    services.report_write_lists(report=report)
    second = {f.file.name for f in ReportListFile.objects.filter(report=report)}
    assert len(second) == 4 and not first & second
    assert not any(default_storage.exists(name) for name in first)
    assert all(default_storage.exists(name) for name in second)


def _docx_text(report: TDAGReport) -> str:
    from docx import Document

    with report.docx.open("rb") as stream:
        document = Document(io.BytesIO(stream.read()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.usefixtures("eager_tasks")
def test_the_pdf_and_the_word_file_link_to_the_lists_absolute_public_urls(settings, pdf_text):
    settings.PORTAL_BASE_URL = "https://alliance.example.org/"
    PartnershipAgreementFactory(reference="IN-2024", signed_on=date(2024, 5, 1))
    report = _report("partnerships", language="fr")
    services.report_generate(report_id=report.pk)  # the worker's task body
    report.refresh_from_db()
    assert report.status == "done", report.error
    assert len(_files(report)) == 4  # written with the report, by the worker

    text = "".join(pdf_text(report.pdf.path).split())  # long addresses break across lines
    docx = _docx_text(report)
    for name in ("agreements", "partners"):
        for fmt in ("csv", "xlsx"):
            url = f"https://alliance.example.org/fr/documents/{report.pk}/lists/{name}.{fmt}"
            assert url in text
            assert url in docx
    assert "/admin/" not in text


def test_the_api_gives_the_staff_download_before_publication_and_the_public_url_after(staff_client):
    report = _report("partnerships", language="fr")
    services.report_write_lists(report=report)
    url = f"/api/v1/reports/{report.pk}/"
    lists = staff_client.get(url).json()["lists"]
    assert [(item["name"], item["format"]) for item in lists] == [
        ("agreements", "csv"), ("agreements", "xlsx"), ("partners", "csv"), ("partners", "xlsx")]
    assert lists[0]["url"] == f"http://testserver/fr/staff/reports/{report.pk}/lists/agreements.csv"
    _publish(report)
    lists = staff_client.get(url).json()["lists"]
    assert lists[0]["url"] == f"http://testserver/fr/documents/{report.pk}/lists/agreements.csv"
