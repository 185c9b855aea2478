"""Forms of the staff pages of the evaluation: the evaluator's sheet, a conflict, an assignment."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import NoControlCharactersFormMixin

from .models import Criterion


class CriterionScoreForm(NoControlCharactersFormMixin, forms.Form):
    """The score and comment of one criterion (prefixed by the criterion); blank in a draft."""

    score = forms.IntegerField(label=_("Score"), min_value=0, required=False)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, criterion: Criterion, **kwargs):
        super().__init__(*args, prefix=f"criterion-{criterion.pk}", **kwargs)
        self.criterion = criterion
        self.fields["score"].widget.attrs["max"] = criterion.max_score
        self.fields["score"].validators.append(MaxValueValidator(criterion.max_score))
        self.fields["score"].help_text = _("From 0 to %(max)s.") % {"max": criterion.max_score}


class ScoreSheetForm:
    """The evaluator's sheet: one ``CriterionScoreForm`` per criterion in use."""

    def __init__(self, data=None, *, criteria: list[Criterion], own: dict, disabled: bool = False):
        self.forms = []
        for criterion in criteria:
            score = own.get(criterion.pk)
            form = CriterionScoreForm(data, criterion=criterion, initial={
                "score": score.score if score else None, "comment": score.comment if score else ""})
            for field in form.fields.values():
                field.disabled = disabled
            self.forms.append(form)
        self.non_field_errors: list[str] = []

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms])

    def scores(self) -> list[tuple[Criterion, int | None, str]]:
        return [(form.criterion, form.cleaned_data["score"], form.cleaned_data["comment"])
                for form in self.forms]

    @property
    def cleaned_data(self) -> dict:
        return {"scores": self.scores()}

    def add_error(self, field, error) -> None:
        """A service's refusal, shown above the sheet."""
        self.non_field_errors.extend(ValidationError(error).messages)

    @property
    def fields(self) -> dict:
        return {}


class ConflictForm(NoControlCharactersFormMixin, forms.Form):
    note = forms.CharField(label=_("Describe the conflict of interest"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(forms.Form):
    evaluator = forms.ModelChoiceField(label=_("Evaluator"), queryset=None)

    def __init__(self, *args, evaluators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators
        self.fields["evaluator"].label_from_instance = lambda u: u.get_full_name() or u.username
