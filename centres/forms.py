from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance.core.abuse import HoneypotFormMixin
from alliance.core.validators import NoControlCharactersFormMixin, validate_pdf
from alliance.countries import member_states, with_blank
from alliance.models import RegionalInitiative, StrategicObjective

from .models import (
    ActionPlanActivity,
    ActivityProgress,
    Centre,
    CentreChangeProposal,
    CentreDocument,
    CentreMessage,
    CentreProgressReport,
    HostType,
    NetworkEvent,
)

MAX_DOCUMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class DateInput(forms.DateInput):
    input_type = "date"


class ApplicationForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.Form):
    """The public form to apply to host a centre; no account needed."""

    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    host_type = forms.ChoiceField(label=_("Type of host"), choices=[("", "---------"), *HostType.choices])
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=100)
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    contact_phone = forms.CharField(label=_("Contact telephone"), max_length=40, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    objectives = forms.ModelMultipleChoiceField(
        label=_("Strategic objectives the centre would work on"),
        queryset=StrategicObjective.objects.order_by("number"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one to five."),
    )
    regional_initiative = forms.ModelChoiceField(
        label=_("Regional initiative the centre supports"),
        queryset=RegionalInitiative.objects.select_related("region").order_by("code"),
    )
    support_plan = forms.CharField(
        label=_("How will you secure financial and political support?"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    documents = MultipleFileField(
        label=_("Supporting documents"), required=False,
        help_text=_("PDF only, at most 10 MB each, up to five documents."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = with_blank(member_states)

    def clean_objectives(self):
        objectives = self.cleaned_data["objectives"]
        if not 1 <= len(objectives) <= 5:
            raise ValidationError(_("Choose between one and five strategic objectives."))
        return objectives

    def clean_documents(self):
        files = self.cleaned_data.get("documents") or []
        if len(files) > MAX_DOCUMENTS:
            raise ValidationError(_("Attach at most five documents."))
        errors = []
        for file in files:
            try:
                validate_pdf(file)
            except ValidationError as exc:
                errors.extend(f"{file.name}: {message}" for message in exc.messages)
        if errors:
            raise ValidationError(errors)
        return files


class CentreProfileForm(NoControlCharactersFormMixin, forms.ModelForm):
    """What a host edits: the description in the six languages, contacts, logo and website."""

    class Meta:
        model = Centre
        fields = ["description_en", "description_fr", "description_es", "description_ru", "description_ar",
                  "description_zh_hans", "website", "contact_email", "contact_phone", "logo"]
        widgets = {f"description_{code}": forms.Textarea(attrs={"rows": 5})
                   for code in ("en", "fr", "es", "ru", "ar", "zh_hans")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            field = self.fields[f"description_{code.replace('-', '_')}"]
            field.label = _("Description in %(language)s") % {"language": name}
            field.widget.attrs["lang"] = code
            if code in settings.LANGUAGES_BIDI:
                field.widget.attrs["dir"] = "rtl"


class ActivityForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPlanActivity
        fields = ["objective", "title", "planned_start", "planned_end", "status", "progress", "outputs",
                  "indicators"]
        widgets = {"planned_start": DateInput(), "planned_end": DateInput(),
                   "outputs": forms.Textarea(attrs={"rows": 3}),
                   "indicators": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The planned end cannot be before the planned start."))
        return data


class ProgressReportForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = CentreProgressReport
        fields = ["period_start", "period_end", "summary"]
        widgets = {"period_start": DateInput(), "period_end": DateInput(),
                   "summary": forms.Textarea(attrs={"rows": 6})}

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class ActivityProgressForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = ActivityProgress
        fields = ["status", "progress", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


ActivityProgressFormSet = forms.modelformset_factory(ActivityProgress, form=ActivityProgressForm, extra=0)


class SubmitConfirmForm(forms.Form):
    """The host's confirmation before something goes to BDT and is locked for its review.

    A required checkbox rather than a script's dialog: it works without JavaScript and a screen
    reader announces it with the button it goes with."""

    confirm = forms.BooleanField(
        required=True, error_messages={"required": _("Tick this box to send it to BDT.")})

    def __init__(self, *args, label: str, **kwargs) -> None:
        kwargs.setdefault("prefix", "submit")
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = label


class CentreDocumentForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = CentreDocument
        fields = ["title", "file"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}


class ChangeProposalForm(NoControlCharactersFormMixin, forms.ModelForm):
    """New values for what BDT validates, filled in with the current ones: the host edits what
    changes."""

    class Meta:
        model = CentreChangeProposal
        fields = ["name", "host_organisation", "city", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}
        labels = {"name": _("Name of the centre"), "host_organisation": _("Host organisation"),
                  "city": _("City")}
        help_texts = {"reason": _("Why the change, and since when (a decree, a new name of the "
                                  "organisation...). BDT reads it before deciding.")}

    def __init__(self, *args, centre: Centre, **kwargs) -> None:
        kwargs.setdefault("initial", {name: getattr(centre, name) for name in CentreChangeProposal.FIELDS})
        super().__init__(*args, **kwargs)


class CentreMessageForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = CentreMessage
        fields = ["body", "attachment"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5}),
                   "attachment": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}
        help_texts = {"attachment": _("Optional. PDF only, at most 10 MB.")}


class CentreEventForm(NoControlCharactersFormMixin, forms.ModelForm):
    class Meta:
        model = NetworkEvent
        fields = ["title", "starts_on", "ends_on", "location", "is_online", "link", "description"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"location": _("City and venue; leave empty for an event only online.")}

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The event cannot end before it starts."))
        return data


class ApplicationStatusLookupForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.Form):
    """An applicant finds their application's status page with the reference number and the e-mail
    address given in the application."""

    reference = forms.CharField(label=_("Reference number"), max_length=40,
                                help_text=_("As in the confirmation e-mail, for example AC-2025-1A2B3C."),
                                widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             help_text=_("The contact e-mail address given in the application."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class ApplicationDocumentForm(NoControlCharactersFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("File (PDF)"), validators=[validate_pdf],
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
                           help_text=_("PDF only, at most 10 MB."))


class DocumentReplaceForm(forms.Form):
    file = forms.FileField(label=_("New file (PDF)"), validators=[validate_pdf],
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
                           help_text=_("PDF only, at most 10 MB. The current file is kept as a previous "
                                       "version."))


