"""django-otp-webauthn's endpoints, under the namespace its template tags expect, with the portal's
rules: only staff register passkeys, and signing in with one renews the session key."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn.views import BeginCredentialAuthenticationView

from . import account_views

app_name = "otp_webauthn"

urlpatterns = [
    path("registration/begin/", account_views.PasskeyRegistrationBeginView.as_view(),
         name="credential-registration-begin"),
    path("registration/complete/", account_views.PasskeyRegistrationCompleteView.as_view(),
         name="credential-registration-complete"),
    path("authentication/begin/", BeginCredentialAuthenticationView.as_view(),
         name="credential-authentication-begin"),
    path("authentication/complete/", account_views.PasskeyAuthenticationCompleteView.as_view(),
         name="credential-authentication-complete"),
    # The library's messages; the portal's locale/ adds them in the languages it lacks.
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
