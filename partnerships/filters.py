"""GET filters of the public lists and of the API (django-filter), all of them here.

The pledge explorer and the pledges' API filter the type of pledge and the groups it benefits
through one definition (PledgeFilterSet), which both subclass."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.filters import YearFilter
from alliance.countries import beneficiary_countries

from . import selectors
from .models import (
    ActionArea,
    AgreementRegion,
    AgreementStatus,
    ImpactStory,
    MembershipCategory,
    Partner,
    PartnerKind,
    PartnershipAgreement,
    Pledge,
    PledgeKind,
    ProgressState,
)

YES_NO = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]


class PledgeFilterSet(django_filters.FilterSet):
    """The pledges' filters shared by the explorer (published pledges) and the API: the type of
    pledge and whether it benefits LDCs, LLDCs or SIDS (``true`` or ``false``)."""

    kind = django_filters.ChoiceFilter(choices=PledgeKind.choices, label=_("Type of pledge"),
                                       empty_label=_("Any type"))
    benefits_ldc = django_filters.BooleanFilter(label=_("Benefits LDCs"),
                                                widget=forms.Select(choices=YES_NO))
    benefits_lldc = django_filters.BooleanFilter(label=_("Benefits LLDCs"),
                                                 widget=forms.Select(choices=YES_NO))
    benefits_sids = django_filters.BooleanFilter(label=_("Benefits SIDS"),
                                                 widget=forms.Select(choices=YES_NO))

    class Meta:
        model = Pledge
        fields = ["kind", "benefits_ldc", "benefits_lldc", "benefits_sids"]


class PledgeFilter(PledgeFilterSet):
    """The public pledge explorer's GET form (applied to published pledges only)."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    action_area = django_filters.ModelChoiceFilter(
        field_name="action_areas", queryset=ActionArea.objects.order_by("order"), label=_("Action area"),
        empty_label=_("Any action area"), distinct=True)
    country = django_filters.ChoiceFilter(method="target_country", choices=beneficiary_countries,
                                          label=_("Target country"), empty_label=_("Any country"))
    progress = django_filters.ChoiceFilter(field_name="progress_state", choices=ProgressState.choices,
                                           label=_("Progress"), empty_label=_("Any progress"))

    class Meta(PledgeFilterSet.Meta):
        fields = ["q", "kind", "action_area", "country", "benefits_ldc", "benefits_lldc", "benefits_sids",
                  "progress"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value)
                               | Q(pledger__organisation__icontains=value))

    def target_country(self, queryset, name, value):
        # Stored as comma-separated codes: match a whole code.
        return queryset.filter(Q(target_countries=value) | Q(target_countries__startswith=f"{value},")
                               | Q(target_countries__endswith=f",{value}")
                               | Q(target_countries__contains=f",{value},"))


class PledgeAPIFilter(PledgeFilterSet):
    """The API's: the action area by its code, and any target country whose code contains the value."""

    action_area = django_filters.CharFilter(field_name="action_areas__code", distinct=True)
    country = django_filters.CharFilter(field_name="target_countries", lookup_expr="icontains")

    class Meta(PledgeFilterSet.Meta):
        fields = ["kind", "action_area", "country", "benefits_ldc", "benefits_lldc", "benefits_sids"]


class ImpactStoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    partner_kind = django_filters.ChoiceFilter(field_name="partner__kind", choices=PartnerKind.choices,
                                               label=_("Type of partner"), empty_label=_("Any type"))

    class Meta:
        model = ImpactStory
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value)
                               | Q(partner__name__icontains=value) | Q(partner__acronym__icontains=value))


class PartnerFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=PartnerKind.choices)
    membership_category = django_filters.ChoiceFilter(choices=MembershipCategory.choices)
    year = YearFilter(method="filter_agreements", label=_("year of an agreement"))
    region = django_filters.ChoiceFilter(method="filter_agreements", choices=AgreementRegion.choices,
                                         label=_("region of an agreement"))
    priority = django_filters.CharFilter(method="filter_agreements",
                                         label=_("ITU-D priority of an agreement"))
    search = django_filters.CharFilter(method="filter_search", label=_("search"))

    class Meta:
        model = Partner
        fields = ["kind", "membership_category", "country"]

    def filter_agreements(self, queryset, name, value):
        """Partners with a signed agreement of that year, region or priority (all that are given)."""
        agreements = selectors.signed_agreements()
        data = self.form.cleaned_data
        if data.get("year"):
            agreements = agreements.filter(signed_on__year=int(data["year"]))
        if data.get("region"):
            agreements = agreements.filter(region=data["region"])
        if data.get("priority"):
            agreements = agreements.filter(priorities__code=data["priority"])
        return queryset.filter(pk__in=agreements.values("partner"))

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(acronym__icontains=value))


class AgreementFilter(django_filters.FilterSet):
    year = YearFilter(field_name="signed_on", lookup_expr="year", label=_("year"))
    region = django_filters.ChoiceFilter(choices=AgreementRegion.choices)
    priority = django_filters.CharFilter(field_name="priorities__code", label=_("ITU-D priority"),
                                         distinct=True)
    kind = django_filters.ChoiceFilter(field_name="partner__kind", choices=PartnerKind.choices,
                                       label=_("partner type"))
    status = django_filters.ChoiceFilter(choices=AgreementStatus.choices)

    class Meta:
        model = PartnershipAgreement
        fields = ["partner", "year", "region", "priority", "kind", "status"]
