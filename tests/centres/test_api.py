"""/api/v1/ for centres: public fields for everyone, staff see everything, hosts only their own."""

import pytest

from centres.models import ActionPlan, Centre, CentreProgressReport
from tests.factories import StagedCentreFactory

from .conftest import bulk_centres, make_report


def test_public_sees_public_fields_of_centres_that_were_not_removed(client, call):
    StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING, name="Open centre")
    StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED, name="Gone centre")
    data = client.get("/api/v1/centres/").json()
    assert [row["name"] for row in data["results"]] == ["Open centre"]
    assert "removal_note" not in data["results"][0] and "application" not in data["results"][0]


def test_staff_see_every_centre_and_every_field(staff_client, call):
    StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED, name="Gone centre")
    row = staff_client.get("/api/v1/centres/").json()["results"][0]
    assert row["status"] == "removed" and row["removal_reason"] == "no_agreement"


def test_centres_are_filterable(client, call):
    StagedCentreFactory(application__call=call, status=Centre.Status.OPERATING, name="Kenya centre",
                        country="KE")
    StagedCentreFactory(application__call=call, status=Centre.Status.SELECTED, name="Ghana centre",
                        country="GH")
    names = [r["name"] for r in client.get("/api/v1/centres/?country=GH&status=selected").json()["results"]]
    assert names == ["Ghana centre"]
    assert client.get("/api/v1/centres/?region=europe").json()["count"] == 0


def test_applications_are_for_staff_only(anonymous_client, host_client, staff_client, call, centre):
    assert anonymous_client.get("/api/v1/applications/").status_code in (401, 403)
    assert host_client.get("/api/v1/applications/").status_code == 403
    data = staff_client.get("/api/v1/applications/", {"status": "selected"}).json()
    assert data["count"] == 1 and data["results"][0]["reference"] == centre.application.reference


@pytest.mark.parametrize("endpoint", ["action-plans", "progress-reports"])
def test_host_sees_only_its_own_plan_and_reports_and_gets_404_for_others(host_client, centre, other_centre,
                                                                         endpoint):
    make_report(centre)
    make_report(other_centre)
    model = ActionPlan if endpoint == "action-plans" else CentreProgressReport
    own, other = model.objects.get(centre=centre), model.objects.get(centre=other_centre)
    data = host_client.get(f"/api/v1/{endpoint}/").json()
    assert [row["id"] for row in data["results"]] == [own.pk]
    assert host_client.get(f"/api/v1/{endpoint}/{own.pk}/").status_code == 200
    assert host_client.get(f"/api/v1/{endpoint}/{other.pk}/").status_code == 404


@pytest.mark.parametrize("endpoint", ["action-plans", "progress-reports"])
def test_staff_see_all_plans_and_reports_and_others_see_none(staff_client, anonymous_client, member_user,
                                                              centre, other_centre, endpoint):
    make_report(centre, CentreProgressReport.Status.SUBMITTED)
    make_report(other_centre)
    assert staff_client.get(f"/api/v1/{endpoint}/").json()["count"] == 2
    if endpoint == "progress-reports":
        assert staff_client.get(f"/api/v1/{endpoint}/?status=submitted").json()["count"] == 1
    assert anonymous_client.get(f"/api/v1/{endpoint}/").status_code in (401, 403)
    anonymous_client.force_login(member_user)
    assert anonymous_client.get(f"/api/v1/{endpoint}/").status_code == 403


def test_centre_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/v1/centres/", "/api/v1/applications/", "/api/v1/action-plans/",
                 "/api/v1/progress-reports/"):
        assert path in schema


@pytest.mark.parametrize("count", [5, 200])
def test_api_lists_use_a_constant_number_of_queries(staff_client, call, count, django_assert_max_num_queries):
    centres = bulk_centres(call, count)
    ActionPlan.objects.bulk_create(ActionPlan(centre=c) for c in centres)
    for url in ("/api/v1/centres/", "/api/v1/applications/", "/api/v1/action-plans/",
                "/api/v1/progress-reports/"):
        with django_assert_max_num_queries(10):
            assert staff_client.get(url).status_code == 200
