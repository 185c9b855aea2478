"""CI fails on a skipped test it did not expect.

``.ci/run`` names the pass it runs in ``ALLIANCE_ALLOWED_SKIPS`` (a section of
``tests/allowed_skips.txt``, or of the file in ``ALLIANCE_ALLOWED_SKIPS_FILE``). A test that skips
there without a matching line is reported as failed, with its reason: a checker that quietly went
missing (Chromium, vnu, pdftotext, a service) is not a green run. Without the variable (``make
test`` on a workstation) skips are skips.

A line of a section: ``<node id glob> | <skip reason glob> | <why it is expected>``; ``#`` starts
a comment line. Globs are ``fnmatch``'s, where ``*`` also matches ``/`` and ``::``.
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import pytest

DEFAULT_FILE = Path(__file__).with_name("allowed_skips.txt")


@cache
def allowed_skips(path: str, section: str) -> tuple[tuple[str, str], ...]:
    """The (node id glob, reason glob) pairs of ``[section]`` in the file at ``path``."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for number, raw in enumerate(Path(path).read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
            continue
        fields = [field.strip() for field in line.split("|")]
        if current is None or len(fields) != 3 or not all(fields):
            raise pytest.UsageError(f"{path}:{number}: expected '[section]' or "
                                    f"'<node id glob> | <reason glob> | <why>', got {raw!r}")
        current.append((fields[0], fields[1]))
    if section not in sections:
        raise pytest.UsageError(f"ALLIANCE_ALLOWED_SKIPS={section!r}: no [{section}] section in {path} "
                                f"(sections: {', '.join(sections) or 'none'})")
    return tuple(sections[section])


def _settings() -> tuple[str, str] | None:
    section = os.environ.get("ALLIANCE_ALLOWED_SKIPS")
    if not section:
        return None
    return os.environ.get("ALLIANCE_ALLOWED_SKIPS_FILE", str(DEFAULT_FILE)), section


def check_configuration() -> None:
    """Read the allow-list at start-up, so that a typo stops the run before any test."""
    if settings := _settings():
        allowed_skips(*settings)


def skip_reason(report: pytest.TestReport) -> str:
    if isinstance(report.longrepr, tuple):
        return report.longrepr[2].removeprefix("Skipped: ")
    return str(report.longrepr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    settings = _settings()
    if settings and report.skipped and not hasattr(report, "wasxfail"):
        reason = skip_reason(report)
        if not any(fnmatchcase(report.nodeid, node) and fnmatchcase(reason, expected)
                   for node, expected in allowed_skips(*settings)):
            report.outcome = "failed"
            report.longrepr = (f"Skipped, and no line of [{settings[1]}] in {settings[0]} expects it "
                               f"(ALLIANCE_ALLOWED_SKIPS): {reason}")
    return report
