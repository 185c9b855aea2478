"""Load benchmark: gunicorn on loopback against PostgreSQL with the bench data, measured by wrk.

    eval "$(scripts/services.sh start)"          # or export DATABASE_URL / REDIS_URL yourself
    uv run python bench/load.py --generate "--centres 2000 --agreements 200000 --pledges 50000"
    uv run python bench/load.py                   # data already generated: measure only

The database is ``--database`` (default ``alliance_bench``) on the server that ``DATABASE_URL``
names, never the database of the URL itself, so the test databases are left alone. With
``--generate`` it is migrated and filled by ``generate_bench_data --reset`` first.

gunicorn runs the production settings (``DJANGO_DEBUG`` off, a throwaway secret key, the Redis
cache on its own database number when ``REDIS_URL`` is set) with ``--workers`` sync workers.
Each URL is requested once to check it answers 200, warmed up, then measured by ``wrk --latency``
for ``--duration`` seconds with ``--connections`` connections; all traffic goes to 127.0.0.1.
The table gives requests per second, p50 and p99 latency, non-2xx/3xx responses and socket
errors, and each row's requests per second as a share of its floor: ``/livez`` (a view that does
nothing) measured for as long just before the row, so a machine that slows down during the run does
not read as a slow page (``--single-floor``: the first row for every row, as before).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"


@dataclass
class Target:
    label: str
    path: str
    kind: str  # "baseline", "page", "revisit" (a page asked again with its ETag) or "api"


#: The issue's targets (issue 22): share of the baseline's req/s, and p99 for the pages.
PAGE_RATIO, PAGE_P99_MS, REVISIT_RATIO, API_RATIO = 0.50, 50.0, 0.70, 0.60


@dataclass
class Result:
    target: Target
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad: int
    single_ms: float = 0.0
    #: /livez's req/s measured just before this row (``--paired-floor``): the row's own floor, so a
    #: machine that slows down during a run (other tenants, heat) does not read as a slow page.
    floor_rps: float = 0.0


def ratio(result: Result, baseline_rps: float) -> float:
    """The row's req/s as a share of its floor: the /livez run just before it, else the first row."""
    return result.rps / (result.floor_rps or baseline_rps or 1.0)


def targets(centre_slug: str, deep_page: int, playbook_slug: str | None = None) -> list[Target]:
    pages = [
        Target("home", "/en/", "page"),
        Target("centres directory", "/en/centres/", "page"),
        Target("centre page", f"/en/centres/{centre_slug}/", "page"),
        Target("partnerships in figures", "/en/partnerships/", "page"),
        Target("pledge explorer", "/en/partnerships/partner2connect/", "page"),
        Target("Board", "/en/board/", "page"),
        Target("DT Lab library", "/en/dtlab/playbooks/", "page"),
        *([Target("playbook", f"/en/dtlab/playbooks/{playbook_slug}/", "page")] if playbook_slug else []),
        Target("documents", "/en/documents/", "page"),
    ]
    return [
        Target("baseline /livez", "/livez", "baseline"),
        *pages,
        *(Target(f"{page.label} (304)", page.path, "revisit") for page in pages
          if page.label in ("home", "centres directory", "pledge explorer")),
        Target("API agreements", "/api/v1/agreements/", "api"),
        Target(f"API agreements p.{deep_page}", f"/api/v1/agreements/?page={deep_page}", "api"),
        Target("API centres", "/api/v1/centres/", "api"),
        Target("API stats 2024", "/api/v1/partnerships/stats/?year=2024", "api"),
    ]


def meets(result: Result, baseline_rps: float) -> bool:
    share = ratio(result, baseline_rps)
    kind = result.target.kind
    if kind == "page":
        return share >= PAGE_RATIO and result.p99_ms < PAGE_P99_MS
    if kind == "revisit":
        return share >= REVISIT_RATIO
    return share >= API_RATIO


def bench_database_url(server_url: str, name: str) -> str:
    base, _, _ = server_url.rpartition("/")
    return f"{base}/{name}"


def ensure_database(server_url: str, name: str) -> None:
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def query_one(database_url: str, statement: str) -> object:
    import psycopg2

    connection = psycopg2.connect(database_url)
    with connection.cursor() as cursor:
        cursor.execute(statement)
        row = cursor.fetchone()
    connection.close()
    return row[0] if row else None


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/livez", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /livez in time")


def etag_of(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
        return response.headers.get("ETag", "")


def fetch_once(url: str) -> tuple[int, float]:
    """Status and milliseconds of one request on an idle server."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def drain(base: str) -> None:
    """Wait until the workers have finished what wrk left queued, so one URL's backlog is not
    measured with the next: a request answered by every worker in turn comes back only then."""
    for _ in range(8):
        fetch_once(base + "/livez")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str, target: Target) -> Result:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors:
        bad += sum(int(n) for n in errors.groups())
    return Result(target, rps, p50, p99, requests, bad)


def run_wrk(url: str, *, seconds: int, connections: int, threads: int, etag: str = "") -> str:
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               *(["-H", f"If-None-Match: {etag}"] if etag else []), url]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def table(results: list[Result]) -> str:
    baseline = results[0].rps or 1.0
    lines = [f"| {'URL':<28} | {'1 req ms':>8} | {'req/s':>7} | {'p50 ms':>7} | {'p99 ms':>7} | "
             f"{'floor':>7} | {'ratio':>6} | {'requests':>8} | {'errors':>6} | {'target':<6} |",
             "|" + "|".join(["-" * 30] + ["-" * (width + 1) + ":" for width in (8, 7, 7, 7, 7, 6, 8, 6)]
                            + ["-" * 8]) + "|"]
    for result in results:
        kind, done = result.target.kind, result.requests > 0
        met = meets(result, baseline)
        verdict = "-" if kind == "baseline" else ("met" if done and met and not result.bad else "missed")
        latency = (f"{result.p50_ms:>7.1f} | {result.p99_ms:>7.1f}" if done
                   else f"{'>' + str(int(result.single_ms)):>7} | {'n/a':>7}")
        lines.append(f"| {result.target.label:<28} | {result.single_ms:>8.0f} | {result.rps:>7.1f} | "
                     f"{latency} | {result.floor_rps or baseline:>7.1f} | {ratio(result, baseline):>6.0%} | "
                     f"{result.requests:>8} | {result.bad:>6} | "
                     f"{verdict:<6} |")
    return "\n".join(lines)


def _shorten(sql: str) -> str:
    """The SELECT's aggregates and FROM/WHERE, without the long column lists."""
    sql = re.sub(r'"\w+"\."(\w+)"', r"\1", sql)
    head, _, rest = sql.partition(" FROM ")
    columns = [column for column in head.split(", ") if "(" in column] or [head[:40] + "..."]
    return (", ".join(columns) + " FROM " + rest)[:230].replace("|", "\\|")


def profile_queries(env: dict[str, str], slug: str, deep_page: int, *, explain: bool,
                    cold: bool = False) -> None:
    """In-process: each URL's SQL queries (count, total time, slowest), and EXPLAIN ANALYZE of the
    slowest one, so a missed target comes with its cause. Run once per URL after one warm-up;
    with ``cold`` the content versions are bumped just before, so every cached figure, count and
    fragment is computed afresh (the cost of the first request after a write)."""
    os.environ.update(env, DJANGO_SETTINGS_MODULE="alliance.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from alliance.core import freshness

    client = Client(HTTP_HOST=HOST)
    print(f"| {'URL':<28} | {'queries':>7} | {'SQL ms':>7} | {'view ms':>7} | slowest query (ms) |")
    print(f"|{'-' * 30}|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|{'-' * 20}|")
    slowest_of: list[tuple[str, str, float]] = []
    heavy: list[tuple[str, float, str]] = []
    for target in targets(slug, deep_page):
        if target.kind == "revisit":
            continue
        client.get(target.path)
        if cold:
            freshness.bump(*freshness.TOPICS)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            status = client.get(target.path).status_code
            view_ms = (time.perf_counter() - started) * 1000
        queries = [(float(query["time"]) * 1000, query["sql"]) for query in captured.captured_queries]
        sql_ms = sum(ms for ms, _ in queries)
        worst_ms, worst_sql = max(queries, default=(0.0, ""))
        note = "" if status == 200 else f" (HTTP {status})"
        print(f"| {target.label + note:<28} | {len(queries):>7} | {sql_ms:>7.0f} | {view_ms:>7.0f} | "
              f"{worst_ms:>18.0f} |")
        slowest_of.append((target.label, worst_sql, worst_ms))
        heavy.extend((target.label, ms, sql) for ms, sql in queries if ms >= 10)
    print(f"\nQueries of 10 ms or more:\n\n| {'URL':<28} | {'ms':>5} | query (start) |")
    print(f"|{'-' * 30}|{'-' * 6}:|{'-' * 15}|")
    for label, ms, sql in heavy:
        print(f"| {label:<28} | {ms:>5.0f} | `{_shorten(sql)}` |")
    if not explain:
        return
    for label, sql, ms in slowest_of:
        if ms < 20 or not sql.lstrip().upper().startswith("SELECT"):
            continue
        print(f"\n### {label}: slowest query, {ms:.0f} ms\n\n```sql\n{sql}\n```\n")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF, SUMMARY ON) " + sql)
            print("```\n" + "\n".join(row[0] for row in cursor.fetchall()) + "\n```")


def comparison(before: dict, rows: list[dict]) -> str:
    """Before/after table: the same URLs, matched by label."""
    earlier = {row["label"]: row for row in before["rows"]}
    base_then = before["rows"][0]["rps"] or 1.0
    base_now = rows[0]["rps"] or 1.0
    lines = [f"Compared with the run of {before['when']} UTC",
             f"| {'URL':<28} | {'req/s before':>12} | {'req/s now':>9} | {'ratio before':>12} | "
             f"{'ratio now':>9} | {'p50 before':>10} | {'p50 now':>7} |",
             "|" + "|".join(["-" * 30] + ["-" * (width + 1) + ":" for width in (12, 9, 12, 9, 10, 7)]) + "|"]
    for row in rows:
        old = earlier.get(row["label"])
        if old is None:
            continue
        lines.append(f"| {row['label']:<28} | {old['rps']:>12.1f} | {row['rps']:>9.1f} | "
                     f"{old['rps'] / base_then:>12.0%} | {row['rps'] / base_now:>9.0%} | "
                     f"{old['p50_ms']:>10.1f} | {row['p50_ms']:>7.1f} |")
    return "\n".join(lines)


def whatif_application():  # noqa: ANN201 (a WSGI callable)
    """gunicorn factory for ``--what-if cached-stats``: the portal as it is, except that
    ``partnerships.selectors.partnership_stats`` is served from the cache per year (no
    invalidation: a measurement of what recommendation 1 would give, not an implementation)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from django.core.cache import cache

    from partnerships import selectors

    original = selectors.partnership_stats

    def cached_stats(*, year: int) -> dict:
        key = f"bench-what-if:partnership-stats:{year}"
        stats = cache.get(key)
        if stats is None:
            stats = original(year=year)
            cache.set(key, stats, 600)
        return stats

    selectors.partnership_stats = cached_stats
    return application


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="alliance_bench", help="database name on DATABASE_URL's server")
    parser.add_argument("--generate", metavar="ARGS",
                        help='migrate, then generate_bench_data --reset ARGS, e.g. "--agreements 200000"')
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk warm-up per URL")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--deep-page", type=int, default=2000, help="API page number of the deep-page row")
    parser.add_argument("--save", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--compare", type=Path, metavar="FILE",
                        help="a JSON file from --save: print the change of req/s and p50 against it")
    parser.add_argument("--only", metavar="WORDS",
                        help="comma-separated words: measure only the URLs whose label has one, and "
                             "the baseline")
    parser.add_argument("--what-if", choices=["cached-stats"],
                        help="serve a patched portal to measure a recommendation before it is written")
    parser.add_argument("--queries", action="store_true",
                        help="no load: print each URL's query count and SQL time, in-process")
    parser.add_argument("--single-floor", dest="paired_floor", action="store_false",
                        help="judge every row against the first /livez run only, instead of a /livez run "
                             "measured just before each row (the default)")
    parser.add_argument("--cold", action="store_true",
                        help="with --queries: bump the content versions before each measured request")
    parser.add_argument("--explain", action="store_true",
                        help="with --queries: EXPLAIN ANALYZE the slowest query of each URL")
    options = parser.parse_args()

    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (eval \"$(scripts/services.sh start)\").")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk).")
    database_url = bench_database_url(server_url, options.database)
    ensure_database(server_url, options.database)

    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(40), "DJANGO_ALLOWED_HOSTS": HOST,
           "DJANGO_MANIFEST_STATIC": "0", "DJANGO_LOG_LEVEL": "WARNING", "DJANGO_HTTPS": "0"}
    if os.environ.get("REDIS_URL"):
        # Production shape (Redis cache) on a database number of its own: tests flush theirs.
        redis_server = os.environ["REDIS_URL"].rpartition("/")[0]
        env.update(REDIS_URL=f"{redis_server}/7", CELERY_BROKER_URL=f"{redis_server}/8")
    if options.generate:
        manage({**env, "DJANGO_DEBUG": "1"}, "migrate", "-v0")
        manage({**env, "DJANGO_DEBUG": "1"}, "generate_bench_data", "--reset", *shlex.split(options.generate))

    counts = {
        table_name: query_one(database_url, f"SELECT count(*) FROM {table_name}")  # noqa: S608
        for table_name in ("centres_centre", "partnerships_partnershipagreement", "partnerships_pledge")
    }
    slug = query_one(database_url, "SELECT slug FROM centres_centre WHERE status <> 'removed' "
                                   "ORDER BY slug LIMIT 1 OFFSET 10")
    if not slug:
        raise SystemExit(f"No centre in {options.database}: run with --generate first.")

    if options.queries:
        profile_queries(env, slug, options.deep_page, explain=options.explain, cold=options.cold)
        return

    base = f"http://{HOST}:{options.port}"
    app = "alliance.wsgi:application"
    if options.what_if:
        app = "load:whatif_application()"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "bench"), str(ROOT),
                                                          env.get("PYTHONPATH", "")]))
    playbook = query_one(database_url, "SELECT slug FROM dtlab_playbook WHERE status = 'published' "
                                       "ORDER BY slug LIMIT 1")
    chosen = targets(slug, options.deep_page, playbook)
    if options.only:
        words = [word.strip() for word in options.only.split(",") if word.strip()]
        chosen = [t for t in chosen if t.kind == "baseline" or any(word in t.label for word in words)]
    gunicorn = subprocess.Popen(
        [str(GUNICORN), "-c", "python:alliance.gunicorn_conf", app, "--bind", f"{HOST}:{options.port}",
         "--workers", str(options.workers), "--worker-class", "sync",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    results: list[Result] = []
    try:
        wait_until_up(base)
        for target in chosen:
            floor_rps = 0.0
            if options.paired_floor and target.kind != "baseline":
                drain(base)
                floor_rps = parse_wrk(run_wrk(base + "/livez", seconds=options.duration,
                                              connections=options.connections, threads=options.threads),
                                      chosen[0]).rps
            drain(base)
            fetch_once(base + target.path)  # each worker's first hit pays imports and connections
            status, single_ms = fetch_once(base + target.path)
            if status != 200:
                print(f"warning: {target.path} answered {status}", file=sys.stderr)
            etag = etag_of(base + target.path) if target.kind == "revisit" else ""
            if target.kind == "revisit" and not etag:
                print(f"warning: {target.path} sent no ETag", file=sys.stderr)
            run_wrk(base + target.path, seconds=options.warmup, connections=options.connections,
                    threads=options.threads, etag=etag)
            drain(base)
            output = run_wrk(base + target.path, seconds=options.duration, connections=options.connections,
                             threads=options.threads, etag=etag)
            results.append(parse_wrk(output, target))
            results[-1].single_ms = single_ms
            results[-1].floor_rps = floor_rps
            drain(base)
            print(f"  measured {target.label}: {results[-1].rps:.1f} req/s", file=sys.stderr)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()

    load = os.getloadavg()
    print(f"Load benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores "
          f"(load average before the run's end {load[0]:.1f}), gunicorn {options.workers} sync workers, "
          f"wrk {options.connections} connections x {options.duration} s per URL after "
          f"{options.warmup} s warm-up")
    print("Data: " + ", ".join(f"{count:,} rows in {name}" for name, count in counts.items()))
    cache = "Redis" if "REDIS_URL" in env else "local memory"
    if options.what_if:
        print(f"WHAT-IF {options.what_if}: a patched portal, see whatif_application()")
    print(f"Cache: {cache}; DEBUG off; PostgreSQL database {options.database}; "
          "'1 req' = one request alone, before the warm-up")
    print(f"Targets: pages >= {PAGE_RATIO:.0%} of baseline req/s and p99 < {PAGE_P99_MS:.0f} ms; "
          f"repeat visits with the ETag (304) >= {REVISIT_RATIO:.0%}; API >= {API_RATIO:.0%}")
    print()
    print(table(results))
    rows = [{"label": r.target.label, "path": r.target.path, "rps": r.rps, "p50_ms": r.p50_ms,
             "p99_ms": r.p99_ms, "requests": r.requests, "errors": r.bad, "single_ms": r.single_ms,
             "floor_rps": r.floor_rps}
            for r in results]
    if options.save:
        options.save.write_text(json.dumps({"when": f"{datetime.now(UTC):%Y-%m-%d %H:%M}", "rows": rows},
                                           indent=2))
    if options.compare:
        print()
        print(comparison(json.loads(options.compare.read_text()), rows))


if __name__ == "__main__":
    main()
