from unittest import mock


def test_healthz_reports_database_and_broker(client, db, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert body["broker"] == "not configured (tasks run in-process)"
    else:
        assert body["broker"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with mock.patch("alliance.views._database_state", return_value="error: OperationalError"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_healthz_reports_a_lost_broker_as_degraded_but_stays_in_service(client, db):
    with mock.patch("alliance.views._broker_state", return_value="error: OperationalError"):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "broker": "error: OperationalError"}
