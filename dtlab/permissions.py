"""Who may see what in the DT Lab."""

from alliance.core.roles import staff_may

from .models import Playbook, PlaybookDocument


def can_download_playbook(user, playbook: Playbook) -> bool:
    """Published playbooks are public; drafts of playbooks in development are for staff only."""
    return playbook.status == Playbook.Status.PUBLISHED or staff_may(user, "dtlab.view_playbook")


def can_download(user, document: PlaybookDocument) -> bool:
    return can_download_playbook(user, document.version.playbook)


def can_follow_requests(user) -> bool:
    """The staff list of service requests."""
    return staff_may(user, "dtlab.view_servicerequest")


def can_move_requests(user) -> bool:
    return staff_may(user, "dtlab.change_servicerequest")
