"""Celery application: settings come from Django's settings under the CELERY_ prefix.

Worker: ``celery -A alliance worker -l info``; beat: ``celery -A alliance beat -l info``.
Without a broker (the embedded default) tasks run in-process, see ``CELERY_TASK_ALWAYS_EAGER``.
"""

import logging
import os

from celery import Celery
from kombu.exceptions import OperationalError as BrokerUnreachable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")

app = Celery("alliance")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


def delay_if_reachable(task, /, *args, **kwargs) -> bool:
    """``task.delay(*args, **kwargs)``; False (logged) instead of an exception while the broker is down,
    so the caller can keep the work for later or do it itself."""
    try:
        task.delay(*args, **kwargs)
    except BrokerUnreachable as exc:
        logger.warning("broker unreachable, %s not queued: %s", task.name, exc)
        return False
    return True
