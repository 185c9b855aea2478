"""The live preview of the narrative: the whole document with the text on the page, unsaved."""

import pytest
from django.urls import reverse

from alliance.reports import services
from alliance.reports.models import TDAGReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    from datetime import date

    return services.report_request(kind="alliance", language="en", period_start=date(2024, 1, 1),
                                   period_end=date(2024, 12, 31))


def test_the_preview_shows_the_typed_narrative_without_saving_it(staff_client, report):
    response = staff_client.post(reverse("reports:preview", args=[report.pk]),
                                 {"summary": "A *fresh* summary typed just now.", "next_steps": ""})
    assert response.status_code == 200
    assert "A <em>fresh</em> summary typed just now." in response.content.decode()
    report.refresh_from_db()
    assert "fresh" not in (report.narrative or {}).get("summary", "")
    assert not report.steps.exists()


def test_a_preview_of_a_bad_narrative_says_why_and_saves_nothing(staff_client, report):
    before = dict(TDAGReport.objects.get(pk=report.pk).narrative)
    response = staff_client.post(reverse("reports:preview", args=[report.pk]),
                                 {"summary": "We signed {no_such_figure} agreements."})
    assert response.status_code == 400
    assert "Unknown placeholder(s): {no_such_figure}" in response.content.decode()
    assert TDAGReport.objects.get(pk=report.pk).narrative == before


def test_the_preview_may_be_framed_by_the_portal_only(staff_client, report):
    response = staff_client.get(reverse("reports:preview", args=[report.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    other = staff_client.get(reverse("reports:narrative", args=[report.pk]))
    assert other["X-Frame-Options"] == "DENY"


def test_the_narrative_page_frames_the_preview_and_refreshes_it_without_inline_script(staff_client, report):
    page = staff_client.get(reverse("reports:narrative", args=[report.pk])).content.decode()
    preview = reverse("reports:preview", args=[report.pk])
    assert '<iframe loading="lazy" name="report-preview"' in page and f'src="{preview}"' in page
    assert f'formaction="{preview}" formtarget="report-preview"' in page
    assert "js/narrative-preview.js" in page
    assert "<script>" not in page


def test_the_public_cannot_preview(client, member_user, report):
    url = reverse("reports:preview", args=[report.pk])
    assert client.post(url, {"summary": "x"}).status_code == 302
    client.force_login(member_user)
    assert client.post(url, {"summary": "x"}).status_code == 403
