from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from alliance.core.abuse import HoneypotFormMixin
from alliance.core.validators import NoControlCharactersFormMixin
from alliance.countries import beneficiary_countries, with_blank

from .models import (
    DUE_DILIGENCE_FIELDS,
    ActionArea,
    BenefitGroup,
    ExpressionOfInterest,
    ImpactIndicator,
    Pledge,
    PledgeKind,
    PledgeProgressReport,
    PledgerKind,
    ProgressStatus,
)

BENEFIT_FIGURES = ("share_percent", "amount_usd", "people_reached")


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


def _benefit_fields(group_label) -> tuple[forms.Field, forms.Field, forms.Field]:
    """How much a pledge benefits one group: share (%), USD (financial pledges), people reached."""
    return (
        forms.DecimalField(label=format_lazy(_("{group}: share of the pledge (%)"), group=group_label),
                           required=False, min_value=Decimal("0"), max_value=Decimal("100"),
                           max_digits=5, decimal_places=2),
        forms.DecimalField(label=format_lazy(_("{group}: amount in USD (financial pledges)"),
                                             group=group_label),
                           required=False, min_value=Decimal("0"), max_digits=14, decimal_places=2),
        forms.IntegerField(label=format_lazy(_("{group}: people reached"), group=group_label),
                           required=False, min_value=0),
    )


class BenefitFiguresMixin:
    """The benefit figures of a pledge form, per group: a ticked group needs at least one."""

    def clean(self):
        data = super().clean()
        for group in BenefitGroup.values:
            given = [data.get(f"{group}_{name}") is not None for name in BENEFIT_FIGURES]
            if any(given):
                data[f"benefits_{group}"] = True
            elif data.get(f"benefits_{group}"):
                self.add_error(f"{group}_share_percent", _(
                    "Say how much the pledge benefits this group: a share, an amount or the people reached."))
        if data.get("kind") != PledgeKind.FINANCIAL:
            for group in BenefitGroup.values:
                if data.get(f"{group}_amount_usd") is not None:
                    self.add_error(f"{group}_amount_usd", _(
                        "An amount in USD is for financial pledges; give a share or the people reached."))
        return data

    def pledge_fields(self) -> dict:
        """The cleaned data as the services take it: the figures grouped under ``benefits``."""
        data = dict(self.cleaned_data)
        data["benefits"] = {group: {name: data.pop(f"{group}_{name}") for name in BENEFIT_FIGURES}
                            for group in BenefitGroup.values}
        return data


class PledgeForm(BenefitFiguresMixin, HoneypotFormMixin, NoControlCharactersFormMixin, forms.Form):
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
    ldc_share_percent, ldc_amount_usd, ldc_people_reached = _benefit_fields(_("LDCs"))
    benefits_lldc = forms.BooleanField(label=_("It benefits landlocked developing countries (LLDCs)"),
                                       required=False)
    lldc_share_percent, lldc_amount_usd, lldc_people_reached = _benefit_fields(_("LLDCs"))
    benefits_sids = forms.BooleanField(label=_("It benefits small island developing states (SIDS)"),
                                       required=False)
    sids_share_percent, sids_amount_usd, sids_people_reached = _benefit_fields(_("SIDS"))
    benefit_description = forms.CharField(
        label=_("How it benefits LDCs, LLDCs and SIDS"), required=False,
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


class PledgeEditForm(PledgeForm):
    """The pledger's own pledge, while it is under review: what it says, not who makes it."""

    PLEDGER_FIELDS = ("organisation", "pledger_kind", "country", "contact_name", "contact_email")

    def __init__(self, *args, pledge: Pledge, **kwargs) -> None:
        initial = {name: getattr(pledge, name) for name in (
            "title", "description", "kind", "benefits_ldc", "benefits_lldc", "benefits_sids",
            "benefit_description", "value_usd", "target_year", "made_with")}
        initial["action_areas"] = list(pledge.action_areas.all())
        initial["target_countries"] = [str(code) for code in pledge.target_countries]
        for row in pledge.benefits.all():
            for name in BENEFIT_FIGURES:
                initial[f"{row.group}_{name}"] = getattr(row, name)
        kwargs["initial"] = {**initial, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        for name in self.PLEDGER_FIELDS:
            del self.fields[name]

    def clean_target_year(self) -> int:
        # A pledge made last year keeps its target year; only a change is checked.
        year = self.cleaned_data["target_year"]
        if year != self.initial.get("target_year"):
            return super().clean_target_year()
        return year


class InterestForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.ModelForm):
    """The public expression of interest in becoming a member of an action area."""

    class Meta:
        model = ExpressionOfInterest
        fields = ["action_area", "organisation", "stakeholder_group", "country", "website", "contact_name",
                  "contact_email", "contribution"]
        labels = {"contribution": _("What your organization brings to the action area")}
        help_texts = {
            "contribution": _("Your commitment to closing the digital divide, the expertise, networks or "
                              "resources you bring, and how you will take part in the coalition's work."),
            "stakeholder_group": _("Generation Connect (youth), international financial institutions and "
                                   "organizations representing marginalized communities are welcome."),
        }
        widgets = {"contribution": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action_area"].queryset = ActionArea.objects.order_by("order")
        self.fields["action_area"].empty_label = None


class ProgressReportForm(NoControlCharactersFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    narrative = forms.CharField(label=_("What has been done"), widget=forms.Textarea(attrs={"rows": 6}))
    amount_delivered_usd = forms.DecimalField(label=_("Amount delivered so far (USD)"), min_value=0,
                                              max_digits=14, decimal_places=2, initial=0)


class ImpactIndicatorForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = ImpactIndicator
        fields = ["name", "value", "unit", "measured_on"]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"})}


#: The impact indicators of a new progress report: up to five, blank rows ignored.
ImpactIndicatorFormSet = forms.inlineformset_factory(
    PledgeProgressReport, ImpactIndicator, form=ImpactIndicatorForm, extra=3, max_num=5, validate_max=True,
    can_delete=False)


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
