"""The release identifier in ETags and cache keys: the same on every machine running one release."""

import os
import shutil
from pathlib import Path

from django.conf import settings

from alliance.core import freshness


def _tree(base):
    (base / "templates" / "alliance").mkdir(parents=True)
    (base / "templates" / "alliance" / "home.html").write_text("<h1>{% translate 'Home' %}</h1>")
    (base / "alliance").mkdir()
    (base / "alliance" / "views.py").write_text("def home(request): ...\n")
    return base


def test_two_copies_of_the_same_code_made_at_different_times_give_one_release(tmp_path):
    first = _tree(tmp_path / "machine-a")
    second = tmp_path / "machine-b"
    shutil.copytree(first, second)  # new modification times
    for path in second.rglob("*.*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert freshness.code_digest(first) == freshness.code_digest(second)


def test_changed_code_gives_another_release(tmp_path):
    base = _tree(tmp_path / "code")
    before = freshness.code_digest(base)
    (base / "templates" / "alliance" / "home.html").write_text("<h1>Welcome</h1>")
    assert freshness.code_digest(base) != before


def test_the_deployment_names_the_release(monkeypatch):
    freshness.code_token.cache_clear()
    monkeypatch.setenv("ALLIANCE_RELEASE", "4f2a9c1")
    try:
        assert freshness.code_token() == "4f2a9c1"
    finally:
        freshness.code_token.cache_clear()
    monkeypatch.delenv("ALLIANCE_RELEASE")
    assert freshness.code_token() == freshness.code_digest(Path(settings.BASE_DIR))
