"""The reminders' default lead times (staff change them in the admin) and beat's two daily runs:
reminders before deadlines, and the staff digest (times editable by superusers in the admin)."""

import json

from django.db import migrations

LEAD_TIMES = {
    "host_progress_report": "30, 7",
    "host_agreement_end": "90, 30",
    "pledge_progress_report": "30, 7",
}
SCHEDULES = {
    "Notifications: reminders before deadlines": (
        "alliance.notifications.tasks.send_deadline_reminders",
        "7",
    ),
    "Notifications: staff digest": ("alliance.notifications.tasks.send_staff_digest", "6"),
}


def create(apps, schema_editor):
    LeadTime = apps.get_model("notifications", "LeadTime")
    for kind, days in LEAD_TIMES.items():
        LeadTime.objects.get_or_create(kind=kind, defaults={"days_before": days})
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, (task, hour) in SCHEDULES.items():
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute="0", hour=hour, day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC"
        )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "kwargs": json.dumps({})}
        )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=SCHEDULES).delete()
    apps.get_model("notifications", "LeadTime").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_lead_times_reminders_opt_outs_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create, remove)]
