"""Proposed changes of a centre's name or host organisation wait for BDT on the staff to-do list:
counted against the data, the overdue first, each linked to where staff decide it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.todo import staff_todo
from centres import services
from centres.models import Centre, CentreChangeProposal
from tests.factories import StagedCentreFactory

NOW = timezone.now()


def _proposal(centre: Centre, days: int, **values) -> CentreChangeProposal:
    return CentreChangeProposal.objects.create(centre=centre, reason="New statutes.",
                                               proposed_at=NOW - timedelta(days=days),
                                               **({"name": f"{centre.name} Hub"} | values))


@pytest.fixture
def proposals(call):
    """Two waiting (one for over a month), one accepted and one declined that wait no more."""
    waiting_long = _proposal(StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING,
                                                 country="KE"), 40)
    waiting = _proposal(StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING,
                                            country="GH"), 3,
                        name="", host_organisation="Ministry of ICT")
    accepted = _proposal(StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING,
                                             country="SN"), 50)
    services.change_proposal_accept(proposal=accepted)
    declined = _proposal(StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING,
                                             country="TZ"), 60)
    services.change_proposal_decline(proposal=declined, comment="The statutes are not signed yet.")
    return waiting_long, waiting


def _todo():
    return next(t for t in staff_todo(NOW) if t.key == "change-proposals")


def test_only_the_waiting_proposals_are_counted(proposals):
    todo = _todo()
    assert (todo.count, todo.overdue) == (2, 1)


def test_the_oldest_waits_first_and_is_overdue(proposals):
    waiting_long, waiting = proposals
    assert [(item.label, item.overdue) for item in _todo().oldest] == [
        (waiting_long.centre.name, True), (waiting.centre.name, False)]


def test_the_list_and_each_proposal_link_to_where_bdt_decides(proposals, staff_client):
    waiting_long, _waiting = proposals
    todo = _todo()
    assert todo.url == reverse("admin:centres_centrechangeproposal_changelist") + "?status__exact=pending"
    assert todo.oldest[0].url == reverse("admin:centres_centrechangeproposal_change", args=[waiting_long.pk])
    assert staff_client.get(todo.url).status_code == 200


def test_the_staff_home_shows_the_waiting_proposals(proposals, staff_client):
    waiting_long, _waiting = proposals
    page = staff_client.get(reverse("staff-home")).content.decode()
    assert "Changes of a centre&#x27;s name or host organisation to decide" in page
    assert reverse("admin:centres_centrechangeproposal_change", args=[waiting_long.pk]) in page
