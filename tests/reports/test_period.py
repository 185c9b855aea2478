"""A report for a past period shows that period's figures, whatever happened since."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from alliance.reports import services
from alliance.reports.document import render_sections
from alliance.reports.models import TDAGReport
from centres.models import Call, Centre, CooperationAgreement
from partnerships.models import ActionArea, BenefitGroup, Pledge, PledgeBenefit, Pledger, PledgeStatus
from tests.factories import StagedCentreFactory, pdf_upload

from .pdftext import normalised

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


def _section(report: TDAGReport, key: str) -> str:
    return next(s.html for s in render_sections(report) if s.key == key)


def _lifecycle(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'<th scope="row">([^<]+)</th><td class="num">(\d+)</td>', html))


def test_a_centre_removed_today_is_still_operating_in_the_2024_report():
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call,
        status=Centre.Status.OPERATING,
        selected_on=date(2024, 2, 1),
        design_finished_on=date(2024, 5, 1),
        operating_since=date(2024, 6, 1))
    CooperationAgreement.objects.filter(centre=centre).update(signed_on=date(2024, 3, 1))
    StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED, selected_on=date(2024, 9, 1))
    report = services.report_request(kind="alliance", language="en", **YEAR_2024)
    before = _lifecycle(_section(report, "centres"))
    assert (before["Operating"], before["Selected"], before["Removed"]) == ("1", "1", "0")

    centre.status, centre.removed_on = Centre.Status.REMOVED, timezone.localdate()
    centre.removal_reason = Centre.RemovalReason.INSUFFICIENT_SUPPORT
    centre.save()
    CooperationAgreement.objects.create(
        centre=Centre.objects.get(selected_on=date(2024, 9, 1)),
        signed_on=timezone.localdate(),
        starts_on=timezone.localdate(),
        ends_on=date(2030, 1, 1),
        document=pdf_upload("agreement.pdf"),
    )

    after = _section(report, "centres")
    assert _lifecycle(after) == before
    assert "1 host had not yet signed its cooperation agreement" in after
    assert "No host was removed in the period." in after


def test_a_centre_whose_status_was_saved_in_the_period_keeps_that_status():
    call = Call.objects.create(code="first", name="First call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.DESIGN,
                                 selected_on=date(2024, 2, 1))
    record = centre.history.latest()
    record.history_date = timezone.make_aware(datetime(2024, 7, 1))
    record.save()
    centre.status, centre.design_finished_on = Centre.Status.CAPACITY_BUILDING, date(2024, 11, 1)
    centre.save()  # recorded today, though the design phase finished in the period: history wins
    report = services.report_request(kind="alliance", language="en", **YEAR_2024)
    counts = _lifecycle(_section(report, "centres"))
    assert (counts["Design phase"], counts["Capacity building and service deployment"]) == ("1", "0")


def _pledge(number: int, decided_at: datetime, *benefits: str, **values) -> Pledge:
    pledger = Pledger.objects.create(
        organisation=f"Pledger {number}",
        kind="government",
        contact_name="A",
        contact_email=f"p{number}@example.org",
    )
    pledge = Pledge.objects.create(
        pledger=pledger,
        title=f"Pledge {number}",
        description="Connect schools.",
        kind="financial",
        value_usd=Decimal("1000000"),
        status=PledgeStatus.PUBLISHED,
        decided_at=decided_at,
        submitted_at=decided_at,
        target_year=2025,
        **values,
    )
    pledge.action_areas.set(ActionArea.objects.order_by("order")[:1])
    for group in benefits:
        PledgeBenefit.objects.create(pledge=pledge, group=group, share_percent=Decimal("50"))
    return pledge


def test_a_pledge_published_today_is_not_in_the_2024_p2c_report():
    _pledge(1, timezone.make_aware(datetime(2024, 5, 1)), BenefitGroup.LDC, benefits_ldc=True)
    report = services.report_request(kind="p2c", language="en", **YEAR_2024)
    before = _section(report, "summary")
    _pledge(2, timezone.now(), BenefitGroup.SIDS, benefits_sids=True)
    after = _section(report, "summary")
    assert "1 pledge by 1 pledgers has been published" in after
    assert after == before
    pledges = _section(report, "pledges")
    assert '<th scope="row">Small island developing states (SIDS)</th><td class="num">0</td>' in pledges
    assert '<th scope="row">Least developed countries (LDCs)</th><td class="num">1</td>' in pledges
    assert '<td class="num">0.50</td>' in pledges  # half of the 2024 pledge's USD 1 million


@pytest.mark.usefixtures("eager_tasks")
def test_the_p2c_pdf_follows_seed_003s_frame_with_the_narrative(pdf_text, staff_user):
    _pledge(1, timezone.make_aware(datetime(2024, 5, 1)), benefits_lldc=True)
    _pledge(2, timezone.now())
    report = services.report_request(kind="p2c", language="en", **YEAR_2024)
    services.report_narrative_update(
        report=report,
        by=staff_user,
        narrative={
            "background": "The coalition was created in September 2021.",
            "roundtable": "The Roundtable gathers {pledges} pledges.",
            "next_steps": "Pledgers report their progress.",
        },
    )
    services.report_generate(report_id=report.pk)  # the worker's task body
    report.refresh_from_db()
    assert report.status == "done", report.error
    text = normalised(pdf_text(report.pdf.path), "en")
    frame = [
        "Summary",
        "Action required",
        "References",
        "TDAG-20/3/5 and TDAG-20/3/7",
        "Background and overview",
        "Governance of the P2C Coalition",
        "Objectives of the P2C Roundtable",
        "Published pledges by type",
        "Published pledges by action area",
        "Benefits to LDCs, LLDCs and SIDS",
        "Next steps",
    ]
    positions = [text.index(heading) for heading in frame]
    assert positions == sorted(positions)
    assert "The Roundtable gathers 1 pledges." in text
    assert "1 pledge by 1 pledgers has been published" in text
