"""/metrics: the Prometheus exposition of this process (or, with ``PROMETHEUS_MULTIPROC_DIR``, of
every process of the machine), for a scraper on loopback or one holding ``METRICS_TOKEN``.

Never public: a request that came through a proxy (X-Forwarded-For or Forwarded) is not taken as
local even from 127.0.0.1, and the proxy in docker-compose.yml does not forward /metrics at all.
Others get 404, as if there were nothing here.
"""

import hmac
import ipaddress
import os

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.registry import Collector

from .middleware import FORWARDED_MARK

# Read from the database at each scrape, by whichever process answers: kept out of the registry
# the multiprocess collector sums. The apps add theirs (``register_database_figures``) when ready.
_DATABASE_FIGURES = CollectorRegistry(auto_describe=False)


_registered: set[type[Collector]] = set()


def register_database_figures(collector: Collector) -> None:
    """Add a collector read from the database at each scrape (once per class, however often called)."""
    if type(collector) not in _registered:
        _registered.add(type(collector))
        _DATABASE_FIGURES.register(collector)


def scraper_allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    if token and authorization.startswith("Bearer "):
        return hmac.compare_digest(authorization.removeprefix("Bearer ").encode(), token.encode())
    if (request.META.get(FORWARDED_MARK) or "HTTP_X_FORWARDED_FOR" in request.META
            or "HTTP_FORWARDED" in request.META):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def _process_registry() -> CollectorRegistry:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not scraper_allowed(request):
        raise Http404
    body = generate_latest(_process_registry()) + generate_latest(_DATABASE_FIGURES)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
