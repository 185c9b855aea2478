"""Filters shared by the apps' lists and API."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import django_filters
from django import forms
from django_countries import countries

from alliance.core import freshness


class YearFilter(django_filters.NumberFilter):
    """A calendar year: a whole number from 1900 to 2100.

    A plain NumberFilter takes any decimal, and ``?year=0`` or ``?year=2020.5`` reached the
    database's date lookups and failed with a server error (found by schemathesis).
    """

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


Choices = list[tuple[str, str]]


def country_choices(topic: str, name: str, codes: Callable[[], Iterable[str]]) -> Callable[[], Choices]:
    """Choices for a country filter: only the countries in ``codes()`` (cached per content version
    of ``topic`` under ``name``), named and sorted in the active language.

    A callable, which the form field calls when it renders its options or validates a country:
    a form built for a page whose rendered filters come from the cache, or submitted without a
    country, never builds the list (and never deep-copies some 250 choices with every form)."""

    def choices() -> Choices:
        present = set(freshness.cached(topic, name, codes))
        return [(country.code, country.name) for country in countries if country.code in present]

    return choices
