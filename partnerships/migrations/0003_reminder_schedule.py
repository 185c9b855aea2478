"""Schedule the daily Partner2Connect progress reminders (editable in the admin, django-celery-beat)."""

from django.db import migrations

TASK = "partnerships.tasks.send_progress_reminders"
NAME = "P2C progress reminders"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC")
    PeriodicTask.objects.update_or_create(name=NAME, defaults={"task": TASK, "crontab": crontab})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_action_areas"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
