"""Hostile import rows: an import can never produce a state the services would refuse.

Each import resource either leaves the lifecycle fields out of the import (they are exported
only, ``readonly``) or runs the service's rule on every row. Each test builds a row that moves an
object where only a service may move it, imports it, and checks that nothing moved.
"""

from __future__ import annotations

import datetime

import pytest
import tablib
from django.utils import timezone

from board.admin import (
    ActivityResource,
    BoardMemberResource,
    ExpertRequestResource,
    RecommendationResource,
)
from board.models import BoardMember
from centres.admin import ApplicationResource, CentreResource
from centres.models import Application, Centre
from dtlab.admin import PlaybookResource, ProjectConceptResource
from dtlab.models import Playbook
from tests.factories import (
    ApplicationFactory,
    BoardActivityFactory,
    BoardMemberFactory,
    CentreFactory,
    ExpertRequestFactory,
    PlaybookFactory,
    ProjectConceptFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def import_rows(resource, rows: list[dict]):
    dataset = tablib.Dataset(headers=list(rows[0]))
    for row in rows:
        dataset.append([row[key] for key in rows[0]])
    return resource.import_data(dataset, dry_run=False)


def exported_row(resource, obj) -> dict:
    """The object's row as an export writes it: the file staff would edit and import back."""
    dataset = resource.export(queryset=type(obj).objects.filter(pk=obj.pk))
    return dict(zip(dataset.headers, dataset[0], strict=True))


# --- Centres ------------------------------------------------------------------------------------


def test_an_import_cannot_move_a_selected_centre_to_operating():
    centre = CentreFactory(status=Centre.Status.SELECTED)
    row = exported_row(CentreResource(), centre)
    today = str(timezone.localdate())
    row.update(status="operating", design_finished_on=today, operating_since=today, website="https://c.example.org")
    import_rows(CentreResource(), [row])
    centre.refresh_from_db()
    assert centre.status == Centre.Status.SELECTED
    assert (centre.design_finished_on, centre.operating_since) == (None, None)
    assert centre.website == "https://c.example.org"     # the profile fields still import


def test_an_import_cannot_remove_a_centre_nor_change_when_it_was_selected():
    centre = CentreFactory(status=Centre.Status.CAPACITY_BUILDING)
    selected_on = centre.selected_on
    row = exported_row(CentreResource(), centre)
    row.update(status="removed", removed_on=str(timezone.localdate()), removal_reason="other",
               removal_note="By file", selected_on="2001-01-01")
    import_rows(CentreResource(), [row])
    centre.refresh_from_db()
    assert (centre.status, centre.removed_on, centre.selected_on) == (
        Centre.Status.CAPACITY_BUILDING, None, selected_on)


def test_an_import_cannot_move_a_centre_to_another_application():
    centre, other = CentreFactory(), ApplicationFactory(status=Application.Status.SELECTED)
    row = exported_row(CentreResource(), centre)
    row["application"] = other.reference
    import_rows(CentreResource(), [row])
    centre.refresh_from_db()
    assert centre.application_id != other.pk


def test_an_import_cannot_create_a_centre():
    application = ApplicationFactory(status=Application.Status.EVALUATION)
    template = exported_row(CentreResource(), CentreFactory())
    row = {**template, "slug": "imported-centre", "application": application.reference, "name": "Imported",
           "status": "operating"}
    result = import_rows(CentreResource(), [row])
    assert result.has_errors() or result.has_validation_errors()
    assert not Centre.objects.filter(slug="imported-centre").exists()


def test_an_import_cannot_take_a_decision_on_an_application():
    application = ApplicationFactory(status=Application.Status.SUBMITTED)
    row = exported_row(ApplicationResource(), application)
    row.update(status="selected", decision_reason="By file", decided_at="2025-01-01 10:00:00",
               city="Mombasa")
    import_rows(ApplicationResource(), [row])
    application.refresh_from_db()
    assert (application.status, application.decision_reason, application.decided_at) == (
        Application.Status.SUBMITTED, "", None)
    assert application.city == "Mombasa"


# --- Board --------------------------------------------------------------------------------------


def test_an_import_cannot_add_a_third_co_chair():
    BoardMemberFactory(role="co_chair")
    BoardMemberFactory(role="co_chair")
    member = BoardMemberFactory()
    row = exported_row(BoardMemberResource(), member)
    row["role"] = "co_chair"
    result = import_rows(BoardMemberResource(), [row])
    assert result.has_errors() or result.has_validation_errors()
    member.refresh_from_db()
    assert member.role == BoardMember.Role.MEMBER


def test_an_import_cannot_add_a_second_elected_co_chair():
    BoardMemberFactory(role="co_chair", elected_by_members=True)
    member = BoardMemberFactory(role="co_chair")
    row = exported_row(BoardMemberResource(), member)
    row["elected_by_members"] = 1
    result = import_rows(BoardMemberResource(), [row])
    assert result.has_errors() or result.has_validation_errors()
    member.refresh_from_db()
    assert not member.elected_by_members


def test_an_import_cannot_mark_a_recommendation_implemented():
    recommendation = RecommendationFactory()
    row = exported_row(RecommendationResource(), recommendation)
    row.update(status="implemented", status_updated_at="2025-01-01 10:00:00")
    import_rows(RecommendationResource(), [row])
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.status_updated_at) == ("not_started", None)


def test_an_import_cannot_complete_an_activity_at_half_progress():
    activity = BoardActivityFactory()
    row = exported_row(ActivityResource(), activity)
    row.update(status="completed", progress=50)
    import_rows(ActivityResource(), [row])
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == ("planned", 0)


def test_an_import_cannot_decide_an_expert_request():
    request = ExpertRequestFactory()
    row = exported_row(ExpertRequestResource(), request)
    row.update(status="approved", decided_at="2025-01-01 10:00:00")
    import_rows(ExpertRequestResource(), [row])
    request.refresh_from_db()
    assert (request.status, request.decided_at) == ("pending", None)


# --- DT Lab -------------------------------------------------------------------------------------


def test_an_import_cannot_publish_a_playbook_without_a_pdf():
    playbook = PlaybookFactory()
    row = exported_row(PlaybookResource(), playbook)
    row.update(status="published", published_on="2025-01-01")
    import_rows(PlaybookResource(), [row])
    playbook.refresh_from_db()
    assert (playbook.status, playbook.published_on) == (Playbook.Status.IN_DEVELOPMENT, None)


def test_an_import_cannot_move_a_concept_back_or_skip_a_step():
    funded, concept = ProjectConceptFactory(status="funded"), ProjectConceptFactory(status="concept")
    rows = [exported_row(ProjectConceptResource(), funded), exported_row(ProjectConceptResource(), concept)]
    rows[0]["status"], rows[1]["status"] = "concept", "funded"
    import_rows(ProjectConceptResource(), rows)
    funded.refresh_from_db()
    concept.refresh_from_db()
    assert (funded.status, concept.status) == ("funded", "concept")


def test_the_exports_still_carry_the_lifecycle_fields():
    centre = CentreFactory(status=Centre.Status.OPERATING, operating_since=datetime.date(2025, 3, 1))
    row = exported_row(CentreResource(), centre)
    assert (row["status"], str(row["operating_since"])) == ("operating", "2025-03-01")
