"""Who may do what in centres: BDT staff manage everything; a host sees only their own centre."""

from __future__ import annotations

from django.urls import reverse

from alliance.core.roles import is_bdt_staff, staff_may


def host_centre_id(user) -> int | None:
    """The id of the centre this user hosts, or None (one query at most, cached on the user)."""
    if not (user.is_authenticated and user.is_active):
        return None
    if not hasattr(user, "_centre_host_id_cache"):
        from .models import CentreHost

        user._centre_host_id_cache = (
            CentreHost.objects.filter(user=user).values_list("centre_id", flat=True).first()
        )
    return user._centre_host_id_cache


def is_centre_host(user) -> bool:
    return host_centre_id(user) is not None


def can_see_everything(user) -> bool:
    return is_bdt_staff(user)


def host_home_url(user) -> str | None:
    """After login, a centre host lands on the portal dashboard."""
    if is_centre_host(user):
        return reverse("portal:dashboard")
    return None


def can_evaluate(user) -> bool:
    """An evaluator (the "Evaluators" group): scores the applications assigned to them, blind."""
    return staff_may(user, "centres.evaluate_application")


def can_lead_evaluation(user) -> bool:
    """The lead evaluator (the "Lead evaluators" group): assigns evaluators, sees every score."""
    return staff_may(user, "centres.lead_evaluation")
