from modeltranslation.translator import TranslationOptions, register

from .models import Call, Centre, Criterion, NetworkEvent


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("name",)


@register(Centre)
class CentreTranslation(TranslationOptions):
    fields = ("description",)


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(NetworkEvent)
class NetworkEventTranslation(TranslationOptions):
    fields = ("title", "description")
