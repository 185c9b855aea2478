"""An applicant follows the application's status through the signed link of the confirmation
e-mail, and adds a missing document while it is being screened; nobody gets there by guessing."""

import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from alliance.models import RegionalInitiative, StrategicObjective
from centres import services
from centres.models import Application, ApplicationDocument
from tests.factories import ApplicationFactory, pdf_upload


def _status_url(application) -> str:
    return reverse("centres:application-status",
                   kwargs={"token": services.application_status_token(application=application)})


def test_the_confirmation_email_carries_an_absolute_link_to_the_status(
        call, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.PORTAL_BASE_URL = "https://alliance.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        application = services.application_submit(
            organisation="Lakeside Ministry", host_type="government", country="KE", city="Nairobi",
            contact_name="Amina", contact_email="amina@example.org",
            regional_initiative=RegionalInitiative.objects.get(code="AFR4"),
            objectives=list(StrategicObjective.objects.filter(number=1)), support_plan="Budget.")
    link = re.search(r"https://alliance\.example\.org(/en/centres/apply/status/[^/\s]+/)", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    assert application.reference in Client().get(link.group(1)).content.decode()


def test_the_applicant_sees_the_status_and_adds_a_document_while_screened(call):
    application = ApplicationFactory(call=call)
    page = Client().get(_status_url(application)).content.decode()
    assert application.reference in page and "Submitted" in page
    response = Client().post(_status_url(application), {"title": "Letter of the minister",
                                                        "file": pdf_upload("letter.pdf")})
    assert response.status_code == 302
    assert application.documents.get().title == "Letter of the minister"
    assert "Letter of the minister" in Client().get(_status_url(application)).content.decode()


@pytest.mark.parametrize("status", ["evaluation", "selected"])
def test_no_document_is_added_once_screening_is_over(call, status):
    application = ApplicationFactory(call=call, status=status,
                                   decided_at="2025-01-01T00:00Z" if status == "selected" else None)
    page = Client().get(_status_url(application)).content.decode()
    assert 'name="file"' not in page
    Client().post(_status_url(application), {"title": "Late", "file": pdf_upload()})
    assert not ApplicationDocument.objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused(call):
    application = ApplicationFactory(call=call)
    fake = SimpleUploadedFile("letter.pdf", b"<html></html>", content_type="application/pdf")
    response = Client().post(_status_url(application), {"title": "Letter", "file": fake})
    assert "this file is not a PDF" in response.content.decode()
    assert not ApplicationDocument.objects.exists()


def test_a_guessed_or_altered_link_finds_nothing(call):
    application = ApplicationFactory(call=call)
    token = services.application_status_token(application=application)
    other_salt = signing.dumps(application.reference)  # signed by the site, but for another purpose
    for forged in (application.reference, token[:-2] + "xx", other_salt):
        url = reverse("centres:application-status", kwargs={"token": forged})
        assert Client().get(url).status_code == 404


def test_an_application_holds_at_most_ten_documents(call):
    application = ApplicationFactory(call=call)
    for n in range(10):
        ApplicationDocument.objects.create(application=application, title=f"D{n}", file=pdf_upload())
    response = Client().post(_status_url(application), {"title": "Eleventh", "file": pdf_upload()})
    assert "at most ten documents" in response.content.decode()
    assert Application.objects.get().documents.count() == 10
