"""What every module of the centres' models shares: text validators, translated columns, dates in names."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import localize

from alliance.core.validators import validate_no_control_characters

TEXT = [validate_no_control_characters]
LANGUAGE_SUFFIXES = ("ar", "zh_hans", "en", "fr", "ru", "es")


def translated(*names: str) -> list[str]:
    """The per-language columns modeltranslation adds, which history leaves out (it keeps the field)."""
    return [f"{name}_{suffix}" for name in names for suffix in LANGUAGE_SUFFIXES]


def _written(value: date | datetime | None) -> str:
    """A date or a moment as the active language writes it (its DATE_FORMAT or DATETIME_FORMAT, in
    the portal's time zone), for the names of objects: never the ISO form of ``str()``."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return str(localize(value))
