"""Reports in one go: a kind and a period requested in the six languages at once, listed together."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.reports import services
from alliance.reports.models import ReportStatus, TDAGReport

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}
SIX = {"ar", "zh-hans", "en", "fr", "ru", "es"}


def test_one_request_queues_six_reports_one_per_language_each_sent_to_the_worker(
        django_capture_on_commit_callbacks, staff_user):
    with django_capture_on_commit_callbacks() as callbacks:
        outcomes = services.report_request_all_languages(kind="alliance", by=staff_user,
                                                         **YEAR_2024)
    reports = [report for report, _created in outcomes]
    assert {report.language for report in reports} == SIX
    assert all(created for _report, created in outcomes)
    assert TDAGReport.objects.filter(kind="alliance", status=ReportStatus.QUEUED,
                                         requested_by=staff_user).count() == 6
    assert len(callbacks) == 6


def test_a_language_already_queued_is_not_requested_twice(django_capture_on_commit_callbacks):
    french = services.report_request(kind="p2c", language="fr", **YEAR_2024)
    with django_capture_on_commit_callbacks() as callbacks:
        outcomes = services.report_request_all_languages(kind="p2c", **YEAR_2024)
    assert [created for report, created in outcomes if report.language == "fr"] == [False]
    assert next(report for report, _c in outcomes if report.language == "fr").pk == french.pk
    assert TDAGReport.objects.count() == 6
    assert len(callbacks) == 5


def test_a_refused_request_queues_no_language():
    with pytest.raises(ValidationError) as error:
        services.report_request_all_languages(kind="alliance", period_start=date(2024, 12, 31),
                                              period_end=date(2024, 1, 1))
    assert "period_end" in error.value.message_dict
    assert not TDAGReport.objects.exists()


def test_the_staff_page_requests_all_six_languages_by_default(staff_client,
                                                              django_capture_on_commit_callbacks):
    form = staff_client.get(reverse("reports:list")).context["form"]
    assert form["language"].value() == "all"
    with django_capture_on_commit_callbacks():
        response = staff_client.post(reverse("reports:request"), {
            "kind": "partnerships", "language": "all", "period_start": "2024-01-01",
            "period_end": "2024-12-31"})
    assert response.status_code == 302 and response.url == reverse("reports:list")
    assert set(TDAGReport.objects.values_list("language", flat=True)) == SIX
    page = staff_client.get(response.url).content.decode()
    assert "6 reports are requested, one per language" in page


def test_the_staff_list_shows_one_row_per_request_with_a_cell_per_language(staff_client):
    services.report_request_all_languages(kind="alliance", **YEAR_2024)
    services.report_request(kind="p2c", language="ar", **YEAR_2024)
    response = staff_client.get(reverse("reports:list"))
    groups = response.context["groups"]
    assert [(group["kind"], [len(language["reports"]) for language in group["languages"]])
            for group in groups] == [("p2c", [1, 0, 0, 0, 0, 0]), ("alliance", [1, 1, 1, 1, 1, 1])]
    page = response.content.decode()
    assert "2 requests" in page
    assert page.count('<tr>') == 3  # the header and one row per request


def test_the_grouped_list_still_filters_by_language(staff_client):
    services.report_request_all_languages(kind="alliance", **YEAR_2024)
    groups = staff_client.get(reverse("reports:list"), {"language": "ru"}).context["groups"]
    assert [[language["code"] for language in group["languages"] if language["reports"]]
            for group in groups] == [["ru"]]
