"""A host replaces a document of their centre and sees its history; nothing of another centre opens."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from centres import services
from centres.models import Centre, CentreDocumentVersion
from tests.factories import PDF_BYTES, CentreDocumentFactory, UserFactory, pdf_upload

NEW_PDF = PDF_BYTES.replace(b"1.4", b"1.7")


def _new_file(name="budget-v2.pdf"):
    return SimpleUploadedFile(name, NEW_PDF, content_type="application/pdf")


def test_replacing_a_document_keeps_the_previous_file_with_who_and_when(host_client, host_user, centre):
    uploader = UserFactory(username="first-uploader", first_name="Amina", last_name="Diallo")
    uploaded_at = timezone.now() - timedelta(days=10)
    document = CentreDocumentFactory(centre=centre, title="Budget", uploaded_by=uploader)
    type(document).objects.filter(pk=document.pk).update(uploaded_at=uploaded_at)
    old_name = document.file.name

    response = host_client.post(reverse("portal:document", args=[document.pk]), {"file": _new_file()})

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.name != old_name and document.file.read() == NEW_PDF
    assert document.uploaded_by == host_user
    version = CentreDocumentVersion.objects.get(document=document)
    assert (version.file.name, version.uploaded_by, version.replaced_by) == (old_name, uploader, host_user)
    assert version.uploaded_at == uploaded_at
    assert version.file.read() == PDF_BYTES
    page = host_client.get(reverse("portal:document", args=[document.pk])).content.decode()
    assert "Amina Diallo" in page and host_user.username in page
    assert reverse("portal:document-version-download", args=[document.pk, version.pk]) in page
    download = host_client.get(reverse("portal:document-version-download", args=[document.pk, version.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_a_file_that_is_not_a_pdf_replaces_nothing(host_client, centre):
    document = CentreDocumentFactory(centre=centre)
    old_name = document.file.name
    fake = SimpleUploadedFile("budget.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = host_client.post(reverse("portal:document", args=[document.pk]), {"file": fake})
    assert response.status_code == 200
    assert "this file is not a PDF" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == old_name
    assert not CentreDocumentVersion.objects.exists()


def test_a_removed_centres_host_cannot_replace_a_document(host_client, centre):
    document = CentreDocumentFactory(centre=centre)
    Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.REMOVED, removed_on=timezone.localdate(),
                                               removal_reason=Centre.RemovalReason.OTHER)
    response = host_client.post(reverse("portal:document", args=[document.pk]), {"file": _new_file()})
    assert response.status_code == 200
    assert not CentreDocumentVersion.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_host_gets_404_for_another_centres_document_page(host_client, other_centre, method):
    document = CentreDocumentFactory(centre=other_centre)
    response = getattr(host_client, method)(reverse("portal:document", args=[document.pk]),
                                             {"file": _new_file()})
    assert response.status_code == 404
    assert not CentreDocumentVersion.objects.exists()


def test_host_gets_404_for_another_centres_previous_version(host_client, centre, other_centre):
    own = CentreDocumentFactory(centre=centre)
    other = CentreDocumentFactory(centre=other_centre)
    services.centre_document_replace(document=other, file=_new_file())
    version = other.versions.get()
    assert host_client.get(reverse("portal:document-version-download",
                                   args=[other.pk, version.pk])).status_code == 404
    # Nor through one of the host's own documents in the address.
    assert host_client.get(reverse("portal:document-version-download",
                                   args=[own.pk, version.pk])).status_code == 404


def test_the_documents_list_counts_previous_versions(host_client, centre):
    document = CentreDocumentFactory(centre=centre, title="Statutes")
    services.centre_document_replace(document=document, file=_new_file())
    services.centre_document_replace(document=document, file=pdf_upload("third.pdf"))
    page = host_client.get(reverse("portal:documents")).content.decode()
    assert reverse("portal:document", args=[document.pk]) in page
    assert '<td class="num">2</td>' in page
