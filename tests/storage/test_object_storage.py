"""Media and report PDFs in an S3-compatible bucket (moto's server on loopback): nothing on the
local disk, nothing public in the bucket, served by the portal after its permission checks."""

import hashlib
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from alliance.core.storage import PortalS3Storage
from alliance.reports import pdf, services
from alliance.reports.models import ReportStatus, TDAGReport
from centres.models import Call, Centre, CentreDocument
from tests.centres.conftest import make_host
from tests.factories import StagedCentreFactory, png_upload

pytestmark = [pytest.mark.django_db]

APPS = ("alliance", "centres", "board", "dtlab", "partnerships")
ROOT = Path(__file__).resolve().parents[2]


def _bucket_objects(s3_server, env) -> dict[str, bytes]:
    client, bucket = s3_server.client(), env["AWS_STORAGE_BUCKET_NAME"]
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listing}


def _local_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _report(capture) -> TDAGReport:
    with capture(execute=True):
        report = services.report_request(kind="alliance", language="en", period_start=date(2024, 1, 1),
                                         period_end=date(2024, 12, 31))
    report.refresh_from_db()
    return report


def _pdfs(objects: dict[str, bytes]) -> dict[str, bytes]:
    """The PDFs of a bucket listing (each report also has its Word version beside it)."""
    return {name: body for name, body in objects.items() if name.endswith(".pdf")}


def test_the_bucket_is_the_default_storage_when_its_name_is_set(s3_media):
    assert isinstance(default_storage, PortalS3Storage)
    default_storage.save("probe.txt", io.BytesIO(b"x"))
    assert default_storage.exists("probe.txt")


def test_a_report_pdf_is_stored_in_the_bucket_and_downloaded_through_the_portal(
        s3_server, s3_media, settings, django_capture_on_commit_callbacks, staff_client):
    report = _report(django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.DONE, report.error
    objects = _bucket_objects(s3_server, s3_media)
    assert list(_pdfs(objects)) == [report.pdf.name] == [f"reports/{report.pk}/TDAG-alliance-2024-en.pdf"]
    assert report.docx.name in objects  # the Word version beside it, in the bucket too
    assert hashlib.sha256(objects[report.pdf.name]).hexdigest() == report.checksum
    assert _local_files(settings) == []

    response = staff_client.get(f"/en/staff/reports/{report.pk}/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == objects[report.pdf.name]
    assert Client().get(f"/en/staff/reports/{report.pk}/pdf/").status_code == 302  # to the login


def test_a_reports_full_lists_are_stored_in_the_bucket_and_published_through_the_portal(
        s3_server, s3_media, settings, django_capture_on_commit_callbacks, staff_client):
    from django.utils import timezone

    from alliance.reports.models import Workflow

    report = _report(django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.DONE, report.error
    objects = _bucket_objects(s3_server, s3_media)
    files = {(f.name, f.format): f.file.name for f in report.list_files.all()}
    assert files[("centres", "xlsx")] == f"reports/{report.pk}/lists/TDAG-alliance-2024-en-centres.xlsx"
    assert set(files.values()) <= set(objects)
    assert _local_files(settings) == []

    url = f"/en/documents/{report.pk}/lists/centres.csv"
    assert Client().get(url).status_code == 404
    assert staff_client.get(f"/en/staff/reports/{report.pk}/lists/centres.csv").status_code == 200
    TDAGReport.objects.filter(pk=report.pk).update(workflow=Workflow.PUBLISHED, snapshot={},
                                                       published_at=timezone.now())
    response = Client().get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == objects[files[("centres", "csv")]]


def test_objects_in_the_bucket_grant_no_public_read(s3_server, s3_media, django_capture_on_commit_callbacks):
    report = _report(django_capture_on_commit_callbacks)
    acl = s3_server.client().get_object_acl(Bucket=s3_media["AWS_STORAGE_BUCKET_NAME"], Key=report.pdf.name)
    grantees = {grant["Grantee"].get("URI", grant["Grantee"].get("ID")) for grant in acl["Grants"]}
    assert not any(str(grantee).endswith(("AllUsers", "AuthenticatedUsers")) for grantee in grantees), acl
    assert default_storage.url(report.pdf.name) == f"/media/{report.pdf.name}"


def test_a_regenerated_report_is_recorded_only_once_its_upload_is_complete(
        s3_server, s3_media, django_capture_on_commit_callbacks, monkeypatch):
    report = _report(django_capture_on_commit_callbacks)
    previous = report.pdf.name
    seen_during_upload = []
    original_save = PortalS3Storage._save

    def watching_save(storage, name, content):
        if name.endswith(".pdf"):  # the Word version is stored after the PDF is recorded
            seen_during_upload.append(TDAGReport.objects.get(pk=report.pk).pdf.name)
        return original_save(storage, name, content)

    monkeypatch.setattr(PortalS3Storage, "_save", watching_save)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate_again(report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert seen_during_upload == [previous]
    assert report.pdf.name != previous
    objects = _bucket_objects(s3_server, s3_media)
    assert list(_pdfs(objects)) == [report.pdf.name], "the earlier PDF is deleted once replaced"
    assert hashlib.sha256(objects[report.pdf.name]).hexdigest() == report.checksum


def test_an_upload_that_fails_keeps_the_previous_pdf_recorded_and_readable(
        s3_server, s3_media, django_capture_on_commit_callbacks, monkeypatch):
    report = _report(django_capture_on_commit_callbacks)
    previous, previous_bytes = report.pdf.name, _bucket_objects(s3_server, s3_media)[report.pdf.name]

    def broken_upload(storage, name, content):
        content.read(100)
        raise ConnectionError("connection reset by the bucket")

    monkeypatch.setattr(PortalS3Storage, "_save", broken_upload)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate_again(report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "connection reset by the bucket" in report.error
    assert report.pdf.name == previous
    assert _pdfs(_bucket_objects(s3_server, s3_media)) == {previous: previous_bytes}
    with default_storage.open(report.pdf.name) as stored:
        assert stored.read() == previous_bytes


def test_a_pdf_that_fails_to_render_leaves_nothing_in_the_bucket(
        s3_server, s3_media, django_capture_on_commit_callbacks, monkeypatch):
    def broken(*, html, target, **options):
        Path(target).write_bytes(b"%PDF-1.7 half a document")
        raise OSError("No space left on device")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    report = _report(django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.FAILED
    assert _bucket_objects(s3_server, s3_media) == {}


def test_a_logo_uploaded_by_a_host_is_stored_in_the_bucket_and_shown_by_the_portal(
        s3_server, s3_media, settings, django_user_model):
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    host = Client()
    host.force_login(make_host(django_user_model, centre))
    logo = png_upload("logo.png", 8, 8)
    profile = {"description_en": "We accelerate start-ups.", "contact_email": "", "website": ""}
    assert host.post(reverse("portal:profile"), {**profile, "logo": logo}).status_code == 302
    centre.refresh_from_db()
    objects = _bucket_objects(s3_server, s3_media)
    assert centre.logo.name in objects
    assert _local_files(settings) == []

    # The page shows the logo's thumbnail, made from the bucket's file and stored beside it.
    page = Client().get(reverse("centres:detail", args=[centre.slug])).content.decode()
    src = re.search(r'<img class="picture[^"]*" src="([^"]+)"[^>]* alt="Logo of', page).group(1)
    thumbnail = src.removeprefix("/media/")
    folder = centre.logo.name.rpartition("/")[0]
    assert src.startswith("/media/") and thumbnail.startswith(f"{folder}/thumbs/")
    objects = _bucket_objects(s3_server, s3_media)
    assert thumbnail in objects and _local_files(settings) == []
    image = Client().get(src)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/webp"
    assert b"".join(image.streaming_content) == objects[thumbnail]


def test_private_documents_in_the_bucket_are_not_served_under_media(s3_media, db):
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    document = CentreDocument.objects.create(
        centre=centre, title="Budget", file=SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget"))
    assert default_storage.exists(document.file.name)
    assert Client().get(f"/media/{document.file.name}").status_code == 404
    assert Client().get("/media/centres/logos/missing.png").status_code == 404


def test_the_apps_reach_stored_files_only_through_the_storage_api():
    """No local path of a stored file (``.path()``) and no rename on the disk (``os.replace``):
    neither exists in a bucket."""
    offenders = []
    for app in APPS:
        for source in (ROOT / app).rglob("*.py"):
            text = source.read_text()
            for pattern in (r"\.path\(", r"os\.replace\("):
                offenders += [f"{source.relative_to(ROOT)}: {pattern}" for _ in re.finditer(pattern, text)]
    assert offenders == []
