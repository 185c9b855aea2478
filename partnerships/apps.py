from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def pledger_home(user) -> str | None:
    """After login, pledgers land on their pledges."""
    from django.urls import reverse

    from .models import Pledger

    if Pledger.objects.filter(user=user).exists():
        return reverse("partnerships:my-pledges")
    return None


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships and Partner2Connect")

    def ready(self) -> None:
        from alliance.core import freshness
        from alliance.core.roles import register_home

        register_home(pledger_home)
        freshness.connect_receivers()
