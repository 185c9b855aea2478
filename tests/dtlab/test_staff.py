import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from dtlab.models import ServiceRequest

pytestmark = pytest.mark.django_db


def make_request(service, n: int) -> ServiceRequest:
    return ServiceRequest.objects.create(
        service=service, requester_type="centre", organisation=f"Centre {n}", country="KE",
        contact_name="W", contact_email=f"w{n}@example.org", description="Help",
    )


def test_the_public_cannot_open_the_staff_request_list(client, member_user):
    url = reverse("dtlab:staff-requests")
    assert client.get(url)["Location"].startswith(reverse("login"))
    client.force_login(member_user)
    assert client.get(url).status_code == 403


def test_staff_need_the_service_request_permissions(client, django_user_model, service):
    """Like the other staff pages: being staff is not enough, the model permission decides."""
    request = make_request(service, 1)
    user = django_user_model.objects.create_user(username="clerk", password="pw", is_staff=True)
    client.force_login(user)
    move = reverse("dtlab:staff-request-move", args=[request.pk])
    assert client.get(reverse("dtlab:staff-requests")).status_code == 403
    assert client.post(move, {"status": "accepted"}).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_servicerequest"))
    user = django_user_model.objects.get(pk=user.pk)  # permissions are cached on the instance
    client.force_login(user)
    assert client.get(reverse("dtlab:staff-requests")).status_code == 200
    assert client.post(move, {"status": "accepted"}).status_code == 403
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.SUBMITTED
    user.user_permissions.add(Permission.objects.get(codename="change_servicerequest"))
    client.force_login(django_user_model.objects.get(pk=user.pk))
    assert client.post(move, {"status": "accepted"}).status_code == 302
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.ACCEPTED


@pytest.mark.parametrize("size", [5, 200])
def test_staff_request_list_query_count_does_not_grow(staff_client, service, size,
                                                      django_assert_max_num_queries):
    for n in range(size):
        make_request(service, n)
    # Session, user, second-factor device, the permission check (user and group permissions),
    # count, page, services.
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("dtlab:staff-requests"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(size, 25)


def test_staff_move_a_request_from_the_list_to_completion(staff_client, service, staff_user):
    request = make_request(service, 1)
    url = reverse("dtlab:staff-request-move", args=[request.pk])
    for status in ("accepted", "in_progress", "completed"):
        response = staff_client.post(url, {"status": status, "note": f"now {status}"})
        assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.COMPLETED
    assert request.handled_by == staff_user
    assert "now in_progress" in request.staff_notes


def test_staff_cannot_skip_a_step_and_are_told_why(staff_client, service):
    request = make_request(service, 1)
    response = staff_client.post(reverse("dtlab:staff-request-move", args=[request.pk]),
                                 {"status": "completed"}, follow=True)
    assert "cannot become" in response.content.decode()
    request.refresh_from_db()
    assert request.status == ServiceRequest.Status.SUBMITTED


def test_moving_a_request_never_redirects_off_site(staff_client, service):
    request = make_request(service, 1)
    response = staff_client.post(reverse("dtlab:staff-request-move", args=[request.pk]),
                                 {"status": "accepted", "next": "//evil.example/"})
    assert response["Location"] == reverse("dtlab:staff-requests")


def test_staff_home_links_to_the_dt_lab_requests(staff_client):
    response = staff_client.get(reverse("staff-home"))
    assert reverse("dtlab:staff-requests") in response.content.decode()
