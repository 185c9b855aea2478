from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from alliance.reports import narrative, registry, services
from alliance.reports.document import render_document
from alliance.reports.models import StepAction, TDAGReport
from partnerships.models import AgreementStatus, Partner, PartnershipAgreement

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


def _report(**overrides) -> TDAGReport:
    values = {"kind": "partnerships", "language": "en", **YEAR_2024, **overrides}
    return services.report_request(**values)


def test_each_kind_declares_its_narrative_sections_from_the_seeds():
    codes = {
        kind: [s.code for s in registry.narrative_sections_for(kind)]
        for kind in ("alliance", "partnerships", "p2c")
    }
    assert codes["alliance"] == [
        "summary",
        "background",
        "board",
        "centres",
        "dtlab",
        "lessons_learned",
        "challenges",
        "next_steps",
    ]
    assert codes["partnerships"] == ["summary", "background", "results", "impact", "next_steps"]
    assert codes["p2c"] == ["summary", "background", "governance", "roundtable", "next_steps"]


def test_a_kind_without_narrative_sections_gets_summary_and_next_steps():
    assert [s.code for s in registry.narrative_sections_for("coordination")] == ["summary", "next_steps"]


def test_markdown_keeps_paragraphs_lists_emphasis_and_links_and_drops_raw_html():
    html = narrative.render(
        "Some *emphasis* and [ITU](https://www.itu.int).\n\n- one\n- two\n\n"
        "<script>alert(1)</script> [bad](javascript:alert(1))\n\n# Heading",
        {},
        "en",
    )
    assert "<em>emphasis</em>" in html
    assert '<a href="https://www.itu.int" rel="noopener noreferrer">ITU</a>' in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as text, never run
    assert "<h1>" not in html and "Heading" in html


def test_a_placeholder_is_filled_with_the_figure_in_the_reports_language():
    figures = {"agreements": 1234, "amount": narrative.Decimal("33.80")}
    assert "1,234 agreements, USD 33.80" in narrative.render(
        "{agreements} agreements, USD {amount}", figures, "en"
    )
    assert "<p>1&nbsp;234</p>" in narrative.render("{agreements}", figures, "fr")
    assert "{literal}" in narrative.render("{{literal}}", figures, "en")


def test_an_unknown_placeholder_is_refused_with_the_known_ones_listed():
    with pytest.raises(ValidationError) as error:
        narrative.validate(
            kind="partnerships",
            narrative={"summary": "We signed {agremeents}."},
            figure_names={"agreements", "partners"},
        )
    message = error.value.message_dict["summary"][0]
    assert "{agremeents}" in message and "{agreements}, {partners}" in message


def test_an_unknown_section_is_refused_with_the_sections_of_the_kind_listed():
    with pytest.raises(ValidationError) as error:
        narrative.validate(kind="partnerships", narrative={"lessons": "x"}, figure_names=set())
    message = error.value.message_dict["narrative"][0]
    assert "lessons" in message and "summary, background, results, impact, next_steps" in message


def test_an_unclosed_brace_is_refused():
    with pytest.raises(ValidationError) as error:
        narrative.validate(kind="partnerships", narrative={"summary": "a { b"}, figure_names=set())
    assert "summary" in error.value.message_dict


def test_staff_edit_is_stored_and_recorded(staff_user):
    report = _report()
    services.report_narrative_update(
        report=report, narrative={"summary": "We signed {agreements}."}, by=staff_user
    )
    report.refresh_from_db()
    assert report.narrative == {"summary": "We signed {agreements}."}
    step = report.steps.get()
    assert (step.action, step.by) == (StepAction.EDIT, staff_user)


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


def test_the_narrative_and_its_figures_replace_the_template_text_in_the_document(staff_user):
    _agreement(1, date(2024, 3, 1))
    _agreement(2, date(2024, 5, 1))
    _agreement(3, date(2025, 1, 10))
    report = services.report_narrative_update(
        report=_report(),
        by=staff_user,
        narrative={"summary": "In 2024 BDT signed **{agreements}** agreements.", "next_steps": "Keep going."},
    )
    html = render_document(report)
    assert "In 2024 BDT signed <strong>2</strong> agreements." in html
    assert "Keep going." in html
    assert "BDT recognizes and values both its long-standing" not in html  # the default next steps


def test_a_new_report_starts_from_the_same_kinds_previous_narrative(staff_user):
    earlier = _report()
    services.report_narrative_update(report=earlier, narrative={"next_steps": "2024 plans."}, by=staff_user)
    services.report_narrative_update(
        report=_report(kind="p2c"), narrative={"next_steps": "P2C plans."}, by=staff_user
    )
    TDAGReport.objects.filter(pk=earlier.pk).update(status="done")
    later = _report(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    assert later.narrative == {"next_steps": "2024 plans."}
    assert (
        _report(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), language="fr").narrative == {}
    )
