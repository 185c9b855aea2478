"""GET filters of the public directory and of the API (django-filter), all of them here.

The directory's ``CentreFilter`` and the API's ``CentreFilterSet`` look alike but filter
differently (the directory picks a region, country or objective from lists of what exists and
searches city and country names too; the API takes codes and numbers and searches names only),
so they share no definition."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.core.filters import country_choices
from alliance.countries import codes_named
from alliance.models import Region, StrategicObjective

from .models import ActionPlan, Application, Centre, CentreProgressReport
from .selectors import centre_countries

# The public directory -------------------------------------------------------------------------


class CentreFilter(django_filters.FilterSet):
    """The public directory's search and filters (a GET form)."""

    q = django_filters.CharFilter(label=_("Search by name"), method="search")
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), field_name="regional_initiative__region", to_field_name="code",
        queryset=Region.objects.order_by("order"), empty_label=_("All regions"))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries,
                                          empty_label=_("All countries"))
    objective = django_filters.ModelChoiceFilter(
        label=_("Strategic objective"), field_name="objectives", to_field_name="number",
        queryset=StrategicObjective.objects.order_by("number"), empty_label=_("All objectives"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[c for c in Centre.Status.choices if c[0] != Centre.Status.REMOVED],
        empty_label=_("All stages"))

    class Meta:
        model = Centre
        fields = ["q", "region", "country", "objective", "status"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the countries that have a centre, not all 249.
        self.filters["country"].extra["choices"] = country_choices("centres", "centre-countries",
                                                                   centre_countries)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # A country's name in any of the six languages finds its centres ("كوريا", "韩国").
        return queryset.filter(Q(name__icontains=value) | Q(host_organisation__icontains=value)
                               | Q(city__icontains=value) | Q(country__in=codes_named(value)))


# The API's filters -------------------------------------------------------------------------------------


class CentreFilterSet(django_filters.FilterSet):
    search = django_filters.CharFilter(method="filter_search", label="Search by name")
    region = django_filters.CharFilter(field_name="regional_initiative__region__code")
    regional_initiative = django_filters.CharFilter(field_name="regional_initiative__code")
    country = django_filters.CharFilter(field_name="country")
    objective = django_filters.NumberFilter(field_name="objectives__number")
    status = django_filters.ChoiceFilter(choices=Centre.Status.choices)

    class Meta:
        model = Centre
        fields = ["search", "region", "regional_initiative", "country", "objective", "status", "host_type"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(host_organisation__icontains=value))


class ApplicationFilterSet(django_filters.FilterSet):
    call = django_filters.CharFilter(field_name="call__code")
    regional_initiative = django_filters.CharFilter(field_name="regional_initiative__code")
    submitted_after = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__gte")
    submitted_before = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__lte")

    class Meta:
        model = Application
        fields = ["status", "call", "country", "host_type", "regional_initiative", "submitted_after",
                  "submitted_before"]


class ActionPlanFilterSet(django_filters.FilterSet):
    centre = django_filters.CharFilter(field_name="centre__slug")

    class Meta:
        model = ActionPlan
        fields = ["status", "centre"]


class ProgressReportFilterSet(django_filters.FilterSet):
    centre = django_filters.CharFilter(field_name="centre__slug")
    period_end_after = django_filters.DateFilter(field_name="period_end", lookup_expr="gte")
    period_end_before = django_filters.DateFilter(field_name="period_end", lookup_expr="lte")

    class Meta:
        model = CentreProgressReport
        fields = ["status", "centre", "period_end_after", "period_end_before"]
