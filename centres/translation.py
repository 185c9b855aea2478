from modeltranslation.translator import TranslationOptions, register

from .models import Call, Centre, Criterion, NetworkEvent, Training


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("name",)


@register(Centre)
class CentreTranslation(TranslationOptions):
    fields = ("description",)


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Training)
class TrainingTranslation(TranslationOptions):
    fields = ("title",)


@register(NetworkEvent)
class NetworkEventTranslation(TranslationOptions):
    fields = ("title", "description")
