"""A host removes one of their centre's documents: it leaves the portal, BDT keeps it with its history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from centres import services
from centres.models import Centre, CentreDocument, CentreDocumentVersion
from tests.factories import CentreDocumentFactory, pdf_upload


def test_removing_asks_for_confirmation_before_anything_changes(host_client, centre):
    document = CentreDocumentFactory(centre=centre, title="Statutes")
    response = host_client.get(reverse("portal:document-remove", args=[document.pk]))
    assert response.status_code == 200
    assert "Remove Statutes" in response.content.decode()
    document.refresh_from_db()
    assert document.removed_at is None


def test_a_removed_document_is_kept_with_its_versions_and_who_removed_it(host_client, host_user, centre):
    document = CentreDocumentFactory(centre=centre, title="Statutes")
    services.centre_document_replace(document=document, file=pdf_upload("statutes-v2.pdf"), by=host_user)

    response = host_client.post(reverse("portal:document-remove", args=[document.pk]))

    assert response.status_code == 302 and response["Location"] == reverse("portal:documents")
    document = CentreDocument.objects.get(pk=document.pk)
    assert document.removed_by == host_user and document.removed_at is not None
    assert document.file.read().startswith(b"%PDF")
    assert CentreDocumentVersion.objects.filter(document=document).count() == 1
    assert document.history.first().removed_at == document.removed_at


def test_a_removed_document_is_neither_listed_nor_downloadable_by_the_host(host_client, host_user, centre):
    document = CentreDocumentFactory(centre=centre, title="Old statutes")
    services.centre_document_replace(document=document, file=pdf_upload("statutes-v2.pdf"), by=host_user)
    version = document.versions.get()
    services.centre_document_remove(document=document, by=host_user)

    page = host_client.get(reverse("portal:documents")).content.decode()
    assert "Old statutes" not in page
    for url in (reverse("portal:document", args=[document.pk]),
                reverse("portal:document-download", args=[document.pk]),
                reverse("portal:document-remove", args=[document.pk]),
                reverse("portal:document-version-download", args=[document.pk, version.pk])):
        assert host_client.get(url).status_code == 404, url


@pytest.mark.parametrize("method", ["get", "post"])
def test_host_gets_404_for_removing_another_centres_document(host_client, other_centre, method):
    document = CentreDocumentFactory(centre=other_centre)
    response = getattr(host_client, method)(reverse("portal:document-remove", args=[document.pk]))
    assert response.status_code == 404
    document.refresh_from_db()
    assert document.removed_at is None


def test_a_document_is_removed_once(host_user, centre):
    document = CentreDocumentFactory(centre=centre)
    services.centre_document_remove(document=document, by=host_user)
    with pytest.raises(ValidationError):
        services.centre_document_remove(document=document, by=host_user)


def test_a_removed_document_cannot_be_replaced(host_user, centre):
    document = CentreDocumentFactory(centre=centre)
    services.centre_document_remove(document=document, by=host_user)
    with pytest.raises(ValidationError):
        services.centre_document_replace(document=document, file=pdf_upload(), by=host_user)
    assert not CentreDocumentVersion.objects.exists()


def test_a_removed_centres_host_cannot_remove_a_document(host_client, centre):
    document = CentreDocumentFactory(centre=centre)
    Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.REMOVED, removed_on=timezone.localdate(),
                                               removal_reason=Centre.RemovalReason.OTHER)
    host_client.post(reverse("portal:document-remove", args=[document.pk]))
    document.refresh_from_db()
    assert document.removed_at is None
