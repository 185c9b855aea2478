"""Template helpers for content in six languages and for money."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


@register.simple_tag
def localized(obj, field: str):
    """The field in the active language; else the English text, marked as such for readers.

    ``{% localized centre "description" %}`` (the text is escaped like any variable).
    """
    language = get_language() or "en"
    value = getattr(obj, build_localized_fieldname(field, language), None)
    if value:
        return value
    fallback = getattr(obj, build_localized_fieldname(field, "en"), None) or ""
    if not fallback:
        return ""
    note = gettext("Not yet translated: shown in English.")
    return format_html('<span lang="en" dir="ltr">{}</span> <span class="fallback-note">({})</span>',
                       fallback, note)


@register.filter
def usd(value) -> str:
    """USD amount with the active language's grouping: ``USD 19,820,000`` / ``USD 19 820 000``."""
    if value in (None, ""):
        return ""
    return gettext("USD %(amount)s") % {
        "amount": number_format(Decimal(value), decimal_pos=0, use_l10n=True, force_grouping=True)
    }


@register.filter
def usd_millions(value) -> str:
    """USD amount in millions with one decimal: ``USD 33.8 million`` / ``33,8 millions USD``."""
    if value in (None, ""):
        return ""
    millions = (Decimal(value) / Decimal(1_000_000)).quantize(Decimal("0.1"))
    return gettext("USD %(amount)s million") % {
        "amount": number_format(millions, decimal_pos=1, use_l10n=True)
    }
