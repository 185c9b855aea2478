"""The admin's index grouped by the Alliance's vehicles, in the order staff use them."""

import pytest
from django.contrib import admin
from django.urls import reverse

from alliance.admin_site import AllianceAdminSite, group_app_list

pytestmark = pytest.mark.django_db


def _index(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.context["app_list"]


def test_the_default_admin_site_is_the_alliances():
    assert isinstance(admin.site, AllianceAdminSite)


def test_the_index_lists_the_vehicles_first_then_reports_reference_data_and_accounts(admin_client):
    names = [str(group["name"]) for group in _index(admin_client)]
    assert names == ["Digital Innovation Board", "Network of ITU Acceleration Centres",
                     "Digital Transformation Lab", "Partnerships and Partner2Connect",
                     "Inter-sectoral coordination", "TDAG reports", "News and announcements",
                     "Reference data", "Accounts and access", "Notifications",
                     "Technical: schedules and API tokens"]


def test_each_group_lists_what_waits_for_a_decision_first(admin_client):
    groups = {group["app_label"]: [model["object_name"] for model in group["models"]]
              for group in _index(admin_client)}
    assert groups["centres"][:3] == ["Application", "Centre", "CooperationAgreement"]
    assert groups["partnerships"][:3] == ["PartnershipAgreement", "Partner", "Pledge"]
    assert groups["technical"][:2] == ["PeriodicTask", "ApiToken"]
    assert "ApiToken" not in groups["accounts"] and "User" in groups["accounts"]


def test_the_three_kinds_of_progress_reports_are_named_apart(admin_client):
    names = {(model["admin_url"].split("/")[3], str(model["name"]))
             for group in _index(admin_client) for model in group["models"]
             if model["object_name"] in ("CentreProgressReport", "PledgeProgressReport", "TDAGReport")}
    assert names == {("centres", "Host progress reports"), ("partnerships", "Pledge progress reports"),
                     ("reports", "TDAG reports")}


def test_a_model_no_group_names_is_still_listed_under_other():
    app_list = [{"app_label": "newapp", "name": "New", "app_url": "/admin/newapp/", "has_module_perms": True,
                 "models": [{"object_name": "Thing", "name": "things"}]},
                {"app_label": "board", "name": "Board", "app_url": "/admin/board/", "has_module_perms": True,
                 "models": [{"object_name": "Meeting", "name": "meetings"}]}]
    groups = group_app_list(app_list)
    assert [(str(g["name"]), [m["object_name"] for m in g["models"]]) for g in groups] == [
        ("Digital Innovation Board", ["Meeting"]), ("Other", ["Thing"])]


def test_an_applications_own_admin_page_keeps_its_models(admin_client):
    response = admin_client.get(reverse("admin:app_list", kwargs={"app_label": "centres"}))
    assert response.status_code == 200
    models = response.context["app_list"][0]["models"]
    assert "Host progress reports" in [str(model["name"]) for model in models]

