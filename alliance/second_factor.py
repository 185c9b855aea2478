"""The staff's second factor (django-otp): an authenticator app (TOTP), single-use recovery codes
and, once signed in with one of those, passkeys or security keys (WebAuthn, django-otp-webauthn).

A staff account that has signed in with its password but not yet entered a code reaches only the
pages named in ``OPEN_VIEWS``: HTML pages send it to the code page (or to enrolment when it has no
authenticator yet), the API answers 403. So the admin, the staff area and the API-token page are
all behind the second factor, whichever way the user arrived.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
OPEN_VIEWS = frozenset({
    "second-factor", "second-factor-enrol", "logout", "admin:logout", "healthz",
    "media", "password_change", "password_change_done",
    # Signing in with a passkey is a second factor; registering one is not open (see PASSKEY_VIEWS).
    "otp_webauthn:credential-authentication-begin", "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
})


def needs_second_factor(user) -> bool:
    return bool(settings.STAFF_SECOND_FACTOR and user.is_authenticated
                and (user.is_staff or user.is_superuser))


def is_second_factor_verified(user) -> bool:
    """True when the user may act as staff: verified in this session, or the demo switched it off."""
    if not needs_second_factor(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def has_authenticator(user) -> bool:
    """An authenticator app or a passkey: recovery codes alone never count (they run out)."""
    return (TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
            or has_passkey(user))


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user).order_by("-created_at")


def passkey_remove(*, user, pk: int) -> None:
    """Remove one of ``user``'s passkeys (another's is not found: Http404)."""
    from django.shortcuts import get_object_or_404

    get_object_or_404(passkeys_of(user), pk=pk).delete()


def webauthn_rp_id(request: HttpRequest) -> str:
    """The relying party: the host the staff member is on, which ALLOWED_HOSTS has accepted."""
    return request.get_host().rsplit(":", 1)[0].strip("[]")


class PortalWebAuthnHelper(WebAuthnHelper):
    """Origins from ``ALLIANCE_WEBAUTHN_ORIGINS``, else the origin of the page that asked."""

    def get_allowed_origins(self) -> list[str]:
        configured = super().get_allowed_origins()
        if configured:
            return configured
        return [f"{self.request.scheme}://{self.request.get_host()}"]


def authenticator_pending(*, user) -> TOTPDevice:
    """The user's not yet confirmed authenticator: the same secret until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


def authenticator_secret(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps where it is typed rather than scanned."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def authenticator_qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=4, title=_(
        "QR code of the authenticator secret"))


def authenticator_confirm(*, request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app: it becomes the user's only authenticator, the
    session is verified and new recovery codes are returned (to be shown once). None if the code
    is wrong."""
    if not device.verify_token(code.replace(" ", "")):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_renew(user=device.user)
    second_factor_login(request=request, device=device)
    return codes


def recovery_codes_renew(*, user) -> list[str]:
    """Replace the user's recovery codes with new ones; each opens one session, once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, request: HttpRequest, code: str):
    """Check a code against the user's authenticator, then their recovery codes (used up)."""
    code = code.replace(" ", "").strip()
    user = request.user
    # App codes are digits; recovery codes are not tried against the app (nor counted as its
    # failures, which would slow the next genuine code down).
    models = (TOTPDevice, StaticDevice) if code.isdigit() else (StaticDevice,)
    with transaction.atomic():
        for model in models:
            for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
                if device.verify_token(code):
                    second_factor_login(request=request, device=device)
                    return device
    return None


def second_factor_login(*, request: HttpRequest, device) -> None:
    """Mark the session as verified by ``device``, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


class StaffSecondFactorMiddleware:
    """Keeps staff who have not entered their second factor out of everything but ``OPEN_VIEWS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not needs_second_factor(user) or is_second_factor_verified(user):
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Enter your second factor first.")}, status=403)
        target = "second-factor" if has_authenticator(user) else "second-factor-enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


def check_second_factor_on(app_configs=None, **kwargs) -> list:
    """Say loudly, at every start, when the demo has switched the second factor off."""
    from django.core.checks import Warning

    if settings.STAFF_SECOND_FACTOR:
        return []
    return [Warning("STAFF SECOND FACTOR IS OFF (ALLIANCE_STAFF_2FA=0): staff sign in with a "
                    "password alone. For the local demo only; production refuses to start so.",
                    id="alliance.W001")]
