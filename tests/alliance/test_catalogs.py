"""The message catalogs are complete: every message translated in the five other languages."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
TRANSLATED = ["ar", "zh_Hans", "fr", "ru", "es"]

pytestmark = pytest.mark.skipif(not shutil.which("msgattrib"), reason="gettext tools not installed")


def msgattrib(catalog: Path, *flags: str) -> str:
    result = subprocess.run(["msgattrib", *flags, "--no-obsolete", "--no-wrap", str(catalog)],
                            capture_output=True, text=True, check=True)
    return result.stdout


def msgids(po_text: str) -> list[str]:
    return [line[7:-1] for line in po_text.splitlines() if line.startswith('msgid "') and line != 'msgid ""']


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_message_is_left_untranslated(language):
    untranslated = msgids(msgattrib(LOCALE / language / "LC_MESSAGES" / "django.po", "--untranslated"))
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_message_is_fuzzy(language):
    fuzzy = msgids(msgattrib(LOCALE / language / "LC_MESSAGES" / "django.po", "--only-fuzzy"))
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_compiles_with_matching_placeholders(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"),
         str(LOCALE / language / "LC_MESSAGES" / "django.po")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_message_of_the_code_is_in_the_catalogs(tmp_path):
    """makemessages over a copy of the code and of the French catalog adds nothing untranslated:
    a new message cannot ship without its translations (French stands for the five, which the
    tests above keep complete together)."""
    copy = tmp_path / "portal"
    shutil.copytree(LOCALE.parent, copy, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".tools", "node_modules", "media", "staticfiles", "artifacts", "tests",
        "*.sqlite3", "*.mo", "__pycache__", "ar", "en", "es", "ru", "zh_Hans"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "alliance.settings", "DJANGO_DEBUG": "1"}
    result = subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "fr", "-v", "0"],
                            cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    untranslated = msgids(msgattrib(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po", "--untranslated"))
    assert untranslated == [], f"run makemessages and translate: {untranslated[:10]}"
