import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from alliance.models import RegionalInitiative
from dtlab.models import Playbook, PlaybookDocument, ProjectConcept, Service, ServiceRequest

pytestmark = pytest.mark.django_db


def test_playbook_needs_an_objective_or_a_topic_in_the_database(mic):
    with pytest.raises(IntegrityError), transaction.atomic():
        Playbook.objects.create(slug="none", title_en="None", funder=mic)


def test_playbook_cannot_have_both_an_objective_and_a_topic(make_playbook):
    playbook = make_playbook(objective=1)
    playbook.topic = Playbook.Topic.ADVOCACY
    with pytest.raises(ValidationError):
        playbook.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        playbook.save()


def test_cross_cutting_playbook_shows_its_topic(make_playbook):
    playbook = make_playbook(objective=None, topic=Playbook.Topic.CO_DESIGN)
    assert playbook.subject == "Co-design of programmes"


def test_published_playbook_needs_a_publication_date(make_playbook):
    playbook = make_playbook()
    playbook.status = Playbook.Status.PUBLISHED
    with pytest.raises(ValidationError) as error:
        playbook.full_clean()
    assert "published_on" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        playbook.save()


def test_a_version_has_one_pdf_per_language(make_playbook, add_pdf):
    document = add_pdf(make_playbook())
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaybookDocument.objects.create(version=document.version, language="en", file=document.file.name)


def test_playbook_pdf_must_be_a_pdf_by_content(make_playbook, add_pdf):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = add_pdf(make_playbook())
    document.file = SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "file" in error.value.message_dict


def test_service_must_be_open_to_someone():
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(slug="closed", name_en="Closed", open_to_members=False, open_to_centres=False,
                               open_to_regional_offices=False)


def test_completed_request_needs_a_completion_date_and_only_then(service):
    request = ServiceRequest(service=service, requester_type="centre", organisation="Hub", country="IN",
                             contact_name="A", contact_email="a@example.org", description="x",
                             status=ServiceRequest.Status.COMPLETED)
    with pytest.raises(ValidationError):
        request.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()
    request.status = ServiceRequest.Status.SUBMITTED
    request.completed_on = datetime.date(2025, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()


def test_cohort_cannot_end_before_it_starts(make_cohort):
    cohort = make_cohort()
    cohort.end_date = cohort.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        cohort.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        cohort.save()


def test_cohort_initiative_must_belong_to_its_region(make_cohort):
    cohort = make_cohort()
    cohort.regional_initiative = RegionalInitiative.objects.get(code="AFR4")
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert "regional_initiative" in error.value.message_dict


def test_concept_budget_cannot_be_negative(make_cohort):
    cohort = make_cohort()
    concept = ProjectConcept(cohort=cohort, number=1, title_en="Negative", lead_country="ME",
                             budget_usd=Decimal("-1.00"), regional_initiative=cohort.regional_initiative)
    with pytest.raises(ValidationError):
        concept.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        concept.save()


def test_concept_numbers_are_unique_within_a_cohort(make_cohort):
    cohort = make_cohort(concepts=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectConcept.objects.create(cohort=cohort, number=1, title_en="Again", lead_country="ME",
                                      budget_usd=Decimal("1.00"),
                                      regional_initiative=cohort.regional_initiative)


def test_concept_lead_country_must_take_part_in_the_cohort(make_cohort):
    cohort = make_cohort()
    concept = ProjectConcept(cohort=cohort, number=1, title_en="Elsewhere", lead_country="FR",
                             budget_usd=Decimal("1.00"), regional_initiative=cohort.regional_initiative)
    with pytest.raises(ValidationError) as error:
        concept.full_clean()
    assert "lead_country" in error.value.message_dict



def test_history_keeps_the_text_of_every_language(make_playbook):
    playbook = make_playbook(title="Strategic Foresight Playbook")
    playbook.title_fr = "Guide de prospective stratégique"
    playbook.save()
    latest, first = playbook.history.order_by("-history_id")[:2]
    assert (first.title_en, first.title_fr) == ("Strategic Foresight Playbook", None)
    assert latest.title_en == "Strategic Foresight Playbook"
    assert latest.title_fr == "Guide de prospective stratégique"
