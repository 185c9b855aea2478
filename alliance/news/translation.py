from modeltranslation.translator import TranslationOptions, register

from .models import NewsItem


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("en",)
