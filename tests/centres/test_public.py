"""Public pages: the application form, the directory, a centre's page and the network's figures."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.models import RegionalInitiative, StrategicObjective
from centres.models import Application, ApplicationDocument, Centre
from tests.factories import StagedCentreFactory, pdf_upload

from .conftest import bulk_centres


def _form(**overrides):
    data = {
        "organisation": "Innovation Hub", "host_type": "academia", "country": "GH", "city": "Accra",
        "contact_name": "Kofi Mensah", "contact_email": "kofi@hub.example", "website": "",
        "support_plan": "University budget and ministry letter.",
        "objectives": [StrategicObjective.objects.get(number=2).pk],
        "regional_initiative": RegionalInitiative.objects.get(code="AFR4").pk,
    }
    data.update(overrides)
    return data


def test_apply_page_explains_the_published_criteria(client, criteria):
    page = client.get(reverse("centres:apply")).content.decode()
    assert "Alignment" in page and "Support" in page
    assert page.count("<h1") == 1


def test_application_gets_a_reference_and_a_confirmation_email(client, call,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("centres:apply"), _form())
    application = Application.objects.get()
    assert application.reference in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1 and application.reference in mail.outbox[0].body


def test_duplicate_application_within_a_day_is_refused_with_a_message(client, call):
    client.post(reverse("centres:apply"), _form())
    response = client.post(reverse("centres:apply"), _form(organisation="innovation hub "))
    assert response.status_code == 200
    assert "in the last 24 hours" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.parametrize(("overrides", "field_message"), [
    ({"objectives": []}, "This field is required."),
    ({"contact_email": "not-an-email"}, "Enter a valid email address."),
    ({"organisation": "Bad\x07name"}, "control characters"),
    ({"country": ""}, "This field is required."),
    ({"host_type": ""}, "This field is required."),
])
def test_bad_input_gets_field_messages_and_stores_nothing(client, call, overrides, field_message):
    response = client.post(reverse("centres:apply"), _form(**overrides))
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert not Application.objects.exists()


def test_a_document_that_is_not_a_pdf_is_refused_and_nothing_is_stored(client, call):
    fake = SimpleUploadedFile("letter.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(reverse("centres:apply"), _form(documents=[pdf_upload("ok.pdf"), fake]))
    assert response.status_code == 200
    assert "letter.pdf: Only PDF documents are accepted" in response.content.decode()
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()


def test_an_oversized_document_is_refused(client, call, settings):
    settings.MAX_UPLOAD_SIZE = 40
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 200, content_type="application/pdf")
    response = client.post(reverse("centres:apply"), _form(documents=[big]))
    assert "the largest accepted is" in response.content.decode()
    assert not Application.objects.exists()


def test_directory_filters_by_region_country_objective_status_and_name(client, call):
    kenya = StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING, country="KE",
                                name="Nairobi Acceleration Centre")
    StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED, country="GH",
                        name="Accra Centre")
    removed = StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED, country="KE",
                                  name="Removed Centre")
    url = reverse("centres:index")
    assert "Removed Centre" not in client.get(url).content.decode()
    for query in ({"country": "KE"}, {"status": "operating"}, {"q": "acceleration"}, {"region": "africa",
                                                                                  "country": "KE"}):
        page = client.get(url, query).content.decode()
        assert kenya.name in page and "Accra Centre" not in page, query
    assert "No centre matches" in client.get(url, {"region": "europe"}).content.decode()
    assert "Accra Centre" in client.get(url, {"objective": 1}).content.decode()
    assert client.get(reverse("centres:detail", args=[removed.slug])).status_code == 404


def test_figures_are_computed_from_the_data(client, call):
    StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING)
    StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED, country="GH")
    StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED, country="GH")
    page = client.get(reverse("centres:figures")).content.decode()
    assert '<span class="figure">3</span> applications received' in page
    assert '<span class="figure">2</span> countries' in page
    assert '<span class="figure">1</span> cooperation agreements signed' in page
    assert '<span class="figure">1</span> hosts removed' in page


@pytest.mark.parametrize("count", [5, 200])
def test_public_pages_use_a_constant_number_of_queries(client, call, count, django_assert_max_num_queries):
    centres = bulk_centres(call, count)
    for url in (reverse("centres:index"), reverse("centres:index") + "?status=operating&objective=1&q=Bulk",
                reverse("centres:figures"), centres[-1].get_absolute_url(), reverse("centres:apply")):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_figures_page_lists_trainings_and_network_meetings(client, call):
    from datetime import date

    from centres.models import NetworkEvent, Training, TrainingAttendance

    centre = StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING)
    training = Training.objects.create(kind="course", title="Strategic Foresight 201", provider="ITU Academy",
                                       starts_on=date(2024, 6, 3), ends_on=date(2024, 6, 28))
    TrainingAttendance.objects.create(training=training, centre=centre, participants=4)
    event = NetworkEvent.objects.create(title="Second meeting of the centres", location="Valletta, Malta",
                                        starts_on=date(2024, 10, 28), ends_on=date(2024, 10, 28))
    event.centres.add(centre)
    page = client.get(reverse("centres:figures")).content.decode()
    assert "Strategic Foresight 201" in page and '<td class="num">4</td>' in page
    assert "Second meeting of the centres" in page
