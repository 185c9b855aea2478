import sys

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from . import freshness
from .celery import app as celery_app
from .models import StrategicObjective
from .roles import has_staff_area, home_url_for

# Conditional GET for anonymous visitors: 304 until any app's data changes.
public_page = method_decorator(freshness.public_etag(*freshness.TOPICS), name="dispatch")


@public_page
class HomeView(TemplateView):
    template_name = "alliance/public/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(objectives=StrategicObjective.objects.all(), **kwargs)


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = True


@login_required
def after_login(request: HttpRequest) -> HttpResponse:
    return redirect(home_url_for(request.user))


@method_decorator(staff_member_required, name="dispatch")
class StaffHomeView(UserPassesTestMixin, TemplateView):
    """Links to what the staff member's permissions open; staff status alone opens nothing."""

    template_name = "staff/home.html"

    def test_func(self) -> bool:
        return has_staff_area(self.request.user)


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _broker_state() -> str:
    if not settings.CELERY_BROKER_URL:
        return "not configured (tasks run in-process)"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"
    return "ok"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness for compose healthchecks and load balancers."""
    checks = {"database": _database_state(), "broker": _broker_state()}
    if checks["database"].startswith("error"):
        return JsonResponse({"status": "error", **checks}, status=503)
    # Without the broker the pages are still served (the cache fails open, report requests stay
    # queued, mail goes out from the web process): degraded, but not to be taken out of service.
    status = "degraded" if checks["broker"].startswith("error") else "ok"
    return JsonResponse({"status": status, **checks})


def server_error(request: HttpRequest) -> HttpResponse:
    """500 handler that tells a database outage apart: 503 with a friendly page, retry soon.

    Django calls it while handling the exception, wherever it was raised (a view or a
    middleware), so ``sys.exc_info()`` holds it. The next request after the outage
    reconnects by itself (``CONN_HEALTH_CHECKS``).
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(render_to_string("500.html"))
