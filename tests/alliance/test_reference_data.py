import pytest
from modeltranslation.utils import build_localized_fieldname

from alliance.models import Priority, Region, RegionalInitiative, StrategicObjective

pytestmark = pytest.mark.django_db
LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]


def test_six_itu_regions():
    assert list(Region.objects.values_list("code", flat=True)) == [
        "africa", "americas", "arab_states", "asia_pacific", "cis", "europe"]


def test_regional_initiatives_the_alliance_maps_to():
    assert list(RegionalInitiative.objects.values_list("code", flat=True)) == [
        "AFR4", "AMS3", "ARB4", "ASP4", "CIS3", "CIS5", "EUR5"]
    assert RegionalInitiative.objects.get(code="CIS5").region.code == "cis"


def test_five_strategic_objectives_in_order():
    assert [o.name_en for o in StrategicObjective.objects.all()] == [
        "Trends research readiness", "Open technology innovation",
        "Entrepreneurship and SME growth", "Policy experimentation",
        "Ecosystem initiatives acceleration"]


def test_kigali_action_plan_priorities():
    assert set(Priority.objects.values_list("code", flat=True)) == {
        "affordable_connectivity", "digital_transformation", "enabling_environment",
        "resource_mobilization", "inclusive_secure_ict"}


@pytest.mark.parametrize("model", [Region, RegionalInitiative, StrategicObjective, Priority])
def test_every_reference_name_is_translated_into_the_six_languages(model):
    for obj in model.objects.all():
        for lang in LANGS:
            assert getattr(obj, build_localized_fieldname("name", lang)), (obj, lang)


def test_reference_data_api_is_public(client):
    response = client.get("/api/v1/strategic-objectives/", headers={"accept-language": "fr"})
    assert response.status_code == 200
    assert [o["number"] for o in response.json()] == [1, 2, 3, 4, 5]
    assert response.json()[3]["name"] == "Expérimentation en matière de politiques"


def test_openapi_schema_and_offline_docs(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/regions/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in docs
    assert "cdn" not in docs.lower()
