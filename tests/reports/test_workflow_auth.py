"""The four-eyes workflow of the TDAG reports through the API, and who may take each step."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from docx import Document

from alliance.core.roles import BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP
from alliance.reports import services
from alliance.reports.document import render_document
from alliance.reports.models import ReportStatus, StepAction, TDAGReport, Workflow
from partnerships.models import AgreementStatus, Partner, PartnershipAgreement

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


@pytest.fixture
def approver(django_user_model):
    user = django_user_model.objects.create_user(username="approver", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP), Group.objects.get(name=REPORT_APPROVERS_GROUP))
    return user


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def _report(author, **overrides) -> TDAGReport:
    return services.report_request(
        kind="partnerships", by=author, **{"language": "en", **YEAR_2024, **overrides}
    )


def _agreement(number: int, signed_on: date) -> None:
    partner = Partner.objects.create(name=f"Partner {number}", kind="government", membership_category="none")
    PartnershipAgreement.objects.create(
        partner=partner,
        reference=f"T-{number:05d}",
        title=f"Agreement {number}",
        region="africa",
        status=AgreementStatus.ACTIVE,
        signed_on=signed_on,
        partner_contribution_usd=Decimal("0"),
        itu_contribution_usd=Decimal("0"),
    )


def _url(report, step=""):
    base = reverse("reports-api-detail", kwargs={"pk": report.pk})
    return f"{base}{step}/" if step else base


def _generated(report: TDAGReport) -> None:
    """Stand in for the worker: a finished PDF (the generation itself is tested elsewhere)."""
    name = default_storage.save(f"reports/{report.pk}/test.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    TDAGReport.objects.filter(pk=report.pk).update(status=ReportStatus.DONE, pdf=name)


def test_the_kinds_list_their_narrative_sections(api, staff_user):
    response = api(staff_user).get("/api/v1/reports/kinds/")
    assert response.status_code == 200
    kinds = {row["kind"]: row for row in response.json()}
    assert kinds["p2c"]["narrative_sections"] == [
        "summary",
        "background",
        "governance",
        "roundtable",
        "next_steps",
    ]
    assert kinds["partnerships"]["label"] == "Partnerships and resource mobilization"


def test_the_narrative_is_patched_in_draft_and_review_refused_when_unknown_and_frozen_once_approved(
    api, staff_user, approver
):
    report = _report(staff_user)
    client = api(staff_user)
    response = client.patch(
        _url(report), {"narrative": {"summary": "New summary."}}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["narrative"] == {"summary": "New summary."}
    assert response.json()["workflow"] == "draft"

    response = client.patch(_url(report), {"narrative": {"conclusion": "x"}}, content_type="application/json")
    assert response.status_code == 400
    assert "conclusion" in response.json()["narrative"][0]

    response = client.patch(
        _url(report), {"narrative": {"summary": "{nope}"}}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "{agreements}" in response.json()["summary"][0]

    assert client.post(_url(report, "submit")).status_code == 200
    response = client.patch(
        _url(report), {"narrative": {"next_steps": "In review."}}, content_type="application/json"
    )
    assert response.status_code == 200

    assert api(approver).post(_url(report, "approve"), {"symbol": "TDAG-25/12"}).status_code == 200
    response = api(approver).patch(
        _url(report), {"narrative": {"summary": "Late."}}, content_type="application/json"
    )
    assert response.status_code == 409
    assert TDAGReport.objects.get(pk=report.pk).narrative["summary"] == "New summary."


def test_the_author_cannot_approve_their_own_report_even_holding_the_permission(api, approver):
    report = _report(approver)
    client = api(approver)
    assert client.post(_url(report, "submit")).status_code == 200
    response = client.post(_url(report, "approve"))
    assert response.status_code == 403
    assert TDAGReport.objects.get(pk=report.pk).workflow == Workflow.IN_REVIEW


def test_a_reviewer_who_edited_the_narrative_is_an_author_too(api, staff_user, approver):
    report = _report(staff_user)
    api(staff_user).post(_url(report, "submit"))
    api(approver).patch(_url(report), {"narrative": {"summary": "Fixed."}}, content_type="application/json")
    assert api(approver).post(_url(report, "approve")).status_code == 403


def test_bdt_staff_without_the_permission_cannot_approve_or_publish(api, staff_user, django_user_model):
    colleague = django_user_model.objects.create_user(username="colleague", password="x", is_staff=True)
    colleague.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    report = _report(staff_user)
    api(staff_user).post(_url(report, "submit"))
    assert api(colleague).post(_url(report, "approve")).status_code == 403


def test_the_bdt_staff_group_does_not_hold_the_approval_but_report_approvers_do():
    approve = Permission.objects.get(content_type__app_label="reports", codename="approve_report")
    assert approve not in Group.objects.get(name=BDT_STAFF_GROUP).permissions.all()
    assert approve in Group.objects.get(name=REPORT_APPROVERS_GROUP).permissions.all()


def test_steps_out_of_order_are_conflicts(api, staff_user, approver):
    report = _report(staff_user)
    assert api(approver).post(_url(report, "approve")).status_code == 409
    assert api(approver).post(_url(report, "publish")).status_code == 409
    assert api(staff_user).post(_url(report, "return")).status_code == 409
    api(staff_user).post(_url(report, "submit"))
    assert api(staff_user).post(_url(report, "submit")).status_code == 409
    assert api(approver).post(_url(report, "publish")).status_code == 409


def test_the_whole_way_is_recorded_and_the_published_pdf_is_public(api, client, staff_user, approver):
    report = _report(staff_user)
    _generated(report)
    api(staff_user).post(_url(report, "submit"), {"comment": "Ready."})
    response = api(approver).post(_url(report, "return"), {"comment": "Figures of 2023?"})
    assert response.json()["workflow"] == "draft"
    api(staff_user).post(_url(report, "submit"))
    response = api(approver).post(_url(report, "approve"), {"symbol": "TDAG-25/12"})
    assert response.json()["symbol"] == "TDAG-25/12"
    assert response.json()["public_pdf_url"] is None
    _generated(report)  # the worker has generated it again from the snapshot
    response = api(approver).post(_url(report, "publish"))
    assert response.status_code == 200
    body = response.json()
    assert body["workflow"] == "published"
    assert [(s["action"], s["by"], s["comment"]) for s in body["steps"]] == [
        ("submit", "bdt", "Ready."),
        ("return", "approver", "Figures of 2023?"),
        ("submit", "bdt", ""),
        ("approve", "approver", ""),
        ("publish", "approver", ""),
    ]
    client.logout()
    download = client.get(body["public_pdf_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    services.report_generate_again(report=TDAGReport.objects.get(pk=report.pk))
    assert client.get(body["public_pdf_url"]).status_code == 200  # the published one meanwhile


def test_an_unpublished_pdf_is_not_found_for_the_public(client, staff_user):
    report = _report(staff_user)
    _generated(report)
    assert client.get(reverse("documents:pdf", kwargs={"pk": report.pk})).status_code == 404
    assert client.get(reverse("reports:download", kwargs={"pk": report.pk})).status_code == 302  # to login


def test_a_publish_waits_for_the_pdf_of_the_approved_report(api, staff_user, approver):
    report = _report(staff_user)
    api(staff_user).post(_url(report, "submit"))
    api(approver).post(_url(report, "approve"))
    assert TDAGReport.objects.get(pk=report.pk).status == ReportStatus.QUEUED
    assert api(approver).post(_url(report, "publish")).status_code == 409


def test_an_approved_report_keeps_its_figures_in_every_language_after_the_data_changes(staff_user, approver):
    _agreement(1, date(2024, 3, 1))
    report = _report(staff_user)
    report = services.report_narrative_update(
        report=report, by=staff_user, narrative={"summary": "Signed: {agreements}."}
    )
    report = services.report_submit(report=report, by=staff_user)
    report = services.report_approve(report=report, by=approver)
    assert report.snapshot["figures"]["agreements"] == 1
    assert set(report.snapshot["sections"]) == {"en", "ar", "zh-hans", "fr", "ru", "es"}
    before = render_document(report)
    _agreement(2, date(2024, 6, 1))  # entered later, in the period
    after = render_document(TDAGReport.objects.get(pk=report.pk))
    assert "Signed: 1." in after
    assert "BDT signed 1 partnership agreements" in after
    assert before.split("<h1>")[1] == after.split("<h1>")[1]
    french = TDAGReport.objects.get(pk=report.pk)
    french.language = "fr"
    assert "a signé 1 accords de partenariat" in render_document(french).replace("\xa0", " ")
    services.report_return(report=report, by=approver)
    assert "Signed: 2." in render_document(TDAGReport.objects.get(pk=report.pk))


def test_a_return_to_draft_is_recorded_with_its_comment(staff_user, approver):
    report = services.report_submit(report=_report(staff_user), by=staff_user)
    services.report_return(report=report, by=approver, comment="Add the lessons learned.")
    step = report.steps.get(action=StepAction.RETURN)
    assert (step.from_state, step.to_state, step.by, step.comment) == (
        Workflow.IN_REVIEW,
        Workflow.DRAFT,
        approver,
        "Add the lessons learned.",
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_word_file_holds_the_narrative_and_tables_and_arabic_reads_right_to_left(
    api, staff_user, language
):
    report = _report(staff_user, language=language)
    report = services.report_narrative_update(
        report=report, by=staff_user, narrative={"summary": "Narrative words, *here*."}
    )
    services.report_write_docx(report=report)
    response = api(staff_user).get(_url(report, "docx"))
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Narrative words, here." in text
    assert document.tables  # the computed tables come along
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings
    bidi = [
        p
        for p in document.paragraphs
        if p._p.pPr is not None
        and p._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    ]
    assert bool(bidi) is (language == "ar")
    assert api(staff_user).get(_url(report))["Content-Type"] == "application/json"
    assert api(staff_user).get(_url(report)).json()["docx_url"].endswith(f"/reports/{report.pk}/docx/")


def test_a_language_version_requested_after_approval_carries_the_approved_figures(staff_user, approver):
    _agreement(1, date(2024, 3, 1))
    english = services.report_submit(report=_report(staff_user), by=staff_user)
    english = services.report_approve(report=english, by=approver)
    _agreement(2, date(2024, 6, 1))  # entered later, in the period
    french = _report(staff_user, language="fr")
    french = services.report_narrative_update(report=french, by=staff_user,
                                              narrative={"summary": "Accords signés : {agreements}."})
    html = render_document(french).replace("\xa0", " ")
    assert "Accords signés : 1." in html
    assert "a signé 1 accords de partenariat" in html
    french = services.report_approve(report=services.report_submit(report=french, by=staff_user), by=approver)
    assert french.snapshot["figures"] == english.snapshot["figures"]
    spanish = _report(staff_user, language="es")
    assert "firmó 1 acuerdos" in render_document(spanish).replace("\xa0", " ")
