from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.abuse import HoneypotFormMixin
from alliance.core.validators import NoControlCharactersFormMixin

from .models import Service, ServiceRequest


class ServiceRequestForm(HoneypotFormMixin, NoControlCharactersFormMixin, forms.ModelForm):
    """The public request form; the rules themselves live in services.service_request_submit."""

    class Meta:
        model = ServiceRequest
        fields = ["requester_type", "organisation", "country", "contact_name", "contact_email",
                  "description", "preferred_start"]
        widgets = {
            "preferred_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "description": _("What you would like the DT Lab to do, for whom and when."),
            "preferred_start": _("Optional."),
        }

    def __init__(self, *args, service: Service, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service = service
        self.fields["requester_type"].choices = [
            (value, label) for value, label in ServiceRequest.RequesterType.choices if service.accepts(value)
        ]
        self.fields["description"].max_length = 5000
        self.fields["description"].widget.attrs["maxlength"] = 5000
        self._describe_fields()

    def full_clean(self) -> None:
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self) -> None:
        """Tie help texts and errors to their inputs for screen readers (ids of includes/form.html)."""
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            describedby = []
            if field.help_text:
                describedby.append(f"id_{name}_helptext")
            if name in errors:
                describedby.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if describedby:
                field.widget.attrs["aria-describedby"] = " ".join(describedby)


class RequestMoveForm(NoControlCharactersFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ServiceRequest.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
