"""Staff at scale: one request's time for the admin's large change lists and the staff dashboard.

    DATABASE_URL=postgres://…/alliance REDIS_URL=redis://…/0 \\
        uv run python bench/admin_timings.py --database alliance_bench10

In-process (Django's test client, no server): a superuser of the bench database (``bench-admin``,
made once, with an authenticator as the second factor) asks each URL ``--repeat`` times after one
unmeasured request; the table gives the median and the slowest, the query count and the SQL time
of the median's request. The settings are the production ones (``DJANGO_DEBUG`` off) on the
database ``--database`` of ``DATABASE_URL``'s server and, when ``REDIS_URL`` is set, the Redis
cache on database 7, as ``bench/load.py`` uses. Issue 22's target: under 200 ms each at
2,000,000 agreements.

Each change list is timed as staff use it: the first page, a search for a realistic term (a word
of a partner's, pledger's or host's name, taken from the data), a filter, page 50, and the export
(CSV, every column of the readable resource) of a filtered selection (one partner's agreements,
one pledger's pledges, the centres and applications a search finds).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from load import bench_database_url  # noqa: E402

TARGET_MS = 200.0


@dataclass
class Timing:
    label: str
    url: str
    median_ms: float
    worst_ms: float
    queries: int
    sql_ms: float
    status: int
    size: int


def configure(database: str) -> None:
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL server holding the bench databases.")
    os.environ.update(DATABASE_URL=bench_database_url(server_url, database), DJANGO_DEBUG="0",
                      DJANGO_SECRET_KEY=secrets.token_urlsafe(40), DJANGO_ALLOWED_HOSTS="testserver",
                      DJANGO_MANIFEST_STATIC="0", DJANGO_LOG_LEVEL="ERROR", DJANGO_HTTPS="0",
                      DJANGO_SETTINGS_MODULE="alliance.settings")
    if os.environ.get("REDIS_URL"):
        redis_server = os.environ["REDIS_URL"].rpartition("/")[0]
        os.environ.update(REDIS_URL=f"{redis_server}/7", CELERY_BROKER_URL=f"{redis_server}/8")
    import django

    django.setup()


def signed_in_client():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True,
                                          "email": "bench-admin@bench.invalid"})
    device = (TOTPDevice.objects.filter(user=user, confirmed=True).first()
              or TOTPDevice.objects.create(user=user, name="bench authenticator"))
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def export_form(model) -> dict:
    """The admin's export form: CSV, the readable resource with every column ticked."""
    from django.contrib import admin
    from django.test import RequestFactory

    model_admin = admin.site._registry[model]
    resource = model_admin.get_export_resource_classes(RequestFactory().get("/"))[0]
    formats = [fmt().get_title() for fmt in model_admin.get_export_formats()]
    return {"format": str(formats.index("csv")), "resource": "0",
            **{f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_order()}}


def search_term(value: str) -> str:
    """What staff type to find one organisation: the word of its name that tells it apart (the
    bench names differ by their number: "Partner 000100 (bench, illustrative)")."""
    words = value.replace("(", " ").replace(",", " ").split()
    return next((word for word in words if any(char.isdigit() for char in word)), max(words, key=len))


def requests_to_time() -> list[tuple[str, str, dict | None]]:
    """(label, URL, POST data or None) for each measured request."""
    from centres.models import Application, Centre
    from partnerships.models import Partner, PartnershipAgreement, Pledge, Pledger

    partner = Partner.objects.filter(agreements__isnull=False).order_by("pk")[100]
    pledger = Pledger.objects.filter(pledges__isnull=False).order_by("pk")[100]
    centre = Centre.objects.exclude(regional_initiative=None).order_by("pk")[100]
    application = Application.objects.order_by("pk")[100]
    admin = "/en/admin"
    agreements, pledges = f"{admin}/partnerships/partnershipagreement/", f"{admin}/partnerships/pledge/"
    centres, applications = f"{admin}/centres/centre/", f"{admin}/centres/application/"
    rows: list[tuple[str, str, dict | None]] = []
    lists = [
        ("agreements", agreements, search_term(partner.name), "status__exact=active",
         f"partner__id__exact={partner.pk}", PartnershipAgreement),
        ("pledges", pledges, search_term(pledger.organisation), "status__exact=published",
         f"pledger__id__exact={pledger.pk}", Pledge),
        ("centres", centres, search_term(centre.host_organisation), "status__exact=operating",
         f"q={search_term(centre.host_organisation)}", Centre),
        ("applications", applications, search_term(application.organisation),
         f"status__exact={application.status}", f"q={search_term(application.organisation)}", Application),
    ]
    for label, url, term, a_filter, selection, model in lists:
        rows += [
            (f"{label}: list", url, None),
            (f"{label}: search '{term}'", f"{url}?q={term}", None),
            (f"{label}: filter {a_filter}", f"{url}?{a_filter}", None),
            (f"{label}: page 50", f"{url}?p=50", None),
            (f"{label}: export {selection}", f"{url}export/?{selection}", export_form(model)),
        ]
    rows.append(("staff dashboard", "/en/partnerships/staff/", None))
    rows.append(("staff home", "/en/staff/", None))
    return rows


def time_one(client, label: str, url: str, data: dict | None, repeat: int, show_sql: int = 0) -> Timing:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def ask():
        return client.post(url, data) if data is not None else client.get(url)

    ask()  # the first request pays imports and the count of a new content version
    runs = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = ask()
            elapsed = (time.perf_counter() - started) * 1000
        runs.append((elapsed, len(queries), sum(float(q["time"]) for q in queries.captured_queries) * 1000,
                     response))
        runs[-1] += (queries.captured_queries,)
    runs.sort(key=lambda run: run[0])
    elapsed, count, sql_ms, response, captured = runs[len(runs) // 2]
    if show_sql:
        for query in sorted(captured, key=lambda q: -float(q["time"]))[:show_sql]:
            print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}", file=sys.stderr)
    return Timing(label, url, statistics.median(run[0] for run in runs), runs[-1][0], count, sql_ms,
                  response.status_code, len(response.content))


def table(timings: list[Timing]) -> str:
    lines = ["| request | median ms | slowest ms | queries | SQL ms | status | bytes | < 200 ms |",
             "|---|--:|--:|--:|--:|--:|--:|---|"]
    for t in timings:
        lines.append(f"| {t.label} | {t.median_ms:.0f} | {t.worst_ms:.0f} | {t.queries} | {t.sql_ms:.0f} | "
                     f"{t.status} | {t.size:,} | {'met' if t.median_ms < TARGET_MS else 'missed'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="alliance_bench10", help="database on DATABASE_URL's server")
    parser.add_argument("--repeat", type=int, default=3, help="measured requests per URL (median shown)")
    parser.add_argument("--only", metavar="WORDS", help="comma-separated words: rows whose label has one")
    parser.add_argument("--sql", type=int, default=0, metavar="N", help="print the N slowest queries of each")
    options = parser.parse_args()
    configure(options.database)
    from django.db import connection

    connection.force_debug_cursor = True  # the SQL time of each query
    client = signed_in_client()
    rows = requests_to_time()
    if options.only:
        words = [word.strip() for word in options.only.split(",") if word.strip()]
        rows = [row for row in rows if any(word in row[0] for word in words)]
    timings = []
    for label, url, data in rows:
        timing = time_one(client, label, url, data, options.repeat, options.sql)
        print(f"{timing.label:55s} {timing.median_ms:8.0f} ms  {timing.queries:3d} queries "
              f"{timing.sql_ms:8.0f} ms SQL  {timing.status}", file=sys.stderr, flush=True)
        timings.append(timing)
    print(f"Admin timings, database {options.database}, {options.repeat} measured requests each "
          f"(median), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          f"{os.getloadavg()[0]:.1f}")
    print(table(timings))


if __name__ == "__main__":
    main()
