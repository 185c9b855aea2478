"""The Nu HTML checker (vnu.jar) run over files, strictly: a run that checked nothing fails.

vnu writes its JSON report on stderr and exits 1 when it found errors. It exits 0 with an empty
report for a file it could not find, and a crash leaves no JSON at all, so the report alone cannot
be trusted: every file must exist and hold something, the report must parse, name the checker's
version and list its messages, and a non-zero exit must be explained by the errors reported.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

# Reported like errors: vnu's "non-document-error" is a file it could not read or a checker fault.
FAILING_TYPES = {"error", "non-document-error"}


class CheckerFailed(AssertionError):
    """The checker did not run properly: its verdict cannot be read as "valid"."""


def vnu_command(jar: Path) -> list[str]:
    return ["java", "-jar", str(jar)]


def vnu_errors(command: list[str], files: dict[str, str], timeout: float = 300) -> list[tuple]:
    """Check ``files`` ({file path: label}); return the errors as (label, line, message).

    Raises ``CheckerFailed`` when there is nothing to check, a file is missing or empty, the
    output is not vnu's JSON report, or the exit status is non-zero without an error to show.
    """
    if not files:
        raise CheckerFailed("no file to check")
    empty = [path for path in files if not Path(path).is_file() or Path(path).stat().st_size == 0]
    if empty:
        raise CheckerFailed(f"missing or empty files: {empty}")
    result = subprocess.run([*command, "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=timeout)
    try:
        report = json.loads(result.stderr)
    except ValueError:
        report = None
    if not isinstance(report, dict) or "version" not in report or not isinstance(report.get("messages"),
                                                                                  list):
        raise CheckerFailed(f"unreadable vnu output (exit {result.returncode}):\n"
                            f"stderr: {result.stderr[:2000]!r}\nstdout: {result.stdout[:2000]!r}")
    errors = [(files.get(m.get("url", "").removeprefix("file:"), m.get("url")), m.get("lastLine"),
               m.get("message")) for m in report["messages"] if m.get("type") in FAILING_TYPES]
    if result.returncode != 0 and not errors:
        raise CheckerFailed(f"vnu exited {result.returncode} without reporting an error:\n"
                            f"{result.stderr[:2000]}")
    return errors
