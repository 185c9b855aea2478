"""The admin's index grouped the way BDT staff work: by the Alliance's vehicles first, then the
reports, the reference data, the accounts, and the technical models apart.

Django lists one block per application, in alphabetical order, with the models' own names; here a
block is a vehicle or an area, its models in the order staff use them (what waits for a decision
first), and the three kinds of "progress reports" are named apart. A model no group names is
still listed, in "Other", so nothing registered disappears from the index.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

#: (key, title, models): "app_label.ModelName" in order, or "app_label.*" for the rest of an app.
GROUPS = [
    ("board", _("Digital Innovation Board"), [
        "board.Meeting", "board.Recommendation", "board.BoardMember", "board.Workplan",
        "board.Workstream", "board.WorkplanActivity", "board.WorkingGroup", "board.ForesightReport",
        "board.ExpertRequest", "board.Expert", "board.*"]),
    ("centres", _("Network of ITU Acceleration Centres"), [
        "centres.Application", "centres.Centre", "centres.CooperationAgreement", "centres.ActionPlan",
        "centres.CentreProgressReport", "centres.CentreChangeProposal", "centres.CentreMessage",
        "centres.ActionPlanActivity",
        "centres.CentreDocument", "centres.CentreHost",
        "centres.NetworkEvent", "centres.Training", "centres.Call", "centres.Criterion", "centres.*"]),
    ("dtlab", _("Digital Transformation Lab"), [
        "dtlab.ServiceRequest", "dtlab.Service", "dtlab.Playbook", "dtlab.PlaybookVersion",
        "dtlab.PlaybookDocument", "dtlab.RIACohort", "dtlab.ProjectConcept", "dtlab.*"]),
    ("partnerships", _("Partnerships and Partner2Connect"), [
        "partnerships.PartnershipAgreement", "partnerships.Partner", "partnerships.Pledge",
        "partnerships.ExpressionOfInterest", "partnerships.PledgeProgressReport", "partnerships.Pledger",
        "partnerships.ActionArea", "partnerships.Event", "partnerships.*"]),
    ("coordination", _("Inter-sectoral coordination"), [
        "coordination.AnnualReport", "coordination.Topic", "coordination.FocalPoint", "coordination.Meeting",
        "coordination.*"]),
    ("reports", _("TDAG reports"), ["reports.*"]),
    ("news", _("News and announcements"), ["news.*"]),
    ("reference", _("Reference data"), [
        "alliance.StrategicObjective", "alliance.Region", "alliance.RegionalInitiative",
        "alliance.Priority"]),
    ("accounts", _("Accounts and access"), [
        "alliance.User", "auth.Group", "otp_totp.TOTPDevice", "otp_static.StaticDevice", "axes.*",
        "django_otp_webauthn.*", "auth.*", "otp_totp.*", "otp_static.*"]),
    ("notifications", _("Notifications"), ["notifications.LeadTime", "notifications.*"]),
    ("technical", _("Technical: schedules and API tokens"), [
        "django_celery_beat.PeriodicTask", "alliance.ApiToken", "django_celery_beat.*"]),
]

#: Models whose own names would read alike in the index.
MODEL_NAMES = {
    "centres.CentreProgressReport": _("Host progress reports"),
    "partnerships.PledgeProgressReport": _("Pledge progress reports"),
    "reports.TDAGReport": _("TDAG reports"),
}


def _key(app: dict, model: dict) -> str:
    return f"{app['app_label']}.{model['object_name']}"


def _place(key: str) -> tuple[int, int]:
    """(group index, rank in the group) of a model; a wildcard ranks after the named models."""
    app_label = key.split(".", 1)[0]
    for index, (_group, _title, names) in enumerate(GROUPS):
        if key in names:
            return index, names.index(key)
    for index, (_group, _title, names) in enumerate(GROUPS):
        if f"{app_label}.*" in names:
            return index, names.index(f"{app_label}.*")
    return len(GROUPS), 0


def group_app_list(app_list: list[dict]) -> list[dict]:
    """Django's per-application list regrouped by ``GROUPS``; empty groups are left out."""
    placed: dict[int, list[tuple[int, str, dict, dict]]] = {}
    for app in app_list:
        for model in app["models"]:
            index, rank = _place(_key(app, model))
            placed.setdefault(index, []).append((rank, str(model["name"]), app, model))
    groups = []
    for index in sorted(placed):
        entries = sorted(placed[index], key=lambda entry: (entry[0], entry[1]))
        first_app = entries[0][2]
        key, title = (GROUPS[index][0], GROUPS[index][1]) if index < len(GROUPS) else ("other", _("Other"))
        groups.append({
            "name": title, "app_label": key, "app_url": first_app["app_url"],
            "has_module_perms": True, "models": [model for *_rest, model in entries],
        })
    return groups


def rename_models(app_list: list[dict]) -> list[dict]:
    for app in app_list:
        for model in app["models"]:
            model["name"] = MODEL_NAMES.get(_key(app, model), model["name"])
    return app_list


class AllianceAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        app_list = rename_models(super().get_app_list(request, app_label))
        return app_list if app_label else group_app_list(app_list)


class AllianceAdminConfig(AdminConfig):
    default_site = "alliance.admin_site.AllianceAdminSite"
