"""A host proposes a new name (host organisation, city) for the centre; BDT accepts or declines it in
the admin; the host follows the proposal's state. The centre changes only when BDT accepts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from centres import services
from centres.models import Centre, CentreChangeProposal

PROPOSAL = {"name": "Nairobi Digital Innovation Centre", "host_organisation": "Ministry of ICT",
            "city": "Nairobi", "reason": "The ministry was renamed by decree."}


def _propose(centre, **changes):
    return services.change_proposal_submit(centre=centre, data=changes, reason="Renamed by decree.")


def test_a_hosts_proposal_waits_for_bdt_and_changes_nothing_yet(host_client, host_user, centre):
    old_name = centre.name
    response = host_client.post(reverse("portal:changes"), PROPOSAL)
    assert response.status_code == 302
    proposal = CentreChangeProposal.objects.get()
    assert (proposal.status, proposal.proposed_by, proposal.name) == (
        CentreChangeProposal.Status.PENDING, host_user, PROPOSAL["name"])
    assert proposal.city == ""  # the city did not change: nothing proposed for it
    centre.refresh_from_db()
    assert centre.name == old_name
    page = host_client.get(reverse("portal:changes")).content.decode()
    assert "Waiting for BDT" in page and PROPOSAL["name"] in page
    assert "A proposal waits for BDT's decision" in page
    assert 'name="reason"' not in page


def test_a_proposal_that_changes_nothing_is_refused_with_a_message(host_client, centre):
    response = host_client.post(reverse("portal:changes"), {
        "name": centre.name, "host_organisation": centre.host_organisation, "city": centre.city,
        "reason": "No reason."})
    assert response.status_code == 200
    assert "Change at least one field" in response.content.decode()
    assert not CentreChangeProposal.objects.exists()


def test_a_proposal_needs_a_reason(host_client, centre):
    response = host_client.post(reverse("portal:changes"), {**PROPOSAL, "reason": ""})
    assert response.status_code == 200
    assert not CentreChangeProposal.objects.exists()


def test_only_one_proposal_waits_at_a_time(centre):
    _propose(centre, name="First new name")
    with pytest.raises(ValidationError, match="already waits for BDT"):
        _propose(centre, name="Second new name")
    assert CentreChangeProposal.objects.count() == 1


def test_accepting_gives_the_centre_the_proposed_values_and_keeps_its_address(centre, staff_user):
    slug = centre.slug
    proposal = _propose(centre, name="New name", host_organisation="New host")
    services.change_proposal_accept(proposal=proposal, by=staff_user)
    centre.refresh_from_db()
    assert (centre.name, centre.host_organisation, centre.city, centre.slug) == (
        "New name", "New host", "Nairobi", slug)
    assert centre.history.first().history_user == staff_user
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (CentreChangeProposal.Status.ACCEPTED, staff_user)
    with pytest.raises(ValidationError, match="already decided"):
        services.change_proposal_decline(proposal=proposal, comment="Too late", by=staff_user)


def test_declining_needs_a_reason_and_leaves_the_centre_as_it_was(centre, staff_user):
    proposal = _propose(centre, name="New name")
    with pytest.raises(ValidationError):
        services.change_proposal_decline(proposal=proposal, comment="  ", by=staff_user)
    services.change_proposal_decline(proposal=proposal, comment="Send the decree.", by=staff_user)
    centre.refresh_from_db()
    assert centre.name != "New name"
    assert CentreChangeProposal.objects.get().status == CentreChangeProposal.Status.DECLINED
    _propose(centre, name="New name")  # once decided, another may be proposed


def test_a_removed_centre_takes_no_proposal(centre):
    Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.REMOVED, removed_on="2025-01-01",
                                               removal_reason=Centre.RemovalReason.OTHER)
    centre.refresh_from_db()
    with pytest.raises(ValidationError):
        _propose(centre, name="New name")


def test_staff_accept_and_decline_in_the_admin(centre, other_centre, staff_client):
    accepted = _propose(centre, name="Accepted name")
    declined = _propose(other_centre, name="Declined name")
    url = reverse("admin:centres_centrechangeproposal_changelist")
    staff_client.post(url, {"action": "accept", "_selected_action": [accepted.pk]})
    staff_client.post(url, {"action": "decline", "_selected_action": [declined.pk], "apply": "1",
                            "comment": "Send the decree."})
    centre.refresh_from_db()
    other_centre.refresh_from_db()
    assert centre.name == "Accepted name"
    assert other_centre.name != "Declined name"
    declined.refresh_from_db()
    assert (declined.status, declined.decision_comment) == ("declined", "Send the decree.")


def test_the_host_sees_only_their_own_centres_proposals(host_client, centre, other_centre, staff_user):
    services.change_proposal_decline(proposal=_propose(other_centre, name="Secret other name"),
                                     comment="Other centre's reason", by=staff_user)
    page = host_client.get(reverse("portal:changes")).content.decode()
    assert "Secret other name" not in page and "Other centre" not in page
    assert 'name="reason"' in page
