"""Limits on what one visitor can send: rate limits (counted in the cache), a honeypot field on the
public forms, and the 429 page in the visitor's language.

Every public form (apply to host a centre, P2C pledge, Expert Network request, DT Lab service
request) accepts a few submissions an hour from one address and from one account, and a few a day
to one e-mail address (each sends that address a receipt); login and password reset are limited by
address and by the name or address typed; API writes by account or address (``WriteRateThrottle``).
The addresses are the proxy-aware ones (``alliance.core.middleware.client_ip``). ``RATELIMIT_ENABLE``
switches all of it off (the test suite does, except in the tests of the limits). The counters live
in the ``ratelimit`` cache: Redis where configured, otherwise a table of the database, so that every
process counts in the same place (``alliance.core.cache.DatabaseCounterCache``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.decorators import ratelimit
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle

from .middleware import client_ip

# Limits per window; django-ratelimit's notation (n/s, n/m, n/h, n/d).
RATES = {
    "form-address": "10/h",   # public form submissions from one address
    "form-account": "10/h",   # ... from one signed-in account, whatever its address
    "form-email": "5/d",      # ... sending a receipt to one e-mail address
    "login-address": "60/h",  # sign-in attempts from one address, any usernames
    "login-username": "20/h",  # ... for one username, from any address (axes locks per pair)
    "reset-address": "10/h",  # password reset requests from one address
    "reset-email": "3/h",     # ... for one e-mail address
}


def rate(name: str):
    """The rate called ``name``, read when a request comes (``ALLIANCE_RATE_LIMITS`` overrides)."""
    def current(group, request) -> str:
        return getattr(settings, "ALLIANCE_RATE_LIMITS", {}).get(name, RATES[name])
    return current


def address_key(group, request) -> str:
    return client_ip(request)


def account_key(group, request) -> str:
    user = getattr(request, "user", None)
    return f"user:{user.pk}" if user is not None and user.is_authenticated else f"ip:{client_ip(request)}"


def posted_key(field: str):
    """The value typed in ``field``, trimmed and case-folded (an e-mail address, a username)."""
    def key(group, request) -> str:
        return f"{field}:{request.POST.get(field, '').strip().casefold()}"
    return key


def _limits(group: str, *limits) -> list:
    return [ratelimit(group=group, key=key, rate=rate(name), method="POST") for name, key in limits]


def public_form_limits(group: str, *, email_field: str = "contact_email") -> list:
    """The decorators of a public form view's ``dispatch``: POSTs by address, account and e-mail."""
    return _limits(group, ("form-address", address_key), ("form-account", account_key),
                   ("form-email", posted_key(email_field)))


def limit_public_form(group: str, *, email_field: str = "contact_email"):
    """Class decorator for a public form view (see ``public_form_limits``)."""
    return method_decorator(public_form_limits(group, email_field=email_field), name="dispatch")


def limit_login(view):
    for decorator in reversed(_limits("login", ("login-address", address_key),
                                      ("login-username", posted_key("username")))):
        view = decorator(view)
    return view


def limit_password_reset(view):
    for decorator in reversed(_limits("password-reset", ("reset-address", address_key),
                                      ("reset-email", posted_key("email")))):
        view = decorator(view)
    return view


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """429 for a visitor over a limit (``RATELIMIT_VIEW``): the standalone page in their language,
    or JSON on the API. Nothing was saved and nothing was sent."""
    message = _("You have sent this form too many times. Nothing was saved; please wait an hour and "
                "try again, or write to us.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    body = render_to_string("429.html", {"message": message,
                                         "contact_email": settings.ALLIANCE_CONTACT_EMAIL}, request=request)
    return HttpResponse(body, status=429, headers={"Retry-After": "3600"})


class WriteRateThrottle(SimpleRateThrottle):
    """DRF: API writes (POST, PUT, PATCH, DELETE) per account, or per address without one.

    Reads are not limited here (they are cached); the rate is ``DEFAULT_THROTTLE_RATES["write"]``.
    """

    scope = "write"

    @property
    def cache(self):
        """The counters' cache, shared by every process (DRF's default would be the local one)."""
        return caches[settings.RATELIMIT_USE_CACHE]

    def allow_request(self, request, view) -> bool:
        if request.method in SAFE_METHODS or not getattr(settings, "RATELIMIT_ENABLE", True):
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        ident = (f"user:{request.user.pk}" if request.user and request.user.is_authenticated
                 else f"ip:{client_ip(request)}")
        return self.cache_format % {"scope": self.scope, "ident": ident}


# --- Honeypot ----------------------------------------------------------------------------------------

HONEYPOT_FIELD = "homepage"


class HoneypotWidget(forms.TextInput):
    """A text box people never see nor hear (the ``hidden`` wrapper keeps it from screens and from
    assistive technology, and out of the tab order), which form-filling robots fill in.

    Counted among the form's hidden fields, so the form templates render it without a label row.
    """

    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        return format_html('<div hidden aria-hidden="true"><label for="{}">{}</label>{}</div>',
                           (attrs or {}).get("id", ""), _("Leave this field empty"), box)

    @property
    def is_hidden(self) -> bool:
        return True


class HoneypotFormMixin:
    """A public form with a honeypot: filled in, the form is refused with a generic error and the
    field never reaches ``cleaned_data``. Put it first in the form's bases."""

    honeypot_message = gettext_lazy("The form could not be sent. Please check it and send it again.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=gettext_lazy("Leave this field empty"), required=False, widget=HoneypotWidget())

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound:
            return
        self.cleaned_data.pop(HONEYPOT_FIELD, None)
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            self.add_error(None, self.honeypot_message)
