"""Fields in the six UN languages. History is registered here, after translation, so that the
historical models include the per-language columns (django-simple-history #209)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    AnnualReport,
    Body,
    CallToAction,
    FocalPoint,
    Meeting,
    MeetingDocument,
    Outcome,
    Resolution,
    ResolutionMapping,
    Topic,
)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(FocalPoint)
class FocalPointTranslation(TranslationOptions):
    fields = ("title", "unit", "vacancy_note")


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "chair", "reports_to", "composition", "mandate")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place", "agenda", "report_summary")


@register(MeetingDocument)
class MeetingDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(CallToAction)
class CallToActionTranslation(TranslationOptions):
    fields = ("text",)


@register(Resolution)
class ResolutionTranslation(TranslationOptions):
    fields = ("title",)


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("title", "description")


for model in (
    Topic,
    FocalPoint,
    Body,
    Meeting,
    CallToAction,
    Resolution,
    ResolutionMapping,
    Outcome,
    AnnualReport,
):
    simple_history.register(model)
