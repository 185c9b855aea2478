"""What every module of the partnerships' models shares: money fields and small helpers."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

MONEY = {"max_digits": 14, "decimal_places": 2}


ZERO = Decimal("0")


def _translations(*fields: str) -> list[str]:
    """The columns django-modeltranslation adds; history keeps the default-language value only,
    because the historical model is built before modeltranslation adds them."""
    languages = [lang.replace("-", "_") for lang in settings.MODELTRANSLATION_LANGUAGES]
    return [f"{field}_{lang}" for field in fields for lang in languages]


def _in_choices(field: str, choices: type[models.TextChoices]) -> Q:
    return Q(**{f"{field}__in": choices.values})
