import datetime
from decimal import Decimal

import pytest

from dtlab import demo
from dtlab.models import Playbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    demo.load(log=lambda message: None)


def test_playbooks_api_lists_versions_and_download_links(client, demo_data):
    response = client.get("/api/v1/playbooks/", {"funder": "mic-japan"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 8
    first = body["results"][0]
    assert first["strategic_objective"] == 1
    languages = {document["language"] for document in first["versions"][0]["documents"]}
    assert languages == {"ar", "zh-hans", "en", "fr", "ru", "es"}
    assert first["versions"][0]["documents"][0]["download_url"].endswith("/download/")


def test_playbooks_api_filters_by_status_topic_and_search(client, demo_data):
    assert client.get("/api/v1/playbooks/", {"status": "in_development"}).json()["count"] == 1
    assert client.get("/api/v1/playbooks/", {"topic": "co_design"}).json()["count"] == 1
    assert client.get("/api/v1/playbooks/", {"search": "experimentation"}).json()["count"] == 1
    assert client.get("/api/v1/playbooks/", {"status": "nonsense"}).status_code == 400


def test_playbook_api_detail_by_slug(client, demo_data):
    body = client.get("/api/v1/playbooks/strategic-foresight/").json()
    assert body["title"] == "Strategic Foresight Playbook"
    assert body["funder"] == "mic-japan"


def test_the_api_is_read_only(client, staff_user, demo_data):
    client.force_login(staff_user)
    assert client.post("/api/v1/playbooks/", {"slug": "x"}).status_code == 405


def test_cohorts_api_gives_the_totals(client, demo_data):
    body = client.get("/api/v1/ria-cohorts/", {"region": "europe", "year": 2025}).json()
    assert body["count"] == 1
    cohort = body["results"][0]
    assert Decimal(cohort["total_budget_usd"]) == Decimal("20000000.00")
    assert cohort["concept_count"] == 5
    assert sorted(cohort["participating_countries"]) == ["AL", "BA", "ME", "MK", "RS"]
    assert client.get("/api/v1/ria-cohorts/", {"year": 2023}).json()["count"] == 0


def test_concepts_api_filters_by_cohort_status_and_budget(client, demo_data):
    assert client.get("/api/v1/project-concepts/", {"cohort": 1, "status": "approved"}).json()["count"] == 5
    assert client.get("/api/v1/project-concepts/", {"budget_min": "4500000"}).json()["count"] == 2
    assert client.get("/api/v1/project-concepts/", {"lead_country": "me"}).json()["count"] == 1


@pytest.mark.parametrize("size", [5, 200])
def test_playbooks_api_query_count_does_not_grow(client, make_playbook, add_pdf, size,
                                                 django_assert_max_num_queries):
    for _ in range(size):
        playbook = make_playbook(status=Playbook.Status.PUBLISHED, published_on=datetime.date(2024, 1, 1))
        add_pdf(playbook)
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/playbooks/")
    assert response.status_code == 200


def test_the_openapi_schema_documents_the_dtlab_endpoints(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = response.content.decode()
    for path in ("/api/v1/playbooks/", "/api/v1/ria-cohorts/", "/api/v1/project-concepts/"):
        assert path in schema
