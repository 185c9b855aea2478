"""Plain-text e-mails show text as typed, never HTML entities (issue 15, finding 8)."""

from types import SimpleNamespace

import pytest
from django.core import mail

from alliance.core.mail import queue_mail, render_mail

pytestmark = pytest.mark.django_db

NAME = 'Amina "Mimi" O\'Brien & <Sons>'


def test_a_mail_body_shows_quotes_ampersands_and_brackets_as_typed():
    subject, body = render_mail(template="reports/mail/report_ready", language="en", context={
        "report": SimpleNamespace(title=NAME, get_kind_display=lambda: NAME, period_label=NAME,
                                  language="en", pk=1, get_absolute_url=lambda: "/x/"),
        "user": SimpleNamespace(get_full_name=lambda: NAME, username=NAME), "url": "https://x/"})
    rendered = subject + body
    assert "&quot;" not in rendered and "&#x27;" not in rendered and "&amp;" not in rendered
    assert "&lt;" not in rendered


@pytest.mark.parametrize(("template", "context"), [
    ("notifications/mail/service_request_status", {"reference": 7, "status": "Accepted", "service": NAME}),
    ("centres/mail/host_invitation", {"centre": SimpleNamespace(name=NAME, host_organisation=NAME),
                                      "user": SimpleNamespace(username="host"), "link": "https://x/"}),
])
def test_a_queued_mail_shows_a_typed_name_without_entities(template, context,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to=["a@example.org"], template=template, language="en", context=context)
    message = mail.outbox[0]
    assert NAME in message.subject + message.body
    assert "&quot;" not in message.subject + message.body
