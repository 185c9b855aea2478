"""GET filters of the public lists and the API (the same FilterSets serve both)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.filters import YearFilter

from .models import Body, FocalPoint, Meeting, Resolution, ResolutionMapping, Sector, Topic


class TopicFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Topic.Status.choices)

    class Meta:
        model = Topic
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class FocalPointFilter(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Topic.objects.all())
    sector = django_filters.ChoiceFilter(label=_("Sector or bureau"), choices=Sector.choices)
    vacant = django_filters.BooleanFilter(label=_("Vacant"))

    class Meta:
        model = FocalPoint
        fields = ["topic", "sector", "vacant"]


class BodyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Body.Kind.choices)

    class Meta:
        model = Body
        fields = ["kind"]


class MeetingFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(
        label=_("Body (acronym)"), field_name="body__acronym", lookup_expr="iexact"
    )
    year = YearFilter(label=_("Year"), field_name="held_on", lookup_expr="year")
    meeting_format = django_filters.ChoiceFilter(
        label=_("Format"), field_name="format", choices=Meeting.Format.choices
    )

    class Meta:
        model = Meeting
        fields = ["body", "year", "meeting_format"]


class ResolutionMapFilter(django_filters.FilterSet):
    assembly = django_filters.ChoiceFilter(
        label=_("Conference or assembly"),
        field_name="resolution__assembly",
        choices=Resolution.Assembly.choices,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=Topic.objects.exclude(status=Topic.Status.CLOSED).order_by("order", "name"),
        to_field_name="slug",
    )
    sector = django_filters.ChoiceFilter(label=_("Sector or bureau"), choices=Sector.choices)

    class Meta:
        model = ResolutionMapping
        fields = ["assembly", "topic", "sector"]
