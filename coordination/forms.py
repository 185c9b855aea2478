from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import validate_no_control_characters

TEXTAREA = forms.Textarea(attrs={"rows": 6})


class AnnualReportForm(forms.Form):
    progress = forms.CharField(label=_("Progress during the year"), widget=TEXTAREA, max_length=10000,
                               validators=[validate_no_control_characters])
    outcomes = forms.CharField(label=_("Outcomes"), widget=TEXTAREA, max_length=10000, required=False,
                               validators=[validate_no_control_characters])
    next_steps = forms.CharField(label=_("Next steps"), widget=TEXTAREA, max_length=10000, required=False,
                                 validators=[validate_no_control_characters])
    documents = forms.CharField(label=_("Documents"), widget=forms.Textarea(attrs={"rows": 3}),
                                max_length=3000, required=False, validators=[validate_no_control_characters],
                                help_text=_("Document symbols or addresses, one per line."))


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
