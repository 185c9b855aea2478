"""GET filters of the public lists and of the API (django-filter). Where a list and the API filter
the same thing, both subclass one FilterSet that defines it once (PlaybookFilterSet, CohortFilterSet);
each adds the filters of its own (the pages choose among objects, the API names them by code)."""

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


class PlaybookFilterSet(django_filters.FilterSet):
    """The playbooks' filters shared by the public list and the API: text in every language (the
    list's ``q``, the API's ``search``), topic, status and the languages of its documents."""

    topic = django_filters.ChoiceFilter(label=_("Cross-cutting topic"), choices=Playbook.Topic.choices,
                                        empty_label=_("All topics"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Playbook.Status.choices,
                                         empty_label=_("Any status"))
    language = django_filters.ChoiceFilter(label=_("Available in"), choices=settings.LANGUAGES,
                                           method="available_in", empty_label=_("Any language"))

    class Meta:
        model = Playbook
        fields = ["topic", "status", "language"]

    def search_text(self, queryset, name, value):
        return search_all_languages(queryset, ("title", "summary", "partners"), value)

    def available_in(self, queryset, name, value):
        documents = PlaybookDocument.objects.filter(version__playbook=OuterRef("pk"), language=value)
        return queryset.filter(Exists(documents))


class PlaybookFilter(PlaybookFilterSet):
    """The public list's GET form: ``q``, and objective and funder chosen from a list."""

    q = django_filters.CharFilter(label=_("Search"), method="search_text")
    strategic_objective = django_filters.ModelChoiceFilter(
        label=_("Strategic objective"), queryset=StrategicObjective.objects.order_by("number"),
        empty_label=_("All objectives"),
    )
    funder = django_filters.ModelChoiceFilter(label=_("Funder"), queryset=Funder.objects.order_by("code"),
                                              empty_label=_("Any funder"))

    class Meta(PlaybookFilterSet.Meta):
        fields = ["q", "strategic_objective", "topic", "status", "funder", "language"]


class PlaybookAPIFilter(PlaybookFilterSet):
    """The API's: ``search``, the objective by its number and the funder by its code."""

    search = django_filters.CharFilter(method="search_text")
    strategic_objective = django_filters.NumberFilter(field_name="strategic_objective__number")
    funder = django_filters.CharFilter(field_name="funder__code")

    class Meta(PlaybookFilterSet.Meta):
        fields = ["search", "strategic_objective", "topic", "status", "funder", "language"]


class CohortFilterSet(django_filters.FilterSet):
    """The cohorts' filter shared by the public list and the API: the year a cohort starts."""

    year = YearFilter(label=_("Year"), field_name="start_date", lookup_expr="year")

    class Meta:
        model = RIACohort
        fields = ["year"]


class CohortFilter(CohortFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=Region.objects.order_by("order"),
                                              empty_label=_("All regions"))

    class Meta(CohortFilterSet.Meta):
        fields = ["q", "region", "year"]

    def search(self, queryset, name, value):
        return search_all_languages(queryset, ("name", "city", "summary"), value)


class RIACohortAPIFilter(CohortFilterSet):
    region = django_filters.CharFilter(field_name="region__code")
    regional_initiative = django_filters.CharFilter(field_name="regional_initiative__code")
    funder = django_filters.CharFilter(field_name="funder__code")

    class Meta(CohortFilterSet.Meta):
        fields = ["region", "regional_initiative", "funder", "year"]


class ProjectConceptAPIFilter(django_filters.FilterSet):
    """The API's only: the public pages list no concepts by filter."""

    cohort = django_filters.NumberFilter(field_name="cohort__number")
    status = django_filters.ChoiceFilter(choices=ProjectConcept.Status.choices)
    lead_country = django_filters.CharFilter(field_name="lead_country", lookup_expr="iexact")
    regional_initiative = django_filters.CharFilter(field_name="regional_initiative__code")
    budget_min = django_filters.NumberFilter(field_name="budget_usd", lookup_expr="gte")
    budget_max = django_filters.NumberFilter(field_name="budget_usd", lookup_expr="lte")

    class Meta:
        model = ProjectConcept
        fields = ["cohort", "status", "lead_country", "regional_initiative", "budget_min", "budget_max"]


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
