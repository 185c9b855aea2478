"""Create the local demo's BDT staff login and print its password once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from alliance.roles import BDT_STAFF_GROUP


class Command(BaseCommand):
    help = "Create the demo staff user (local demo mode only) and print its password once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="staff")

    def handle(self, *args, username: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("create_demo_staff only runs in local demo mode (DJANGO_DEBUG=1).")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Demo staff user '{username}' already exists; its password was printed when it "
                f"was created (reset it with: python manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, password=password, email=f"{username}@example.org",
            is_staff=True, first_name="BDT", last_name="Staff",
        )
        user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
        banner = "=" * 64
        self.stdout.write(
            f"{banner}\nDemo BDT staff login (shown once):\n"
            f"  username: {username}\n  password: {password}\n{banner}"
        )
