"""Create the local demo's logins, one per role, and print each password once.

- ``staff``: BDT staff (the group's permissions);
- ``approver``: BDT staff who may also approve and publish TDAG reports (the four-eyes rule);
- ``evaluator`` and ``lead-evaluator``: BDT staff who score applications blind, and the one who
  assigns them and sees every score and the ranking;
- ``host``: the demo centre's host (the account ``load_demo`` links to the centre);
- ``pledger``: the first demo pledger's account (their pledges under "My pledges");
- ``focal-point``: the first named focal point of the coordination demo (their annual reports).

Accounts that already have a password keep it: ``changepassword USERNAME`` resets one.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from alliance.core.roles import (
    BDT_STAFF_GROUP,
    EVALUATORS_GROUP,
    LEAD_EVALUATORS_GROUP,
    REPORT_APPROVERS_GROUP,
)


def _staff(username: str, *groups: str):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "is_staff": True,
                                     "first_name": "BDT", "last_name": username.title()})
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def _linked(username: str, model_path: str, filters: dict):
    """The account of the first demo object of ``model_path`` (created and linked if need be)."""
    from django.apps import apps

    obj = apps.get_model(model_path).objects.filter(**filters).order_by("pk").first()
    if obj is None:
        return None
    if obj.user_id is None:
        obj.user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"})
        obj.save(update_fields=["user"])
    return obj.user


class Command(BaseCommand):
    help = "Create the demo logins (local demo mode only) and print each password once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="staff", help="the BDT staff login's username")

    def handle(self, *args, username: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("create_demo_staff only runs in local demo mode (DJANGO_DEBUG=1).")
        logins = [
            ("BDT staff", _staff(username, BDT_STAFF_GROUP)),
            ("BDT staff, report approver", _staff("approver", BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP)),
            ("BDT staff, evaluator", _staff("evaluator", BDT_STAFF_GROUP, EVALUATORS_GROUP)),
            ("BDT staff, lead evaluator", _staff("lead-evaluator", BDT_STAFF_GROUP, LEAD_EVALUATORS_GROUP)),
            ("centre host", get_user_model().objects.filter(username="host").first()),
            ("pledger", _linked("pledger", "partnerships.Pledger", {})),
            ("focal point", _linked("focal-point", "coordination.FocalPoint", {"vacant": False})),
        ]
        banner = "=" * 64
        for role, user in logins:
            if user is None:
                continue
            if user.password and user.has_usable_password():
                self.stdout.write(f"Demo {role} login '{user.username}' already exists; its password was "
                                  f"printed when it was created (reset it with: python manage.py "
                                  f"changepassword {user.username}).")
                continue
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"{banner}\nDemo {role} login (shown once):\n"
                              f"  username: {user.username}\n  password: {password}\n{banner}")
