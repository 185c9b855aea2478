"""Roles cannot grant more than they hold (issue 15, findings 1 and 6).

A BDT staff member who is not a superuser cannot reach the group, permission, token, second-factor
device and periodic-task admins, cannot make anyone superuser, hand out permissions or groups they
lack, touch a superuser or set another staff member's password; a user with staff status alone
(no group, no permission) opens no staff page and no staff API.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.models import ApiToken
from tests.alliance.authz_world import build_world
from tests.factories import api_key_for

pytestmark = [pytest.mark.django_db, pytest.mark.module_media]
User = get_user_model()


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(username="root", email="root@itu.example",
                                                      password="correct horse battery")


@pytest.fixture
def admin_group(db):
    """A group holding what BDT staff do not hold: deleting users."""
    group = Group.objects.create(name="User removers")
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    return group


@pytest.fixture
def objects(staff_user, superuser):
    """One object behind each superuser-only admin."""
    schedule = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.HOURS)
    api_key_for(superuser)
    return {
        "auth_group": Group.objects.get(name=BDT_STAFF_GROUP),
        "alliance_apitoken": superuser,
        "otp_totp_totpdevice": TOTPDevice.objects.create(user=superuser, name="phone"),
        "otp_static_staticdevice": StaticDevice.objects.create(user=superuser, name="codes"),
        "django_celery_beat_periodictask": PeriodicTask.objects.create(
            name="mail", task="alliance.tasks.deliver_mail", interval=schedule),
        "django_celery_beat_intervalschedule": schedule,
    }


SUPERUSER_ONLY = ["auth_group", "alliance_apitoken", "otp_totp_totpdevice",
                  "otp_static_staticdevice", "django_celery_beat_periodictask",
                  "django_celery_beat_intervalschedule", "django_celery_beat_crontabschedule",
                  "django_celery_beat_solarschedule", "django_celery_beat_clockedschedule"]


@pytest.mark.parametrize("model", SUPERUSER_ONLY)
def test_staff_who_are_not_superusers_cannot_open_the_security_admins(client, staff_user, superuser,
                                                                      objects, model):
    client.force_login(staff_user)
    urls = [reverse(f"admin:{model}_changelist"), reverse(f"admin:{model}_add")]
    if model in objects:
        pk = objects[model].pk
        urls += [reverse(f"admin:{model}_change", args=[pk]), reverse(f"admin:{model}_delete", args=[pk])]
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"post": "yes", "name": "x"}).status_code == 403, url
    assert urls[0] not in client.get(reverse("admin:index")).content.decode()
    # Superusers keep them.
    client.force_login(superuser)
    assert client.get(urls[0]).status_code == 200


def test_the_security_admins_refuse_staff_even_with_the_permissions(client, staff_user, objects):
    """Not only the group's permissions: the admins themselves are for superusers."""
    staff_user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label__in=["auth", "authtoken", "alliance", "otp_totp", "otp_static",
                                     "django_celery_beat"]))
    client.force_login(staff_user)
    for model in SUPERUSER_ONLY:
        assert client.get(reverse(f"admin:{model}_changelist")).status_code == 403, model


def test_nothing_behind_the_security_admins_changes_on_a_staff_post(client, staff_user, objects):
    client.force_login(staff_user)
    task = objects["django_celery_beat_periodictask"]
    client.post(reverse("admin:django_celery_beat_periodictask_delete", args=[task.pk]), {"post": "yes"})
    client.post(reverse("admin:auth_group_add"), {"name": "Mine", "permissions": [
        Permission.objects.get(codename="delete_user").pk]})
    client.post(reverse("admin:django_celery_beat_periodictask_add"), {
        "name": "spam", "task": "alliance.tasks.deliver_mail", "interval": task.interval_id,
        "args": '["victim@example.org"]', "enabled": "on"})
    assert PeriodicTask.objects.filter(pk=task.pk).exists()
    assert not Group.objects.filter(name="Mine").exists()
    assert not PeriodicTask.objects.filter(name="spam").exists()


def test_there_is_no_permission_admin(client, staff_user, superuser):
    for user in (staff_user, superuser):
        client.force_login(user)
        assert client.get("/en/admin/auth/permission/").status_code == 404


def test_bdt_staff_hold_no_token_or_periodic_task_permission(staff_user):
    held = staff_user.get_all_permissions()
    assert not {p for p in held if p.startswith(("authtoken.", "django_celery_beat.", "auth.", "otp_"))}


def test_the_token_admin_never_shows_a_key_even_to_superusers(client, superuser, objects):
    client.force_login(superuser)
    key = api_key_for(superuser)
    digest = ApiToken.objects.get(user=superuser).digest
    changelist = client.get(reverse("admin:alliance_apitoken_changelist"))
    change = client.get(reverse("admin:alliance_apitoken_change", args=[superuser.pk]))
    delete = client.get(reverse("admin:alliance_apitoken_delete", args=[superuser.pk]))
    for page in (changelist, change, delete):
        assert page.status_code == 200
        assert key not in page.content.decode() and digest not in page.content.decode()


def test_a_superuser_revokes_a_token_in_the_admin(client, superuser, objects):
    client.force_login(superuser)
    url = reverse("admin:alliance_apitoken_delete", args=[superuser.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not ApiToken.objects.filter(user=superuser).exists()


# The user admin ----------------------------------------------------------------------------------


def change_form_data(user, **changes) -> dict:
    data = {"username": user.username, "first_name": user.first_name, "last_name": user.last_name,
            "email": user.email, "is_active": "on", "preferred_language": "en",
            "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"}
    if user.is_staff:
        data["is_staff"] = "on"
    data["groups"] = [group.pk for group in user.groups.all()]
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_staff_member_cannot_make_themselves_superuser_or_grant_permissions(client, staff_user,
                                                                              admin_group):
    client.force_login(staff_user)
    url = reverse("admin:alliance_user_change", args=[staff_user.pk])
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    delete_user = Permission.objects.get(codename="delete_user")
    response = client.post(url, change_form_data(
        staff_user, is_superuser="on", user_permissions=[delete_user.pk],
        groups=[admin_group.pk, *staff_user.groups.values_list("pk", flat=True)]))
    staff_user.refresh_from_db()
    assert response.status_code == 200  # the group is not a valid choice for them
    assert not staff_user.is_superuser and not staff_user.user_permissions.exists()
    assert not staff_user.groups.filter(pk=admin_group.pk).exists()
    assert not staff_user.has_perm("alliance.delete_user")


def test_a_staff_member_is_offered_only_groups_they_could_hold(client, staff_user, admin_group):
    client.force_login(staff_user)
    response = client.get(reverse("admin:alliance_user_change", args=[staff_user.pk]))
    choices = {group.pk for group in response.context["adminform"].form.fields["groups"].queryset}
    assert Group.objects.get(name=BDT_STAFF_GROUP).pk in choices
    assert admin_group.pk not in choices


def test_a_staff_member_still_manages_people_and_keeps_groups_they_cannot_assign(
        client, staff_user, member_user, admin_group):
    member_user.groups.add(admin_group)
    client.force_login(staff_user)
    response = client.post(reverse("admin:alliance_user_change", args=[member_user.pk]),
                           change_form_data(member_user, first_name="Ada", groups=[]))
    assert response.status_code == 302
    member_user.refresh_from_db()
    assert member_user.first_name == "Ada"
    assert list(member_user.groups.all()) == [admin_group]


def test_superusers_are_out_of_a_staff_members_reach(client, staff_user, superuser):
    client.force_login(staff_user)
    for name in ("admin:alliance_user_change", "admin:auth_user_password_change",
                 "admin:alliance_user_delete"):
        url = reverse(name, args=[superuser.pk])
        assert client.get(url).status_code in (302, 403, 404), url
        client.post(url, {"password1": "pwned pwned 123", "password2": "pwned pwned 123",
                          **change_form_data(superuser, is_superuser=None, is_active=None)})
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.check_password("correct horse battery")
    listed = client.get(reverse("admin:alliance_user_changelist")).context["cl"].result_list
    assert superuser not in listed


def test_a_staff_member_cannot_set_another_staff_members_password(client, staff_user,
                                                                  django_user_model):
    colleague = django_user_model.objects.create_user(username="colleague", password="original pass 1",
                                                      email="c@itu.example", is_staff=True)
    client.force_login(staff_user)
    url = reverse("admin:auth_user_password_change", args=[colleague.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"password1": "pwned pwned 123", "password2": "pwned pwned 123",
                             "usable_password": "true"}).status_code == 403
    colleague.refresh_from_db()
    assert colleague.check_password("original pass 1")


def test_a_staff_member_cannot_change_another_staff_members_address(client, staff_user,
                                                                    django_user_model):
    colleague = django_user_model.objects.create_user(username="colleague", email="c@itu.example",
                                                      is_staff=True)
    client.force_login(staff_user)
    client.post(reverse("admin:alliance_user_change", args=[colleague.pk]),
                change_form_data(colleague, email="attacker@example.org", username="mine"))
    colleague.refresh_from_db()
    assert (colleague.username, colleague.email) == ("colleague", "c@itu.example")


def test_a_staff_member_may_set_a_members_password(client, staff_user, member_user):
    client.force_login(staff_user)
    url = reverse("admin:auth_user_password_change", args=[member_user.pk])
    response = client.post(url, {"password1": "new pass word 42", "password2": "new pass word 42",
                                 "usable_password": "true"})
    assert response.status_code == 302
    member_user.refresh_from_db()
    assert member_user.check_password("new pass word 42")


def test_a_superuser_still_grants_superuser_status(client, superuser, member_user):
    client.force_login(superuser)
    client.post(reverse("admin:alliance_user_change", args=[member_user.pk]),
                change_form_data(member_user, is_superuser="on", is_staff="on"))
    member_user.refresh_from_db()
    assert member_user.is_superuser


# Staff status alone ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    settings = {"MEDIA_ROOT": tmp_path_factory.mktemp("privileges-media"),
                "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
    with django_db_blocker.unblock(), override_settings(**settings), transaction.atomic():
        world = build_world()
        world.status_only = User.objects.create_user(username="status-only", email="s@itu.example",
                                                     is_staff=True)
        yield world
        transaction.set_rollback(True)


REPORT_REQUEST = {"kind": "alliance", "period_start": "2024-01-01", "period_end": "2024-12-31",
                  "language": "en"}
# (method, URL name, the world's object for the pk, data): every staff page and staff API.
STAFF_ROUTES = [
    ("GET", "staff-home", None, None),
    ("GET", "reports:list", None, None),
    ("POST", "reports:request", None, REPORT_REQUEST),
    ("GET", "reports:detail", "tdag_report", None),
    ("GET", "reports:status", "tdag_report", None),
    ("POST", "reports:again", "tdag_report", None),
    ("GET", "reports:download", "tdag_report", None),
    ("GET", "partnerships:dashboard", None, None),
    ("GET", "partnerships:pledge-review", "pledge_submitted", None),
    ("GET", "partnerships:agreement-document", "p_agreement", None),
    ("GET", "dtlab:staff-requests", None, None),
    ("POST", "dtlab:staff-request-move", "service_request", {"status": "accepted"}),
    ("GET", "centres-application-list", None, None),
    ("GET", "centres-application-detail", "centre_a.application", None),
    ("GET", "centres-action-plan-list", None, None),
    ("GET", "centres-action-plan-detail", "plan_a", None),
    ("GET", "centres-progress-report-list", None, None),
    ("GET", "centres-progress-report-detail", "report_a", None),
    ("GET", "centres-centre-detail", "centre_removed", None),
    ("GET", "agreement-detail", "p_agreement_draft", None),
    ("POST", "recommendation-set-status", "recommendation", {"status": "in_progress"}),
    ("GET", "reports-api-list", None, None),
    ("POST", "reports-api-list", None, REPORT_REQUEST),
    ("GET", "reports-api-detail", "tdag_report", None),
    ("GET", "reports-api-pdf", "tdag_report", None),
    ("GET", "api-token", None, None),
]


def _request(world, user, method: str, name: str, obj: str | None, data):
    target = world
    for part in (obj or "").split("."):
        target = getattr(target, part) if part else target
    url = reverse(name, args=[target.pk] if obj else [])
    client = Client(raise_request_exception=False)
    client.force_login(user)
    if method == "GET":
        return client.get(url)
    if ":" in name or name in ("staff-home", "api-token"):
        return client.post(url, data or {})
    return client.post(url, data or {}, content_type="application/json")


@pytest.mark.parametrize(("method", "name", "obj", "data"), STAFF_ROUTES,
                         ids=[f"{m} {n}" for m, n, _o, _d in STAFF_ROUTES])
def test_staff_status_alone_opens_no_staff_page_or_api(world, db, method, name, obj, data):
    status_only = _request(world, world.status_only, method, name, obj, data).status_code
    assert status_only in (403, 404), (name, status_only)
    # BDT staff (the group's permissions) get through, so the refusal is the permission's.
    assert _request(world, world.staff, method, name, obj, data).status_code in (200, 201, 202, 302)


def test_staff_status_alone_sees_no_staff_fields_or_hidden_rows(world, db):
    client = Client()
    client.force_login(world.status_only)
    centre = client.get(reverse("centres-centre-detail", args=[world.centre_a.pk])).json()
    partner = client.get(reverse("partner-detail", args=[world.partner.pk])).json()
    client.force_login(world.staff)
    staff_centre = client.get(reverse("centres-centre-detail", args=[world.centre_a.pk])).json()
    staff_partner = client.get(reverse("partner-detail", args=[world.partner.pk])).json()
    assert set(centre) < set(staff_centre) and set(partner) < set(staff_partner)


def test_staff_status_alone_lands_on_the_home_page_after_login(world, db):
    client = Client()
    client.force_login(world.status_only)
    assert client.get(reverse("after-login")).url == reverse("home")
