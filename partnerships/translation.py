from modeltranslation.translator import TranslationOptions, register

from .models import ActionArea, Event, EventSession, ImpactStory, Partner, PartnershipAgreement


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name",)


@register(PartnershipAgreement)
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
