"""The lifecycle rules, each enforced by its service."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from alliance.models import RegionalInitiative, StrategicObjective
from centres import selectors, services
from centres.models import (
    ActionPlan,
    Application,
    Centre,
    CentreProgressReport,
    CooperationAgreement,
    DueDiligenceCheck,
)
from tests.factories import ApplicationFactory, EvaluatorFactory, StagedCentreFactory, pdf_upload

from .conftest import make_report


def _submit(**overrides):
    values = {
        "organisation": "Hub", "host_type": "private", "country": "PE", "city": "Lima",
        "contact_name": "Ana", "contact_email": "ana@hub.example", "support_plan": "Plan",
        "regional_initiative": RegionalInitiative.objects.get(code="AMS3"),
        "objectives": list(StrategicObjective.objects.filter(number=1)),
    }
    values.update(overrides)
    return services.application_submit(**values)


def test_application_needs_one_to_five_objectives(call):
    with pytest.raises(ValidationError) as exc:
        _submit(objectives=[])
    assert "objectives" in exc.value.message_dict
    assert not Application.objects.exists()


def test_same_organisation_and_email_may_apply_again_after_a_day(call):
    _submit(submitted_at=timezone.now() - timedelta(days=2))
    assert _submit().reference


def test_design_phase_cannot_start_without_a_signed_agreement(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    with pytest.raises(ValidationError, match="after the cooperation agreement is signed"):
        services.centre_start_design(centre=centre)


def test_signing_the_agreement_moves_a_selected_centre_on_and_a_second_one_must_be_a_renewal(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    today = timezone.localdate()
    agreement = services.agreement_sign(centre=centre, signed_on=today, starts_on=today,
                                        ends_on=today + timedelta(days=365), document=pdf_upload())
    centre.refresh_from_db()
    assert centre.status == Centre.Status.AGREEMENT_SIGNED
    with pytest.raises(ValidationError, match="record a renewal"):
        services.agreement_sign(centre=centre, signed_on=today, starts_on=today, ends_on=today + timedelta(1))
    renewal = services.agreement_renew(agreement=agreement, signed_on=today, starts_on=today + timedelta(365),
                                       ends_on=today + timedelta(730))
    assert renewal.renews == agreement
    with pytest.raises(ValidationError, match="already renewed"):
        services.agreement_renew(agreement=agreement, signed_on=today, starts_on=today + timedelta(365),
                                 ends_on=today + timedelta(730))


def test_agreement_term_must_end_after_it_starts(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.agreement_sign(centre=centre, signed_on=today, starts_on=today, ends_on=today)
    assert not CooperationAgreement.objects.filter(centre=centre).exists()


def test_removal_needs_a_reason_and_keeps_who_and_when_in_the_history(call, staff_user):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    with pytest.raises(ValidationError):
        services.centre_remove(centre=centre, removed_on=timezone.localdate(), reason="")
    with pytest.raises(ValidationError):
        services.centre_remove(centre=centre, removed_on=timezone.localdate(), reason="other", note=" ")
    services.centre_remove(centre=centre, removed_on=timezone.localdate(), reason="no_agreement",
                           by=staff_user)
    latest = centre.history.first()
    assert latest.status == Centre.Status.REMOVED and latest.history_user == staff_user
    with pytest.raises(ValidationError, match="was removed"):
        services.centre_remove(centre=centre, removed_on=timezone.localdate(), reason="no_agreement")


def test_database_refuses_a_removed_centre_without_a_date(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.REMOVED)


def test_approving_the_action_plan_finishes_the_design_phase(call, staff_user):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
    plan = services.action_plan_submit(plan=centre.action_plan)
    with pytest.raises(ValidationError):
        services.activity_save(plan=plan, data={"title": "Changed while under review"})
    services.action_plan_approve(plan=plan, by=staff_user, on=date(2024, 6, 1))
    centre.refresh_from_db()
    assert centre.status == Centre.Status.CAPACITY_BUILDING and centre.design_finished_on == date(2024, 6, 1)


def test_returning_a_plan_or_a_report_needs_a_comment(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
    plan = services.action_plan_submit(plan=centre.action_plan)
    with pytest.raises(ValidationError):
        services.action_plan_return(plan=plan, comment="")
    services.action_plan_return(plan=plan, comment="Add indicators.")
    assert ActionPlan.objects.get(pk=plan.pk).status == ActionPlan.Status.RETURNED
    report = make_report(StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING),
                         CentreProgressReport.Status.SUBMITTED)
    with pytest.raises(ValidationError):
        services.progress_report_return(report=report, comment=" ")
    services.progress_report_return(report=report, comment="Add figures.")
    assert CentreProgressReport.objects.get(pk=report.pk).status == CentreProgressReport.Status.RETURNED


def test_a_centre_operates_only_after_an_accepted_progress_report(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    with pytest.raises(ValidationError, match="accepted a progress report"):
        services.centre_start_operating(centre=centre)


def test_progress_is_reported_only_after_the_plan_is_approved(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.progress_report_create(centre=centre, period_start=today, period_end=today, summary="x")


def test_failed_due_diligence_stops_the_evaluation(call, staff_user):
    application = ApplicationFactory(call=call)
    services.application_start_due_diligence(application=application)
    checks = list(application.checks.order_by("pk"))
    assert len(checks) == len(DueDiligenceCheck.Item.values)
    with pytest.raises(ValidationError):
        services.due_diligence_record(check=checks[0], result="failed", note="")
    services.due_diligence_record(check=checks[0], result="failed", note="No legal personality",
                                  by=staff_user)
    with pytest.raises(ValidationError, match="must pass"):
        services.application_finish_due_diligence(application=application)
    with pytest.raises(ValidationError):
        services.application_reject(application=application, by=staff_user, reason="")
    services.application_reject(application=application, by=staff_user, reason="Failed due diligence")
    assert Application.objects.get(pk=application.pk).status == Application.Status.NOT_SELECTED


def _to_evaluation(application):
    services.application_start_due_diligence(application=application)
    for check in application.checks.all():
        services.due_diligence_record(check=check, result="passed")
    services.application_finish_due_diligence(application=application)


def test_scores_are_bounded_and_selection_needs_every_evaluator_submitted(call, criteria):
    application = ApplicationFactory(call=call)
    _to_evaluation(application)
    assignment = services.evaluator_assign(application=application, evaluator=EvaluatorFactory())
    evaluator = assignment.evaluator
    with pytest.raises(ValidationError):
        services.score_record(application=application, criterion=criteria[0], evaluator=evaluator, score=6)
    services.score_record(application=application, criterion=criteria[0], evaluator=evaluator, score=5)
    with pytest.raises(ValidationError, match="Every assigned evaluator must submit"):
        services.application_select(application=application, by=evaluator)
    assert not Centre.objects.exists()


def test_ranking_orders_the_calls_applications_by_weighted_total(call, criteria):
    weak, strong, unscored = ApplicationFactory.create_batch(3, call=call)
    evaluator = EvaluatorFactory()
    for application, scores in ((weak, (1, 2)), (strong, (5, 10)), (unscored, None)):
        _to_evaluation(application)
        assignment = services.evaluator_assign(application=application, evaluator=evaluator)
        if scores:
            services.score_sheet_save(assignment=assignment, submit=True,
                                      scores=[(c, s, "") for c, s in zip(criteria, scores, strict=True)])
    ranking = selectors.call_ranking(call)
    assert [r.application for r in ranking] == [strong, weak, unscored]
    assert [r.rank for r in ranking] == [1, 2, None]
    assert ranking[0].total == Decimal("100.00")
    assert ranking[1].total == Decimal("20.00")  # 1/5 × 60 + 2/10 × 40


def test_a_person_hosts_one_centre_only(call, django_user_model):
    first = StagedCentreFactory(application__call=call)
    second = StagedCentreFactory(application__call=call, country="GH")
    services.host_invite(centre=first, email="host@example.org")
    with pytest.raises(ValidationError, match="already hosts"):
        services.host_invite(centre=second, email="HOST@example.org")


def test_a_renewed_agreement_counts_once_in_the_figures(call):
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED, country="GH")
    agreement = centre.agreements.get()
    services.agreement_renew(agreement=agreement, signed_on=timezone.localdate(), starts_on=agreement.ends_on,
                             ends_on=agreement.ends_on + timedelta(days=365))
    figures = selectors.network_figures()[0].figures
    assert (figures.selected, figures.agreements_signed) == (2, 1)
