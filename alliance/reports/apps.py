from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "alliance.reports"
    label = "reports"
    verbose_name = _("TDAG progress reports")

    def ready(self) -> None:
        # Each app registers its sections in its own report.py.
        autodiscover_modules("report")

        from alliance.core.metrics import register_database_figures

        from .metrics import PendingReportsCollector

        register_database_figures(PendingReportsCollector())
        from .freshness import connect_receivers

        connect_receivers()
