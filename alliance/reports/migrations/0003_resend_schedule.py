"""The beat schedule that sends again the reports requested while the broker was down.

Every five minutes, reports queued for more than ten minutes are handed to the workers again
(``alliance.reports.services.reports_resend_queued``); editable in the admin like the others.
"""

import json

from django.db import migrations

TASK_NAME = "Resend TDAG reports the broker never got"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five_minutes, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=TASK_NAME,
        defaults={
            "task": "alliance.reports.tasks.resend_queued_reports",
            "interval": every_five_minutes,
            "kwargs": json.dumps({"older_than_minutes": 10}),
            "enabled": True,
            "description": "Reports requested while Redis was unreachable stay queued in the database; "
                           "this hands those queued for more than ten minutes to the workers again.",
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_beat_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
