import unicodedata

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class PortalFormRenderer(TemplatesSetting):
    """Forms render with templates/includes/form.html, from the project's template engine."""

    form_template_name = "includes/form.html"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also sends the link to active accounts that have no password yet.

    Pledgers get an account without a password when they make a pledge, and their receipt tells
    them to choose one with "Forgotten your password?"; Django's form skips such accounts.
    """

    def get_users(self, email):
        User = get_user_model()
        field = User.get_email_field_name()
        wanted = unicodedata.normalize("NFKC", email).casefold()
        users = User._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})
        return (user for user in users
                if unicodedata.normalize("NFKC", getattr(user, field)).casefold() == wanted)


class SecondFactorForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"), max_length=16, strip=True,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none",
                                      "spellcheck": "false"}),
    )
