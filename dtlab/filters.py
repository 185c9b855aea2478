"""GET filters of the public lists (django-filter)."""

from functools import reduce
from operator import or_

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from alliance.core.filters import YearFilter
from alliance.models import Region, StrategicObjective

from .models import Funder, Playbook, PlaybookDocument, ProjectConcept, RIACohort, Service, ServiceRequest


def search_all_languages(queryset: QuerySet, fields: tuple[str, ...], value: str) -> QuerySet:
    """Search every language's text, so a title found in French is found from any page language."""
    value = value.strip()
    if not value:
        return queryset
    lookups = [
        Q(**{f"{build_localized_fieldname(field, language)}__icontains": value})
        for field in fields for language in settings.MODELTRANSLATION_LANGUAGES
    ]
    return queryset.filter(reduce(or_, lookups))


class PlaybookFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    strategic_objective = django_filters.ModelChoiceFilter(
        label=_("Strategic objective"), queryset=StrategicObjective.objects.order_by("number"),
        empty_label=_("All objectives"),
    )
    topic = django_filters.ChoiceFilter(label=_("Cross-cutting topic"), choices=Playbook.Topic.choices,
                                        empty_label=_("All topics"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Playbook.Status.choices,
                                         empty_label=_("Any status"))
    funder = django_filters.ModelChoiceFilter(label=_("Funder"), queryset=Funder.objects.order_by("code"),
                                              empty_label=_("Any funder"))
    language = django_filters.ChoiceFilter(label=_("Available in"), choices=settings.LANGUAGES,
                                           method="available_in", empty_label=_("Any language"))

    class Meta:
        model = Playbook
        fields = ["q", "strategic_objective", "topic", "status", "funder", "language"]

    def search(self, queryset, name, value):
        return search_all_languages(queryset, ("title", "summary", "partners"), value)

    def available_in(self, queryset, name, value):
        documents = PlaybookDocument.objects.filter(version__playbook=OuterRef("pk"), language=value)
        return queryset.filter(Exists(documents))


class CohortFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=Region.objects.order_by("order"),
                                              empty_label=_("All regions"))
    year = YearFilter(label=_("Year"), field_name="start_date", lookup_expr="year")

    class Meta:
        model = RIACohort
        fields = ["q", "region", "year"]

    def search(self, queryset, name, value):
        return search_all_languages(queryset, ("name", "city", "summary"), value)


class ConceptFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProjectConcept.Status.choices,
                                         empty_label=_("Any status"))

    class Meta:
        model = ProjectConcept
        fields = ["status"]


class ServiceRequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ServiceRequest.Status.choices,
                                         empty_label=_("Any status"))
    service = django_filters.ModelChoiceFilter(label=_("Service"), queryset=Service.objects.order_by("order"),
                                               empty_label=_("All services"))

    class Meta:
        model = ServiceRequest
        fields = ["q", "status", "service"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(organisation__icontains=value) | Q(contact_name__icontains=value)
                               | Q(contact_email__icontains=value))


class ServiceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    open_to = django_filters.ChoiceFilter(label=_("Who may request it"), method="filter_open_to",
                                          choices=ServiceRequest.RequesterType.choices,
                                          empty_label=_("Anyone"))

    class Meta:
        model = Service
        fields = ["q", "open_to"]

    def search(self, queryset, name, value):
        return search_all_languages(queryset, ("name", "description"), value)

    def filter_open_to(self, queryset, name, value):
        field = {
            ServiceRequest.RequesterType.MEMBER: "open_to_members",
            ServiceRequest.RequesterType.CENTRE: "open_to_centres",
            ServiceRequest.RequesterType.REGIONAL_OFFICE: "open_to_regional_offices",
        }[value]
        return queryset.filter(**{field: True})
