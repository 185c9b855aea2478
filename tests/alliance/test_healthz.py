from unittest import mock


def test_healthz_reports_database_and_broker(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"].startswith("not configured")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with mock.patch("alliance.views._database_state", return_value="error: OperationalError"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
