from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import account_views, findable, search_views, views
from .core import abuse, health, media, metrics
from .forms import PasswordResetForm
from .sitemaps import SITEMAPS

handler500 = "alliance.views.server_error"

# The admin's own sign-in page is limited like the portal's (alliance.core.abuse).
admin.site.login = abuse.limit_login(admin.site.login)

urlpatterns = [
    path("livez", health.livez, name="livez"),
    path("readyz", health.readyz, name="readyz"),
    path("healthz", health.readyz, name="healthz"),  # the older name of /readyz
    path("metrics", metrics.metrics, name="metrics"),
    path("robots.txt", findable.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", findable.favicon_ico, name="favicon"),
    path("api/v1/", include("alliance.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("accounts/login/", abuse.limit_login(views.PortalLoginView.as_view()), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/",
         abuse.limit_password_reset(auth_views.PasswordResetView.as_view(form_class=PasswordResetForm)),
         name="password_reset"),
    path("accounts/password-reset/done/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("accounts/password-change/", auth_views.PasswordChangeView.as_view(),
         name="password_change"),
    path("accounts/password-change/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("accounts/after-login/", views.after_login, name="after-login"),
    path("accounts/second-factor/", account_views.SecondFactorView.as_view(), name="second-factor"),
    path("accounts/second-factor/enrol/", account_views.SecondFactorEnrolView.as_view(),
         name="second-factor-enrol"),
    path("accounts/second-factor/recovery-codes/", account_views.RecoveryCodesView.as_view(),
         name="recovery-codes"),
    path("accounts/second-factor/passkeys/", account_views.PasskeysView.as_view(), name="passkeys"),
    path("accounts/second-factor/webauthn/", include("alliance.passkey_urls")),
    path("accounts/api-token/", account_views.ApiTokenView.as_view(), name="api-token"),
    path("staff/", views.StaffHomeView.as_view(), name="staff-home"),
    path("staff/reports/", include("alliance.reports.urls")),
    path("staff/evaluation/", include("centres.staff_urls")),
    path("documents/", include("alliance.reports.public_urls")),
    path("portal/", include("centres.portal_urls")),
    path("centres/", include("centres.urls")),
    path("board/", include("board.urls")),
    path("dtlab/", include("dtlab.urls")),
    path("partnerships/", include("partnerships.urls")),
    path("coordination/", include("coordination.urls")),
    path("notifications/", include("alliance.notifications.urls")),
    path("news/", include("alliance.news.urls")),
    path("search/", search_views.SearchView.as_view(), name="search"),
)

# Public images only (logos, photos); private documents go through their permission-checked views.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.public_media, name="media")]
