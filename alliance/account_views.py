"""Account pages of staff: the second factor (enrolment, the code at login) and their API token."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp_webauthn import exceptions as webauthn_exceptions
from django_otp_webauthn import views as webauthn_views

from . import second_factor
from .api_tokens import api_token_create, api_token_revoke
from .core.middleware import PASSKEY_PERMISSIONS_POLICY
from .core.roles import has_staff_area, home_url_for
from .forms import SecondFactorForm
from .models import ApiToken


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return home_url_for(request.user)


class StaffOnlyMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        user = self.request.user
        return user.is_active and (user.is_staff or user.is_superuser)


@method_decorator(never_cache, name="dispatch")
class SecondFactorView(StaffOnlyMixin, View):
    """The code asked after the password: from the authenticator app, or a recovery code."""

    template_name = "registration/second_factor.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and second_factor.is_second_factor_verified(user):
            return redirect(_next_url(request))
        if user.is_authenticated and not second_factor.has_authenticator(user):
            return redirect(f"{reverse('second-factor-enrol')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._page(SecondFactorForm())

    def post(self, request):
        form = SecondFactorForm(request.POST)
        device = form.is_valid() and second_factor.second_factor_verify(
            request=request, code=form.cleaned_data["code"])
        if not device:
            if form.is_valid():
                form.add_error("code", _("This code is not valid. Check the time on your device, "
                                         "wait for the next code and try again."))
            return self._page(form, status=400)
        if isinstance(device, StaticDevice):
            left = device.token_set.count()
            messages.warning(request, ngettext("You used a recovery code; %(count)d is left.",
                                               "You used a recovery code; %(count)d are left.",
                                               left) % {"count": left})
        return redirect(_next_url(request))

    def _page(self, form, status=200):
        response = render(self.request, self.template_name, {
            "form": form, "next": _next_url(self.request),
            "has_passkey": second_factor.has_passkey(self.request.user),
        }, status=status)
        response["Permissions-Policy"] = PASSKEY_PERMISSIONS_POLICY
        return response


@method_decorator(never_cache, name="dispatch")
class SecondFactorEnrolView(StaffOnlyMixin, View):
    """Set up the authenticator app (only while the account has none); shows recovery codes once."""

    template_name = "registration/second_factor_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and second_factor.has_authenticator(request.user):
            return redirect(f"{reverse('second-factor')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._page(SecondFactorForm())

    def post(self, request):
        form = SecondFactorForm(request.POST)
        device = second_factor.authenticator_pending(user=request.user)
        codes = form.is_valid() and second_factor.authenticator_confirm(
            request=request, device=device, code=form.cleaned_data["code"])
        if not codes:
            if form.is_valid():
                form.add_error("code", _("This code is not valid. Check the time on your device, "
                                         "wait for the next code and try again."))
            return self._page(form, status=400)
        return render(request, "registration/second_factor_codes.html",
                      {"codes": codes, "next": _next_url(request)})

    def _page(self, form, status=200):
        device = second_factor.authenticator_pending(user=self.request.user)
        return render(self.request, self.template_name, {
            "form": form, "next": _next_url(self.request),
            "qr_svg": second_factor.authenticator_qr_svg(device),
            "secret": second_factor.authenticator_secret(device),
        }, status=status)


@method_decorator(never_cache, name="dispatch")
class ApiTokenView(StaffOnlyMixin, View):
    """A staff member's own API token: a new one is shown once, then only its date; revocable.

    Reaching this page needs the second factor (``StaffSecondFactorMiddleware``).
    """

    template_name = "registration/api_token.html"

    def test_func(self) -> bool:
        return has_staff_area(self.request.user)

    def get(self, request):
        return self._page()

    def post(self, request):
        if request.POST.get("action") == "create":
            return self._page(new_key=api_token_create(user=request.user))
        api_token_revoke(user=request.user)
        messages.success(request, _("Your API token is revoked."))
        return redirect("api-token")

    def _page(self, new_key: str | None = None):
        token = ApiToken.objects.filter(user=self.request.user).first()
        return render(self.request, self.template_name, {"token": token, "new_key": new_key})


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(StaffOnlyMixin, View):
    """How many recovery codes are left; new ones replace them all and are shown once.

    Behind the second factor like every staff page (``StaffSecondFactorMiddleware``).
    """

    def get(self, request):
        device = StaticDevice.objects.filter(user=request.user).first()
        left = device.token_set.count() if device else 0
        return render(request, "registration/recovery_codes.html", {"left": left})

    def post(self, request):
        codes = second_factor.recovery_codes_renew(user=request.user)
        return render(request, "registration/second_factor_codes.html",
                      {"codes": codes, "next": home_url_for(request.user)})


@method_decorator(never_cache, name="dispatch")
class PasskeysView(StaffOnlyMixin, View):
    """A staff member's passkeys and security keys: added with the browser's prompt (JavaScript,
    as WebAuthn requires), listed and removed here. Behind the second factor: a password alone
    never adds one."""

    template_name = "registration/passkeys.html"

    def get(self, request):
        response = render(request, self.template_name, {"passkeys": second_factor.passkeys_of(request.user)})
        response["Permissions-Policy"] = PASSKEY_PERMISSIONS_POLICY
        return response

    def post(self, request):
        try:
            pk = int(request.POST.get("remove", ""))
        except ValueError:
            return redirect("passkeys")
        second_factor.passkey_remove(user=request.user, pk=pk)
        messages.success(request, _("The passkey was removed."))
        return redirect("passkeys")


class NotStaffError(webauthn_exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "not_staff"


class StaffPasskeyRegistration:
    """Only staff register passkeys (they are a second factor of staff accounts)."""

    def check_can_register(self):
        if not second_factor.needs_second_factor(self.request.user):
            raise NotStaffError(detail=_("Only staff accounts use passkeys on this portal."))


class PasskeyRegistrationBeginView(StaffPasskeyRegistration, webauthn_views.BeginCredentialRegistrationView):
    pass


class PasskeyRegistrationCompleteView(StaffPasskeyRegistration,
                                      webauthn_views.CompleteCredentialRegistrationView):
    pass


class PasskeyAuthenticationCompleteView(webauthn_views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device) -> None:
        # As with a code: the verified session gets a new key (no fixation across the factor).
        second_factor.second_factor_login(request=self.request, device=device)
