"""The whole path: public application → due diligence → scoring → selection → agreement →
action plan approved → progress report accepted → operating on the public directory."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alliance.models import RegionalInitiative, StrategicObjective
from centres import services
from centres.models import (
    ActionPlan,
    ActionPlanActivity,
    Application,
    Centre,
    CentreProgressReport,
    DueDiligenceCheck,
)
from tests.factories import EvaluatorFactory, LeadEvaluatorFactory, pdf_upload


def _admin_action(client, model: str, action: str, pk: int, **extra):
    return client.post(reverse(f"admin:centres_{model}_changelist"),
                       {"action": action, "_selected_action": [pk], **extra})


def test_an_application_becomes_an_operating_centre_on_the_public_directory(
    client, staff_user, criteria, call, django_capture_on_commit_callbacks, django_user_model, settings,
):
    settings.PORTAL_BASE_URL = "https://alliance.itu.example"
    # 1. The public applies, without an account.
    form = {
        "organisation": "Digital Innovation Agency", "host_type": "government", "country": "KE",
        "city": "Nairobi", "contact_name": "Amina Odhiambo", "contact_email": "amina@agency.example",
        "website": "https://agency.example", "support_plan": "Budget line approved by the minister.",
        "objectives": [o.pk for o in StrategicObjective.objects.filter(number__in=[1, 3])],
        "regional_initiative": RegionalInitiative.objects.get(code="AFR4").pk,
        "documents": [pdf_upload("support-letter.pdf")],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("centres:apply"), form)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.documents.count() == 1
    page = client.get(response["Location"])
    assert application.reference in page.content.decode()
    assert mail.outbox[-1].to == ["amina@agency.example"]
    assert application.reference in mail.outbox[-1].subject

    # 2. Due diligence, by BDT staff in the admin.
    staff = client.__class__()
    staff.force_login(staff_user)
    _admin_action(staff, "application", "start_due_diligence", application.pk)
    application.refresh_from_db()
    assert application.status == Application.Status.DUE_DILIGENCE
    for check in application.checks.all():
        services.due_diligence_record(check=check, result=DueDiligenceCheck.Result.PASSED, by=staff_user)
    _admin_action(staff, "application", "finish_due_diligence", application.pk)
    application.refresh_from_db()
    assert application.status == Application.Status.EVALUATION

    # 3. The lead evaluator assigns two evaluators, who score blind; then the ranking.
    lead = client.__class__()
    lead.force_login(LeadEvaluatorFactory())
    for evaluator, scores in ((EvaluatorFactory(), (5, 8)), (EvaluatorFactory(), (3, 6))):
        lead.post(reverse("evaluation:assign", args=[application.pk]), {"evaluator": evaluator.pk})
        sheet = client.__class__()
        sheet.force_login(evaluator)
        fields = {f"criterion-{c.pk}-score": str(s) for c, s in zip(criteria, scores, strict=True)}
        assert sheet.post(reverse("evaluation:sheet", args=[application.pk]),
                          {**fields, "action": "submit"}).status_code == 302
    # (4/5 × 60 + 7/10 × 40) / 100 = 76 %
    assert services_total(application) == 76
    assert "76.00" in lead.get(reverse("evaluation:ranking")).content.decode()

    # 4. Selection creates the centre and invites the host.
    with django_capture_on_commit_callbacks(execute=True):
        _admin_action(staff, "application", "select", application.pk)
    centre = Centre.objects.get(application=application)
    assert centre.status == Centre.Status.SELECTED
    invitation = mail.outbox[-1]
    assert invitation.to == ["amina@agency.example"]
    host = get_user_model().objects.get(email="amina@agency.example")
    assert not host.has_usable_password() and not host.is_staff
    link = re.search(r"https://alliance\.itu\.example(/\S+)", invitation.body).group(1)
    host_client = client.__class__()
    set_password_page = host_client.get(link)
    assert set_password_page.status_code == 302
    passphrase = "a long new passphrase"
    response = host_client.post(set_password_page["Location"],
                                {"new_password1": passphrase, "new_password2": passphrase})
    assert response.status_code == 302
    response = host_client.post(reverse("login"), {"username": host.username, "password": passphrase})
    assert host_client.get(response["Location"])["Location"] == reverse("portal:dashboard")

    # 5. The cooperation agreement, then the design phase.
    today = timezone.localdate()
    response = staff.post(reverse("admin:centres_cooperationagreement_add"), {
        "centre": centre.pk, "signed_on": today, "starts_on": today, "ends_on": today + timedelta(days=1095),
        "document": pdf_upload("agreement.pdf"),
    })
    assert response.status_code == 302, response.content
    centre.refresh_from_db()
    assert centre.status == Centre.Status.AGREEMENT_SIGNED
    _admin_action(staff, "centre", "start_design", centre.pk)
    centre.refresh_from_db()
    assert centre.status == Centre.Status.DESIGN

    # 6. The host writes the action plan; BDT approves it, which finishes the design phase.
    response = host_client.post(reverse("portal:activity-add"), {
        "objective": StrategicObjective.objects.get(number=1).pk, "title": "Foresight lab",
        "planned_start": today, "planned_end": today + timedelta(days=180), "status": "planned",
        "progress": 0, "outputs": "Two foresight reports", "indicators": "Reports published",
    })
    assert response.status_code == 302
    host_client.post(reverse("portal:action-plan-submit"))
    plan = ActionPlan.objects.get(centre=centre)
    assert plan.status == ActionPlan.Status.SUBMITTED
    _admin_action(staff, "actionplan", "approve", plan.pk)
    centre.refresh_from_db()
    assert centre.status == Centre.Status.CAPACITY_BUILDING
    assert centre.design_finished_on == today

    # 7. The host reports progress; BDT accepts the report.
    response = host_client.post(reverse("portal:report-add"), {
        "period_start": today, "period_end": today + timedelta(days=1), "summary": "The lab opened."})
    report = CentreProgressReport.objects.get(centre=centre)
    assert response["Location"] == reverse("portal:report", args=[report.pk])
    line = report.lines.get()
    response = host_client.post(reverse("portal:report", args=[report.pk]), {
        "report-period_start": report.period_start, "report-period_end": report.period_end,
        "report-summary": "The lab opened with 20 start-ups.",
        "lines-TOTAL_FORMS": 1, "lines-INITIAL_FORMS": 1, "lines-0-id": line.pk,
        "lines-0-status": "in_progress", "lines-0-progress": 40, "lines-0-note": "First report out",
        "action": "submit", "submit-confirm": "on",
    })
    assert response.status_code == 302
    _admin_action(staff, "centreprogressreport", "accept", report.pk)
    report.refresh_from_db()
    assert report.status == CentreProgressReport.Status.ACCEPTED
    assert ActionPlanActivity.objects.get(plan=plan).progress == 40

    # 8. The centre operates, and the public directory says so.
    _admin_action(staff, "centre", "start_operating", centre.pk)
    centre.refresh_from_db()
    assert centre.status == Centre.Status.OPERATING
    page = client.get(reverse("centres:index"), {"status": "operating"}).content.decode()
    assert centre.name in page
    assert centre.history.count() >= 5


def services_total(application):
    from centres.selectors import application_weighted_total

    return application_weighted_total(application)
