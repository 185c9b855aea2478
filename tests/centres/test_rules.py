"""Every rule of centres/services.py, each proved by a test that fails when the rule is removed.

Each refusal is matched by its own message, so that a later, different rule cannot stand in for
the one under test, and the state after a refusal is checked to be unchanged.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from centres import services
from centres.models import (
    ActionPlan,
    ActionPlanActivity,
    Application,
    Centre,
    CentreHost,
    CentreProgressReport,
    CooperationAgreement,
    DueDiligenceCheck,
)
from tests.factories import (
    ActionPlanFactory,
    ApplicationFactory,
    CentreActivityFactory,
    CentreAgreementFactory,
    CentreFactory,
    CentreHostFactory,
    CentreProgressReportFactory,
    CriterionFactory,
    DueDiligenceCheckFactory,
    EvaluatorAssignmentFactory,
    ScoreFactory,
    StaffFactory,
    UserFactory,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

S = Application.Status
C = Centre.Status
R = DueDiligenceCheck.Result


def today():
    return timezone.localdate()


def refused(match: str):
    return pytest.raises(ValidationError, match=match)


# --- Applications and due diligence -------------------------------------------------------------


@pytest.mark.parametrize("status", [S.DUE_DILIGENCE, S.EVALUATION, S.SELECTED, S.NOT_SELECTED])
def test_due_diligence_starts_on_a_submitted_application_only(status):
    application = ApplicationFactory(status=status)
    with refused("submitted application only"):
        services.application_start_due_diligence(application=application)
    assert not application.checks.exists()


def test_starting_due_diligence_opens_the_whole_checklist():
    application = ApplicationFactory()
    services.application_start_due_diligence(application=application)
    application.refresh_from_db()
    assert application.status == S.DUE_DILIGENCE
    assert set(application.checks.values_list("item", flat=True)) == set(DueDiligenceCheck.Item.values)


def test_a_check_cannot_be_recorded_outside_due_diligence():
    check = DueDiligenceCheckFactory(application__status=S.EVALUATION)
    with refused("only while due diligence"):
        services.due_diligence_record(check=check, result=R.PASSED)
    check.refresh_from_db()
    assert check.result == R.PENDING


def test_a_check_is_taken_off_the_checklist_only_during_due_diligence():
    check = DueDiligenceCheckFactory(application__status=S.EVALUATION)
    with refused("only while due diligence"):
        services.due_diligence_delete(check=check)
    assert DueDiligenceCheck.objects.filter(pk=check.pk).exists()
    open_check = DueDiligenceCheckFactory()
    services.due_diligence_delete(check=open_check)
    assert not DueDiligenceCheck.objects.filter(pk=open_check.pk).exists()


def test_a_check_result_must_be_one_of_the_results():
    check = DueDiligenceCheckFactory()
    with refused("valid result"):
        services.due_diligence_record(check=check, result="maybe")
    check.refresh_from_db()
    assert check.result == R.PENDING


def test_a_failed_check_needs_a_note():
    check = DueDiligenceCheckFactory()
    with refused("Say why the check failed"):
        services.due_diligence_record(check=check, result=R.FAILED, note="  ")
    services.due_diligence_record(check=check, result=R.FAILED, note="No legal status.")
    check.refresh_from_db()
    assert check.result == R.FAILED


def test_due_diligence_is_finished_only_on_an_application_in_due_diligence():
    application = ApplicationFactory(status=S.SUBMITTED)
    with refused("not in due diligence"):
        services.application_finish_due_diligence(application=application)


def test_due_diligence_cannot_finish_with_checks_still_pending():
    application = ApplicationFactory(status=S.DUE_DILIGENCE)
    DueDiligenceCheckFactory(application=application, item="legal_status", result=R.PASSED)
    DueDiligenceCheckFactory(application=application, item="mandate", result=R.PENDING)
    with refused("Every due-diligence check must pass"):
        services.application_finish_due_diligence(application=application)
    application.refresh_from_db()
    assert application.status == S.DUE_DILIGENCE


def test_due_diligence_cannot_finish_without_any_check():
    application = ApplicationFactory(status=S.DUE_DILIGENCE)
    with refused("Every due-diligence check must pass"):
        services.application_finish_due_diligence(application=application)


def test_due_diligence_finishes_when_every_check_passed():
    application = ApplicationFactory(status=S.DUE_DILIGENCE)
    DueDiligenceCheckFactory(application=application, item="legal_status", result=R.PASSED)
    DueDiligenceCheckFactory(application=application, item="mandate", result=R.PASSED)
    services.application_finish_due_diligence(application=application)
    application.refresh_from_db()
    assert application.status == S.EVALUATION


# --- Scores and decisions -----------------------------------------------------------------------


def test_only_an_application_under_evaluation_is_scored():
    application = ApplicationFactory(status=S.DUE_DILIGENCE)
    with refused("Only applications under evaluation can be scored"):
        services.score_record(application=application, criterion=CriterionFactory(),
                              evaluator=StaffFactory(), score=3)
    assert not application.scores.exists()


def test_a_criterion_no_longer_in_use_cannot_be_scored():
    assignment = EvaluatorAssignmentFactory()
    with refused("no longer in use"):
        services.score_record(application=assignment.application, criterion=CriterionFactory(is_active=False),
                              evaluator=assignment.evaluator, score=3)
    assert not assignment.application.scores.exists()


@pytest.mark.parametrize("score, accepted", [(-1, False), (0, True), (5, True), (6, False)])
def test_a_score_lies_between_zero_and_the_criterion_maximum(score, accepted):
    assignment = EvaluatorAssignmentFactory()
    application, evaluator = assignment.application, assignment.evaluator
    criterion = CriterionFactory(max_score=5)
    if accepted:
        row = services.score_record(application=application, criterion=criterion,
                                    evaluator=evaluator, score=score)
        assert row.score == score
    else:
        with refused("between 0 and 5"):
            services.score_record(application=application, criterion=criterion,
                                  evaluator=evaluator, score=score)
        assert not application.scores.exists()


@pytest.mark.parametrize("status", [S.SUBMITTED, S.DUE_DILIGENCE, S.SELECTED, S.NOT_SELECTED])
def test_only_an_application_under_evaluation_is_selected(status):
    application = ApplicationFactory(status=status)
    with refused("Only applications under evaluation can be selected"):
        services.application_select(application=application, by=StaffFactory())
    assert not Centre.objects.filter(application=application).exists()


def test_selection_needs_an_evaluator_who_submitted():
    application = ApplicationFactory(status=S.EVALUATION)
    ScoreFactory(application=application)
    with refused("Every assigned evaluator must submit"):
        services.application_select(application=application, by=StaffFactory())
    assert not Centre.objects.exists()


def test_a_criterion_no_longer_in_use_is_not_needed_to_submit_and_select():
    assignment = EvaluatorAssignmentFactory()
    application = assignment.application
    services.score_record(application=application, criterion=CriterionFactory(),
                          evaluator=assignment.evaluator, score=4)
    CriterionFactory(is_active=False)
    services.score_sheet_submit(assignment=assignment)
    centre = services.application_select(application=application, by=StaffFactory())
    assert centre.status == C.SELECTED
    application.refresh_from_db()
    assert application.status == S.SELECTED


@pytest.mark.parametrize("status", [S.SELECTED, S.NOT_SELECTED])
def test_a_decided_application_gets_no_second_decision(status):
    application = ApplicationFactory(status=status, decision_reason="First decision.")
    with refused("already taken"):
        services.application_reject(application=application, by=StaffFactory(),
                                    reason="Second thoughts.")
    application.refresh_from_db()
    assert application.status == status
    assert application.decision_reason == "First decision."


def test_a_rejection_needs_a_reason():
    application = ApplicationFactory(status=S.EVALUATION)
    with refused("Give the reason"):
        services.application_reject(application=application, by=StaffFactory(), reason="   ")
    application.refresh_from_db()
    assert application.status == S.EVALUATION


# --- Hosts --------------------------------------------------------------------------------------


def test_a_staff_account_cannot_be_made_a_centre_host():
    staff = StaffFactory(email="officer@itu.example")
    centre = CentreFactory()
    with refused("staff accounts cannot be centre hosts"):
        services.host_invite(centre=centre, email="Officer@ITU.example")
    assert not CentreHost.objects.filter(user=staff).exists()


def test_a_person_already_hosting_a_centre_cannot_host_another(mailoutbox):
    host = CentreHostFactory(user=UserFactory(email="host@example.org"))
    other = CentreFactory()
    with refused("already hosts a centre"):
        services.host_invite(centre=other, email="host@example.org")
    assert CentreHost.objects.get(user=host.user).centre == host.centre
    assert not mailoutbox


# --- Agreements ---------------------------------------------------------------------------------


def test_an_agreement_cannot_be_signed_in_the_future():
    centre = CentreFactory()
    tomorrow = today() + timedelta(days=1)
    with refused("cannot be in the future"):
        services.agreement_sign(centre=centre, signed_on=tomorrow, starts_on=today(),
                                ends_on=today() + timedelta(days=700))
    assert not centre.agreements.exists()
    centre.refresh_from_db()
    assert centre.status == C.SELECTED


def test_an_agreement_signed_today_moves_a_selected_centre_on():
    centre = CentreFactory()
    services.agreement_sign(centre=centre, signed_on=today(), starts_on=today(),
                            ends_on=today() + timedelta(days=1))
    centre.refresh_from_db()
    assert centre.status == C.AGREEMENT_SIGNED


def test_an_agreement_term_must_end_after_it_starts():
    centre = CentreFactory()
    with refused("must end after it starts"):
        services.agreement_sign(centre=centre, signed_on=today(), starts_on=today(), ends_on=today())
    assert not centre.agreements.exists()


def test_a_removed_centre_signs_no_agreement():
    centre = CentreFactory(status=C.REMOVED)
    with refused("removed from the network"):
        services.agreement_sign(centre=centre, signed_on=today(), starts_on=today(),
                                ends_on=today() + timedelta(days=10))
    assert not centre.agreements.exists()


def test_a_second_agreement_must_be_a_renewal():
    agreement = CentreAgreementFactory()
    with refused("record a renewal"):
        services.agreement_sign(centre=agreement.centre, signed_on=today(), starts_on=today(),
                                ends_on=today() + timedelta(days=10))
    assert agreement.centre.agreements.count() == 1


def test_a_renewal_renews_an_agreement_of_the_same_centre():
    agreement = CentreAgreementFactory()
    other = CentreFactory(status=C.AGREEMENT_SIGNED)
    with refused("same centre"):
        services.agreement_check_new(centre=other, renews=agreement, starts_on=today())


def test_an_agreement_is_renewed_once():
    agreement = CentreAgreementFactory()
    services.agreement_renew(agreement=agreement, signed_on=today(), starts_on=agreement.ends_on,
                             ends_on=agreement.ends_on + timedelta(days=700))
    with refused("already renewed"):
        services.agreement_renew(agreement=agreement, signed_on=today(), starts_on=agreement.ends_on,
                                 ends_on=agreement.ends_on + timedelta(days=900))
    assert CooperationAgreement.objects.filter(renews=agreement).count() == 1


def test_a_renewal_cannot_start_before_the_agreement_it_renews():
    agreement = CentreAgreementFactory()
    with refused("cannot start before"):
        services.agreement_renew(agreement=agreement, signed_on=today(),
                                 starts_on=agreement.starts_on - timedelta(days=1),
                                 ends_on=agreement.ends_on + timedelta(days=700))
    assert not CooperationAgreement.objects.filter(renews=agreement).exists()


def test_a_renewal_may_start_on_the_day_the_agreement_it_renews_started():
    agreement = CentreAgreementFactory()
    renewal = services.agreement_renew(agreement=agreement, signed_on=today(), starts_on=agreement.starts_on,
                                       ends_on=agreement.ends_on + timedelta(days=700))
    assert renewal.renews == agreement


# --- Centre lifecycle ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [C.SELECTED, C.DESIGN, C.CAPACITY_BUILDING])
def test_design_starts_only_from_a_signed_agreement(status):
    centre = CentreFactory(status=status)
    CentreAgreementFactory(centre=centre)
    with refused("only after the cooperation agreement is signed"):
        services.centre_start_design(centre=centre)
    centre.refresh_from_db()
    assert centre.status == status


def test_design_needs_the_agreement_itself_not_only_the_status():
    centre = CentreFactory(status=C.AGREEMENT_SIGNED)
    with refused("only after the cooperation agreement is signed"):
        services.centre_start_design(centre=centre)
    assert not ActionPlan.objects.filter(centre=centre).exists()


@pytest.mark.parametrize("status", [C.DESIGN, C.OPERATING])
def test_only_a_centre_deploying_its_services_starts_operating(status):
    centre = CentreFactory(status=status, design_finished_on=today())
    CentreProgressReportFactory(centre=centre, status=CentreProgressReport.Status.ACCEPTED)
    with refused("Only a centre deploying its services"):
        services.centre_start_operating(centre=centre)
    centre.refresh_from_db()
    assert centre.status == status


@pytest.mark.parametrize(
    "report_status", [CentreProgressReport.Status.DRAFT, CentreProgressReport.Status.SUBMITTED]
)
def test_a_centre_starts_operating_only_after_an_accepted_report(report_status):
    centre = CentreFactory(status=C.CAPACITY_BUILDING)
    CentreProgressReportFactory(centre=centre, status=report_status)
    with refused("after BDT has accepted a progress report"):
        services.centre_start_operating(centre=centre)
    centre.refresh_from_db()
    assert centre.status == C.CAPACITY_BUILDING
    assert centre.operating_since is None


def test_a_centre_cannot_be_removed_twice():
    centre = CentreFactory(status=C.REMOVED, removal_reason="no_agreement")
    with refused("removed from the network"):
        services.centre_remove(centre=centre, removed_on=today(), reason="other", note="Again.")
    centre.refresh_from_db()
    assert centre.removal_reason == "no_agreement"


def test_a_removal_reason_must_be_one_of_the_reasons():
    centre = CentreFactory()
    with refused("Choose the reason"):
        services.centre_remove(centre=centre, removed_on=today(), reason="bored")
    centre.refresh_from_db()
    assert centre.status == C.SELECTED


def test_a_removal_for_another_reason_needs_a_note():
    centre = CentreFactory()
    with refused("Explain the removal"):
        services.centre_remove(centre=centre, removed_on=today(), reason="other", note=" ")
    centre.refresh_from_db()
    assert centre.status == C.SELECTED


def test_a_centre_cannot_be_removed_before_it_was_selected():
    centre = CentreFactory(selected_on=today() - timedelta(days=10))
    with refused("before it was selected"):
        services.centre_remove(centre=centre, removed_on=today() - timedelta(days=11),
                               reason="no_agreement")
    centre.refresh_from_db()
    assert centre.status == C.SELECTED


def test_a_centre_may_be_removed_on_the_day_it_was_selected():
    centre = CentreFactory(selected_on=today() - timedelta(days=10))
    services.centre_remove(centre=centre, removed_on=centre.selected_on, reason="no_agreement")
    centre.refresh_from_db()
    assert centre.status == C.REMOVED


def test_a_host_profile_update_changes_only_the_profile_fields():
    centre = CentreFactory()
    services.centre_update_profile(centre=centre, data={
        "website": "https://centre.example.org", "status": C.OPERATING, "name": "Renamed",
        "selected_on": today()})
    centre.refresh_from_db()
    assert centre.website == "https://centre.example.org"
    assert centre.status == C.SELECTED
    assert centre.name != "Renamed"
    assert centre.selected_on != today()


def test_a_removed_centre_profile_cannot_be_changed():
    centre = CentreFactory(status=C.REMOVED)
    with refused("removed from the network"):
        services.centre_update_profile(centre=centre, data={"website": "https://x.example.org"})
    centre.refresh_from_db()
    assert centre.website == ""


def test_a_removed_centre_uploads_no_document():
    centre = CentreFactory(status=C.REMOVED)
    with refused("removed from the network"):
        services.centre_document_upload(centre=centre, title="Minutes", file=pdf_upload())
    assert not centre.documents.exists()


# --- Action plans -------------------------------------------------------------------------------


def activity_data(**values):
    from alliance.models import StrategicObjective

    return {"objective": StrategicObjective.objects.get(number=1), "title": "Hackathon",
            "planned_start": today(), "planned_end": today() + timedelta(days=30), **values}


@pytest.mark.parametrize("status", [C.SELECTED, C.AGREEMENT_SIGNED])
def test_the_plan_is_changed_only_once_the_design_phase_has_started(status):
    plan = ActionPlanFactory(centre__status=status)
    with refused("once the design phase has started"):
        services.activity_save(plan=plan, data=activity_data())
    assert not plan.activities.exists()


def test_a_plan_with_bdt_for_review_cannot_be_changed():
    plan = ActionPlanFactory(status=ActionPlan.Status.SUBMITTED)
    with refused("with BDT for review"):
        services.activity_save(plan=plan, data=activity_data())
    assert not plan.activities.exists()


def test_an_activity_of_another_plan_cannot_be_changed_through_this_one():
    plan = ActionPlanFactory()
    foreign = CentreActivityFactory(title="Theirs")
    with refused("belongs to another action plan"):
        services.activity_save(plan=plan, activity=foreign, data={"title": "Mine"})
    foreign.refresh_from_db()
    assert foreign.title == "Theirs"


def test_an_activity_cannot_end_before_it_starts():
    plan = ActionPlanFactory()
    with refused("planned end cannot be before"):
        services.activity_save(plan=plan, data=activity_data(planned_end=today() - timedelta(days=1)))
    assert not plan.activities.exists()


def test_an_activity_may_start_and_end_on_the_same_day():
    plan = ActionPlanFactory()
    activity = services.activity_save(plan=plan, data=activity_data(planned_end=today()))
    assert activity.pk


@pytest.mark.parametrize("status", [ActionPlan.Status.SUBMITTED, ActionPlan.Status.APPROVED])
def test_only_a_draft_or_returned_plan_is_submitted(status):
    plan = ActionPlanFactory(status=status)
    CentreActivityFactory(plan=plan)
    with refused("Only a draft or returned action plan"):
        services.action_plan_submit(plan=plan)
    plan.refresh_from_db()
    assert plan.status == status


def test_a_returned_plan_may_be_submitted_again():
    plan = ActionPlanFactory(status=ActionPlan.Status.RETURNED)
    CentreActivityFactory(plan=plan)
    services.action_plan_submit(plan=plan)
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.SUBMITTED


def test_a_plan_is_submitted_only_while_the_centre_may_edit_it():
    plan = ActionPlanFactory(centre__status=C.AGREEMENT_SIGNED)
    CentreActivityFactory(plan=plan)
    with refused("once the design phase has started"):
        services.action_plan_submit(plan=plan)
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.DRAFT


def test_an_empty_plan_cannot_be_submitted():
    plan = ActionPlanFactory()
    with refused("at least one activity"):
        services.action_plan_submit(plan=plan)
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.DRAFT


@pytest.mark.parametrize("status", [ActionPlan.Status.DRAFT, ActionPlan.Status.RETURNED])
def test_only_a_submitted_plan_is_approved(status):
    plan = ActionPlanFactory(status=status, review_comment="x")
    with refused("Only a submitted action plan can be approved"):
        services.action_plan_approve(plan=plan)
    plan.centre.refresh_from_db()
    assert plan.centre.status == C.DESIGN


def test_a_plan_is_approved_only_while_the_centre_is_in_design():
    centre = CentreFactory(status=C.OPERATING)
    plan = ActionPlanFactory(centre=centre, status=ActionPlan.Status.SUBMITTED)
    with refused("not in the design phase"):
        services.action_plan_approve(plan=plan)
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.SUBMITTED


def test_only_a_submitted_plan_is_returned():
    plan = ActionPlanFactory(status=ActionPlan.Status.DRAFT)
    with refused("Only a submitted action plan can be returned"):
        services.action_plan_return(plan=plan, comment="Add budgets.")
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.DRAFT


# --- Progress reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [C.SELECTED, C.AGREEMENT_SIGNED, C.DESIGN, C.REMOVED])
def test_progress_is_reported_only_once_the_plan_is_approved(status):
    centre = CentreFactory(status=status)
    with refused("once BDT has approved the action plan"):
        services.progress_report_create(centre=centre, period_start=today() - timedelta(days=30),
                                        period_end=today(), summary="S")
    assert not centre.progress_reports.exists()


def test_an_operating_centre_reports_progress():
    centre = CentreFactory(status=C.OPERATING)
    report = services.progress_report_create(centre=centre, period_start=today(), period_end=today(),
                                             summary="S")
    assert report.status == CentreProgressReport.Status.DRAFT


def test_a_report_period_cannot_end_before_it_starts():
    centre = CentreFactory(status=C.CAPACITY_BUILDING)
    with refused("cannot end before it starts"):
        services.progress_report_create(centre=centre, period_start=today(),
                                        period_end=today() - timedelta(days=1), summary="S")
    assert not centre.progress_reports.exists()


def test_a_period_is_reported_once():
    existing = CentreProgressReportFactory()
    with refused("already a report for this period"):
        services.progress_report_create(centre=existing.centre, period_start=existing.period_start,
                                        period_end=existing.period_end, summary="Again")
    assert existing.centre.progress_reports.count() == 1


@pytest.mark.parametrize(
    "status", [CentreProgressReport.Status.SUBMITTED, CentreProgressReport.Status.ACCEPTED]
)
def test_a_progress_report_is_submitted_once(status):
    report = CentreProgressReportFactory(status=status, submitted_at=timezone.now() - timedelta(days=3))
    first_submission = report.submitted_at
    with refused("can no longer be changed"):
        services.progress_report_submit(report=report)
    report.refresh_from_db()
    assert report.status == status
    assert report.submitted_at == first_submission


def test_a_submitted_report_cannot_be_edited():
    report = CentreProgressReportFactory(status=CentreProgressReport.Status.SUBMITTED, summary="Sent")
    with refused("can no longer be changed"):
        services.progress_report_update(report=report, data={"summary": "Changed"})
    report.refresh_from_db()
    assert report.summary == "Sent"


def test_an_edited_report_period_cannot_end_before_it_starts():
    report = CentreProgressReportFactory()
    with refused("cannot end before it starts"):
        services.progress_report_update(report=report,
                                        data={"period_end": report.period_start - timedelta(days=1)})


def test_a_line_of_another_report_cannot_be_changed_through_this_one():
    from centres.models import ActivityProgress

    report = CentreProgressReportFactory()
    other = CentreProgressReportFactory()
    line = ActivityProgress.objects.create(report=other, activity=CentreActivityFactory(),
                                           status=ActionPlanActivity.Status.PLANNED, progress=0)
    with refused("belongs to another report"):
        services.progress_report_update(report=report, data={}, lines=[
            {"line": line, "status": ActionPlanActivity.Status.DONE, "progress": 100}])
    line.refresh_from_db()
    assert line.progress == 0


@pytest.mark.parametrize("status", [CentreProgressReport.Status.DRAFT, CentreProgressReport.Status.ACCEPTED])
def test_only_a_submitted_report_is_accepted(status):
    report = CentreProgressReportFactory(status=status)
    with refused("Only a submitted report can be accepted"):
        services.progress_report_accept(report=report)
    report.refresh_from_db()
    assert report.status == status


def test_only_a_submitted_report_is_returned():
    report = CentreProgressReportFactory(status=CentreProgressReport.Status.DRAFT)
    with refused("Only a submitted report can be returned"):
        services.progress_report_return(report=report, comment="Add figures.")
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.DRAFT


def test_accepting_a_report_carries_its_progress_onto_the_activities():
    from centres.models import ActivityProgress

    report = CentreProgressReportFactory(status=CentreProgressReport.Status.SUBMITTED)
    activity = CentreActivityFactory(plan__centre=report.centre)
    ActivityProgress.objects.create(
        report=report, activity=activity, status=ActionPlanActivity.Status.IN_PROGRESS, progress=40
    )
    services.progress_report_accept(report=report)
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (ActionPlanActivity.Status.IN_PROGRESS, 40)
