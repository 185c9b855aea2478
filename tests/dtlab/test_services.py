import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dtlab import services
from dtlab.models import Playbook, PlaybookDocument, ProjectConcept, ServiceRequest

pytestmark = pytest.mark.django_db


def submit(service, **overrides):
    fields = {
        "service": service, "requester_type": ServiceRequest.RequesterType.CENTRE,
        "organisation": "Acceleration Centre of Testland", "country": "IN", "contact_name": "Asha",
        "contact_email": "asha@example.org", "description": "We would like an Innovation Café in May.",
    }
    return services.service_request_submit(**{**fields, **overrides})


def test_playbook_without_a_pdf_cannot_be_published(make_playbook):
    playbook = make_playbook()
    with pytest.raises(ValidationError):
        services.playbook_publish(playbook=playbook)
    playbook.refresh_from_db()
    assert playbook.status == Playbook.Status.IN_DEVELOPMENT


def test_publishing_a_playbook_dates_it_from_its_first_release(make_playbook, add_pdf):
    playbook = make_playbook()
    add_pdf(playbook, number="2.0", released_on=datetime.date(2025, 3, 1))
    add_pdf(playbook, number="1.0", released_on=datetime.date(2024, 10, 28))
    services.playbook_publish(playbook=playbook)
    playbook.refresh_from_db()
    assert playbook.status == Playbook.Status.PUBLISHED
    assert playbook.published_on == datetime.date(2024, 10, 28)


def test_a_published_playbook_cannot_be_published_again(make_playbook, add_pdf):
    playbook = make_playbook()
    add_pdf(playbook)
    services.playbook_publish(playbook=playbook)
    with pytest.raises(ValidationError):
        services.playbook_publish(playbook=playbook)


def test_downloads_are_counted_per_document(make_playbook, add_pdf):
    playbook = make_playbook()
    english, french = add_pdf(playbook, language="en"), add_pdf(playbook, language="fr")
    services.playbook_document_count_download(document=english)
    services.playbook_document_count_download(document=english)
    services.playbook_document_count_download(document=french)
    assert dict(PlaybookDocument.objects.values_list("language", "download_count")) == {"en": 2, "fr": 1}


def test_submitting_a_request_mails_the_requester_and_the_secretariat(
    service, mailoutbox, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(service)
    assert request.status == ServiceRequest.Status.SUBMITTED
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted(["asha@example.org", settings.ALLIANCE_CONTACT_EMAIL])
    assert any("Innovation Café" in m.subject for m in mailoutbox)


def test_a_service_cannot_be_requested_by_someone_it_is_not_open_to(service):
    with pytest.raises(ValidationError) as error:
        submit(service, requester_type=ServiceRequest.RequesterType.MEMBER)
    assert "requester_type" in error.value.message_dict
    assert ServiceRequest.objects.count() == 0


def test_an_inactive_service_cannot_be_requested(service):
    service.is_active = False
    service.save()
    with pytest.raises(ValidationError):
        submit(service)


def test_a_request_cannot_start_in_the_past(service):
    with pytest.raises(ValidationError) as error:
        submit(service, preferred_start=timezone.localdate() - datetime.timedelta(days=1))
    assert "preferred_start" in error.value.message_dict


def test_a_request_text_with_control_characters_is_refused(service):
    with pytest.raises(ValidationError) as error:
        submit(service, description="bad\x00text")
    assert "description" in error.value.message_dict


def test_staff_move_a_request_to_completion_and_the_requester_is_told(
    service, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    request = submit(service)
    for status in ("accepted", "in_progress", "completed"):
        with django_capture_on_commit_callbacks(execute=True):
            services.service_request_move(service_request=request, status=status, by=staff_user, note=status)
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.COMPLETED
    assert request.completed_on == timezone.localdate()
    assert request.handled_by == staff_user
    assert request.history.count() == 4
    assert len(mailoutbox) == 3


def test_a_request_cannot_skip_to_completed(service, staff_user):
    request = submit(service)
    with pytest.raises(ValidationError):
        services.service_request_move(service_request=request, status="completed", by=staff_user)


def test_a_declined_request_stays_declined(service, staff_user):
    request = submit(service)
    services.service_request_move(service_request=request, status="declined", by=staff_user)
    with pytest.raises(ValidationError):
        services.service_request_move(service_request=request, status="accepted", by=staff_user)


def test_concepts_move_forward_only(make_cohort):
    cohort = make_cohort(concepts=1)
    concept = cohort.concepts.get()
    with pytest.raises(ValidationError):
        services.project_concept_advance(concept=concept, status=ProjectConcept.Status.FUNDED)
    services.project_concept_advance(concept=concept, status=ProjectConcept.Status.APPROVED)
    services.project_concept_advance(concept=concept, status=ProjectConcept.Status.FUNDED)
    with pytest.raises(ValidationError):
        services.project_concept_advance(concept=concept, status=ProjectConcept.Status.APPROVED)


def test_creating_a_concept_checks_its_lead_country(make_cohort):
    cohort = make_cohort()
    with pytest.raises(ValidationError):
        services.project_concept_create(cohort=cohort, number=1, title="Outside", lead_country="JP",
                                        budget_usd=Decimal("10.00"),
                                        regional_initiative=cohort.regional_initiative)
    concept = services.project_concept_create(cohort=cohort, number=1, title="Inside", lead_country="RS",
                                              budget_usd=Decimal("10.00"),
                                              regional_initiative=cohort.regional_initiative)
    assert concept.pk is not None
