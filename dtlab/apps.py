from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DtlabConfig(AppConfig):
    name = "dtlab"
    verbose_name = _("Digital Transformation Lab")
