"""Reminders before deadlines: the right people, in their language, once per deadline and lead time."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_celery_beat.models import PeriodicTask

from alliance.notifications import reminders
from alliance.notifications.models import LeadTime, ReminderKind, ReminderSent, parse_days
from alliance.notifications.tasks import send_deadline_reminders
from tests.factories import (
    CentreAgreementFactory,
    CentreFactory,
    CentreHostFactory,
    PledgeFactory,
    PledgerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
FRENCH_SIGNATURE = "Bureau de développement des télécommunications (BDT), UIT"


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def remind(capture, kind: str, today: datetime.date = TODAY) -> int:
    with capture(execute=True):
        return reminders.reminders_send(kind=kind, today=today)


def test_the_migration_sets_lead_times_and_schedules_a_daily_run():
    assert LeadTime.objects.get(kind=ReminderKind.HOST_AGREEMENT_END).days == [90, 30]
    task = PeriodicTask.objects.get(name="Notifications: reminders before deadlines")
    assert task.task == "alliance.notifications.tasks.send_deadline_reminders" and task.crontab.hour == "7"


def test_lead_times_are_whole_days_within_a_year():
    assert parse_days("7, 30;30") == [30, 7]
    for bad in ("", "soon", "0", "400"):
        with pytest.raises(ValidationError):
            parse_days(bad)


def test_a_pledger_is_reminded_before_the_report_once_per_lead_time(django_capture_on_commit_callbacks):
    pledge = PledgeFactory(status="published", next_report_due=days(30), title="Click http://evil.example",
                           pledger=PledgerFactory(contact_email="pat@example.org",
                                                  user=UserFactory(preferred_language="fr")))
    kind = ReminderKind.PLEDGE_PROGRESS_REPORT
    assert remind(django_capture_on_commit_callbacks, kind, days(-1)) == 0  # 31 days before
    assert remind(django_capture_on_commit_callbacks, kind) == 1
    assert remind(django_capture_on_commit_callbacks, kind) == 0            # beat ran twice
    assert remind(django_capture_on_commit_callbacks, kind, days(1)) == 0   # still the 30-day step
    assert remind(django_capture_on_commit_callbacks, kind, days(25)) == 1  # 5 days left: the 7-day step
    assert [message.to for message in mail.outbox] == [["pat@example.org"], ["pat@example.org"]]
    message = mail.outbox[0]
    assert str(pledge.pk) in message.subject and "evil" not in message.body
    assert FRENCH_SIGNATURE in message.body
    assert ReminderSent.objects.filter(about=f"pledge:{pledge.pk}").count() == 2


def test_a_day_missed_is_caught_up_with_the_nearest_step_only(django_capture_on_commit_callbacks):
    PledgeFactory(status="published", next_report_due=days(3))
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 1
    assert list(ReminderSent.objects.values_list("days_before", flat=True)) == [7]


def test_a_new_deadline_is_reminded_again(django_capture_on_commit_callbacks):
    pledge = PledgeFactory(status="published", next_report_due=days(7))
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 1
    pledge.next_report_due = days(7 + 182)
    pledge.save()
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT, days(182)) == 1


def test_staff_lead_times_decide_when_reminders_go(django_capture_on_commit_callbacks):
    PledgeFactory(status="published", next_report_due=days(40))
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 0
    LeadTime.objects.filter(kind=ReminderKind.PLEDGE_PROGRESS_REPORT).update(days_before="45")
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 1
    LeadTime.objects.filter(kind=ReminderKind.PLEDGE_PROGRESS_REPORT).update(days_before="30", enabled=False)
    PledgeFactory(status="published", next_report_due=days(20))
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 0


def test_hosts_are_reminded_before_their_progress_report_is_due(django_capture_on_commit_callbacks):
    # Design finished 182 - 7 days ago: the first report is due in 7 days.
    centre = CentreFactory(status="operating", design_finished_on=days(7 - 182), name="Centre Nairobi")
    host = CentreHostFactory(centre=centre,
                             user=UserFactory(email="host@example.org", preferred_language="fr"))
    CentreHostFactory(user=UserFactory(email="other@example.org"))  # another centre's host
    CentreFactory(status="design")  # no report owed yet
    assert remind(django_capture_on_commit_callbacks, ReminderKind.HOST_PROGRESS_REPORT) == 1
    assert [message.to for message in mail.outbox] == [[host.user.email]]
    assert "Centre Nairobi" in mail.outbox[0].subject and FRENCH_SIGNATURE in mail.outbox[0].body


def test_hosts_are_reminded_before_their_agreement_ends(django_capture_on_commit_callbacks):
    agreement = CentreAgreementFactory(ends_on=days(90))
    CentreHostFactory(centre=agreement.centre, user=UserFactory(email="host@example.org"))
    removed = CentreAgreementFactory(ends_on=days(30), centre=CentreFactory(status="removed"))
    CentreHostFactory(centre=removed.centre, user=UserFactory(email="gone@example.org"))
    assert remind(django_capture_on_commit_callbacks, ReminderKind.HOST_AGREEMENT_END) == 1
    assert [message.to for message in mail.outbox] == [["host@example.org"]]


def test_a_reminder_carries_its_unsubscribe_link_and_header(django_capture_on_commit_callbacks, settings):
    settings.PORTAL_BASE_URL = "https://alliance.example.org"
    PledgeFactory(status="published", next_report_due=days(7))
    remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT)
    message = mail.outbox[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://alliance.example.org/en/notifications/unsubscribe/")
    assert link in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_address_that_unsubscribed_gets_no_reminder(client, django_capture_on_commit_callbacks):
    from alliance.notifications.optional import reminder_topic, unsubscribe_url

    pledge = PledgeFactory(status="published", next_report_due=days(7))
    url = unsubscribe_url(email=pledge.pledger.contact_email, topic=reminder_topic("pledge_progress_report"),
                          language="en")
    assert client.post(url).status_code == 200
    assert remind(django_capture_on_commit_callbacks, ReminderKind.PLEDGE_PROGRESS_REPORT) == 1
    assert mail.outbox == []


def test_the_daily_task_runs_every_kind(django_capture_on_commit_callbacks):
    PledgeFactory(status="published", next_report_due=datetime.date.today() + datetime.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == {
            "host_progress_report": 0, "host_agreement_end": 0, "pledge_progress_report": 1}
