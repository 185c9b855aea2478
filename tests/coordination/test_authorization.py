"""Who reaches which coordination page. Routes (all under /<lang>/coordination/):

public (anyone):  ""  "bodies/"  "bodies/<acronym>/"  "resolutions/"
focal point:      "portal/"  "portal/<focal point id>/reports/<year>/"  (own posts only; others 404)
BDT staff:        "staff/reporting/"  (coordination.view_annualreport; anonymous -> login, others 403)
"""

import datetime

import pytest
from django.urls import reverse

from coordination.models import AnnualReport, Sector, Topic

from .conftest import make_focal_point, make_topic

pytestmark = pytest.mark.django_db

YEAR = 2024


@pytest.fixture
def posts(focal_user, other_focal_user):
    topic, other_topic = make_topic("climate", name="Climate"), make_topic("gender", name="Gender")
    return (make_focal_point(topic, Sector.ITU_T, user=focal_user),
            make_focal_point(other_topic, Sector.GS, user=other_focal_user, name="Other Person"))


def report_url(focal_point, year=YEAR):
    return reverse("coordination:annual-report", args=[focal_point.pk, year])


def test_a_focal_point_signs_in_and_lands_on_their_topics(client, focal_user, posts):
    response = client.post(reverse("login"), {"username": "focal", "password": "correct horse battery"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("coordination:portal-home")
    html = response.content.decode()
    assert "Climate" in html and "Gender" not in html


def test_a_focal_point_submits_the_annual_report_of_their_own_topic(client, focal_user, posts):
    own, _other = posts
    client.force_login(focal_user)
    assert client.get(report_url(own)).status_code == 200
    response = client.post(report_url(own), {"progress": "Guidelines drafted.", "outcomes": "",
                                             "next_steps": "", "documents": ""})
    assert response.status_code == 302
    report = AnnualReport.objects.get(focal_point=own, year=YEAR)
    assert report.progress == "Guidelines drafted." and report.submitted_by == focal_user


def test_another_focal_points_topic_answers_404_on_read_and_write(client, focal_user, posts):
    _own, other = posts
    client.force_login(focal_user)
    assert client.get(report_url(other)).status_code == 404
    assert client.post(report_url(other), {"progress": "Hijack."}).status_code == 404
    assert not AnnualReport.objects.exists()


def test_a_vacated_post_is_no_longer_its_former_holders(client, focal_user, posts):
    from coordination import services

    own, _other = posts
    services.focal_point_vacate(focal_point=own, note="Retired.")
    client.force_login(focal_user)
    assert client.get(report_url(own)).status_code == 404


def test_a_closed_topic_cannot_be_reported_on(client, focal_user, posts):
    own, _other = posts
    Topic.objects.filter(pk=own.topic_id).update(status=Topic.Status.CLOSED)
    client.force_login(focal_user)
    assert client.get(report_url(own)).status_code == 404


def test_a_future_year_answers_404(client, focal_user, posts):
    own, _other = posts
    client.force_login(focal_user)
    assert client.get(report_url(own, datetime.date.today().year + 1)).status_code == 404


def test_an_empty_report_is_a_form_error_and_stores_nothing(client, focal_user, posts):
    own, _other = posts
    client.force_login(focal_user)
    response = client.post(report_url(own), {"progress": "  "})
    assert response.status_code == 200 and "field-invalid" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page_from_the_portal(client, posts):
    own, _other = posts
    urls = (reverse("coordination:portal-home"), report_url(own), reverse("coordination:staff-reporting"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url


def test_a_user_who_is_no_focal_point_sees_no_topic_and_reaches_no_report(client, member_user, posts):
    own, _other = posts
    client.force_login(member_user)
    assert "Climate" not in client.get(reverse("coordination:portal-home")).content.decode()
    assert client.get(report_url(own)).status_code == 404


def test_only_staff_see_who_has_reported(client, focal_user, member_user, staff_user, posts):
    url = reverse("coordination:staff-reporting")
    for user in (focal_user, member_user):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(staff_user)
    assert client.get(url).status_code == 200


def test_the_staff_page_counts_received_and_missing_reports(client, staff_user, posts):
    own, other = posts
    from coordination import services

    services.annual_report_submit(focal_point=own, year=YEAR, progress="Done.")
    make_focal_point(make_topic("space"), Sector.ITU_R, vacant=True)
    client.force_login(staff_user)
    response = client.get(reverse("coordination:staff-reporting"), {"year": YEAR})
    html = response.content.decode()
    assert "1 of 2 annual reports received." in html
    assert "Not received" in html and "Other Person" in html
