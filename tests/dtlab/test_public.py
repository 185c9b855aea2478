import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from dtlab import demo
from dtlab.models import Playbook, PlaybookDocument, ProjectConcept, ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


def published(make_playbook, add_pdf, count: int) -> list[Playbook]:
    playbooks = []
    for _ in range(count):
        playbook = make_playbook(status=Playbook.Status.PUBLISHED, published_on=datetime.date(2024, 10, 28))
        add_pdf(playbook, language="en")
        playbooks.append(playbook)
    return playbooks


@pytest.mark.parametrize("size", [5, 200])
def test_overview_query_count_does_not_grow(client, make_cohort, size, django_assert_max_num_queries):
    for number in range(1, size + 1):
        start = datetime.date(2025, 1, 1) + datetime.timedelta(days=number)
        make_cohort(number=number, concepts=1, start=start)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("dtlab:index"))
    assert response.context["concept_count"] == size


def test_overview_shows_the_dt_lab_figures(client, demo_data):
    response = client.get(reverse("dtlab:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "20,000,000" in html
    assert reverse("dtlab:playbook-list") in html


@pytest.mark.parametrize("size", [5, 200])
def test_playbook_library_query_count_does_not_grow(client, make_playbook, add_pdf, size,
                                                    django_assert_max_num_queries):
    published(make_playbook, add_pdf, size)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("dtlab:playbook-list"))
    assert response.status_code == 200
    assert len(response.context["playbooks"]) == min(size, 12)


def test_playbook_library_searches_and_filters(client, demo_data):
    url = reverse("dtlab:playbook-list")
    found = client.get(url, {"q": "foresight"}).context["playbooks"]
    assert [p.slug for p in found] == ["strategic-foresight"]
    assert [p.slug for p in client.get(url, {"q": "прогнозированию"}).context["playbooks"]] == [
        "strategic-foresight"
    ]
    in_development = client.get(url, {"status": "in_development"}).context["playbooks"]
    assert [p.slug for p in in_development] == ["bridging-the-standardization-gap"]
    assert len(client.get(url, {"funder": Playbook.objects.first().funder_id}).context["playbooks"]) == 8
    assert len(client.get(url, {"topic": "advocacy"}).context["playbooks"]) == 1
    assert len(client.get(url, {"language": "ar"}).context["playbooks"]) == 8


def test_playbook_library_says_when_nothing_matches(client, demo_data):
    response = client.get(reverse("dtlab:playbook-list"), {"q": "no such playbook"})
    assert "No playbook matches these filters." in response.content.decode()


def test_playbook_library_ignores_an_invalid_filter_value_and_says_so(client, demo_data):
    response = client.get(reverse("dtlab:playbook-list"), {"status": "bogus"})
    assert response.status_code == 200
    assert "bogus" in response.content.decode()  # the form echoes the refused value with its error


def test_playbook_library_pages_keep_the_filters(client, make_playbook, add_pdf):
    published(make_playbook, add_pdf, 13)
    response = client.get(reverse("dtlab:playbook-list"), {"status": "published"})
    assert "status=published&amp;page=2" in response.content.decode()


@pytest.mark.parametrize("size", [5, 200])
def test_playbook_page_query_count_does_not_grow_with_versions(client, make_playbook, add_pdf, size,
                                                               django_assert_max_num_queries):
    playbook = make_playbook(status=Playbook.Status.PUBLISHED, published_on=datetime.date(2024, 1, 1))
    for n in range(size):
        add_pdf(playbook, number=f"1.{n}", language="en")
    with django_assert_max_num_queries(5):
        response = client.get(reverse("dtlab:playbook-detail", args=[playbook.slug]))
    assert response.status_code == 200
    assert response.content.decode().count("/download/") == size


def test_download_serves_the_pdf_as_an_attachment_and_counts_it(client, demo_data):
    url = reverse("dtlab:playbook-download", args=["strategic-foresight", "1.0", "fr"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.get(url)
    counts = dict(PlaybookDocument.objects.filter(version__playbook__slug="strategic-foresight")
                  .values_list("language", "download_count"))
    assert counts["fr"] == 2 and counts["en"] == 0


def test_download_of_an_unknown_language_or_version_is_not_found(client, demo_data):
    assert client.get(reverse("dtlab:playbook-download",
                              args=["strategic-foresight", "9.9", "en"])).status_code == 404
    assert client.get(reverse("dtlab:playbook-download",
                              args=["strategic-foresight", "1.0", "xx"])).status_code == 404


def test_drafts_of_a_playbook_in_development_are_for_staff_only(client, staff_user, make_playbook, add_pdf):
    playbook = make_playbook()
    add_pdf(playbook)
    url = reverse("dtlab:playbook-download", args=[playbook.slug, "1.0", "en"])
    assert client.get(url).status_code == 404
    client.force_login(staff_user)
    assert client.get(url).status_code == 200


def test_services_page_lists_who_may_request_each_service(client, demo_data):
    response = client.get(reverse("dtlab:service-list"))
    html = response.content.decode()
    assert "Innovation Café" in html and "ITU regional offices" in html
    assert reverse("dtlab:service-request", args=["innovation-cafe"]) in html


def test_a_centre_requests_a_service_through_the_form(client, demo_data, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    url = reverse("dtlab:service-request", args=["innovation-cafe"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "requester_type": "centre", "organisation": "Acceleration Centre of Testland", "country": "KE",
            "contact_name": "Wanjiru", "contact_email": "wanjiru@example.org",
            "description": "An Innovation Café for our ecosystem partners.",
        })
    assert response.status_code == 302
    request = ServiceRequest.objects.get(organisation="Acceleration Centre of Testland")
    assert request.status == ServiceRequest.Status.SUBMITTED
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("data, field", [
    ({"requester_type": "member"}, "requester_type"),
    ({"contact_email": "not-an-address"}, "contact_email"),
    ({"description": ""}, "description"),
    ({"organisation": "Evil\x07Corp"}, "organisation"),
    ({"country": "XX"}, "country"),
    ({"preferred_start": "2000-01-01"}, "preferred_start"),
])
def test_the_request_form_refuses_bad_input(client, demo_data, data, field):
    valid = {"requester_type": "centre", "organisation": "Centre", "country": "KE", "contact_name": "W",
             "contact_email": "w@example.org", "description": "Help"}
    response = client.post(reverse("dtlab:service-request", args=["innovation-cafe"]), {**valid, **data})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'class="field field-invalid"' in html
    assert f'id="id_{field}_error"' in html and 'aria-invalid="true"' in html
    assert not ServiceRequest.objects.filter(organisation__in=["Centre", "Evil\x07Corp"]).exists()


@pytest.mark.parametrize("size", [5, 200])
def test_cohort_list_query_count_does_not_grow(client, make_cohort, size, django_assert_max_num_queries):
    for number in range(1, size + 1):
        start = datetime.date(2025, 1, 1) + datetime.timedelta(days=number)
        make_cohort(number=number, concepts=2, start=start)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("dtlab:cohort-list"))
    assert response.status_code == 200
    assert len(response.context["cohorts"]) == min(size, 12)


@pytest.mark.parametrize("size", [5, 200])
def test_cohort_page_query_count_does_not_grow_with_concepts(client, make_cohort, size,
                                                             django_assert_max_num_queries):
    cohort = make_cohort(concepts=size, budget=Decimal("100.00"))
    with django_assert_max_num_queries(3):
        response = client.get(reverse("dtlab:cohort-detail", args=[cohort.number]))
    assert response.status_code == 200
    assert response.context["cohort"].total_budget_usd == Decimal("100.00") * size


def test_first_cohort_page_shows_the_seed_total(client, demo_data):
    response = client.get(reverse("dtlab:cohort-detail", args=[1]))
    html = response.content.decode()
    assert "Podgorica" in html and "Montenegro" in html
    assert html.count("<h1") == 1
    assert "<caption>" in html and "20,000,000" in html
    assert ProjectConcept.objects.filter(cohort__number=1).count() == 5


def test_cohort_list_filters_by_year(client, demo_data):
    url = reverse("dtlab:cohort-list")
    assert len(client.get(url, {"year": 2025}).context["cohorts"]) == 1
    assert "No cohort matches" in client.get(url, {"year": 2023}).content.decode()


def test_pages_work_in_arabic_right_to_left(client, demo_data):
    response = client.get("/ar/dtlab/playbooks/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_services_can_be_filtered_by_who_may_request_them(client, demo_data):
    url = reverse("dtlab:service-list")
    members = client.get(url, {"open_to": "member"}).context["services"]
    assert [s.slug for s in members] == ["strategic-foresight-support"]
    assert len(client.get(url, {"q": "café"}).context["services"]) == 1
    assert "No service matches" in client.get(url, {"q": "nothing like it"}).content.decode()


def test_the_request_form_is_filled_in_for_a_signed_in_member(client, member_user, demo_data):
    member_user.first_name, member_user.last_name = "Ana", "Member"
    member_user.save()
    client.force_login(member_user)
    form = client.get(reverse("dtlab:service-request", args=["strategic-foresight-support"])).context["form"]
    assert form.initial == {"contact_name": "Ana Member", "contact_email": "member@example.org"}
    choices = [value for value, _ in form.fields["requester_type"].choices]
    assert choices == ["member", "centre", "regional_office"]


def test_a_download_changes_the_playbook_pages_etag_and_shows_the_new_count(client, demo_data):
    url = reverse("dtlab:playbook-detail", args=["strategic-foresight"])
    client.get(url)  # sets the CSRF cookie the ETag includes
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    client.get(reverse("dtlab:playbook-download", args=["strategic-foresight", "1.0", "fr"]))
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "1 download" in response.content.decode()
