"""Who may do what in partnerships, in one place."""

from alliance.core.roles import is_bdt_staff

from .models import Pledge


def can_see_dashboard(user) -> bool:
    return is_bdt_staff(user) and user.has_perm("partnerships.view_agreement")


def can_review_pledges(user) -> bool:
    return is_bdt_staff(user) and user.has_perm("partnerships.change_pledge")


def can_download_agreement(user) -> bool:
    return is_bdt_staff(user) and user.has_perm("partnerships.view_agreement")


def is_pledger_of(user, pledge: Pledge) -> bool:
    return bool(user.is_authenticated and pledge.pledger.user_id == user.pk)
