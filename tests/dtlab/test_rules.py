"""Every rule of dtlab/services.py, each proved by a test that fails when it is removed."""

from __future__ import annotations

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dtlab import services
from dtlab.models import Playbook, PlaybookDocument, ProjectConcept, ServiceRequest
from tests.factories import (
    PlaybookDocumentFactory,
    PlaybookFactory,
    PlaybookVersionFactory,
    ProjectConceptFactory,
    RIACohortFactory,
    ServiceFactory,
    ServiceRequestFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

St = ServiceRequest.Status


def refused(match: str):
    return pytest.raises(ValidationError, match=match)


def request_values(service, **values):
    return {"service": service, "requester_type": "member", "organisation": "Ministry", "country": "KE",
            "contact_name": "Rita", "contact_email": "rita@example.org", "description": "Help.", **values}


# --- Playbooks ------------------------------------------------------------------------------------


def test_a_published_playbook_is_not_published_again():
    document = PlaybookDocumentFactory(version__playbook__status=Playbook.Status.PUBLISHED,
                                       version__playbook__published_on=datetime.date(2024, 1, 1))
    playbook = document.version.playbook
    with refused("already published"):
        services.playbook_publish(playbook=playbook, published_on=datetime.date(2025, 1, 1))
    playbook.refresh_from_db()
    assert playbook.published_on == datetime.date(2024, 1, 1)


def test_a_playbook_whose_versions_have_no_pdf_is_not_published():
    version = PlaybookVersionFactory()
    with refused("at least one version with a PDF"):
        services.playbook_publish(playbook=version.playbook)
    version.playbook.refresh_from_db()
    assert version.playbook.status == Playbook.Status.IN_DEVELOPMENT


def test_a_published_playbook_is_dated_from_its_earliest_release(settings, tmp_path):
    playbook = PlaybookFactory()
    PlaybookDocumentFactory(version__playbook=playbook, version__number="2.0",
                            version__released_on=datetime.date(2025, 6, 1))
    PlaybookDocumentFactory(version__playbook=playbook, version__number="1.0",
                            version__released_on=datetime.date(2024, 10, 28))
    services.playbook_publish(playbook=playbook)
    playbook.refresh_from_db()
    assert playbook.status == Playbook.Status.PUBLISHED
    assert playbook.published_on == datetime.date(2024, 10, 28)


def test_each_download_is_counted():
    document = PlaybookDocumentFactory()
    services.playbook_document_count_download(document=document)
    services.playbook_document_count_download(document=document)
    assert PlaybookDocument.objects.get(pk=document.pk).download_count == 2


# --- Service requests -----------------------------------------------------------------------------


def test_a_service_not_offered_now_is_not_requested():
    service = ServiceFactory(is_active=False)
    with refused("not offered at the moment"):
        services.service_request_submit(**request_values(service))
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("requester_type, open_to", [
    ("member", "open_to_members"), ("centre", "open_to_centres"),
    ("regional_office", "open_to_regional_offices"),
])
def test_a_service_is_requested_only_by_whom_it_is_open_to(requester_type, open_to):
    service = ServiceFactory(**{"open_to_members": True, "open_to_centres": True,
                                "open_to_regional_offices": True, open_to: False})
    with refused("cannot be requested by this kind of requester"):
        services.service_request_submit(**request_values(service, requester_type=requester_type))
    assert not ServiceRequest.objects.exists()


def test_a_preferred_start_cannot_be_in_the_past_but_may_be_today():
    service = ServiceFactory()
    yesterday = timezone.localdate() - timedelta(days=1)
    with refused("cannot be in the past"):
        services.service_request_submit(**request_values(service, preferred_start=yesterday))
    assert not ServiceRequest.objects.exists()
    request = services.service_request_submit(**request_values(service, preferred_start=timezone.localdate()))
    assert request.preferred_start == timezone.localdate()


def test_a_request_remembers_a_signed_in_requester_only():
    from django.contrib.auth.models import AnonymousUser

    service, user = ServiceFactory(), UserFactory()
    signed_in = services.service_request_submit(**request_values(service, by=user))
    anonymous = services.service_request_submit(**request_values(service, by=AnonymousUser(),
                                                                 contact_email="x@example.org"))
    assert (signed_in.submitted_by, anonymous.submitted_by) == (user, None)


@pytest.mark.parametrize("current, new", [
    (St.SUBMITTED, St.IN_PROGRESS), (St.SUBMITTED, St.COMPLETED), (St.ACCEPTED, St.COMPLETED),
    (St.IN_PROGRESS, St.DECLINED), (St.IN_PROGRESS, St.ACCEPTED), (St.COMPLETED, St.IN_PROGRESS),
    (St.DECLINED, St.ACCEPTED), (St.SUBMITTED, "lost"),
])
def test_a_request_moves_one_step_at_a_time(current, new):
    request = ServiceRequestFactory(status=current)
    with refused("cannot become"):
        services.service_request_move(service_request=request, status=new, by=StaffFactory())
    request.refresh_from_db()
    assert request.status == current


@pytest.mark.parametrize("current, new", [
    (St.SUBMITTED, St.ACCEPTED), (St.SUBMITTED, St.DECLINED), (St.ACCEPTED, St.IN_PROGRESS),
    (St.ACCEPTED, St.DECLINED), (St.IN_PROGRESS, St.COMPLETED),
])
def test_the_allowed_steps_of_a_request(current, new):
    request = ServiceRequestFactory(status=current)
    services.service_request_move(service_request=request, status=new, by=StaffFactory())
    request.refresh_from_db()
    assert request.status == new
    assert (request.completed_on is not None) == (new == St.COMPLETED)


def test_a_request_cannot_be_completed_before_it_was_submitted():
    request = ServiceRequestFactory(status=St.IN_PROGRESS)
    submitted = timezone.localdate()
    with refused("cannot be completed before it was submitted"):
        services.service_request_move(service_request=request, status=St.COMPLETED, by=StaffFactory(),
                                      completed_on=submitted - timedelta(days=1))
    request.refresh_from_db()
    assert request.status == St.IN_PROGRESS
    done = services.service_request_move(service_request=request, status=St.COMPLETED, by=StaffFactory(),
                                         completed_on=submitted)
    assert done.completed_on == submitted


def test_a_completed_request_is_dated_today_unless_told_otherwise():
    request = ServiceRequestFactory(status=St.IN_PROGRESS)
    services.service_request_move(service_request=request, status=St.COMPLETED, by=StaffFactory())
    request.refresh_from_db()
    assert request.completed_on == timezone.localdate()


def test_a_note_is_added_to_the_staff_notes_with_its_date():
    request = ServiceRequestFactory(staff_notes="Called them.")
    services.service_request_move(service_request=request, status=St.ACCEPTED, by=StaffFactory(),
                                  note="Accepted.")
    request.refresh_from_db()
    assert request.staff_notes == f"Called them.\n{timezone.localdate().isoformat()}: Accepted."


# --- RIA project concepts -------------------------------------------------------------------------


def test_a_concept_is_validated_before_it_is_stored():
    cohort = RIACohortFactory(participating_countries=["AL", "ME"])
    with pytest.raises(ValidationError) as error:
        services.project_concept_create(cohort=cohort, number=1, title="T", lead_country="FR",
                                        budget_usd=Decimal("10"),
                                        regional_initiative=cohort.regional_initiative)
    assert "lead_country" in error.value.message_dict
    assert not ProjectConcept.objects.exists()


@pytest.mark.parametrize("current, new", [
    ("concept", "funded"), ("approved", "concept"), ("funded", "approved"), ("funded", "funded"),
    ("concept", "concept"),
])
def test_a_concept_moves_forward_one_step_only(current, new):
    concept = ProjectConceptFactory(status=current)
    with refused("cannot become"):
        services.project_concept_advance(concept=concept, status=new)
    concept.refresh_from_db()
    assert concept.status == current


def test_a_concept_status_must_be_known():
    concept = ProjectConceptFactory()
    with refused("Unknown status"):
        services.project_concept_advance(concept=concept, status="cancelled")


@pytest.mark.parametrize("current, new", [("concept", "approved"), ("approved", "funded")])
def test_a_concept_moves_forward(current, new):
    concept = ProjectConceptFactory(status=current)
    services.project_concept_advance(concept=concept, status=new)
    concept.refresh_from_db()
    assert concept.status == new
