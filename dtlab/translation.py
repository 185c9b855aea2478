from modeltranslation.translator import TranslationOptions, register

from .models import Funder, Playbook, PlaybookVersion, ProjectConcept, RIACohort, Service


@register(Funder)
class FunderTranslation(TranslationOptions):
    fields = ("name",)


@register(Playbook)
class PlaybookTranslation(TranslationOptions):
    fields = ("title", "summary", "partners")


@register(PlaybookVersion)
class PlaybookVersionTranslation(TranslationOptions):
    fields = ("changes",)


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description")


@register(RIACohort)
class RIACohortTranslation(TranslationOptions):
    fields = ("name", "city", "summary")


@register(ProjectConcept)
class ProjectConceptTranslation(TranslationOptions):
    fields = ("title", "summary")
