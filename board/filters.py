"""GET filters of the public lists (the same FilterSets serve the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.core.filters import YearFilter

from .models import BoardMember, Expert, ExpertiseArea, ForesightReport, Meeting, Recommendation


class SearchFilterSet(django_filters.FilterSet):
    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class CountrySearchFilterSet(SearchFilterSet):
    """A search and the list's country, every country of the world to choose from."""

    country = django_filters.ChoiceFilter(label=_("Country"), choices=lambda: list(countries),
                                          empty_label=_("All countries"))


class BoardMemberFilter(CountrySearchFilterSet):
    search_fields = ("full_name", "organisation", "title")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=BoardMember.Role.choices,
                                       empty_label=_("All roles"))

    class Meta:
        model = BoardMember
        fields = ["q", "role", "country"]


class MeetingFilter(CountrySearchFilterSet):
    search_fields = ("city", "held_with", "agenda")
    year = YearFilter(label=_("Year"), field_name="start_date", lookup_expr="year")
    meeting_format = django_filters.ChoiceFilter(
        label=_("Format"), field_name="format", choices=Meeting.Format.choices, empty_label=_("All formats")
    )

    class Meta:
        model = Meeting
        fields = ["q", "year", "meeting_format", "country"]


class RecommendationFilter(SearchFilterSet):
    search_fields = ("text", "owner", "progress_note")
    meeting = django_filters.NumberFilter(label=_("Meeting number"), field_name="meeting__number")
    status = django_filters.ChoiceFilter(
        label=_("Implementation status"), choices=Recommendation.Status.choices, empty_label=_("All statuses")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Recommendation.Kind.choices,
                                       empty_label=_("All kinds"))

    class Meta:
        model = Recommendation
        fields = ["q", "meeting", "status", "kind"]


class ExpertFilter(CountrySearchFilterSet):
    search_fields = ("full_name", "organisation")
    area = django_filters.ModelChoiceFilter(
        label=_("Area of expertise"), field_name="areas", queryset=ExpertiseArea.objects.order_by("name"),
        empty_label=_("All areas of expertise"),
    )

    class Meta:
        model = Expert
        fields = ["q", "area", "country"]


class ForesightFilter(SearchFilterSet):
    search_fields = ("title", "theme", "summary", "authors")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (v, label)
            for v, label in ForesightReport.Status.choices
            if v != ForesightReport.Status.IN_PREPARATION
        ],
        empty_label=_("All statuses"),
    )

    class Meta:
        model = ForesightReport
        fields = ["q", "status"]
