"""Real services for the tests marked ``services``: a `celery worker` process on the broker.

``.ci/run`` starts PostgreSQL and Redis and sets DATABASE_URL and REDIS_URL; without them these
tests are skipped with the reason.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def require_real_services() -> None:
    """Skip without PostgreSQL and a broker; fail instead where CI promised them."""
    missing = None
    if settings.CELERY_TASK_ALWAYS_EAGER:
        missing = "needs a broker (REDIS_URL or CELERY_BROKER_URL); .ci/run starts Redis"
    elif settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        missing = "needs PostgreSQL (DATABASE_URL) so a worker process shares the test database"
    if missing and os.environ.get("ALLIANCE_REQUIRE_SERVICES"):
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


def test_database_url() -> str:
    db = settings.DATABASES["default"]
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    """One `celery -A alliance worker` process, started against the test database."""

    def __init__(self, log_dir: Path, **env: str) -> None:
        self.name = f"test-{uuid.uuid4().hex[:8]}@localhost"
        self.log_path = log_dir / f"{self.name}.log"
        # The tests follow tasks by the worker's "received" and "succeeded" lines.
        environment = {**os.environ, "DATABASE_URL": test_database_url(),
                       "CELERY_TASK_LOG_LEVEL": "INFO", **env}
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "alliance", "worker", "-l", "info",
             "--concurrency", "1", "--pool", "prefork", "--without-gossip", "--without-mingle",
             "-n", self.name],
            cwd=ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_for("ready.")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log():
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()}")
            time.sleep(0.2)
        raise TimeoutError(f"worker never logged {text!r}:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool), as a crashed machine would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()


def wait_until_mail_is_delivered(worker, timeout: float = 60) -> None:
    """The requester's notification goes out from the worker too: wait for it, or it would stay
    in the shared broker for the next test's worker."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any("deliver_mail" in line and "succeeded" in line for line in worker.log().splitlines()):
            return
        time.sleep(0.3)
    raise AssertionError(f"the notification was not delivered:\n{worker.log()}")
