"""Load the demo data drawn from the seeds. Running it again changes nothing.

Each app contributes a ``<app>/demo.py`` with ``load(*, log) -> None`` that creates its part
with ``update_or_create`` on natural keys, so a second run finds everything in place.
"""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from alliance import reference_data

DEMO_MODULES = ("centres.demo", "board.demo", "dtlab.demo", "partnerships.demo", "coordination.demo",
                "alliance.reports.demo", "alliance.news.demo")


class Command(BaseCommand):
    help = "Load the Alliance demo data (idempotent)."

    def handle(self, *args, **options) -> None:
        # Seeding is not a staff change: no history rows, so a second run adds nothing at all.
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            reference_data.load()
            for name in DEMO_MODULES:
                if find_spec(name) is None:
                    continue
                import_module(name).load(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
