"""Several machines: web processes and a Celery worker, each with a local media folder of its own,
share only PostgreSQL, Redis and the bucket (moto's S3 server on loopback). Real processes:
``-m services`` (``.ci/run`` starts PostgreSQL and Redis)."""

import io
import re
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from alliance.reports.models import ReportStatus, TDAGReport
from centres.models import Call, Centre
from tests import services as real_services
from tests.centres.conftest import make_host
from tests.factories import StagedCentreFactory
from tests.faults.processes import Portal

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _real_services():
    """Both machines share PostgreSQL (and a broker): skipped without them, failed where CI has them."""
    real_services.require_real_services()


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_report_requested_from_the_web_generated_by_the_worker_downloads_from_the_web(
        s3_server, s3_media, settings, tmp_path, celery_worker_factory, staff_client):
    worker_media = tmp_path / "worker-media"
    worker = celery_worker_factory(DJANGO_MEDIA_ROOT=str(worker_media), **s3_media,
                                   DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

    response = staff_client.post(reverse("reports:request"), {
        "kind": "alliance", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en"})
    assert response.status_code == 302
    report = TDAGReport.objects.get(period_start=date(2024, 1, 1))
    deadline = time.monotonic() + 120
    while report.status not in (ReportStatus.DONE, ReportStatus.FAILED) and time.monotonic() < deadline:
        time.sleep(0.5)
        report.refresh_from_db()
    assert report.status == ReportStatus.DONE, f"{report.status} {report.error}\n{worker.log()}"
    assert "generate_report" in worker.log()

    download = staff_client.get(reverse("reports:download", args=[report.pk]))
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    assert body.startswith(b"%PDF") and len(body) == report.size_bytes
    stored = s3_server.client().get_object(Bucket=s3_media["AWS_STORAGE_BUCKET_NAME"], Key=report.pdf.name)
    assert stored["Body"].read() == body
    assert _files(worker_media) == [] and _files(Path(settings.MEDIA_ROOT)) == []
    real_services.wait_until_mail_is_delivered(worker)


def test_a_logo_uploaded_through_one_web_process_shows_through_another(
        s3_server, s3_media, settings, tmp_path, django_user_model):
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    other_web = Portal(tmp_path, DATABASE_URL=real_services.test_database_url(),
                       DJANGO_MEDIA_ROOT=str(tmp_path / "other-web-media"), **s3_media)
    try:
        host = Client()
        host.force_login(make_host(django_user_model, centre))
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
        logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
        profile = {"description_en": "We accelerate start-ups.", "contact_email": "", "website": ""}
        assert host.post(reverse("portal:profile"), {**profile, "logo": logo}).status_code == 302

        page = other_web.get(f"/en/centres/{centre.slug}/")
        assert page.status == 200, other_web.log()
        # The other process makes the logo's thumbnail from the bucket's file and serves it.
        src = re.search(r'<img class="picture[^"]*" src="([^"]+)"[^>]* alt="Logo of', page.text).group(1)
        with urllib.request.urlopen(other_web.base + src, timeout=15) as image:
            assert image.headers["Content-Type"] == "image/webp"
            thumbnail = image.read()
        assert Image.open(io.BytesIO(thumbnail)).format == "WEBP"
        key = src.removeprefix("/media/")
        in_bucket = s3_server.client().get_object(Bucket=s3_media["AWS_STORAGE_BUCKET_NAME"], Key=key)
        assert in_bucket["Body"].read() == thumbnail
    finally:
        other_web.stop()
    centre.refresh_from_db()
    stored = s3_server.client().get_object(Bucket=s3_media["AWS_STORAGE_BUCKET_NAME"], Key=centre.logo.name)
    assert stored["Body"].read() == buffer.getvalue()
    assert _files(Path(settings.MEDIA_ROOT)) == [] and _files(tmp_path / "other-web-media") == []
