"""/api/v1/: one router that every app registers its viewsets on (see ``<app>/api.py``)."""

from importlib import import_module

from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from . import api

API_MODULES = ("alliance.api", "centres.api", "board.api", "dtlab.api", "partnerships.api",
               "coordination.api", "alliance.reports.api")

router = DefaultRouter()
api.register(router)
extra_patterns: list = []
for module_name in API_MODULES[1:]:
    module = import_module(module_name)
    module.register(router)
    extra_patterns += getattr(module, "urlpatterns", [])


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def not_found(request, rest):
    """Any other /api/v1/.../ path: a JSON 404 like the API's own, not the HTML page."""
    raise NotFound


# Only paths ending in "/": the others still get APPEND_SLASH's redirect.
urlpatterns = [*extra_patterns, path("", include(router.urls)), re_path(r"^(?P<rest>.*/)$", not_found)]
