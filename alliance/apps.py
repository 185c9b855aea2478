from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Innovation Alliance")

    def ready(self) -> None:
        from django.contrib import admin
        from django.core import checks

        from .core.roles import bdt_staff_group_sync
        from .second_factor import check_second_factor_on

        admin.site.site_header = _("Innovation Alliance portal")
        admin.site.site_title = _("Innovation Alliance portal")
        admin.site.index_title = _("BDT staff administration")
        post_migrate.connect(bdt_staff_group_sync, dispatch_uid="alliance.bdt_staff_group_sync")
        checks.register(check_second_factor_on)
