"""gunicorn settings for every place that runs the portal under gunicorn: docker-compose.yml,
``bench/load.py`` and the fault tests (``gunicorn -c python:alliance.gunicorn_conf ...``).

The command line still gives the bind address and the number of workers.
"""

import gc

timeout = 60


def post_worker_init(worker) -> None:
    """Import every view, then move everything loaded so far out of the garbage collector's reach.

    Django imports the URLconf (views, forms, serializers, the admin) on the first request; doing
    it here makes that request as fast as the others. ``gc.freeze()`` then puts the tens of
    thousands of long-lived objects (modules, classes, URL patterns, settings) in a permanent
    generation that the full collections no longer walk: a full collection in a worker of the
    pledge explorer took 93-123 ms before, 12-18 ms after (in-process, 2,000 requests), and every
    request queued behind a worker in that pause paid for it (the explorer's p99 under load).
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - the attribute import is the point
    gc.freeze()
