from unittest import mock

import pytest
from django.core import mail
from kombu.exceptions import OperationalError as BrokerUnreachable

from alliance.core.mail import queue_mail

pytestmark = pytest.mark.django_db

BROKER_DOWN = mock.patch("alliance.tasks.deliver_mail.delay", side_effect=BrokerUnreachable("refused"))


def queue_application_receipt() -> None:
    queue_mail(to=["host@example.org"], template="centres/mail/application_received",
               context={"application": mock.Mock(reference="ITU-AC-2026-001", organisation="Org")},
               language="fr")


def test_mail_is_sent_by_the_worker_after_commit(django_capture_on_commit_callbacks):
    with mock.patch("alliance.tasks.deliver_mail.delay") as delay, \
            django_capture_on_commit_callbacks(execute=True):
        queue_application_receipt()
        delay.assert_not_called()
    assert delay.call_args.kwargs["to"] == ["host@example.org"]


def test_with_the_broker_down_the_mail_goes_out_from_the_web_process(django_capture_on_commit_callbacks):
    with BROKER_DOWN, django_capture_on_commit_callbacks(execute=True):
        queue_application_receipt()
    assert [message.to for message in mail.outbox] == [["host@example.org"]]


def test_with_broker_and_mail_server_down_the_request_still_succeeds_and_the_mail_is_logged(
        django_capture_on_commit_callbacks, caplog):
    with BROKER_DOWN, mock.patch("alliance.core.mail.send_mail", side_effect=ConnectionRefusedError), \
            django_capture_on_commit_callbacks(execute=True):
        queue_application_receipt()
    assert mail.outbox == []
    assert "must be sent again by hand" in caplog.text
