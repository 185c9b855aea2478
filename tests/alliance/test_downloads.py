"""alliance.core.downloads.private_download: the one way a checked view hands out a private file."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404

from alliance.core.downloads import private_download
from centres.models import CentreDocument
from tests.factories import PDF_BYTES, CentreDocumentFactory


def test_a_pdf_is_an_attachment_named_pdf_whatever_it_was_uploaded_as(db):
    document = CentreDocumentFactory(file=ContentFile(PDF_BYTES, name="budget.html"))
    response = private_download(CentreDocument.objects.get(pk=document.pk).file)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="budget' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.pdf"')
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_the_given_name_is_used(db):
    document = CentreDocumentFactory()
    response = private_download(document.file, filename="statutes-2025.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="statutes-2025.pdf"'


def test_an_empty_field_is_not_found(db):
    document = CentreDocumentFactory()
    document.file = None
    with pytest.raises(Http404):
        private_download(document.file)


def test_a_file_missing_from_the_storage_is_not_found(db):
    document = CentreDocumentFactory()
    document.file.storage.delete(document.file.name)
    with pytest.raises(Http404):
        private_download(document.file)
