"""`make backup` / `make restore`: the demo data backed up, restored into an empty database and a new
media folder, and found there whole: every model's rows (same count, same checksum), the sequences
and every media file."""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests import services
from tests.backup.inventory import inventory

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, *args: str, **env: str) -> str:
    result = subprocess.run([str(ROOT / "scripts" / script), *args], cwd=ROOT, env={**os.environ, **env},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _inventory(database_url: str) -> dict:
    output = subprocess.run([sys.executable, "-m", "tests.backup.inventory"], cwd=ROOT, check=True,
                            env={**os.environ, "DATABASE_URL": database_url,
                                 "DJANGO_SETTINGS_MODULE": "alliance.settings"},
                            capture_output=True, text=True, timeout=300).stdout
    return json.loads(output.splitlines()[-1])


def _files(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def empty_database():
    """A new, empty database on the test server, dropped afterwards."""
    services.require_real_services()
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:6]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield services.test_database_url().rpartition("/")[0] + f"/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restored_into_an_empty_database_holds_every_record_and_file(
        settings, tmp_path, empty_database):
    call_command("load_demo", verbosity=0)
    (tmp_path / "media" / "reports" / "7").mkdir(parents=True)
    (tmp_path / "media" / "reports" / "7" / "TDAG-alliance-2024 é.pdf").write_bytes(b"%PDF-1.7 \x00\xff")
    source_url = services.test_database_url()
    original = inventory()

    folder = _run("backup.sh", DATABASE_URL=source_url, DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
                  BACKUP_DIR=str(tmp_path / "backups"))
    assert sorted(path.name for path in Path(folder).iterdir()) == ["SHA256SUMS", "database.dump",
                                                                    "media.tar.gz"]
    restored_media = tmp_path / "restored-media"
    _run("restore.sh", folder, DATABASE_URL=empty_database, DJANGO_MEDIA_ROOT=str(restored_media))
    restored = _inventory(empty_database)

    counts = {label: model["count"] for label, model in original["models"].items()}
    assert counts["centres.Centre"] > 0 and counts["partnerships.PartnershipAgreement"] > 0
    assert counts["alliance.StrategicObjective"] > 0 and counts["board.Meeting"] > 0
    assert restored["models"] == original["models"]
    assert restored["sequences"] == original["sequences"]
    assert _files(restored_media) == _files(tmp_path / "media")
    assert any(name.startswith("dtlab/") for name in _files(restored_media))

    # Restoring again over the restored copy (--clean) leaves the same records.
    _run("restore.sh", folder, DATABASE_URL=empty_database, DJANGO_MEDIA_ROOT=str(restored_media))
    assert _inventory(empty_database)["models"] == original["models"]


def test_a_damaged_backup_is_refused(tmp_path):
    source = tmp_path / "portal.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE pledge (id INTEGER PRIMARY KEY, amount TEXT)")
    folder = Path(_run("backup.sh", DATABASE_URL=f"sqlite:///{source}",
                       DJANGO_MEDIA_ROOT=str(tmp_path / "none"), BACKUP_DIR=str(tmp_path / "backups")))
    (folder / "media.tar.gz").write_bytes(b"truncated")
    result = subprocess.run([str(ROOT / "scripts" / "restore.sh"), str(folder)], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'copy.sqlite3'}"},
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert not (tmp_path / "copy.sqlite3").exists()


def test_the_sqlite_database_and_media_are_backed_up_and_restored(tmp_path):
    source, copy = tmp_path / "portal.sqlite3", tmp_path / "restored.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE pledge (id INTEGER PRIMARY KEY, amount TEXT)")
        db.executemany("INSERT INTO pledge (amount) VALUES (?)", [("1500000.00",), ("250000.50",)])
    media = tmp_path / "media"
    (media / "centres" / "logos").mkdir(parents=True)
    (media / "centres" / "logos" / "ict-hub.png").write_bytes(b"\x89PNG\r\n")

    folder = _run("backup.sh", DATABASE_URL=f"sqlite:///{source}", DJANGO_MEDIA_ROOT=str(media),
                  BACKUP_DIR=str(tmp_path / "backups"))
    _run("restore.sh", folder, DATABASE_URL=f"sqlite:///{copy}", DJANGO_MEDIA_ROOT=str(tmp_path / "restored"))

    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT id, amount FROM pledge ORDER BY id").fetchall() == [
            (1, "1500000.00"), (2, "250000.50")]
    assert _files(tmp_path / "restored") == _files(media)
