"""The Lab's admin moves statuses only through the services' actions."""

import pytest
from django.urls import reverse

from dtlab.models import Playbook, ProjectConcept
from tests.admin_forms import admin_form_data
from tests.factories import PlaybookFactory, ProjectConceptFactory

pytestmark = pytest.mark.django_db


def test_a_funded_concept_does_not_move_back_in_its_admin_form(staff_client):
    concept = ProjectConceptFactory(status=ProjectConcept.Status.FUNDED)
    url = reverse("admin:dtlab_projectconcept_change", args=[concept.pk])
    response = staff_client.post(url, {**admin_form_data(staff_client.get(url)), "status": "concept"})
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.status == ProjectConcept.Status.FUNDED


def test_a_funded_concept_does_not_move_back_in_its_cohorts_inline(staff_client):
    concept = ProjectConceptFactory(status=ProjectConcept.Status.FUNDED)
    url = reverse("admin:dtlab_riacohort_change", args=[concept.cohort.pk])
    data = admin_form_data(staff_client.get(url))
    prefix = next(key for key in data if key.endswith("-0-id")).removesuffix("-0-id")
    response = staff_client.post(url, {**data, f"{prefix}-0-status": "concept"})
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.status == ProjectConcept.Status.FUNDED


def test_the_fund_action_refuses_to_skip_the_approval(staff_client):
    concept = ProjectConceptFactory(status=ProjectConcept.Status.CONCEPT)
    staff_client.post(reverse("admin:dtlab_projectconcept_changelist"),
                      {"action": "fund", "_selected_action": [concept.pk]})
    concept.refresh_from_db()
    assert concept.status == ProjectConcept.Status.CONCEPT


def test_a_playbook_is_not_published_from_its_form_without_its_pdf(staff_client):
    playbook = PlaybookFactory()
    url = reverse("admin:dtlab_playbook_change", args=[playbook.pk])
    response = staff_client.post(url, {**admin_form_data(staff_client.get(url)), "status": "published",
                                       "published_on": "2025-01-01"})
    assert response.status_code == 302
    playbook.refresh_from_db()
    assert playbook.status == Playbook.Status.IN_DEVELOPMENT
