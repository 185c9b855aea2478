"""Processes a fault test starts and owns: a throwaway PostgreSQL cluster, a Redis server and the
portal under gunicorn. None of them touches the shared services of ``scripts/services.sh``.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
GUNICORN = Path(sys.executable).with_name("gunicorn")


def missing(reason: str) -> None:
    """Skip, or fail where CI promised the services (as ``require_real_services`` does)."""
    if os.environ.get("ALLIANCE_REQUIRE_SERVICES"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} not within {timeout} s")


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user, as CI does."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PostgresCluster:
    """A PostgreSQL cluster of its own (initdb in a temporary folder, trust auth, loopback only)."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists():
            missing(f"needs PostgreSQL's server binaries in {PG_BIN} (PG_BIN); .ci/run installs them")
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="alliance-faults-pg-"))
        self.data = self.folder / "data"
        self.data.mkdir()
        if os.geteuid() == 0:
            self.folder.chmod(0o755)
            shutil.chown(self.data, "postgres")
        self._run(PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def _run(self, *command) -> None:
        subprocess.run(_as_postgres([str(part) for part in command]), check=True, capture_output=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, *, durable_commits: bool = False) -> None:
        """Start the server. ``fsync`` is off either way (no test crashes the machine's kernel);
        ``synchronous_commit`` is off too unless ``durable_commits``, as production keeps it on:
        off, a commit is acknowledged before its WAL is written and a killed server may lose it."""
        synchronous_commit = "on" if durable_commits else "off"
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.data} -c fsync=off "
                   f"-c synchronous_commit={synchronous_commit}")
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.data / "server.log", "-w", "-o", options,
                  "start")

    def stop(self) -> None:
        """``pg_ctl stop -m fast``: open sessions are cut, as in a restart for maintenance."""
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def kill(self) -> None:
        """``pg_ctl stop -m immediate``: every server process quits at once, nothing is flushed or
        checkpointed, as on a crash; the next start replays the WAL."""
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def query(self, database: str, sql: str) -> str:
        """One SQL statement through psql; its rows unaligned, one a line."""
        return subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                               "-d", self.url(database), "-c", sql],
                              check=True, capture_output=True, text=True).stdout

    def remove(self) -> None:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                     "-w", "stop"]), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class RedisServer:
    """A ``redis-server`` of its own on a free port; stopping and starting it keeps the port."""

    def __init__(self) -> None:
        if shutil.which("redis-server") is None:
            missing("needs redis-server; .ci/run installs it")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(self.answers, 10, f"redis-server on port {self.port}")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


class Portal:
    """The portal as production runs it: gunicorn, DEBUG off, the environment given."""

    def __init__(self, log_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"gunicorn-{self.port}.log"
        environment = {key: value for key, value in os.environ.items()
                       if key not in {"REDIS_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG"}}
        environment.update(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_MANIFEST_STATIC="0",
                           DJANGO_HTTPS="0", DJANGO_LOG_LEVEL="WARNING", **env)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "python:alliance.gunicorn_conf", "alliance.wsgi",
             "--bind", f"127.0.0.1:{self.port}", "--workers", "1"],
            cwd=ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies),
                                                   _NoRedirects())
        _wait(self._answers, 60, f"gunicorn on port {self.port}\n{self.log()}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{self.log()}")
        try:
            self.get("/healthz")
        except OSError:
            return False
        return True

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def request(self, path: str, data: dict[str, str] | None = None, timeout: float = 15) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": self.base + path} if data is not None else {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self._opener.open(request, timeout=timeout) as answer:
                return Response(answer.status, dict(answer.headers), answer.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read().decode(errors="replace"))

    def get(self, path: str, timeout: float = 15) -> Response:
        return self.request(path, timeout=timeout)

    def set_cookie(self, name: str, value: str) -> None:
        self.cookies.set_cookie(http.cookiejar.Cookie(
            0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None,
            None, {}))

    def post_form(self, page_path: str, action: str, data: dict[str, str]) -> Response:
        """GET the page, then POST ``data`` to ``action`` with the page's CSRF token, as a browser does."""
        page = self.get(page_path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token on {page_path} ({page.status}):\n{page.text[:500]}"
        return self.request(action, {"csrfmiddlewaretoken": token.group(1), **data})

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self._log.close()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
