from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Inter-sectoral coordination")

    def ready(self) -> None:
        from alliance.core.roles import register_home

        from .permissions import focal_point_home

        register_home(focal_point_home)
