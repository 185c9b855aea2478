from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = _("Network of ITU Acceleration Centres")

    def ready(self) -> None:
        from alliance.core import freshness
        from alliance.core.roles import register_home

        from . import report  # noqa: F401 - registers the TDAG report section
        from .permissions import host_home_url

        register_home(host_home_url)
        freshness.connect_receivers()
