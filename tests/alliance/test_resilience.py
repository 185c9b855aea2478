from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_database_outage_answers_503_with_a_friendly_page(client):
    client.raise_request_exception = False
    with mock.patch("alliance.views.HomeView.get_context_data",
                    side_effect=OperationalError("connection refused")):
        response = client.get("/fr/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert 'lang="fr"' in response.content.decode()


def test_other_errors_are_not_disguised_as_outages(client):
    client.raise_request_exception = False
    with mock.patch("alliance.views.HomeView.get_context_data", side_effect=ValueError("bug")):
        response = client.get("/en/")
    assert response.status_code == 500


def test_unknown_pages_answer_404_in_the_portal_layout(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_database_outage_in_a_middleware_also_answers_503(client):
    client.raise_request_exception = False
    with mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request",
                    side_effect=OperationalError("server closed the connection")):
        response = client.get("/en/")
    assert response.status_code == 503


def test_the_server_error_page_speaks_the_visitors_language(client):
    client.raise_request_exception = False
    with mock.patch("alliance.views.HomeView.get_context_data", side_effect=ValueError("bug")):
        response = client.get("/ar/")
    assert response.status_code == 500
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "Something went wrong" not in page
