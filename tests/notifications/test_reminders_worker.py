"""A reminder goes out once per deadline across real workers: a second run, on a worker started after
the first one was killed, sends nothing more."""

import datetime
import time

import pytest
from django.utils import timezone

from alliance.notifications.models import ReminderSent
from alliance.notifications.tasks import send_deadline_reminders
from tests.factories import PledgeFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _wait_for_runs(worker, runs: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while worker.log().count("send_deadline_reminders[") < runs * 2:  # "received" and "succeeded" lines
        assert time.monotonic() < deadline, worker.log()
        time.sleep(0.2)
    time.sleep(1)  # the mail task it queued, if any


def test_a_reminder_is_sent_once_across_a_worker_restart(celery_worker_factory, tmp_path):
    outbox = tmp_path / "outbox"
    env = {"DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
           "DJANGO_EMAIL_FILE_PATH": str(outbox)}
    pledge = PledgeFactory(status="published",
                           next_report_due=timezone.localdate() + datetime.timedelta(days=7),
                           pledger__contact_email="pat@example.org")

    first = celery_worker_factory(**env)
    send_deadline_reminders.delay()
    _wait_for_runs(first, 1)
    sent = [path.read_text() for path in outbox.iterdir()] if outbox.exists() else []
    assert len(sent) == 1, first.log()
    assert "To: pat@example.org" in sent[0]
    first.kill()

    second = celery_worker_factory(**env)
    send_deadline_reminders.delay()
    send_deadline_reminders.delay()
    _wait_for_runs(second, 2)
    assert len(list(outbox.iterdir())) == 1, second.log()
    assert ReminderSent.objects.filter(about=f"pledge:{pledge.pk}").count() == 1
