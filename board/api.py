"""API of board: ``register(router)`` adds this app's viewsets to /api/v1/."""

from rest_framework.routers import BaseRouter

urlpatterns: list = []


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
