"""The beat schedule that queues the reports ahead of the TDAG meetings (editable in the admin).

TDAG meets in the first half of the year; on 1 March the reports of the year before are queued
in the six languages. Staff change the date or disable it under Periodic tasks.
"""

import json

from django.db import migrations

TASK_NAME = "TDAG progress reports of the year before"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="5", day_of_week="*", day_of_month="1", month_of_year="3", timezone="UTC",
    )
    PeriodicTask.objects.update_or_create(
        name=TASK_NAME,
        defaults={
            "task": "alliance.reports.tasks.request_scheduled_reports",
            "crontab": crontab,
            "kwargs": json.dumps({}),
            "enabled": True,
            "description": "Queues every kind of TDAG report for the previous calendar year, in the six "
                           "languages, ahead of the TDAG meeting.",
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
