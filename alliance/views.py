import sys
from datetime import date

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from . import selectors
from .core import freshness
from .core.roles import has_staff_area, home_url_for
from .models import StrategicObjective

# Conditional GET for anonymous visitors: 304 until any app's data changes.
public_page = method_decorator(freshness.public_etag(*freshness.TOPICS), name="dispatch")


@public_page
class HomeView(TemplateView):
    template_name = "alliance/public/home.html"

    def get_context_data(self, **kwargs):
        figures, meetings = at_a_glance(timezone.localdate())
        return super().get_context_data(
            objectives=StrategicObjective.objects.all(), figures=figures, meetings=meetings, **kwargs)


def at_a_glance(today: date) -> tuple[selectors.HomeFigures, list]:
    """The home page's figures and next meetings, cached until any vehicle's data changes (or the day)."""
    key = f"home:{freshness.fragment_key(*freshness.TOPICS)}:{today.isoformat()}"
    value = cache.get(key)
    if value is None:
        value = (selectors.home_figures(today=today), list(selectors.next_board_meetings(today=today)))
        cache.set(key, value, freshness.TIMEOUT)
    return value


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
