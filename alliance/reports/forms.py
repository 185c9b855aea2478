from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGE_CHOICES
from .registry import ReportKind

PERIOD_ORDER_ERROR = _("The period cannot end before it starts.")


class PeriodFormMixin:
    """A period's end may not come before its start: shared by the staff page and the admin."""

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", PERIOD_ORDER_ERROR)
        return data


ALL_LANGUAGES = "all"


class ReportRequestForm(PeriodFormMixin, forms.Form):
    """A kind and a period, in one language or in all six at once (the default)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices)
    period_start = forms.DateField(label=_("Period start"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Period end"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"),
                                 choices=[(ALL_LANGUAGES, _("All six languages")), *LANGUAGE_CHOICES],
                                 initial=ALL_LANGUAGES)


class NarrativeForm(forms.Form):
    """One text area per narrative section of the report's kind, in Markdown."""

    def __init__(self, report, *args, **kwargs):
        from .registry import narrative_sections_for

        super().__init__(*args, **kwargs)
        for section in narrative_sections_for(report.kind):
            self.fields[section.code] = forms.CharField(
                label=section.title, required=False, widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
                initial=(report.narrative or {}).get(section.code, ""),
                help_text=_("Markdown: paragraphs, lists, *emphasis*, **bold**, [links](https://…); "
                            "figures as {placeholders}."))
