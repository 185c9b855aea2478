"""Schedule the daily reminders to focal points whose annual report is due (editable in the admin,
django-celery-beat: the hour, and the days before the deadline in the task's keyword arguments)."""

import json

from django.db import migrations

TASK = "coordination.tasks.send_annual_report_reminders"
NAME = "Inter-sectoral coordination: annual report reminders"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC")
    PeriodicTask.objects.update_or_create(
        name=NAME, defaults={"task": TASK, "crontab": crontab, "kwargs": json.dumps({"days_before": [30, 7]})})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_topics_focal_points_bodies_resolutions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
