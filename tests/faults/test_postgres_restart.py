"""PostgreSQL restarted under a running portal: 503 with the friendly page while it is down, 200 again
by itself once it is back (``CONN_HEALTH_CHECKS`` drops the dead persistent connection).

The portal runs under gunicorn against a PostgreSQL cluster of the test's own (initdb on a free
port), holding a copy of the migrated test database; the shared PostgreSQL is only read from.
"""

import json
import os
import secrets
import subprocess
import sys
import time

import pytest

from tests import services

from .processes import PG_BIN, ROOT, Portal, PostgresCluster

# Requested first during the outage: a copy cached earlier (which the portal may rightly serve
# while the database is down, as the figures pages do) cannot answer in place of the database.
PAGES = ("/en/", "/en/centres/", "/fr/partnerships/", "/ar/board/")


def test_settings_keep_connections_and_check_them_before_reuse():
    code = ("import json; from alliance import settings as s; db = s.DATABASES['default']; "
            "print(json.dumps([db['ENGINE'], db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS']]))")
    env = {**os.environ, "DATABASE_URL": "postgres://portal:secret@db.example:5432/alliance",
           "DJANGO_SECRET_KEY": "k" * 50, "DJANGO_DEBUG": "0"}
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True).stdout
    engine, max_age, health_checks = json.loads(output.splitlines()[-1])
    assert engine == "django.db.backends.postgresql"
    assert max_age > 0
    assert health_checks is True


@pytest.fixture
def cluster():
    services.require_real_services()
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def _copy_test_database(cluster: PostgresCluster) -> str:
    """The migrated test database (schema and reference data), restored into the cluster."""
    subprocess.run([PG_BIN / "psql", "-q", "-d", cluster.url("postgres"), "-c", "CREATE DATABASE alliance"],
                   check=True, capture_output=True)
    dump = subprocess.run([PG_BIN / "pg_dump", "-Fc", "-d", services.test_database_url()], check=True,
                          capture_output=True).stdout
    subprocess.run([PG_BIN / "pg_restore", "--no-owner", "--no-acl", "-d", cluster.url("alliance")],
                   input=dump, check=True, capture_output=True)
    return cluster.url("alliance")


@pytest.mark.services
@pytest.mark.django_db
def test_a_postgresql_restart_gives_503_then_the_portal_recovers_by_itself(cluster, tmp_path):
    portal = Portal(tmp_path, DATABASE_URL=_copy_test_database(cluster),
                    DJANGO_SECRET_KEY=secrets.token_urlsafe(40), DJANGO_MEDIA_ROOT=str(tmp_path / "media"))
    try:
        assert portal.get("/en/").status == 200, portal.log()

        cluster.stop()
        for path in PAGES:
            down = portal.get(path, timeout=10)
            assert down.status == 503, (path, down.status, portal.log())
            assert down.headers["Retry-After"] == "30"
            assert f'lang="{path[1:3]}"' in down.text
        assert "The portal is briefly unavailable" in portal.get("/en/").text
        health = portal.get("/healthz")
        assert health.status == 503 and json.loads(health.text)["database"].startswith("error")

        cluster.start()
        deadline = time.monotonic() + 10
        while any(portal.get(path).status != 200 for path in PAGES):
            assert time.monotonic() < deadline, f"pages still failing 10 s after the restart:\n{portal.log()}"
            time.sleep(0.2)
        assert portal.get("/healthz").status == 200
        assert portal.process.poll() is None
        assert portal.log().count("Booting worker") == 1, "gunicorn restarted its worker"
    finally:
        portal.stop()
