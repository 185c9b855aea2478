from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from alliance.core.abuse import HoneypotFormMixin
from alliance.core.validators import NoControlCharactersFormMixin
from alliance.countries import with_blank

from .models import ExpertiseArea


class ExpertRequestForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.Form):
    """Public request to join the Expert Network; staff approve it in the administration."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=with_blank(countries))
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    motivation = forms.CharField(
        label=_("What would you bring to the network?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your full name."))
        return name
