"""The CI hook of tests/skips.py: a skip the allow-list does not expect fails the run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

TESTS = '''
import pytest

def test_waits_for_the_broker():
    pytest.skip("needs a broker (REDIS_URL)")

def test_lost_its_browser():
    pytest.skip("Chromium not found")

@pytest.mark.skipif(True, reason="needs a broker (marked)")
def test_marked():
    pass

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_known_bug():
    assert False

def test_passes():
    pass
'''

ALLOWED = '''
# comment
[first-pass]
test_tiny.py::test_waits_for_the_broker | needs a broker * | services start later
*::test_marked | needs a broker* | services start later

[services]
'''


def run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_tiny.py").write_text(TESTS)
    (tmp_path / "allowed.txt").write_text(ALLOWED)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("ALLIANCE_ALLOWED_SKIPS", "PYTEST_"))}
    environment.update(PYTHONPATH=str(ROOT), ALLIANCE_ALLOWED_SKIPS_FILE=str(tmp_path / "allowed.txt"), **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.skips", "-p", "no:django", "-p", "no:xdist",
         "-p", "no:cacheprovider", "-p", "no:randomly", "-rfEsx", "test_tiny.py"],
        cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120)


def test_without_the_variable_skips_are_skips(tmp_path):
    result = run(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 3 skipped, 1 xfailed" in result.stdout


def test_a_skip_the_pass_does_not_expect_fails_the_run(tmp_path):
    result = run(tmp_path, ALLIANCE_ALLOWED_SKIPS="first-pass")
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed, 2 skipped, 1 xfailed" in result.stdout
    assert "FAILED test_tiny.py::test_lost_its_browser" in result.stdout
    assert ("Skipped, and no line of [first-pass] in " + str(tmp_path / "allowed.txt")
            + " expects it (ALLIANCE_ALLOWED_SKIPS): Chromium not found") in result.stdout


def test_a_pass_with_an_empty_section_allows_no_skip(tmp_path):
    result = run(tmp_path, ALLIANCE_ALLOWED_SKIPS="services")
    assert result.returncode == 1, result.stdout
    # The skipif mark skips in the set-up: refused there, it reads as an error.
    assert "2 failed, 1 passed, 1 xfailed, 1 error" in result.stdout


def test_an_unknown_pass_stops_the_run_before_any_test(tmp_path):
    result = run(tmp_path, ALLIANCE_ALLOWED_SKIPS="frist-pass")
    assert result.returncode == 4, result.stdout + result.stderr
    assert "no [frist-pass] section" in result.stderr


@pytest.mark.parametrize("section", ["first-pass", "postgresql", "services"])
def test_the_allow_list_has_a_section_for_each_pass_of_ci(section):
    from tests.skips import DEFAULT_FILE, allowed_skips

    allowed_skips(str(DEFAULT_FILE), section)
    assert f"ALLIANCE_ALLOWED_SKIPS={section}" in (ROOT / ".ci" / "run").read_text()
