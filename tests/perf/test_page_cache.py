"""Anonymous visitors' public pages are cached whole (alliance.core.freshness.public_etag): a repeat
visit costs one cache read and no query, a change to the data shows at once on every cached page,
and nobody ever receives a page rendered for someone else."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client

from alliance.core import freshness
from alliance.reports import services as reports
from alliance.reports.models import TDAGReport
from board.models import BoardMember
from centres.models import Centre
from dtlab.models import Playbook
from partnerships.models import PartnershipAgreement, Pledge, PledgeStatus
from tests.factories import ApprovedReportFactory, NewsItemFactory, ReportApproverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _centre() -> Centre:
    return Centre.objects.exclude(status=Centre.Status.REMOVED).order_by("name", "pk").first()


def _rename_centre() -> str:
    centre = _centre()
    centre.name = "Renamed Acceleration Centre"
    centre.save()
    return "Renamed Acceleration Centre"


def _close_a_centre() -> None:
    centre = Centre.objects.filter(status=Centre.Status.OPERATING).order_by("pk").first()
    centre.status = Centre.Status.CAPACITY_BUILDING
    centre.save()


def _rename_member() -> str:
    member = BoardMember.objects.order_by("order", "pk").first()
    member.full_name = "Renamed Board Member"
    member.save()
    return "Renamed Board Member"


def _publish_news() -> str:
    NewsItemFactory(title="Fresh news of the Alliance", is_published=True, published_on=date.today())
    return "Fresh news of the Alliance"


def _rename_playbook() -> str:
    playbook = Playbook.objects.filter(status=Playbook.Status.PUBLISHED).order_by("order", "slug").first()
    playbook.title = "Renamed Playbook"
    playbook.save()
    return "Renamed Playbook"


def _remove_agreements() -> None:
    PartnershipAgreement.objects.all().delete()


def _rename_pledge() -> str:
    pledge = Pledge.objects.filter(status=PledgeStatus.PUBLISHED).order_by("-pk").first()
    pledge.title = "Renamed pledge"
    pledge.save()
    return "Renamed pledge"


def _publish_a_report() -> str:
    report = ApprovedReportFactory(symbol="TDAG-26/77")
    reports.report_publish(report=report, by=ReportApproverFactory())
    return "TDAG-26/77"


def _member_url() -> str:
    return f"/en/board/members/{BoardMember.objects.order_by('order', 'pk').first().slug}/"


def _playbook_url() -> str:
    playbook = Playbook.objects.filter(status=Playbook.Status.PUBLISHED).order_by("order", "slug").first()
    return f"/en/dtlab/playbooks/{playbook.slug}/"


# (URL, a change to the data shown there; it returns a text the new page shows, if it has one)
PAGES = {
    "home": (lambda: "/en/", _publish_news),
    "centres directory": (lambda: "/en/centres/", _rename_centre),
    "centre page": (lambda: f"/en/centres/{_centre().slug}/", _rename_centre),
    "network figures": (lambda: "/en/centres/figures/", _close_a_centre),
    "Board": (lambda: "/en/board/members/", _rename_member),
    "Board member": (_member_url, _rename_member),
    "DT Lab library": (lambda: "/en/dtlab/playbooks/", _rename_playbook),
    "playbook": (_playbook_url, _rename_playbook),
    "partnerships in figures": (lambda: "/en/partnerships/", _remove_agreements),
    "pledge explorer": (lambda: "/en/partnerships/partner2connect/", _rename_pledge),
    "documents": (lambda: "/en/documents/", _publish_a_report),
    "API centres": (lambda: "/api/v1/centres/", _rename_centre),
    "API agreements": (lambda: "/api/v1/agreements/?page=2", _remove_agreements),
    "API pledges": (lambda: "/api/v1/pledges/", _rename_pledge),
}


@pytest.mark.parametrize("page", PAGES)
def test_a_repeat_visit_is_the_same_page_without_a_query(demo, page, django_assert_num_queries):
    url = PAGES[page][0]()
    first = Client().get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = Client().get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] and again["ETag"] == first["ETag"]
    # The middleware still adds its headers to a cached page.
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize("page", PAGES)
def test_a_change_to_the_data_shows_at_once_on_the_cached_page(demo, page):
    url_of, change = PAGES[page]
    url = url_of()
    client = Client()
    before = client.get(url).content
    assert client.get(url).content == before
    new_text = change()
    after = client.get(url).content
    assert after != before, url
    if new_text:
        assert new_text in after.decode(), url


@pytest.mark.parametrize(("seen_first", "staff_first"), [("/en/board/", "/en/dtlab/"),
                                                       ("/en/documents/", "/fr/documents/")])
def test_a_signed_in_visitor_never_gets_the_anonymous_page_nor_leaves_theirs(demo, staff_client, seen_first,
                                                                             staff_first):
    anonymous = Client()
    assert "Log out" not in anonymous.get(seen_first).content.decode()
    assert "Log out" in staff_client.get(seen_first).content.decode()
    staff_client.get(staff_first)  # rendered for staff first: never stored for others
    assert "Log out" not in anonymous.get(staff_first).content.decode()


def _documents_version() -> int:
    return freshness.versions(freshness.DOCUMENTS)[freshness.DOCUMENTS]


def test_requesting_a_report_and_its_progress_leave_the_cached_documents_page_alone(db):
    """The documents page shows published reports only: a request, its generation's progress
    (``QuerySet.update`` on every section) and its review keep the page's version."""
    version = _documents_version()
    report = reports.report_request(kind="partnerships", language="en", period_start=date(2024, 1, 1),
                                    period_end=date(2024, 12, 31))
    reports._set_progress(report.pk, 3, 10)
    reports.report_submit(report=report, by=ReportApproverFactory())
    assert _documents_version() == version


def test_a_published_report_generated_again_or_deleted_shows_at_once(db):
    published = ApprovedReportFactory()
    reports.report_publish(report=published, by=ReportApproverFactory())
    client = Client()
    before = client.get("/en/documents/").content.decode()
    assert "(PDF, 2.0\xa0KB)" in before
    published.refresh_from_db()
    published.size_bytes = 4096
    published.save(update_fields=["size_bytes"])
    assert "(PDF, 4.0\xa0KB)" in client.get("/en/documents/").content.decode()
    TDAGReport.objects.filter(pk=published.pk).delete()
    assert "No document has been published yet." in client.get("/en/documents/").content.decode()


def test_a_published_reports_list_files_show_at_once(db):
    published = ApprovedReportFactory(kind="p2c")
    reports.report_publish(report=published, by=ReportApproverFactory())
    client = Client()
    assert "/lists/" not in client.get("/en/documents/").content.decode()
    reports.report_write_lists(report=published)  # bulk_create: no signal
    assert "/lists/pledges.csv" in client.get("/en/documents/").content.decode()


def test_each_language_and_host_has_its_own_page(demo, settings):
    settings.ALLOWED_HOSTS = ["alliance.example.org", "testserver"]
    client = Client()
    assert '<html lang="en"' in client.get("/en/board/").content.decode()
    assert '<html lang="fr"' in client.get("/fr/board/").content.decode()
    other_host = client.get("/en/board/", HTTP_HOST="alliance.example.org").content.decode()
    assert 'content="http://alliance.example.org/en/board/"' in other_host


def test_the_api_caches_each_format_apart(demo):
    client = Client()
    stats = "/api/v1/partnerships/stats/?year=2024"
    assert client.get(stats, HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
    assert client.get(stats, HTTP_ACCEPT="text/html")["Content-Type"].startswith("text/html")
    assert client.get(stats, HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"


class _Counter:
    def __init__(self, respond) -> None:
        self.calls = 0
        self.respond = respond

    def __call__(self, request):
        self.calls += 1
        return self.respond(request)


def _view_with_csrf(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")


def _view_setting_a_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


def _private_view(request):
    response = HttpResponse("mine")
    response["Cache-Control"] = "private"
    return response


@pytest.mark.parametrize("respond", [_view_with_csrf, _view_setting_a_cookie, _private_view,
                                     lambda request: HttpResponse("missing", status=404)])
def test_a_page_with_a_token_a_cookie_or_an_error_is_rendered_for_each_visitor(rf, respond, db):
    from django.contrib.auth.models import AnonymousUser

    view = _Counter(respond)
    cached_view = freshness.public_etag("board")(view)
    for _ in range(2):
        request = rf.get("/en/some-page/")
        request.user = AnonymousUser()
        cached_view(request)
    assert view.calls == 2


def test_a_plain_page_is_rendered_once(rf, db):
    from django.contrib.auth.models import AnonymousUser

    view = _Counter(lambda request: HttpResponse("same for all"))
    cached_view = freshness.public_etag("board")(view)
    for _ in range(3):
        request = rf.get("/en/some-page/")
        request.user = AnonymousUser()
        assert cached_view(request).content == b"same for all"
    assert view.calls == 1
    freshness.bump("board")
    request = rf.get("/en/some-page/")
    request.user = AnonymousUser()
    cached_view(request)
    assert view.calls == 2
