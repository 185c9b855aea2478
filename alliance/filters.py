"""Filters shared by the apps' lists and API."""

import django_filters
from django import forms


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
