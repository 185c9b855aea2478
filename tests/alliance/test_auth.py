import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def post_login(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_staff_login_asks_for_the_second_factor_before_the_staff_area(client, staff_user):
    response = post_login(client, "bdt", "correct horse battery")
    assert response.status_code == 302
    assert client.get(response["Location"]).url.startswith(reverse("second-factor-enrol"))


def test_member_without_a_role_lands_on_the_home_page(client, member_user):
    response = post_login(client, "member", "correct horse battery")
    assert client.get(response["Location"]).url == reverse("home")


def test_wrong_password_shows_a_form_error(client, member_user):
    response = post_login(client, "member", "wrong")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(client, member_user):
    for _ in range(5):
        post_login(client, "member", "wrong password")
    response = post_login(client, "member", "correct horse battery")
    assert response.status_code == 429
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(client, member_user, staff_user):
    for _ in range(5):
        post_login(client, "member", "wrong password")
    response = post_login(client, "bdt", "correct horse battery")
    assert response.status_code == 302


def test_password_reset_sends_a_link(client, member_user):
    response = client.post(reverse("password_reset"), {"email": "member@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_an_account_created_without_a_password_gets_the_link_to_choose_one(client, django_user_model):
    pledger = django_user_model(username="pledger@example.org", email="pledger@example.org")
    pledger.set_unusable_password()
    pledger.save()
    client.post(reverse("password_reset"), {"email": "Pledger@Example.org"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pledger@example.org"]


def test_an_inactive_account_gets_no_link(client, member_user):
    member_user.is_active = False
    member_user.save()
    client.post(reverse("password_reset"), {"email": "member@example.org"})
    assert mail.outbox == []


def test_logout_requires_post_and_ends_the_session(client, member_user):
    client.force_login(member_user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session


def test_staff_area_is_closed_to_non_staff(client, member_user):
    client.force_login(member_user)
    response = client.get(reverse("staff-home"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_area_opens_for_staff(staff_client):
    response = staff_client.get(reverse("staff-home"))
    assert response.status_code == 200


def test_admin_is_branded_as_the_innovation_alliance_portal(staff_client):
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Innovation Alliance portal" in response.content.decode()


def test_bdt_staff_group_holds_the_portal_model_permissions(staff_user):
    assert staff_user.has_perm("alliance.change_strategicobjective")
    assert not staff_user.has_perm("alliance.delete_user")
    # Periodic tasks run anything with any arguments, and tokens act as anyone: superusers only.
    assert not staff_user.has_perm("django_celery_beat.add_periodictask")
    assert not staff_user.has_perm("authtoken.add_token")
