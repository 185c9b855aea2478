"""The schema documents only the error statuses each operation can give (alliance/core/api_schema.py)."""

import pytest

from tests.alliance.test_schemathesis import staff_schema


@pytest.fixture(scope="module")
def responses():
    paths = staff_schema()["paths"]
    return lambda method, path: set(paths[path][method]["responses"])


def test_public_reads_document_neither_401_nor_403(responses):
    assert responses("get", "/api/v1/centres/{id}/") == {"200", "404"}
    assert responses("get", "/api/v1/centres/") == {"200", "400", "404"}  # filters; a page too far


def test_an_unpaginated_list_without_filters_documents_only_200(responses):
    assert responses("get", "/api/v1/regions/") == {"200"}


def test_operations_that_need_an_account_document_401_and_403(responses):
    assert responses("get", "/api/v1/action-plans/{id}/") == {"200", "401", "403", "404"}
    assert responses("post", "/api/v1/partners/") == {"201", "400", "401", "403", "415"}  # no id: no 404
    assert responses("delete", "/api/v1/partners/{id}/") == {"204", "400", "401", "403", "404"}


def test_only_operations_with_a_body_document_an_unreadable_media_type(responses):
    assert "415" in responses("patch", "/api/v1/partners/{id}/")
    assert "415" not in responses("get", "/api/v1/partners/{id}/")
    assert "415" not in responses("delete", "/api/v1/partners/{id}/")
