"""The reports' figure on /metrics: TDAG reports waiting, read from the database at each scrape."""

from collections.abc import Iterator

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from .models import PENDING_STATUSES, TDAGReport


class PendingReportsCollector(Collector):
    """TDAG reports queued or running, read from the database at each scrape."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily("alliance_reports_pending", "TDAG reports queued or running",
                                   labels=["status"])
        counts = dict(TDAGReport.objects.filter(status__in=PENDING_STATUSES)
                      .values_list("status").annotate(n=Count("pk")).order_by())
        for status in PENDING_STATUSES:
            family.add_metric([str(status)], counts.get(status, 0))
        yield family
