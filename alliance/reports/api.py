"""API of the TDAG progress reports: ``register(router)`` adds its viewsets to /api/v1/."""

from rest_framework.routers import BaseRouter

urlpatterns: list = []


def register(router: BaseRouter) -> None:
    """Register the reports' viewsets on the shared router."""
