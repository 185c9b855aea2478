"""PostgreSQL killed under a running portal (``pg_ctl stop -m immediate``, as a crash): 503 with
the friendly page while it is down, a form sent meanwhile refused with that page (not a 500), 200
again by itself once it is back (``CONN_HEALTH_CHECKS`` drops the dead persistent connection), and
every write the portal acknowledged before the crash is still there after it.

The portal runs under gunicorn against a PostgreSQL cluster of the test's own (initdb on a free
port), holding a copy of the migrated test database; the shared PostgreSQL is only read from.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import time

import pytest

from tests import services

from .processes import PG_BIN, ROOT, Portal, PostgresCluster, Response

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
        # Commits acknowledged only once their WAL is written, as production runs: the test
        # checks that a crash loses none of them.
        cluster.start(durable_commits=True)
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


SERVICE = "fault-test-service"
FORM = f"/en/dtlab/services/{SERVICE}/request/"


def _add_a_service(database_url: str) -> None:
    """A DT Lab service to request, made in the cluster's database by the factories."""
    code = ("import django; django.setup(); from tests.factories import ServiceFactory; "
            f"ServiceFactory(slug={SERVICE!r}, name='Fault test service')")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "DATABASE_URL": database_url,
                        "DJANGO_SETTINGS_MODULE": "alliance.settings"})


def _request(number: int) -> dict[str, str]:
    return {"requester_type": "member", "organisation": f"Organisation {number}", "country": "KE",
            "contact_name": f"Requester {number}", "contact_email": f"requester{number}@example.org",
            "description": f"Request number {number}: a digital transformation review."}


def _send(portal: Portal, number: int) -> Response:
    return portal.post_form(FORM, FORM, _request(number))


def _stored_requests(cluster: PostgresCluster) -> list[str]:
    return cluster.query("alliance", "SELECT contact_email FROM dtlab_servicerequest ORDER BY id").split()


@pytest.mark.services
@pytest.mark.django_db
def test_a_postgresql_crash_refuses_writes_with_503_loses_no_acknowledged_write_and_recovers(
        cluster, tmp_path):
    database_url = _copy_test_database(cluster)
    _add_a_service(database_url)
    portal = Portal(tmp_path, DATABASE_URL=database_url, DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
                    DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
                    DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                    DJANGO_EMAIL_FILE_PATH=str(tmp_path / "mail"))
    try:
        assert portal.get(FORM).status == 200, portal.log()
        acknowledged = []
        for number in (1, 2, 3):  # the last acknowledged just before the crash
            sent = _send(portal, number)
            assert sent.status == 302, (sent.status, sent.text[:2000], portal.log())
            assert sent.headers["Location"] == f"{FORM}sent/"
            acknowledged.append(_request(number)["contact_email"])
        form = portal.get(FORM)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)

        cluster.kill()
        for path in PAGES:
            down = portal.get(path, timeout=10)
            assert down.status == 503, (path, down.status, portal.log())
            assert down.headers["Retry-After"] == "30"
            assert f'lang="{path[1:3]}"' in down.text
        # A request sent from the form opened before the crash: refused, and told so.
        refused = portal.request(FORM, {"csrfmiddlewaretoken": token, **_request(4)}, timeout=10)
        assert refused.status == 503, (refused.status, refused.text[:2000], portal.log())
        assert refused.headers["Retry-After"] == "30"
        assert "The portal is briefly unavailable" in refused.text
        assert "Traceback" not in refused.text and "OperationalError" not in refused.text
        health = portal.get("/healthz")
        assert health.status == 503 and json.loads(health.text)["database"].startswith("error")

        cluster.start(durable_commits=True)
        deadline = time.monotonic() + 10
        while any(portal.get(path).status != 200 for path in PAGES):
            assert time.monotonic() < deadline, f"pages still failing 10 s after the restart:\n{portal.log()}"
            time.sleep(0.2)
        assert portal.get("/healthz").status == 200
        sent = _send(portal, 5)
        assert sent.status == 302, (sent.status, portal.log())
        acknowledged.append(_request(5)["contact_email"])

        assert _stored_requests(cluster) == acknowledged
        assert portal.process.poll() is None
        assert portal.log().count("Booting worker") == 1, "gunicorn restarted its worker"
    finally:
        portal.stop()
