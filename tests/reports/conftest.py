
import pytest

from alliance.celery import app as celery_app


@pytest.fixture
def eager_tasks(request):
    """Run the report task in-process (as ``make test`` does), even where a broker is configured."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous
