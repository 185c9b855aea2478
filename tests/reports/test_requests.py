from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from alliance.reports import services
from alliance.reports.models import ReportStatus, TDAGReport
from alliance.reports.registry import ReportKind
from tests.factories import api_key_for

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}


def _request(**overrides) -> TDAGReport:
    values = {"kind": ReportKind.PARTNERSHIPS, "language": "en", **YEAR_2024, **overrides}
    return services.report_request(**values)


def test_a_request_queues_a_report_and_enqueues_the_task_after_commit(
        django_capture_on_commit_callbacks, staff_user):
    with django_capture_on_commit_callbacks() as callbacks:
        report = _request(by=staff_user)
    assert report.status == ReportStatus.QUEUED
    assert report.requested_by == staff_user
    assert len(callbacks) == 1


def test_asking_again_for_a_queued_report_returns_the_same_report(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first = _request()
        second = _request()
    assert second.pk == first.pk
    assert len(callbacks) == 1
    assert TDAGReport.objects.count() == 1


def test_asking_again_for_a_running_report_returns_it_but_a_finished_one_is_requested_anew():
    running = _request()
    TDAGReport.objects.filter(pk=running.pk).update(status=ReportStatus.RUNNING)
    assert _request().pk == running.pk
    TDAGReport.objects.filter(pk=running.pk).update(status=ReportStatus.DONE)
    assert _request().pk != running.pk


def test_another_language_or_period_is_another_report():
    english = _request()
    assert _request(language="ar").pk != english.pk
    assert _request(period_end=date(2024, 6, 30)).pk != english.pk


@pytest.mark.parametrize(("overrides", "field"), [
    ({"kind": "budget"}, "kind"),
    ({"language": "de"}, "language"),
    ({"period_start": date(2024, 12, 31), "period_end": date(2024, 1, 1)}, "period_end"),
])
def test_a_request_with_an_unknown_kind_language_or_backwards_period_is_refused(overrides, field):
    with pytest.raises(ValidationError) as error:
        _request(**overrides)
    assert field in error.value.message_dict
    assert not TDAGReport.objects.exists()


def test_generate_again_requeues_a_finished_report_and_keeps_its_file(django_capture_on_commit_callbacks):
    report = _request()
    TDAGReport.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error="boom",
                                                       pdf="reports/1/old.pdf")
    report.refresh_from_db()
    with django_capture_on_commit_callbacks() as callbacks:
        again = services.report_generate_again(report=report)
    assert again.pk == report.pk
    assert again.status == ReportStatus.QUEUED and again.error == ""
    assert again.pdf.name == "reports/1/old.pdf"
    assert len(callbacks) == 1


# Staff pages


def test_the_public_cannot_see_the_reports(client, member_user):
    assert client.get(reverse("reports:list")).status_code == 302
    client.force_login(member_user)
    assert client.get(reverse("reports:list")).status_code == 403


def test_staff_request_a_report_from_the_staff_page(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        response = staff_client.post(reverse("reports:request"), {
            "kind": "alliance", "period_start": "2024-01-01", "period_end": "2025-03-31", "language": "fr"})
    report = TDAGReport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reports:detail", kwargs={"pk": report.pk})
    assert (report.kind, report.language) == ("alliance", "fr")


def test_the_staff_request_form_shows_field_errors(staff_client):
    response = staff_client.post(reverse("reports:request"), {
        "kind": "alliance", "period_start": "2024-12-31", "period_end": "2024-01-01", "language": "en"})
    assert response.status_code == 400
    assert "The period cannot end before it starts." in response.content.decode()
    assert not TDAGReport.objects.exists()


def test_the_staff_request_returns_the_identical_queued_report(staff_client):
    report = _request()
    response = staff_client.post(reverse("reports:request"), {
        "kind": "partnerships", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en"})
    assert response.url == reverse("reports:detail", kwargs={"pk": report.pk})
    assert TDAGReport.objects.count() == 1


def test_the_detail_page_of_a_pending_report_polls_without_inline_script(staff_client):
    report = _request()
    page = staff_client.get(reverse("reports:detail", kwargs={"pk": report.pk})).content.decode()
    assert "js/report-status.js" in page
    assert '<meta http-equiv="refresh"' in page
    assert "<script>" not in page
    status = staff_client.get(reverse("reports:status", kwargs={"pk": report.pk})).json()
    assert status == {"id": report.pk, "kind": "partnerships", "status": "queued", "status_label": "Queued",
                      "progress": 0, "error": "", "pdf_url": None}


def test_the_detail_page_of_a_failed_report_stops_refreshing_and_shows_the_reason(staff_client):
    report = _request()
    TDAGReport.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error="No fonts")
    page = staff_client.get(reverse("reports:detail", kwargs={"pk": report.pk})).content.decode()
    assert "No fonts" in page
    assert 'http-equiv="refresh"' not in page


def test_the_download_of_an_unfinished_report_is_not_found(staff_client):
    report = _request()
    assert staff_client.get(reverse("reports:download", kwargs={"pk": report.pk})).status_code == 404


def test_the_list_filters_by_kind_and_has_an_empty_state(staff_client):
    _request()
    _request(kind="alliance")
    page = staff_client.get(reverse("reports:list"), {"kind": "alliance"}).content.decode()
    assert "Innovation and Entrepreneurship Alliance progress report" in page
    assert "Partnerships and resource mobilization</a>" not in page
    empty = staff_client.get(reverse("reports:list"), {"status": "failed"}).content.decode()
    assert "No reports match these filters." in empty


@pytest.mark.parametrize("count", [5, 60])
def test_the_list_takes_a_constant_number_of_queries(staff_client, staff_user, count,
                                                      django_assert_max_num_queries):
    TDAGReport.objects.bulk_create([
        TDAGReport(kind="alliance", period_start=date(2000 + n, 1, 1), period_end=date(2000 + n, 12, 31),
                       language="en", requested_by=staff_user, status=ReportStatus.DONE)
        for n in range(count)
    ])
    with django_assert_max_num_queries(8):
        assert staff_client.get(reverse("reports:list")).status_code == 200


def test_the_staff_home_card_links_to_the_reports():
    assert reverse("reports:list") in render_to_string("reports/staff/_links.html")


# Admin


def test_staff_request_a_report_from_the_admin_add_form(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = staff_client.post(reverse("admin:reports_tdagreport_add"), {
            "kind": "p2c", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "es"})
    assert response.status_code == 302, response.content.decode()[:2000]
    report = TDAGReport.objects.get()
    assert (report.kind, report.language, report.status) == ("p2c", "es", ReportStatus.QUEUED)
    assert len(callbacks) == 1


def test_the_admin_action_generates_reports_again(staff_client, django_capture_on_commit_callbacks):
    report = _request()
    TDAGReport.objects.filter(pk=report.pk).update(status=ReportStatus.DONE)
    with django_capture_on_commit_callbacks() as callbacks:
        staff_client.post(reverse("admin:reports_tdagreport_changelist"), {
            "action": "generate_again", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ReportStatus.QUEUED
    assert len(callbacks) == 1


# API


def _token_client(client, user):
    key = api_key_for(user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def test_the_api_queues_a_report_and_answers_202(client, staff_user):
    api = _token_client(client, staff_user)
    response = api.post("/api/v1/reports/", {"kind": "partnerships", "period_start": "2024-01-01",
                                             "period_end": "2024-12-31", "language": "zh-hans"},
                        content_type="application/json")
    assert response.status_code == 202
    body = response.json()
    assert set(body) == {"id", "status", "url"}
    assert body["url"].endswith(f"/api/v1/reports/{body['id']}/")
    again = api.post("/api/v1/reports/", {"kind": "partnerships", "period_start": "2024-01-01",
                                          "period_end": "2024-12-31", "language": "zh-hans"},
                     content_type="application/json")
    assert again.json()["id"] == body["id"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"kind": "budget", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en"}, "kind"),
    ({"kind": "p2c", "period_start": "2024-01-01", "period_end": "2024-12-31", "language": "de"}, "language"),
    ({"kind": "p2c", "period_start": "2024-12-31", "period_end": "2024-01-01", "language": "en"},
     "period_end"),
])
def test_the_api_refuses_bad_requests_with_field_errors(staff_client, payload, field):
    response = staff_client.post("/api/v1/reports/", payload, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()


def test_the_api_shows_the_status_and_no_pdf_until_done(staff_client):
    report = _request()
    body = staff_client.get(f"/api/v1/reports/{report.pk}/").json()
    assert {key: body[key] for key in ("id", "kind", "status", "progress", "error", "pdf_url")} == {
        "id": report.pk, "kind": "partnerships", "status": "queued", "progress": 0, "error": "",
        "pdf_url": None}
    assert staff_client.get(f"/api/v1/reports/{report.pk}/pdf/").status_code == 404


def test_the_api_is_for_staff_only(client, member_user):
    report = _request()
    assert client.get(f"/api/v1/reports/{report.pk}/").status_code in (401, 403)
    api = _token_client(client, member_user)
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 403
    assert api.post("/api/v1/reports/", {}, content_type="application/json").status_code == 403


def test_the_admin_pages_of_the_reports_open(staff_client):
    report = _request()
    for url in (reverse("admin:reports_tdagreport_changelist"),
                reverse("admin:reports_tdagreport_add"),
                reverse("admin:reports_tdagreport_change", args=[report.pk])):
        assert staff_client.get(url).status_code == 200, url
