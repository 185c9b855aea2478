from __future__ import annotations

from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from alliance.abuse import HoneypotFormMixin
from alliance.countries import beneficiary_countries, with_blank
from alliance.validators import NoControlCharactersFormMixin

from .models import (
    DUE_DILIGENCE_FIELDS,
    ActionArea,
    ImpactStory,
    PartnerKind,
    Pledge,
    PledgeKind,
    PledgerKind,
    ProgressStatus,
)


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


YES_NO = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]


class PledgeFilter(django_filters.FilterSet):
    """The public pledge explorer's GET form (applied to published pledges only)."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=PledgeKind.choices, label=_("Type of pledge"),
                                       empty_label=_("Any type"))
    action_area = django_filters.ModelChoiceFilter(
        field_name="action_areas", queryset=ActionArea.objects.order_by("order"), label=_("Action area"),
        empty_label=_("Any action area"), distinct=True)
    country = django_filters.ChoiceFilter(method="target_country", choices=beneficiary_countries,
                                          label=_("Target country"), empty_label=_("Any country"))
    benefits_ldc = django_filters.BooleanFilter(label=_("Benefits LDCs"),
                                                widget=forms.Select(choices=YES_NO))
    benefits_lldc = django_filters.BooleanFilter(label=_("Benefits LLDCs"),
                                                 widget=forms.Select(choices=YES_NO))
    benefits_sids = django_filters.BooleanFilter(label=_("Benefits SIDS"),
                                                 widget=forms.Select(choices=YES_NO))

    class Meta:
        model = Pledge
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value)
                               | Q(pledger__organisation__icontains=value))

    def target_country(self, queryset, name, value):
        # Stored as comma-separated codes: match a whole code.
        return queryset.filter(Q(target_countries=value) | Q(target_countries__startswith=f"{value},")
                               | Q(target_countries__endswith=f",{value}")
                               | Q(target_countries__contains=f",{value},"))


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


class PledgeForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.Form):
    """The public form for making a Partner2Connect pledge."""

    organisation = forms.CharField(label=_("Organization"), max_length=300)
    pledger_kind = forms.ChoiceField(label=_("Type of organization"), choices=PledgerKind.choices)
    country = LazyTypedChoiceField(label=_("Country"), choices=with_blank(countries, "—"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    title = forms.CharField(label=_("Title of the pledge"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}),
                                  help_text=_("What will be done, for whom, and how it will be measured."))
    kind = forms.ChoiceField(label=_("Type of pledge"), choices=PledgeKind.choices)
    action_areas = forms.ModelMultipleChoiceField(
        label=_("Action areas"), queryset=ActionArea.objects.order_by("order"),
        widget=forms.CheckboxSelectMultiple)
    target_countries = forms.MultipleChoiceField(label=_("Target countries"), choices=beneficiary_countries,
                                                 required=False,
                                                 widget=forms.SelectMultiple(attrs={"size": 6}))
    benefits_ldc = forms.BooleanField(label=_("It benefits least developed countries (LDCs)"), required=False)
    benefits_lldc = forms.BooleanField(label=_("It benefits landlocked developing countries (LLDCs)"),
                                       required=False)
    benefits_sids = forms.BooleanField(label=_("It benefits small island developing states (SIDS)"),
                                       required=False)
    benefit_description = forms.CharField(
        label=_("How much it benefits LDCs, LLDCs and SIDS"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    value_usd = forms.DecimalField(label=_("Value in USD (financial pledges)"), required=False,
                                   min_value=Decimal("0.01"), max_digits=14, decimal_places=2)
    target_year = forms.IntegerField(label=_("Target year"), min_value=2021, max_value=2100)
    made_with = forms.CharField(label=_("Partners the pledge is made with"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))

    def clean_target_year(self) -> int:
        year = self.cleaned_data["target_year"]
        if year < timezone.localdate().year:
            raise forms.ValidationError(_("The target year cannot be in the past."))
        return year


class ProgressReportForm(NoControlCharactersFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    narrative = forms.CharField(label=_("What has been done"), widget=forms.Textarea(attrs={"rows": 6}))
    amount_delivered_usd = forms.DecimalField(label=_("Amount delivered so far (USD)"), min_value=0,
                                              max_digits=14, decimal_places=2, initial=0)


class DueDiligenceForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = Pledge
        fields = list(DUE_DILIGENCE_FIELDS)


class DecisionForm(NoControlCharactersFormMixin, forms.Form):
    PUBLISH, DECLINE = "publish", "decline"
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect,
                                 choices=[(PUBLISH, _("Publish the pledge")),
                                          (DECLINE, _("Decline the pledge"))])
    reason = forms.CharField(label=_("Reason for declining"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Sent to the pledger; required to decline."))

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.DECLINE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for declining the pledge."))
        return data
