from modeltranslation.translator import TranslationOptions, register

from .models import ActionArea, Agreement, Event, EventSession, ImpactStory, Partner


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name",)


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title",)


@register(ImpactStory)
class ImpactStoryTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(ActionArea)
class ActionAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("name", "venue", "description")


@register(EventSession)
class EventSessionTranslation(TranslationOptions):
    fields = ("title",)
