"""/api/v1/: one router that every app registers its viewsets on (see ``<app>/api.py``)."""

from importlib import import_module

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import api

API_MODULES = ("alliance.api", "centres.api", "board.api", "dtlab.api", "partnerships.api",
               "alliance.reports.api")

router = DefaultRouter()
api.register(router)
extra_patterns: list = []
for module_name in API_MODULES[1:]:
    module = import_module(module_name)
    module.register(router)
    extra_patterns += getattr(module, "urlpatterns", [])

urlpatterns = [*extra_patterns, path("", include(router.urls))]
