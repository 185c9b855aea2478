import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A key production accepts (at least 50 characters) for reading settings with DEBUG off.
KEY = "test-only-" + "k3x9Qz!vL7@pR2#mN8^tY4&wB6*" * 2


def clean_environ(**extra: str) -> dict[str, str]:
    """The process environment without any of the portal's own settings, plus ``extra``."""
    prefixes = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CELERY_")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(prefixes)}, **extra}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=clean_environ(**env),
                          capture_output=True, text=True, timeout=120)


def read_settings(*names: str, **env: str) -> list[str]:
    code = ("import django; django.setup(); from django.conf import settings as s; "
            f"print(*[eval('s.' + n) for n in {list(names)!r}], sep='|')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env=clean_environ(DJANGO_SETTINGS_MODULE="alliance.settings", **env))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split("|")


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "alliance: DJANGO_SECRET_KEY is not set; set it (or DJANGO_DEBUG=1 for local development)."
    ]


def test_debug_mode_starts_without_secret_key():
    result = run_manage("check", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SECRET_KEY="k3$" + "x9Qz!vL7@pR2#mN8^tY4&wB6*" * 3,
        DJANGO_HTTPS="1", DJANGO_ALLOWED_HOSTS="alliance.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_embedded_default_is_sqlite_local_cache_and_in_process_tasks():
    values = read_settings("DATABASES['default']['ENGINE']", "CELERY_TASK_ALWAYS_EAGER", "DEBUG",
                           "CACHES['default']['BACKEND']", DJANGO_SECRET_KEY=KEY)
    assert values == ["django.db.backends.sqlite3", "True", "False",
                      "django.core.cache.backends.locmem.LocMemCache"]


def test_database_url_switches_to_postgresql():
    engine, name, host = read_settings(
        "DATABASES['default']['ENGINE']", "DATABASES['default']['NAME']",
        "DATABASES['default']['HOST']",
        DJANGO_SECRET_KEY=KEY, DATABASE_URL="postgres://u:p@db.example:5432/alliance",
    )
    assert (engine, name, host) == ("django.db.backends.postgresql", "alliance", "db.example")


def test_redis_url_switches_broker_and_cache_to_redis():
    values = read_settings("CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER",
                           "CACHES['default']['BACKEND']",
                           DJANGO_SECRET_KEY=KEY, REDIS_URL="redis://cache.example:6379/0")
    assert values == ["redis://cache.example:6379/0", "False",
                      "alliance.core.cache.TimedRedisCache"]


def test_tasks_are_acknowledged_late_and_requeued_when_a_worker_dies():
    values = read_settings("CELERY_TASK_ACKS_LATE", "CELERY_TASK_REJECT_ON_WORKER_LOST",
                           DJANGO_SECRET_KEY=KEY)
    assert values == ["True", "True"]


def test_production_refuses_a_one_character_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="x")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_refuses_the_development_key():
    result = run_manage("check", DJANGO_SECRET_KEY="insecure-development-key-never-use-in-production")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_accepts_a_long_random_key_and_debug_any_key():
    assert run_manage("check", DJANGO_SECRET_KEY=KEY).returncode == 0
    assert run_manage("check", DJANGO_SECRET_KEY="x", DJANGO_DEBUG="1").returncode == 0
