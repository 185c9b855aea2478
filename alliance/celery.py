"""Celery application: settings come from Django's settings under the CELERY_ prefix.

Worker: ``celery -A alliance worker -l info``; beat: ``celery -A alliance beat -l info``.
Without a broker (the embedded default) tasks run in-process, see ``CELERY_TASK_ALWAYS_EAGER``.
"""

import logging
import os

from celery import Celery, signals
from kombu.exceptions import OperationalError as BrokerUnreachable

from .core import observability

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")

app = Celery("alliance")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)

# Every process (web, worker, beat) imports this module: request ids travel into tasks, tasks are
# counted and timed, database statements timed.
observability.connect_celery_signals()
observability.connect_request_finished()
observability.connect_database_timing()


@signals.setup_logging.connect(weak=False)
def _log_as_django_does(**kwargs) -> None:
    """Workers and beat log through settings.LOGGING (JSON lines with the request id), not
    Celery's own format."""
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)


@signals.worker_init.connect(weak=False)
def _serve_worker_metrics(**kwargs) -> None:
    """With CELERY_METRICS_PORT set, the worker answers Prometheus on it: its tasks' counts,
    durations and failures. On loopback (CELERY_METRICS_ADDR), or elsewhere with CELERY_METRICS_TOKEN."""
    port = os.environ.get("CELERY_METRICS_PORT")
    if port:
        observability.serve_worker_metrics(port=int(port),
                                           address=os.environ.get("CELERY_METRICS_ADDR", "127.0.0.1"),
                                           token=os.environ.get("CELERY_METRICS_TOKEN", ""))


def delay_if_reachable(task, /, *args, **kwargs) -> bool:
    """``task.delay(*args, **kwargs)``; False (logged) instead of an exception while the broker is down,
    so the caller can keep the work for later or do it itself."""
    try:
        task.delay(*args, **kwargs)
    except BrokerUnreachable as exc:
        logger.warning("broker unreachable, %s not queued: %s", task.name, exc)
        return False
    return True
