"""Every decision reaches the person it concerns, in their language, quoting nothing they typed."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from alliance.notifications import decisions
from board import services as board_services
from centres import services as centres_services
from dtlab import services as dtlab_services
from partnerships import services as partnerships_services
from tests.factories import (
    ApplicationFactory,
    ExpertRequestFactory,
    PledgeFactory,
    PledgerFactory,
    ServiceFactory,
    ServiceRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# What a visitor typed: a phishing text that must never go out from the Alliance's address.
BAIT = "Verify your account at http://evil.example"
FRENCH_SIGNATURE = "Bureau de développement des télécommunications (BDT), UIT"


def only_mail():
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert BAIT not in message.subject and BAIT not in message.body
    return message


def test_an_applicant_not_selected_is_told_with_the_reason_staff_chose_to_give(
        staff_user, django_capture_on_commit_callbacks):
    application = ApplicationFactory(status="evaluation", language="fr", organisation=BAIT,
                                      contact_name=BAIT, support_plan=BAIT, contact_email="amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        centres_services.application_reject(application=application, by=staff_user,
                                            reason="Internal: weak support letter",
                                            reason_given="The call's resources are committed.")
    message = only_mail()
    assert message.to == ["amina@example.org"]
    assert application.reference in message.subject
    assert "The call's resources are committed." in message.body
    assert "Internal" not in message.body
    assert FRENCH_SIGNATURE in message.body


def test_an_applicant_not_selected_without_a_reason_given_gets_none(staff_user,
                                                                    django_capture_on_commit_callbacks):
    application = ApplicationFactory(status="evaluation")
    with django_capture_on_commit_callbacks(execute=True):
        centres_services.application_reject(application=application, by=staff_user,
                                            reason="Internal: weak support letter")
    assert "Reason:" not in only_mail().body


def test_a_refused_decision_sends_nothing(staff_user, django_capture_on_commit_callbacks):
    application = ApplicationFactory(status="not_selected")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        centres_services.application_reject(application=application, by=staff_user, reason="x")
    assert mail.outbox == []


@pytest.mark.parametrize("decide, approved", [(board_services.expert_request_approve, True),
                                               (board_services.expert_request_reject, False)])
def test_an_expert_requester_learns_the_decision_in_their_language(
        decide, approved, staff_user, django_capture_on_commit_callbacks):
    request = ExpertRequestFactory(full_name=BAIT, organisation=BAIT, motivation=BAIT, language="fr",
                                   email="expert@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        decide(expert_request=request, by=staff_user)
    message = only_mail()
    assert message.to == ["expert@example.org"]
    assert str(request.pk) in message.body
    assert (message.subject == "Bienvenue au Réseau d'experts") is approved
    assert "Alliance pour l'innovation" in message.body


def test_a_service_requester_learns_each_status_in_the_language_they_asked_in(
        staff_user, django_capture_on_commit_callbacks):
    request = ServiceRequestFactory(contact_name=BAIT, organisation=BAIT, description=BAIT, language="fr",
                                    contact_email="rita@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        dtlab_services.service_request_move(service_request=request, status="declined", by=staff_user)
    message = only_mail()
    assert message.to == ["rita@example.org"]
    assert str(request.pk) in message.body and str(request.service) in message.body
    assert "Refusé" in message.subject and "Le secrétariat" in message.body


def test_the_language_of_a_service_request_is_stored_at_submission():
    service = ServiceFactory(open_to_members=True)
    request = dtlab_services.service_request_submit(
        service=service, requester_type="member", organisation="Ministry", country="KE", contact_name="Rita",
        contact_email="rita@example.org", description="Foresight support", language="es")
    request.refresh_from_db()
    assert request.language == "es"


def test_a_declined_pledger_is_told_the_reason_without_their_pledge_quoted(
        staff_user, django_capture_on_commit_callbacks):
    pledger = PledgerFactory(contact_email="pat@example.org", user=UserFactory(preferred_language="fr"),
                             contact_name=BAIT, organisation=BAIT)
    pledge = PledgeFactory(pledger=pledger, title=BAIT, description=BAIT)
    with django_capture_on_commit_callbacks(execute=True):
        partnerships_services.pledge_decline(pledge=pledge, by=staff_user,
                                             reason="Outside the action areas.")
    message = only_mail()
    assert message.to == ["pat@example.org"]
    assert str(pledge.pk) in message.subject
    assert "Outside the action areas." in message.body
    assert "Motif\xa0:" in message.body and FRENCH_SIGNATURE in message.body


def test_a_pledger_without_an_account_is_written_to_in_the_language_of_the_address_owner(
        django_capture_on_commit_callbacks):
    UserFactory(email="Owner@Example.org", preferred_language="fr")
    pledge = PledgeFactory(pledger=PledgerFactory(user=None, contact_email="owner@example.org"),
                           status="declined")
    with django_capture_on_commit_callbacks(execute=True):
        decisions.pledge_declined(pledge=pledge)
    assert FRENCH_SIGNATURE in only_mail().body


def test_a_published_pledge_is_announced_without_its_title(staff_user, django_capture_on_commit_callbacks):
    pledge = PledgeFactory(title=BAIT, dd_identity_verified=True, dd_supports_action_area=True,
                           dd_realistic_measurable=True, dd_no_reputational_risk=True)
    with django_capture_on_commit_callbacks(execute=True):
        partnerships_services.pledge_publish(pledge=pledge, by=staff_user)
    message = only_mail()
    assert message.to == [pledge.pledger.contact_email]
    assert str(pledge.pk) in message.subject


@pytest.mark.parametrize("accepted", [True, False])
def test_the_expression_of_interest_hook_tells_the_member(accepted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decisions.expression_of_interest_decided(
            email="member@example.org", language="fr", accepted=accepted, reference=42,
            action_area="Building digital ecosystems", reason_given="")
    message = only_mail()
    assert message.to == ["member@example.org"]
    assert "42" in message.body and "Building digital ecosystems" in message.body
    assert FRENCH_SIGNATURE in message.body


def test_an_unknown_stored_language_falls_back_to_english():
    assert decisions.mail_language(email="nobody@example.org", stored="xx") == "en"
    assert decisions.mail_language(email="nobody@example.org", stored="zh-hans") == "zh-hans"


def test_the_decision_form_in_the_admin_carries_the_reason_given_to_the_applicant(
        staff_client, django_capture_on_commit_callbacks):
    from django.urls import reverse

    application = ApplicationFactory(status="evaluation")
    url = reverse("admin:centres_application_changelist")
    form = staff_client.post(url, {"action": "reject", "_selected_action": [application.pk]})
    assert "Reason given to the applicant" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"action": "reject", "_selected_action": [application.pk], "apply": "1",
                                "reason": "Internal: weak letter",
                                "reason_given": "Resources are committed."})
    message = only_mail()
    assert "Resources are committed." in message.body and "Internal" not in message.body
