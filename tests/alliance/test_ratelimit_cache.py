"""Rate-limit counters without Redis (issue 15): in a table of the database, so that every web
process counts the same visitor in the same counter (local memory gave each process its own)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.core.cache import caches

from alliance.core.cache import RATELIMIT_CACHE_TABLE

from .test_settings import ROOT, clean_environ, read_settings, run_manage

COUNT = """
import sys, django
django.setup()
from django.core.cache import caches
counters = caches["ratelimit"]
counters.add("visitor", 0, 3600)
for _ in range(int(sys.argv[1])):
    counters.incr("visitor")
print(counters.get("visitor"))
"""


def test_the_counters_are_in_the_database_without_redis_and_in_redis_with_it():
    backend = "CACHES['ratelimit']['BACKEND']"
    assert read_settings(backend, "RATELIMIT_USE_CACHE", DJANGO_DEBUG="1") == [
        "alliance.core.cache.DatabaseCounterCache", "ratelimit"]
    assert read_settings(backend, DJANGO_DEBUG="1", REDIS_URL="redis://127.0.0.1:1/0") == [
        "alliance.core.cache.TimedRedisCache"]


def test_the_form_limits_and_the_api_throttle_count_in_the_shared_cache():
    from alliance.core.abuse import WriteRateThrottle

    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    assert WriteRateThrottle().cache is caches["ratelimit"]


@pytest.mark.django_db
def test_the_migration_creates_the_counters_table():
    from django.db import connection

    assert RATELIMIT_CACHE_TABLE in connection.introspection.table_names()


def test_two_processes_count_in_the_same_counter_without_losing_an_increment(tmp_path):
    env = {"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"}
    created = run_manage("createcachetable", **env)
    assert created.returncode == 0, created.stderr
    processes = [subprocess.Popen([sys.executable, "-c", COUNT, "40"], cwd=ROOT, env=clean_environ(
        DJANGO_SETTINGS_MODULE="alliance.settings", **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for _ in range(2)]
    finals = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        finals.append(int(out.split()[-1]))
    # Each process counted 40; the one that finished last saw the other's 40 as well.
    assert max(finals) == 80
    with sqlite3.connect(tmp_path / "shared.sqlite3") as db:
        (expires,) = db.execute(f"SELECT expires FROM {RATELIMIT_CACHE_TABLE}").fetchone()
    # The window's expiry (an hour) is kept by each increment, not reset to the default 5 minutes.
    assert (datetime.fromisoformat(expires) - datetime.now(UTC).replace(tzinfo=None)).total_seconds() > 3000
