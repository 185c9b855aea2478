from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DtlabConfig(AppConfig):
    name = "dtlab"
    verbose_name = _("Digital Transformation Lab")

    def ready(self) -> None:
        # History is registered here, after modeltranslation has added the per-language columns
        # (title_en, title_fr, ...), so the history keeps every language's text, not only one.
        from simple_history import register

        from .models import Funder, Playbook, PlaybookVersion, ProjectConcept, RIACohort, Service

        for model in (Funder, Playbook, PlaybookVersion, RIACohort, ProjectConcept):
            register(model, app=self.name)
        register(Service, app=self.name, m2m_fields=["playbooks"])
