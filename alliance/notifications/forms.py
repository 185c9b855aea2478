from django import forms
from django.utils.translation import gettext_lazy as _


class PreferencesForm(forms.Form):
    receive = forms.MultipleChoiceField(label=_("E-mails you receive"), required=False,
                                        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, topics: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receive"].choices = topics
