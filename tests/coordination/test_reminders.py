import datetime

import pytest
from django.core import mail
from django_celery_beat.models import PeriodicTask

from coordination import services
from coordination.models import ReminderSent, Sector

from .conftest import make_focal_point, make_topic

pytestmark = pytest.mark.django_db

DUE = datetime.date(2025, 3, 31)


@pytest.fixture
def posts():
    services.deadline_set(year=2024, due_on=DUE)
    topic = make_topic("climate", name="Climate")
    late = make_focal_point(topic, Sector.ITU_T, email="late@itu.example")
    done = make_focal_point(topic, Sector.ITU_D, email="done@itu.example")
    make_focal_point(make_topic("space"), Sector.ITU_R, vacant=True)
    services.annual_report_submit(focal_point=done, year=2024, progress="Done.")
    return late, done


def _remind(capture, today: datetime.date) -> int:
    with capture(execute=True):
        return services.reminders_send(today=today, days_before=(30, 7))


def test_only_focal_points_who_have_not_reported_are_reminded_once_per_step(
        posts, django_capture_on_commit_callbacks):
    assert _remind(django_capture_on_commit_callbacks, DUE - datetime.timedelta(days=40)) == 0
    assert _remind(django_capture_on_commit_callbacks, DUE - datetime.timedelta(days=30)) == 1
    assert _remind(django_capture_on_commit_callbacks, DUE - datetime.timedelta(days=29)) == 0
    assert _remind(django_capture_on_commit_callbacks, DUE - datetime.timedelta(days=6)) == 1
    assert _remind(django_capture_on_commit_callbacks, DUE - datetime.timedelta(days=6)) == 0
    assert [message.to for message in mail.outbox] == [["late@itu.example"], ["late@itu.example"]]
    assert "Climate" in mail.outbox[0].subject
    assert set(ReminderSent.objects.values_list("days_before", flat=True)) == {30, 7}


def test_no_reminder_after_the_deadline(posts, django_capture_on_commit_callbacks):
    assert _remind(django_capture_on_commit_callbacks, DUE + datetime.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_a_deadline_before_its_year_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.deadline_set(year=2024, due_on=datetime.date(2023, 12, 31))


def test_the_reminder_schedule_exists_and_is_editable():
    task = PeriodicTask.objects.get(task="coordination.tasks.send_annual_report_reminders")
    assert task.enabled and task.crontab.hour == "7"
    assert '"days_before": [30, 7]' in task.kwargs


def test_a_reminder_is_written_in_the_focal_points_language(posts, monkeypatch, focal_user):
    late, _done = posts
    focal_user.preferred_language = "fr"
    focal_user.save()
    late.user = focal_user
    late.save()
    sent = []
    monkeypatch.setattr(services, "queue_mail", lambda **kwargs: sent.append(kwargs))
    services.reminders_send(today=DUE - datetime.timedelta(days=7), days_before=(7,))
    assert [(m["to"], m["language"]) for m in sent] == [(["late@itu.example"], "fr")]
