"""Who may do what in partnerships, in one place."""

from alliance.core.roles import staff_may

from .models import Pledge


def can_see_dashboard(user) -> bool:
    return staff_may(user, "partnerships.view_partnershipagreement")


def can_review_pledges(user) -> bool:
    return staff_may(user, "partnerships.change_pledge")


def can_download_agreement(user) -> bool:
    return staff_may(user, "partnerships.view_partnershipagreement")


def is_pledger_of(user, pledge: Pledge) -> bool:
    return bool(user.is_authenticated and pledge.pledger.user_id == user.pk)
