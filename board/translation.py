"""Fields in the six UN languages. History is registered here, after translation, so that the
historical models include the per-language columns (django-simple-history #209)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    BoardDocument,
    BoardMember,
    ExpertiseArea,
    ForesightReport,
    Meeting,
    Recommendation,
    WorkingGroup,
    Workplan,
    WorkplanActivity,
    Workstream,
)


@register(BoardMember)
class BoardMemberTranslation(TranslationOptions):
    fields = ("title", "biography")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("city", "held_with", "agenda", "report_summary")


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("text", "progress_note")


@register(Workplan)
class WorkplanTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Workstream)
class WorkstreamTranslation(TranslationOptions):
    fields = ("title", "description")


@register(WorkplanActivity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "mandate")


@register(BoardDocument)
class BoardDocumentTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(ExpertiseArea)
class ExpertiseAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(ForesightReport)
class ForesightReportTranslation(TranslationOptions):
    fields = ("title", "theme", "summary")


for model in (BoardMember, Meeting, Recommendation, Workplan, WorkplanActivity, WorkingGroup, BoardDocument,
              ForesightReport):
    simple_history.register(model, app="board")  # kept in board.models (alliance.core.history)
