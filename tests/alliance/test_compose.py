"""docker-compose.yml for several machines, checked without Docker: services, healthchecks,
published ports, the database paths through PgBouncer and the proxy's configuration."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
APPS = ("alliance", "centres", "board", "dtlab", "partnerships")
ONE_SHOT = {"release", "minio-bucket"}


def load_compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_proxy_replicas_workers_beat_and_their_services():
    services = load_compose()["services"]
    assert set(services) == {"proxy", "release", "web", "worker", "beat", "postgres", "pgbouncer", "redis",
                             "minio", "minio-bucket"}
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["worker"]["deploy"]["replicas"] == 2
    assert "deploy" not in services["beat"], "one beat only: two would send every schedule twice"


def test_every_long_running_service_has_a_healthcheck_and_one_shot_jobs_run_once():
    services = load_compose()["services"]
    for name, service in services.items():
        if name in ONE_SHOT:
            assert service["restart"] == "no", name
        else:
            assert service["healthcheck"]["test"], name
            assert not service["healthcheck"].get("disable"), name
    assert services["web"]["depends_on"]["release"]["condition"] == "service_completed_successfully"
    for name in ("web", "worker", "beat", "release"):
        assert services[name]["depends_on"]["minio-bucket"]["condition"] == "service_completed_successfully"


def test_only_the_proxy_publishes_a_port():
    services = load_compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert services["web"]["expose"] == ["8000"]


def test_app_services_run_gunicorn_workers_and_beat_and_check_readiness():
    services = load_compose()["services"]
    assert "gunicorn -c python:alliance.gunicorn_conf alliance.wsgi:application" in services["web"]["command"]
    assert "celery -A alliance worker" in services["worker"]["command"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "alliance", "beat"]
    assert "/readyz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "migrate" in " ".join(services["release"]["command"])


def test_only_processes_that_empty_the_metrics_folder_at_start_are_given_one():
    """prometheus-client writes into PROMETHEUS_MULTIPROC_DIR from import on: a process given one
    that does not exist fails to start, and stale files of dead processes would be summed."""
    services = load_compose()["services"]
    for name, service in services.items():
        if "PROMETHEUS_MULTIPROC_DIR" in service.get("environment", {}):
            assert "rm -rf $$PROMETHEUS_MULTIPROC_DIR && mkdir -p $$PROMETHEUS_MULTIPROC_DIR" in \
                service["command"], name
    assert "PROMETHEUS_MULTIPROC_DIR" in services["web"]["environment"]
    assert "PROMETHEUS_MULTIPROC_DIR" in services["worker"]["environment"]


def test_app_services_share_only_the_database_redis_and_the_bucket():
    compose = load_compose()
    for name in ("web", "worker", "beat", "release"):
        service = compose["services"][name]
        env = service["environment"]
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:6379")
        assert env["AWS_STORAGE_BUCKET_NAME"] and env["AWS_S3_ENDPOINT_URL"] == "http://minio:9000"
        assert "DJANGO_SECRET_KEY" in env
        assert not any("/app/media" in volume for volume in service.get("volumes", [])), name
    assert "media" not in compose["volumes"]


def test_web_goes_through_pgbouncer_and_workers_reach_postgresql_directly():
    services = load_compose()["services"]
    web = services["web"]["environment"]
    assert "@pgbouncer:5432/" in web["DATABASE_URL"]
    assert web["DJANGO_DB_TRANSACTION_POOLING"] == "1"
    assert services["pgbouncer"]["environment"]["POOL_MODE"] == "transaction"
    for name in ("worker", "beat", "release"):
        assert "@postgres:5432/" in services[name]["environment"]["DATABASE_URL"], name


def test_session_advisory_locks_are_taken_only_by_the_workers():
    """Transaction pooling hands each transaction any server connection: a session lock taken
    through PgBouncer would be held by a connection someone else gets next. The report generation
    and the freezing of an approved report's lists (the only such locks, both taken inside the
    generation) run in Celery tasks, which connect directly."""
    holders = {str(path.relative_to(ROOT)) for app in APPS for path in (ROOT / app).rglob("*.py")
               if re.search(r"pg_(try_)?advisory_lock\(", path.read_text())}
    assert holders <= {"alliance/reports/services.py"}
    callers = {str(path.relative_to(ROOT)) for app in APPS for path in (ROOT / app).rglob("*.py")
               if re.search(r"\breport_generate\(", path.read_text().replace("def report_generate(", ""))}
    # ... and the demo loader, a command run against the database directly (never the web's pool).
    assert callers <= {"alliance/reports/tasks.py", "alliance/reports/demo.py"}


def test_the_proxy_serves_static_files_forwards_the_client_and_keeps_metrics_inside():
    services = load_compose()["services"]
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    assert "static:/srv/static:ro" in services["proxy"]["volumes"]
    assert "static:/app/staticfiles" in services["release"]["volumes"]
    assert "dynamic a web 8000" in caddyfile and "health_uri /readyz" in caddyfile
    assert "header_up X-Real-IP {remote_host}" in caddyfile
    assert "respond /metrics 404" in caddyfile
    assert re.search(r"handle_path /static/\*.*?root \* /srv/static", caddyfile, re.S)
    # The web replicas believe the forwarded headers of the proxy's fixed address only.
    proxy_address = services["proxy"]["networks"]["default"]["ipv4_address"]
    trusted = services["web"]["environment"]["DJANGO_TRUSTED_PROXIES"]
    assert trusted == f"${{DJANGO_TRUSTED_PROXIES:-{proxy_address}}}"


def test_dockerfile_builds_what_compose_runs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --locked" in dockerfile
    assert "fonts-noto-cjk" in dockerfile
