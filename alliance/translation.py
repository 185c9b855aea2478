from modeltranslation.translator import TranslationOptions, register

from .models import Priority, Region, RegionalInitiative, StrategicObjective


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(RegionalInitiative)
class RegionalInitiativeTranslation(TranslationOptions):
    fields = ("name",)


@register(StrategicObjective)
class StrategicObjectiveTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Priority)
class PriorityTranslation(TranslationOptions):
    fields = ("name",)
