"""Celery application: settings come from Django's settings under the CELERY_ prefix.

Worker: ``celery -A alliance worker -l info``; beat: ``celery -A alliance beat -l info``.
Without a broker (the embedded default) tasks run in-process, see ``CELERY_TASK_ALWAYS_EAGER``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")

app = Celery("alliance")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
