from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def load_compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_five_services_each_with_a_healthcheck():
    services = load_compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name


def test_app_services_run_gunicorn_worker_and_beat():
    services = load_compose()["services"]
    assert "gunicorn -c python:alliance.gunicorn_conf alliance.wsgi:application" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "alliance", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "alliance", "beat"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_app_services_are_configured_by_environment_and_share_the_media_volume():
    compose = load_compose()
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        env = service["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:6379")
        assert "DJANGO_SECRET_KEY" in env
        assert "media:/app/media" in service["volumes"]
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "media" in compose["volumes"]


def test_dockerfile_builds_what_compose_runs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --locked" in dockerfile
    assert "fonts-noto-cjk" in dockerfile
