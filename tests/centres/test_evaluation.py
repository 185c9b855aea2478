"""Blind evaluation of applications: each rule of centres/services.py and centres/selectors.py
(own scores only, no peeking before submitting, submitted scores frozen, a conflict removes the
evaluator, the total and ranking only once complete), then the staff pages that carry them.

Each test fails when the rule it names is removed. Expected totals are worked out by hand with the
two criteria below: "Alignment" weighs 60 and is scored out of 5, "Support" weighs 40 out of 10.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from centres import selectors, services
from centres.models import Application, Centre, Criterion, EvaluatorAssignment, Score
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    EvaluatorAssignmentFactory,
    EvaluatorFactory,
    LeadEvaluatorFactory,
    ScoreFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

S = Application.Status


def refused(match: str):
    return pytest.raises(ValidationError, match=match)


@pytest.fixture
def criteria() -> list[Criterion]:
    return [Criterion.objects.create(name="Alignment", weight=Decimal("60"), max_score=5, order=1),
            Criterion.objects.create(name="Support", weight=Decimal("40"), max_score=10, order=2)]


@pytest.fixture
def application() -> Application:
    return ApplicationFactory(status=S.EVALUATION)


def sheet(assignment, criteria, scores, *, comments=("", ""), submit=True):
    return services.score_sheet_save(
        assignment=assignment, submit=submit,
        scores=[(c, s, comment) for c, s, comment in zip(criteria, scores, comments, strict=True)])


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- Own scores only ----------------------------------------------------------------------------


def test_an_evaluator_not_assigned_to_the_application_cannot_score_it(application, criteria):
    with refused("not assigned"):
        services.score_record(application=application, criterion=criteria[0], evaluator=EvaluatorFactory(),
                              score=3)
    assert not Score.objects.exists()


def test_an_evaluators_sheet_writes_only_their_own_scores(application, criteria):
    first = EvaluatorAssignmentFactory(application=application)
    second = EvaluatorAssignmentFactory(application=application)
    sheet(first, criteria, (5, 8), submit=False)
    sheet(second, criteria, (None, 2), submit=False)
    assert sorted(Score.objects.filter(evaluator=first.evaluator).values_list("score", flat=True)) == [5, 8]
    assert list(Score.objects.filter(evaluator=second.evaluator).values_list("score", flat=True)) == [2]


def test_an_evaluator_cannot_open_the_sheet_of_an_application_assigned_to_someone_else(application):
    EvaluatorAssignmentFactory(application=application)
    outsider = EvaluatorFactory()
    assert client_of(outsider).get(reverse("evaluation:sheet", args=[application.pk])).status_code == 404


# --- No peeking before submitting ---------------------------------------------------------------


def test_an_evaluator_sees_the_others_scores_only_after_submitting_theirs(application, criteria):
    first = EvaluatorAssignmentFactory(application=application)
    second = EvaluatorAssignmentFactory(application=application)
    sheet(first, criteria, (5, 8), comments=("Strong mandate.", "Budget secured."))
    sheet(second, criteria, (3, 6), submit=False)
    assert selectors.evaluator_sheet(second).others == []
    page = client_of(second.evaluator).get(reverse("evaluation:sheet", args=[application.pk]))
    assert "Strong mandate." not in page.content.decode()

    services.score_sheet_submit(assignment=second)
    assert {s.comment for s in selectors.evaluator_sheet(second).others} == {"Strong mandate.",
                                                                              "Budget secured."}
    page = client_of(second.evaluator).get(reverse("evaluation:sheet", args=[application.pk]))
    assert "Strong mandate." in page.content.decode()


def test_a_draft_is_shown_to_nobody_but_its_author(application, criteria):
    first = EvaluatorAssignmentFactory(application=application)
    second = EvaluatorAssignmentFactory(application=application)
    sheet(first, criteria, (5, 8))
    sheet(second, criteria, (1, 1), comments=("Draft thought.", ""), submit=False)
    assert selectors.evaluator_sheet(first).others == []


def test_the_admin_shows_no_score_to_staff(application, criteria, staff_client):
    assert not admin.site.is_registered(Score)
    ScoreFactory(application=application, criterion=criteria[0], comment="An evaluator's opinion")
    page = staff_client.get(reverse("admin:centres_application_change", args=[application.pk]))
    assert page.status_code == 200 and "An evaluator&#x27;s opinion" not in page.content.decode()
    assert "An evaluator's opinion" not in page.content.decode()


# --- Submitted scores are frozen ------------------------------------------------------------------


def test_submitted_scores_can_no_longer_be_changed(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    sheet(assignment, criteria, (5, 8))
    with refused("submitted; they can no longer be changed"):
        services.score_record(application=application, criterion=criteria[0],
                              evaluator=assignment.evaluator, score=1)
    with refused("submitted; they can no longer be changed"):
        sheet(assignment, criteria, (None, None), submit=False)
    assert sorted(Score.objects.values_list("score", flat=True)) == [5, 8]


def test_submitting_needs_every_criterion_in_use_scored(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    with refused("Score every criterion"):
        sheet(assignment, criteria, (5, None))
    assignment.refresh_from_db()
    assert assignment.submitted_at is None
    Criterion.objects.filter(pk=criteria[1].pk).update(is_active=False)
    sheet(assignment, criteria[:1], (5,), comments=("",))
    assert EvaluatorAssignment.objects.get(pk=assignment.pk).submitted_at is not None


def test_submitting_needs_a_criterion_to_score_against(application):
    assignment = EvaluatorAssignmentFactory(application=application)
    with refused("Score every criterion"):
        services.score_sheet_submit(assignment=assignment)


def test_a_sheet_with_an_invalid_score_saves_nothing(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    with refused("between 0 and 10"):
        sheet(assignment, criteria, (4, 11), submit=False)
    assert not Score.objects.exists()


# --- A conflict of interest removes the evaluator -------------------------------------------------


def test_declaring_a_conflict_removes_the_evaluator_and_their_drafts(application, criteria):
    conflicted = EvaluatorAssignmentFactory(application=application)
    other = EvaluatorAssignmentFactory(application=application)
    sheet(conflicted, criteria, (1, 1), submit=False)
    services.conflict_declare(assignment=conflicted, note="My former employer.")
    assert not Score.objects.filter(evaluator=conflicted.evaluator).exists()
    with refused("not assigned"):
        services.score_record(application=application, criterion=criteria[0],
                              evaluator=conflicted.evaluator, score=3)
    page = client_of(conflicted.evaluator).get(reverse("evaluation:sheet", args=[application.pk]))
    assert page.status_code == 404
    sheet(other, criteria, (5, 10))
    assert selectors.evaluation_complete(application)
    assert selectors.application_weighted_total(application) == Decimal("100.00")


def test_a_conflict_needs_a_description_and_comes_before_submitting(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    with refused("Describe the conflict"):
        services.conflict_declare(assignment=assignment, note="  ")
    sheet(assignment, criteria, (5, 8))
    with refused("submitted"):
        services.conflict_declare(assignment=assignment, note="Remembered late.")
    assignment.refresh_from_db()
    assert assignment.conflict_declared_at is None


def test_an_evaluator_who_declared_a_conflict_cannot_be_assigned_again(application):
    assignment = EvaluatorAssignmentFactory(application=application)
    services.conflict_declare(assignment=assignment, note="A relative works there.")
    with refused("declared a conflict of interest"):
        services.evaluator_assign(application=application, evaluator=assignment.evaluator)


# --- Assignments ----------------------------------------------------------------------------------


def test_only_an_evaluator_can_be_assigned(application):
    with refused("not an evaluator"):
        services.evaluator_assign(application=application, evaluator=StaffFactory())
    assert not EvaluatorAssignment.objects.exists()


def test_an_evaluator_is_assigned_once_per_application(application):
    evaluator = EvaluatorFactory()
    services.evaluator_assign(application=application, evaluator=evaluator)
    with refused("already assigned"):
        services.evaluator_assign(application=application, evaluator=evaluator)


@pytest.mark.parametrize("status", [S.SELECTED, S.NOT_SELECTED])
def test_a_decided_application_gets_no_new_evaluator(status):
    application = ApplicationFactory(status=status)
    with refused("already taken"):
        services.evaluator_assign(application=application, evaluator=EvaluatorFactory())


def test_an_evaluator_is_taken_off_only_before_submitting(application, criteria):
    leaving, staying = (EvaluatorAssignmentFactory(application=application) for _ in range(2))
    sheet(leaving, criteria, (2, 2), submit=False)
    services.evaluator_unassign(assignment=leaving)
    assert not Score.objects.filter(evaluator=leaving.evaluator).exists()
    sheet(staying, criteria, (5, 8))
    with refused("Submitted scores are final"):
        services.evaluator_unassign(assignment=staying)
    assert EvaluatorAssignment.objects.filter(pk=staying.pk).exists()


# --- The total and the ranking only once complete --------------------------------------------------


def test_the_total_and_rank_wait_for_every_assigned_evaluator(criteria):
    call = CallFactory()
    application = ApplicationFactory(call=call, status=S.EVALUATION)
    first, second = (EvaluatorAssignmentFactory(application=application) for _ in range(2))
    sheet(first, criteria, (5, 8))
    assert selectors.application_weighted_total(application) is None
    assert [r.rank for r in selectors.call_ranking(call)] == [None]
    assert selectors.application_scoreboard(application).rows == []
    sheet(second, criteria, (3, 6))
    # Alignment: mean 4 of 5 × 60 = 48; Support: mean 7 of 10 × 40 = 28; total 76 of 100.
    assert selectors.application_weighted_total(application) == Decimal("76.00")
    ranking = selectors.call_ranking(call)
    assert [(r.rank, r.total, r.submitted, r.assigned) for r in ranking] == [(1, Decimal("76.00"), 2, 2)]
    board = selectors.application_scoreboard(application)
    assert [(row.spread, row.mean) for row in board.rows] == [(2, Decimal("4.00")), (2, Decimal("7.00"))]


def test_an_application_without_an_evaluator_has_no_total(application, criteria):
    assert not selectors.evaluation_complete(application)
    assert selectors.application_weighted_total(application) is None


def test_scores_outside_a_submitted_sheet_do_not_count(application, criteria):
    sheet(EvaluatorAssignmentFactory(application=application), criteria, (5, 10))
    ScoreFactory(application=application, criterion=criteria[0], score=0)   # nobody's submitted sheet
    assert selectors.application_weighted_total(application) == Decimal("100.00")


def test_selection_waits_for_every_assigned_evaluator(application, criteria):
    first, second = (EvaluatorAssignmentFactory(application=application) for _ in range(2))
    sheet(first, criteria, (5, 8))
    with refused("Every assigned evaluator must submit"):
        services.application_select(application=application, by=StaffFactory())
    assert not Centre.objects.exists()
    sheet(second, criteria, (4, 7))
    services.application_select(application=application, by=StaffFactory())
    assert Centre.objects.filter(application=application).exists()


# --- Staff pages ----------------------------------------------------------------------------------


def test_an_evaluator_scores_saves_a_draft_then_submits_on_their_sheet(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    client = client_of(assignment.evaluator)
    url = reverse("evaluation:sheet", args=[application.pk])
    fields = {f"criterion-{criteria[0].pk}-score": "4", f"criterion-{criteria[0].pk}-comment": "Good fit.",
              f"criterion-{criteria[1].pk}-score": "", f"criterion-{criteria[1].pk}-comment": ""}
    assert client.post(url, {**fields, "action": "save"}).status_code == 302
    refused_page = client.post(url, {**fields, "action": "submit"})
    assert refused_page.status_code == 400 and "Score every criterion" in refused_page.content.decode()
    fields[f"criterion-{criteria[1].pk}-score"] = "7"
    assert client.post(url, {**fields, "action": "submit"}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert sorted(Score.objects.values_list("score", flat=True)) == [4, 7]


def test_a_score_above_the_maximum_is_a_field_error_on_the_sheet(application, criteria):
    assignment = EvaluatorAssignmentFactory(application=application)
    response = client_of(assignment.evaluator).post(
        reverse("evaluation:sheet", args=[application.pk]),
        {f"criterion-{criteria[0].pk}-score": "6", "action": "save"})
    assert response.status_code == 400
    assert f'id="id_criterion-{criteria[0].pk}-score_error"' in response.content.decode()
    assert not Score.objects.exists()


def test_an_evaluator_declares_a_conflict_on_their_sheet(application):
    assignment = EvaluatorAssignmentFactory(application=application)
    client = client_of(assignment.evaluator)
    url = reverse("evaluation:conflict", args=[application.pk])
    assert client.post(url, {"note": ""}).status_code == 400
    assert client.post(url, {"note": "I advised this organisation."}).status_code == 302
    assert reverse("evaluation:sheet", args=[application.pk]) not in client.get(
        reverse("evaluation:mine")).content.decode()


def test_the_lead_sees_scores_and_the_total_only_once_every_evaluator_submitted(application, criteria):
    first, second = (EvaluatorAssignmentFactory(application=application) for _ in range(2))
    lead = client_of(LeadEvaluatorFactory())
    sheet(first, criteria, (5, 8))
    page = lead.get(reverse("evaluation:application", args=[application.pk])).content.decode()
    assert "Spread" not in page and "evaluation not complete" in lead.get(
        reverse("evaluation:ranking")).content.decode()
    sheet(second, criteria, (3, 6))
    page = lead.get(reverse("evaluation:application", args=[application.pk])).content.decode()
    assert "Spread" in page and "76.00" in page
    assert "76.00" in lead.get(reverse("evaluation:ranking")).content.decode()


def test_the_lead_assigns_an_evaluator_and_a_non_evaluator_is_refused(application):
    lead = client_of(LeadEvaluatorFactory())
    url = reverse("evaluation:assign", args=[application.pk])
    response = lead.post(url, {"evaluator": StaffFactory().pk})
    assert response.status_code == 400 and 'id="id_evaluator_error"' in response.content.decode()
    evaluator = EvaluatorFactory()
    assert lead.post(url, {"evaluator": evaluator.pk}).status_code == 302
    assert EvaluatorAssignment.objects.filter(application=application, evaluator=evaluator).exists()


def test_the_lead_takes_an_evaluator_off_before_they_submit(application):
    assignment = EvaluatorAssignmentFactory(application=application)
    response = client_of(LeadEvaluatorFactory()).post(reverse("evaluation:unassign", args=[assignment.pk]))
    assert response.status_code == 302 and not EvaluatorAssignment.objects.exists()


@pytest.mark.parametrize("name, args", [("evaluation:ranking", []), ("evaluation:application", ["pk"])])
def test_an_evaluator_is_not_the_lead(application, name, args):
    url = reverse(name, args=[application.pk for _ in args])
    assert client_of(EvaluatorFactory()).get(url).status_code == 403
    assert client_of(StaffFactory()).get(url).status_code == 403


def test_staff_outside_the_evaluators_have_no_sheet(application):
    EvaluatorAssignmentFactory(application=application)
    assert client_of(StaffFactory()).get(reverse("evaluation:mine")).status_code == 403
    assert client_of(LeadEvaluatorFactory()).get(reverse("evaluation:mine")).status_code == 403


@pytest.mark.parametrize("name", ["evaluation:mine", "evaluation:ranking"])
def test_evaluation_lists_run_the_same_queries_for_10_or_60_applications(criteria, name):
    evaluator, lead = EvaluatorFactory(), LeadEvaluatorFactory()
    client = client_of(lead if name == "evaluation:ranking" else evaluator)
    counts = []
    for size in (10, 60):
        for _ in range(size - EvaluatorAssignment.objects.count()):
            assignment = EvaluatorAssignmentFactory(evaluator=evaluator)
            sheet(assignment, criteria, (3, 5))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] <= 12, counts
