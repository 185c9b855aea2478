"""An S3-compatible server on loopback for the object storage tests: moto's standalone server
(``moto_server``, installed with the dev dependencies), one process per test session.

Where it cannot start the tests skip with the reason; with ``ALLIANCE_REQUIRE_S3`` set (CI) they
fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

REGION = "us-east-1"


def skip_or_fail(reason: str) -> None:
    if os.environ.get("ALLIANCE_REQUIRE_S3"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class S3Server:
    endpoint: str
    process: subprocess.Popen
    log_path: Path

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name=REGION,
                            aws_access_key_id="alliance-test", aws_secret_access_key="alliance-test")

    def new_bucket(self) -> dict[str, str]:
        """A bucket of its own for one test, as the AWS_* environment of a portal process."""
        name = f"alliance-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return {"AWS_STORAGE_BUCKET_NAME": name, "AWS_S3_ENDPOINT_URL": self.endpoint,
                "AWS_ACCESS_KEY_ID": "alliance-test", "AWS_SECRET_ACCESS_KEY": "alliance-test",
                "AWS_S3_REGION_NAME": REGION}


def start_s3_server(log_dir: Path) -> S3Server:
    executable = shutil.which("moto_server") or str(Path(sys.executable).with_name("moto_server"))
    if not Path(executable).exists():
        skip_or_fail("moto_server is not installed (`uv sync` installs it with the dev dependencies)")
    port = int(os.environ.get("ALLIANCE_S3_PORT") or 0) or free_port()
    log_path = log_dir / "moto_server.log"
    log = log_path.open("wb")
    process = subprocess.Popen([executable, "-H", "127.0.0.1", "-p", str(port)], stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            skip_or_fail(f"moto_server exited: {log_path.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(endpoint + "/moto-api/", timeout=1):
                return S3Server(endpoint, process, log_path)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    process.kill()
    skip_or_fail(f"moto_server did not answer on {endpoint} within 30 s")
    raise AssertionError("unreachable")


def stop_s3_server(server: S3Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
