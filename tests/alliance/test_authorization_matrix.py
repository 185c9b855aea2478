"""Who gets what, for every URL of the site: anonymous, the host of centre A, the host of centre B,
a pledger and BDT staff, against one world built once for the module (``authz_world.py``).

``MATRIX`` is the table: one row per URL and method, the status each role must get. A host asking
for another centre's objects gets 404; a visitor is sent to the login page; a signed-in user who
is not BDT staff is refused (403, or the admin login page where Django's staff decorator is used).
``test_every_url_pattern_has_a_row`` fails on any URL pattern the table does not cover, so a new
URL cannot ship without saying who may open it. The lifecycle tests at the end check that a host
cannot change its centre's lifecycle status, nor anything of another centre, by any door.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from alliance.notifications.optional import unsubscribe_token
from centres.models import ActionPlan, ActionPlanActivity, Centre, CentreDocument, CentreProgressReport

from .authz_world import ROLES, World, build_world

# The world's files live in its module-wide media folder (tests/conftest.py's media_root).
pytestmark = pytest.mark.module_media

# What a refusal looks like besides a status: a redirect to a login page (with ?next=).
LOGIN = "login page"
ADMIN_LOGIN = "admin login page"

PUBLIC = (200, 200, 200, 200, 200)
REDIRECTED = (302, 302, 302, 302, 302)
NOBODY = (404, 404, 404, 404, 404)                 # hidden from everyone: a draft, a removed centre
STAFF_SEES_HIDDEN = (404, 404, 404, 404, 200)
HOSTS_ONLY = (LOGIN, 200, 200, 403, 403)
HOSTS_ONLY_POST = (LOGIN, 302, 302, 403, 403)
HOST_A_ONLY = (LOGIN, 200, 404, 403, 403)          # an object of centre A
HOST_A_ONLY_POST = (LOGIN, 302, 404, 403, 403)
HOST_B_ONLY = (LOGIN, 404, 200, 403, 403)          # an object of centre B
STAFF_PAGE = (LOGIN, 403, 403, 403, 200)
STAFF_POST = (LOGIN, 403, 403, 403, 302)
ADMIN_GATE = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)   # Django's staff_member_required
ADMIN_GATE_POST = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 302)
SIGNED_IN = (LOGIN, 200, 200, 200, 200)
API_STAFF = (403, 403, 403, 403, 200)
API_HOSTS_AND_STAFF = (403, 200, 200, 403, 200)


@dataclass(frozen=True)
class Row:
    """A URL (name and kwargs), a method, and the outcome for each role in ``ROLES`` order.

    Kwargs and data name world objects with ``@attribute`` (its pk) or ``@attribute.field``.
    A pattern without a name is given by a path instead, e.g. ``/api/v1/no-such-thing/``.
    """

    method: str
    name: str
    kwargs: dict = field(default_factory=dict)
    expect: tuple = PUBLIC
    data: dict | None = None

    def path(self, world: World) -> str:
        if self.name.startswith("/"):
            return self.name
        return reverse(self.name, kwargs={key: _value(world, value) for key, value in self.kwargs.items()})

    def payload(self, world: World) -> dict:
        return {key: _value(world, value) for key, value in (self.data or {}).items()}

    def expected(self, role: str):
        """The outcome for ``role``; a row of five columns derives the last two roles: ``is_staff``
        alone gets what a signed-in user outside BDT gets (the pledger's), a superuser what BDT
        staff get."""
        columns = dict(zip(ROLES, self.expect, strict=False))
        if len(self.expect) == 5:
            columns["staff_flag_only"] = columns["pledger"]
            columns["superuser"] = columns["staff"]
        return columns[role]

    def is_api(self) -> bool:
        return self.name.startswith(API_NAMES) or self.name.startswith("/api/")

    def __str__(self) -> str:
        objects = ",".join(f"{k}={v}" for k, v in self.kwargs.items())
        return f"{self.method} {self.name}" + (f"[{objects}]" if objects else "")


def _value(world: World, value):
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    name, _, attribute = value[1:].partition(".")
    return getattr(getattr(world, name), attribute or "pk")


API_NAMES = ("api-root", "partnerships-stats", "region-", "regionalinitiative-", "strategicobjective-",
             "priority-", "centres-", "board-member-", "meeting-", "recommendation-", "playbook-",
             "ria-cohort-", "project-concept-", "partner-", "agreement-", "pledge-", "reports-api-",
             "coordination-")

TODAY = timezone.localdate()
REPORT_REQUEST = {"kind": "alliance", "period_start": "2023-01-01", "period_end": "2023-12-31",
                  "language": "en"}
NEW_AGREEMENT = {"partner": "@partner", "title": "New programme", "region": "africa", "status": "signed",
                 "signed_on": "2024-06-01", "partner_contribution_usd": "0.00",
                 "itu_contribution_usd": "0.00"}
ACTIVITY = {"objective": "@objective", "title": "Hackathon", "planned_start": str(TODAY),
            "planned_end": str(TODAY + timedelta(days=30)), "status": "planned", "progress": "0"}
DUE_DILIGENCE = {"dd_identity_verified": "on", "dd_supports_action_area": "on"}
PLEDGE_PROGRESS = {"status": "on_track", "narrative": "Two hundred schools so far.",
                   "amount_delivered_usd": "1000"}

#       method    URL name                           objects (@x: world.x)       anon, A, B, pledger, staff
MATRIX: list[Row] = [
    # Outside the language prefix --------------------------------------------------------------
    Row("GET",    "healthz",                         {},                         PUBLIC),
    Row("GET",    "livez",                           {},                         PUBLIC),
    Row("GET",    "readyz",                          {},                         PUBLIC),
    # The test client asks from 127.0.0.1: a scraper on loopback (tests/alliance/test_metrics.py).
    Row("GET",    "metrics",                         {},                         PUBLIC),
    Row("GET",    "robots-txt",                      {},                         PUBLIC),
    Row("GET",    "sitemap",                         {},                         PUBLIC),
    Row("GET",    "favicon",                         {},                         PUBLIC),
    Row("GET",    "api-schema",                      {},                         PUBLIC),
    Row("GET",    "api-docs",                        {},                         PUBLIC),
    # Home and accounts -----------------------------------------------------------------------
    Row("GET",    "home",                            {},                         PUBLIC),
    Row("GET",    "login",                           {},                         (200, 302, 302, 302, 302)),
    Row("POST",   "login",                           {},                         (200, 302, 302, 302, 302),
                  data={"username": "nobody", "password": "wrong"}),
    Row("GET",    "logout",                          {},                         (405, 405, 405, 405, 405)),
    Row("POST",   "logout",                          {},                         REDIRECTED),
    Row("GET",    "password_reset",                  {},                         PUBLIC),
    Row("POST",   "password_reset",                  {},                         REDIRECTED,
                  data={"email": "nobody@example.org"}),
    Row("GET",    "password_reset_done",             {},                         PUBLIC),
    Row("GET",    "password_reset_confirm",          {"uidb64": "MQ", "token": "not-a-token"},
                                                                                 PUBLIC),
    Row("GET",    "password_reset_complete",         {},                         PUBLIC),
    Row("GET",    "password_change",                 {},                         SIGNED_IN),
    Row("POST",   "password_change",                 {},                         SIGNED_IN,
                  data={"old_password": "wrong"}),
    Row("GET",    "password_change_done",            {},                         SIGNED_IN),
    Row("GET",    "after-login",                     {},                         (LOGIN, 302, 302, 302, 302)),
    # The Django admin: BDT staff only ------------------------------------------------------------
    Row("GET",    "admin:centres_centre_change",     {"object_id": "@centre_a"},
                                                     (*(ADMIN_LOGIN,) * 4, 200, 403, 200)),
    Row("GET",    "admin:centres_centremessage_attachment", {"pk": "@message_a"},
                                                     (*(ADMIN_LOGIN,) * 4, 200, 403, 200)),
    # Staff area ------------------------------------------------------------------------------
    # Staff status alone opens no staff page: 403 (issue 15 finding 6).
    Row("GET",    "staff-home",                      {},                         (*ADMIN_GATE, 403, 200)),
    Row("GET",    "reports:list",                    {},                         STAFF_PAGE),
    Row("GET",    "reports:request",                 {},                         STAFF_POST),
    Row("POST",   "reports:request",                 {},                         STAFF_POST,
                  data=REPORT_REQUEST),
    Row("GET",    "reports:detail",                  {"pk": "@tdag_report"},     STAFF_PAGE),
    Row("GET",    "reports:status",                  {"pk": "@tdag_report"},     STAFF_PAGE),
    Row("POST",   "reports:again",                   {"pk": "@tdag_report"},     STAFF_POST),
    Row("GET",    "reports:download",                {"pk": "@tdag_report"},     STAFF_PAGE),
    Row("GET",    "partnerships:dashboard",          {},                         STAFF_PAGE),
    Row("GET",    "partnerships:pledge-review",      {"pk": "@pledge_submitted"},
                                                                                 STAFF_PAGE),
    Row("POST",   "partnerships:pledge-review",      {"pk": "@pledge_submitted"},
                                                                                 STAFF_POST,
                  data=DUE_DILIGENCE),
    Row("GET",    "partnerships:agreement-document", {"pk": "@p_agreement"},     STAFF_PAGE),
    Row("GET",    "dtlab:staff-requests",            {},                         STAFF_PAGE),
    Row("POST",   "dtlab:staff-request-move",        {"pk": "@service_request"}, STAFF_POST,
                  data={"status": "accepted"}),
    # The hosts' portal: a host sees only their own centre ----------------------------------------
    Row("GET",    "portal:dashboard",                {},                         HOSTS_ONLY),
    Row("GET",    "portal:profile",                  {},                         HOSTS_ONLY),
    Row("POST",   "portal:profile",                  {},                         HOSTS_ONLY_POST,
                  data={"description_en": "Ours."}),
    Row("GET",    "portal:changes",                  {},                         HOSTS_ONLY),
    Row("POST",   "portal:changes",                  {},                         HOSTS_ONLY),
    Row("GET",    "portal:action-plan",              {},                         HOSTS_ONLY),
    Row("GET",    "portal:action-plan-submit",       {},                         (LOGIN, 405, 405, 403, 403)),
    Row("POST",   "portal:action-plan-submit",       {},                         HOSTS_ONLY_POST),
    Row("GET",    "portal:activity-add",             {},                         HOSTS_ONLY),
    Row("POST",   "portal:activity-add",             {},                         HOSTS_ONLY_POST,
                  data=ACTIVITY),
    Row("GET",    "portal:activity-edit",            {"pk": "@activity_a"},      HOST_A_ONLY),
    Row("POST",   "portal:activity-edit",            {"pk": "@activity_a"},      HOST_A_ONLY_POST,
                  data=ACTIVITY),
    Row("GET",    "portal:activity-edit",            {"pk": "@activity_b"},      HOST_B_ONLY),
    Row("GET",    "portal:reports",                  {},                         HOSTS_ONLY),
    Row("GET",    "portal:report-add",               {},                         HOSTS_ONLY),
    Row("GET",    "portal:report",                   {"pk": "@report_a"},        HOST_A_ONLY),
    Row("POST",   "portal:report",                   {"pk": "@report_a"},        HOST_A_ONLY),
    Row("GET",    "portal:report",                   {"pk": "@report_b"},        HOST_B_ONLY),
    Row("POST",   "portal:report-submit",            {"pk": "@report_a"},        HOST_A_ONLY_POST),
    Row("POST",   "portal:report-submit",            {"pk": "@report_b"},        (LOGIN, 404, 302, 403, 403)),
    Row("GET",    "portal:documents",                {},                         HOSTS_ONLY),
    Row("GET",    "portal:document-download",        {"pk": "@document_a"},      HOST_A_ONLY),
    Row("GET",    "portal:document-download",        {"pk": "@document_b"},      HOST_B_ONLY),
    Row("GET",    "portal:document",                 {"pk": "@document_a"},      HOST_A_ONLY),
    Row("POST",   "portal:document",                 {"pk": "@document_a"},      HOST_A_ONLY),
    Row("GET",    "portal:document",                 {"pk": "@document_b"},      HOST_B_ONLY),
    Row("POST",   "portal:document",                 {"pk": "@document_b"},      HOST_B_ONLY),
    Row("GET",    "portal:document-remove",          {"pk": "@document_a"},      HOST_A_ONLY),
    Row("POST",   "portal:document-remove",          {"pk": "@document_a"},      HOST_A_ONLY_POST),
    Row("GET",    "portal:document-remove",          {"pk": "@document_b"},      HOST_B_ONLY),
    Row("POST",   "portal:document-remove",          {"pk": "@document_b"},      (LOGIN, 404, 302, 403, 403)),
    Row("GET",    "portal:document-version-download", {"pk": "@document_a", "version": "@document_version_a"},
                                                                                 HOST_A_ONLY),
    Row("GET",    "portal:document-version-download", {"pk": "@document_b", "version": "@document_version_b"},
                                                                                 HOST_B_ONLY),
    Row("GET",    "portal:document-version-download", {"pk": "@document_a", "version": "@document_version_b"},
                                                                                 (LOGIN, 404, 404, 403, 403)),
    Row("GET",    "portal:events",                   {},                         HOSTS_ONLY),
    Row("GET",    "portal:event-add",                {},                         HOSTS_ONLY),
    Row("POST",   "portal:event-add",                {},                         HOSTS_ONLY),
    Row("GET",    "portal:event-edit",               {"pk": "@event_a"},         HOST_A_ONLY),
    Row("POST",   "portal:event-edit",               {"pk": "@event_a"},         HOST_A_ONLY),
    Row("GET",    "portal:event-edit",               {"pk": "@event_b"},         HOST_B_ONLY),
    Row("GET",    "portal:messages",                 {},                         HOSTS_ONLY),
    Row("POST",   "portal:messages",                 {},                         HOSTS_ONLY),
    Row("GET",    "portal:message-attachment",       {"pk": "@message_a"},       HOST_A_ONLY),
    Row("GET",    "portal:message-attachment",       {"pk": "@message_b"},       HOST_B_ONLY),
    Row("GET",    "portal:agreement",                {},                         HOSTS_ONLY),
    Row("GET",    "portal:agreement-download",       {"pk": "@agreement_a"},     HOST_A_ONLY),
    Row("GET",    "portal:agreement-download",       {"pk": "@agreement_b"},     HOST_B_ONLY),
    # Public pages: the network of centres -------------------------------------------------------
    Row("GET",    "centres:index",                   {},                         PUBLIC),
    Row("GET",    "centres:figures",                 {},                         PUBLIC),
    Row("GET",    "centres:apply",                   {},                         PUBLIC),
    Row("POST",   "centres:apply",                   {},                         PUBLIC,
                  data={"organisation": ""}),
    Row("GET",    "centres:apply-thanks",            {},                         REDIRECTED),
    Row("GET",    "centres:application-status-lookup", {},                       PUBLIC),
    Row("POST",   "centres:application-status-lookup", {},                       PUBLIC,
                  data={"reference": "AC-2025-000001", "email": "nobody@example.org"}),
    Row("GET",    "centres:application-status",      {"token": "@application_link.token"}, PUBLIC),
    Row("POST",   "centres:application-status",      {"token": "@application_link.token"}, PUBLIC),
    Row("GET",    "centres:application-status",      {"token": "AC-2025-000001"}, NOBODY),
    Row("GET",    "centres:detail",                  {"slug": "@centre_a.slug"}, PUBLIC),
    Row("GET",    "centres:detail",                  {"slug": "@centre_removed.slug"},
                                                                                 NOBODY),
    # Public pages: the Board -------------------------------------------------------------------
    Row("GET",    "board:index",                     {},                         PUBLIC),
    Row("GET",    "board:member-list",               {},                         PUBLIC),
    Row("GET",    "board:member-detail",             {"slug": "@member.slug"},   PUBLIC),
    Row("GET",    "board:meeting-list",              {},                         PUBLIC),
    Row("GET",    "board:meeting-detail",            {"number": "@meeting.number"},
                                                                                 PUBLIC),
    Row("GET",    "board:meeting-document-download", {"pk": "@meeting_document"},
                                                                                 PUBLIC),
    Row("GET",    "board:recommendation-list",       {},                         PUBLIC),
    Row("GET",    "board:workplan",                  {},                         PUBLIC),
    Row("GET",    "board:document-download",         {"slug": "@board_document.slug"},
                                                                                 PUBLIC),
    Row("GET",    "board:working-group-tor",         {"slug": "@working_group.slug"},
                                                                                 PUBLIC),
    Row("GET",    "board:foresight-list",            {},                         PUBLIC),
    Row("GET",    "board:foresight-detail",          {"slug": "@foresight.slug"},
                                                                                 PUBLIC),
    Row("GET",    "board:foresight-detail",          {"slug": "@foresight_draft.slug"},
                                                                                 NOBODY),
    Row("GET",    "board:foresight-download",        {"slug": "@foresight.slug", "language": "en"},
                                                                                 PUBLIC),
    Row("GET",    "board:foresight-download",        {"slug": "@foresight_draft.slug", "language": "en"},
                                                                                 NOBODY),
    Row("GET",    "board:expert-list",               {},                         PUBLIC),
    Row("GET",    "board:expert-request",            {},                         PUBLIC),
    Row("POST",   "board:expert-request",            {},                         PUBLIC,
                  data={"full_name": ""}),
    Row("GET",    "board:expert-request-thanks",     {},                         PUBLIC),
    # Public pages: the DT Lab --------------------------------------------------------------------
    Row("GET",    "dtlab:index",                     {},                         PUBLIC),
    Row("GET",    "dtlab:playbook-list",             {},                         PUBLIC),
    Row("GET",    "dtlab:playbook-detail",           {"slug": "@playbook.slug"}, PUBLIC),
    Row("GET",    "dtlab:playbook-download",
                  {"slug": "@playbook.slug", "version": "1.0", "language": "en"}, PUBLIC),
    Row("GET",    "dtlab:playbook-download",
                  {"slug": "@playbook_draft.slug", "version": "1.0", "language": "en"}, STAFF_SEES_HIDDEN),
    Row("GET",    "dtlab:service-list",              {},                         PUBLIC),
    Row("GET",    "dtlab:service-request",           {"slug": "@service.slug"},  PUBLIC),
    Row("POST",   "dtlab:service-request",           {"slug": "@service.slug"},  PUBLIC,
                  data={"organisation": ""}),
    Row("GET",    "dtlab:service-request-sent",      {"slug": "@service.slug"},  PUBLIC),
    Row("GET",    "dtlab:cohort-list",               {},                         PUBLIC),
    Row("GET",    "dtlab:cohort-detail",             {"number": "@cohort.number"},
                                                                                 PUBLIC),
    # Public pages: partnerships and Partner2Connect --------------------------------------------------
    Row("GET",    "partnerships:index",              {},                         PUBLIC),
    Row("GET",    "partnerships:stories",            {},                         PUBLIC),
    Row("GET",    "partnerships:story",              {"pk": "@story"},           PUBLIC),
    Row("GET",    "partnerships:story",              {"pk": "@story_draft"},     NOBODY),
    Row("GET",    "partnerships:pledges",            {},                         PUBLIC),
    Row("GET",    "partnerships:pledge",             {"pk": "@pledge_a"},        PUBLIC),
    Row("GET",    "partnerships:pledge",             {"pk": "@pledge_submitted"},
                                                                                 NOBODY),
    Row("GET",    "partnerships:action-areas",       {},                         PUBLIC),
    Row("GET",    "partnerships:pledge-submit",      {},                         PUBLIC),
    Row("POST",   "partnerships:pledge-submit",      {},                         PUBLIC,
                  data={"organisation": ""}),
    Row("GET",    "partnerships:pledge-thanks",      {},                         PUBLIC),
    Row("GET",    "partnerships:interest-submit",    {},                         PUBLIC),
    Row("POST",   "partnerships:interest-submit",    {},                         PUBLIC,
                  data={"organisation": ""}),
    Row("GET",    "partnerships:interest-thanks",    {},                         PUBLIC),
    Row("GET",    "partnerships:events",             {},                         PUBLIC),
    Row("GET",    "partnerships:event",              {"slug": "@p2c_event.slug"}, PUBLIC),
    Row("GET",    "partnerships:event",              {"slug": "@p2c_event_draft.slug"},
                                                                                 NOBODY),
    Row("GET",    "partnerships:compilation-csv",    {},                         PUBLIC),
    Row("GET",    "partnerships:compilation-xlsx",   {},                         PUBLIC),
    Row("GET",    "partnerships:compilation-request", {},                        PUBLIC),
    Row("POST",   "partnerships:compilation-request", {},                        REDIRECTED),
    Row("GET",    "partnerships:compilation",        {"key": "@compilation.key"}, PUBLIC),
    Row("GET",    "partnerships:compilation-download", {"key": "@compilation.key"},
                                                                                 NOBODY),
    # A pledger's own pages: another pledger's pledge is 404 -----------------------------------------
    Row("GET",    "partnerships:my-pledges",         {},                         SIGNED_IN),
    # Staff status alone is no pledger: 404 like any other account's.
    Row("GET",    "partnerships:progress-report",    {"pk": "@pledge_a"},
                  (LOGIN, 404, 404, 200, 200, 404, 200)),
    Row("POST",   "partnerships:progress-report",    {"pk": "@pledge_a"},
                  (LOGIN, 404, 404, 302, 302, 404, 302),
                  data=PLEDGE_PROGRESS),
    Row("GET",    "partnerships:pledge-edit",        {"pk": "@pledge_a_submitted"},
                  (LOGIN, 404, 404, 200, 404, 404, 404)),
    Row("POST",   "partnerships:pledge-edit",        {"pk": "@pledge_a_submitted"},
                  (LOGIN, 404, 404, 200, 404, 404, 404), data={"title": ""}),
    # A decided pledge is no longer changed, by anyone.
    Row("GET",    "partnerships:pledge-edit",        {"pk": "@pledge_a"},        (LOGIN, 404, 404, 404, 404)),
    Row("GET",    "partnerships:progress-report",    {"pk": "@pledge_b"},        (LOGIN, 404, 404, 404, 200)),
    Row("POST",   "partnerships:progress-report",    {"pk": "@pledge_b"},        (LOGIN, 404, 404, 404, 302),
                  data=PLEDGE_PROGRESS),
    # API: reference data and figures, read by anyone -----------------------------------------------
    Row("GET",    "api-root",                        {},                         PUBLIC),
    Row("GET",    "/api/v1/no-such-thing/",          {},                         NOBODY),
    Row("DELETE", "/api/v1/no-such-thing/",          {},                         NOBODY),
    Row("GET",    "partnerships-stats",              {},                         PUBLIC),
    Row("GET",    "region-list",                     {},                         PUBLIC),
    Row("GET",    "region-detail",                   {"pk": "@region"},          PUBLIC),
    Row("GET",    "regionalinitiative-list",         {},                         PUBLIC),
    Row("GET",    "regionalinitiative-detail",       {"pk": "@regional_initiative"},
                                                                                 PUBLIC),
    Row("GET",    "strategicobjective-list",         {},                         PUBLIC),
    Row("GET",    "strategicobjective-detail",       {"pk": "@objective"},       PUBLIC),
    Row("GET",    "priority-list",                   {},                         PUBLIC),
    Row("GET",    "priority-detail",                 {"pk": "@priority"},        PUBLIC),
    # API: centres (public fields), applications (staff), plans and reports (own centre, staff) ---
    Row("GET",    "centres-centre-list",             {},                         PUBLIC),
    Row("GET",    "centres-centre-detail",           {"pk": "@centre_a"},        PUBLIC),
    Row("GET",    "centres-centre-detail",           {"pk": "@centre_removed"},  STAFF_SEES_HIDDEN),
    Row("PATCH",  "centres-centre-detail",           {"pk": "@centre_a"},        (405, 405, 405, 405, 405),
                  data={"status": "operating"}),
    Row("GET",    "centres-application-list",        {},                         API_STAFF),
    Row("GET",    "centres-application-detail",      {"pk": "@centre_a.application_id"},
                                                                                 API_STAFF),
    Row("GET",    "centres-action-plan-list",        {},                         API_HOSTS_AND_STAFF),
    Row("GET",    "centres-action-plan-detail",      {"pk": "@plan_a"},          (403, 200, 404, 403, 200)),
    Row("GET",    "centres-action-plan-detail",      {"pk": "@plan_b"},          (403, 404, 200, 403, 200)),
    Row("PATCH",  "centres-action-plan-detail",      {"pk": "@plan_b"},          (403, 405, 405, 403, 405),
                  data={"status": "approved"}),
    Row("GET",    "centres-progress-report-list",    {},                         API_HOSTS_AND_STAFF),
    Row("GET",    "centres-progress-report-detail",  {"pk": "@report_a"},        (403, 200, 404, 403, 200)),
    Row("GET",    "centres-progress-report-detail",  {"pk": "@report_b"},        (403, 404, 200, 403, 200)),
    Row("PATCH",  "centres-progress-report-detail",  {"pk": "@report_b"},        (403, 405, 405, 403, 405),
                  data={"status": "accepted"}),
    # API: the Board, the DT Lab ------------------------------------------------------------------
    Row("GET",    "board-member-list",               {},                         PUBLIC),
    Row("GET",    "board-member-detail",             {"pk": "@member"},          PUBLIC),
    Row("GET",    "meeting-list",                    {},                         PUBLIC),
    Row("GET",    "meeting-detail",                  {"number": "@meeting.number"},
                                                                                 PUBLIC),
    Row("GET",    "recommendation-list",             {},                         PUBLIC),
    Row("GET",    "recommendation-detail",           {"pk": "@recommendation"},  PUBLIC),
    Row("POST",   "recommendation-set-status",       {"pk": "@recommendation"},  API_STAFF,
                  data={"status": "in_progress"}),
    Row("POST",   "recommendation-set-status",       {"pk": "@recommendation", "format": "json"},
                                                                                 API_STAFF,
                  data={"status": "in_progress"}),
    Row("GET",    "playbook-list",                   {},                         PUBLIC),
    Row("GET",    "playbook-detail",                 {"slug": "@playbook.slug"}, PUBLIC),
    Row("GET",    "ria-cohort-list",                 {},                         PUBLIC),
    Row("GET",    "ria-cohort-detail",               {"number": "@cohort.number"},
                                                                                 PUBLIC),
    Row("GET",    "project-concept-list",            {},                         PUBLIC),
    Row("GET",    "project-concept-detail",          {"pk": "@concept"},         PUBLIC),
    # API: partnerships; writes for BDT staff with the model permission ------------------------------
    Row("GET",    "partner-list",                    {},                         PUBLIC),
    Row("POST",   "partner-list",                    {},                         (403, 403, 403, 403, 201),
                  data={"name": "New partner", "kind": "academia", "membership_category": "none"}),
    Row("GET",    "partner-detail",                  {"pk": "@partner"},         PUBLIC),
    Row("PUT",    "partner-detail",                  {"pk": "@partner_free"},    API_STAFF,
                  data={"name": "Renamed", "kind": "academia", "membership_category": "none"}),
    Row("PATCH",  "partner-detail",                  {"pk": "@partner"},         API_STAFF,
                  data={"name": "Renamed"}),
    Row("DELETE", "partner-detail",                  {"pk": "@partner_free"},    (403, 403, 403, 403, 204)),
    Row("GET",    "agreement-list",                  {},                         PUBLIC),
    Row("POST",   "agreement-list",                  {},                         (403, 403, 403, 403, 201),
                  data=NEW_AGREEMENT),
    Row("GET",    "agreement-detail",                {"pk": "@p_agreement"},     PUBLIC),
    Row("GET",    "agreement-detail",                {"pk": "@p_agreement_draft"},
                                                                                 STAFF_SEES_HIDDEN),
    Row("PUT",    "agreement-detail",                {"pk": "@p_agreement"},     API_STAFF,
                  data=NEW_AGREEMENT),
    Row("PATCH",  "agreement-detail",                {"pk": "@p_agreement"},     API_STAFF,
                  data={"title": "Renamed"}),
    Row("DELETE", "agreement-detail",                {"pk": "@p_agreement_draft"},
                                                                                 (403, 403, 403, 403, 204)),
    Row("GET",    "pledge-list",                     {},                         PUBLIC),
    Row("GET",    "pledge-detail",                   {"pk": "@pledge_a"},        PUBLIC),
    Row("GET",    "pledge-detail",                   {"pk": "@pledge_submitted"},
                                                                                 NOBODY),
    # API: the TDAG reports, BDT staff only --------------------------------------------------------
    Row("GET",    "reports-api-list",                {},                         API_STAFF),
    Row("POST",   "reports-api-list",                {},                         (403, 403, 403, 403, 202),
                  data=REPORT_REQUEST),
    Row("GET",    "reports-api-detail",              {"pk": "@tdag_report"},     API_STAFF),
    Row("GET",    "reports-api-pdf",                 {"pk": "@tdag_report"},     API_STAFF),
]

# Accounts: the second factor and API tokens (issue 15) ---------------------------------------------
MATRIX += [
    Row("GET",    "second-factor",                   {},                         (LOGIN, 302, 302, 302, 302)),
    # Any staff account keeps its own second factor, staff status alone included (the admin's door).
    Row("GET",    "second-factor-enrol",             {},         (LOGIN, 403, 403, 403, 302, 302, 302)),
    Row("GET",    "recovery-codes",                  {},         (LOGIN, 403, 403, 403, 200, 200, 200)),
    Row("GET",    "api-token",                       {},                         (LOGIN, 403, 403, 403, 200)),
    # Passkeys: staff only, behind the second factor; signing in with one is open to the signed-in.
    Row("GET",    "passkeys",                        {},         (LOGIN, 403, 403, 403, 200, 200, 200)),
    Row("POST",   "passkeys",                        {},         (LOGIN, 403, 403, 403, 302, 302, 302)),
    Row("POST",   "otp_webauthn:credential-registration-begin", {},
                                                                 (403, 403, 403, 403, 200, 200, 200)),
    # Staff get as far as the missing ceremony (400); the others are refused before it.
    Row("POST",   "otp_webauthn:credential-registration-complete", {},
                                                                 (403, 403, 403, 403, 400, 400, 400)),
    Row("POST",   "otp_webauthn:credential-authentication-begin", {},   (403, 200, 200, 200, 200)),
    Row("POST",   "otp_webauthn:credential-authentication-complete", {}, (403, 400, 400, 400, 400)),
    Row("GET",    "otp_webauthn:js-i18n-catalog",    {},                         PUBLIC),
]

# TDAG documents: narrative, workflow, publication (issue 18) --------------------------------------
APPROVERS_ONLY_409 = (403, 403, 403, 403, 403, 403, 409)
MATRIX += [
    Row("GET",    "documents:list",                  {},                         PUBLIC),
    Row("GET",    "documents:pdf",                   {"pk": "@tdag_report"},     NOBODY),      # not published
    Row("GET",    "documents:list-file",             {"pk": "@tdag_report", "name": "centres", "fmt": "csv"},
                  NOBODY),                                                                   # not published
    Row("GET",    "reports:list-file",               {"pk": "@tdag_report", "name": "centres", "fmt": "xlsx"},
                  (LOGIN, 403, 403, 403, 404)),                                              # none written
    Row("GET",    "reports:narrative",               {"pk": "@tdag_report"},     STAFF_PAGE),
    Row("GET",    "reports:preview",                 {"pk": "@tdag_report"},     STAFF_PAGE),
    Row("POST",   "reports:preview",                 {"pk": "@tdag_report"},     STAFF_PAGE,
                  data={"summary": "Typed, not saved."}),
    Row("GET",    "reports:docx",                    {"pk": "@tdag_report"},     (LOGIN, 403, 403, 403, 404)),
    Row("POST",   "reports:workflow",                {"pk": "@tdag_report", "step": "submit"}, STAFF_POST),
    Row("GET",    "reports-api-kinds",               {},                         API_STAFF),
    Row("GET",    "reports-api-docx",                {"pk": "@tdag_report"},     (403, 403, 403, 403, 404)),
    Row("PATCH",  "reports-api-detail",              {"pk": "@tdag_report"},     API_STAFF,
                  data={"narrative": {"summary": "What changed in 2024."}}),
    Row("POST",   "reports-api-generate",            {"pk": "@tdag_report"},     (403, 403, 403, 403, 202)),
    Row("POST",   "reports-api-submit",              {"pk": "@tdag_report"},     API_STAFF),
    # Approving and publishing need reports.approve_report (the Report approvers group), which
    # BDT staff do not hold; a superuser does, and a draft is not ready for either: 409.
    Row("POST",   "reports-api-approve",             {"pk": "@tdag_report"},     APPROVERS_ONLY_409),
    Row("POST",   "reports-api-publish",             {"pk": "@tdag_report"},     APPROVERS_ONLY_409),
    Row("POST",   "reports-api-return",              {"pk": "@tdag_report"},     (403, 403, 403, 403, 409)),
]

# Blind evaluation of applications (issue 20): evaluators and the lead evaluator are groups of their
# own, which the BDT staff group does not hold; a superuser holds both permissions but is assigned
# to no application: 404 on an evaluator's sheet.
EVALUATORS = (LOGIN, 403, 403, 403, 403, 403, 200)
EVALUATORS_404 = (LOGIN, 403, 403, 403, 403, 403, 404)
MATRIX += [
    Row("GET",    "evaluation:mine",                 {},                         EVALUATORS),
    Row("GET",    "evaluation:sheet",                {"pk": "@centre_a.application_id"}, EVALUATORS_404),
    Row("POST",   "evaluation:sheet",                {"pk": "@centre_a.application_id"}, EVALUATORS_404,
                  data={"action": "submit"}),
    Row("GET",    "evaluation:conflict",             {"pk": "@centre_a.application_id"},
                  (LOGIN, 403, 403, 403, 403, 403, 302)),                 # to the sheet
    Row("POST",   "evaluation:conflict",             {"pk": "@centre_a.application_id"}, EVALUATORS_404,
                  data={"note": "A conflict."}),
    Row("GET",    "evaluation:ranking",              {},                         EVALUATORS),
    Row("GET",    "evaluation:application",          {"pk": "@centre_a.application_id"}, EVALUATORS),
    Row("GET",    "evaluation:assign",               {"pk": "@centre_a.application_id"},
                  (LOGIN, 403, 403, 403, 403, 403, 302)),
    # BDT staff are no evaluators: refused with a field error (the superuser's 400).
    Row("POST",   "evaluation:assign",               {"pk": "@centre_a.application_id"},
                  (LOGIN, 403, 403, 403, 403, 403, 400), data={"evaluator": "@staff"}),
    Row("GET",    "evaluation:unassign",             {"pk": 999999},
                  (LOGIN, 403, 403, 403, 403, 403, 405)),
    Row("POST",   "evaluation:unassign",             {"pk": 999999},             EVALUATORS_404),
]

# News and announcements, site search (issue 21) --------------------------------------------------
MATRIX += [
    Row("GET",    "news:list",                       {},                         PUBLIC),
    Row("GET",    "news:feed",                       {},                         PUBLIC),
    Row("GET",    "news:detail",                     {"slug": "@news.slug"},     PUBLIC),
    Row("GET",    "news:detail",                     {"slug": "@news_draft.slug"}, NOBODY),
    Row("GET",    "news:pdf",                        {"slug": "@news.slug"},     PUBLIC),
    Row("GET",    "news:pdf",                        {"slug": "@news_draft.slug"}, NOBODY),
    Row("GET",    "search",                          {},                         PUBLIC),
]

# Inter-sectoral coordination (issue 19) -----------------------------------------------------------
API_STAFF_CREATES = (403, 403, 403, 403, 201)
MATRIX += [
    Row("GET",    "coordination:topics",             {},                         PUBLIC),
    Row("GET",    "coordination:bodies",             {},                         PUBLIC),
    Row("GET",    "coordination:body-detail",        {"acronym": "@coord_body.acronym"}, PUBLIC),
    Row("GET",    "coordination:resolutions",        {},                         PUBLIC),
    Row("GET",    "coordination:portal-home",        {},                         SIGNED_IN),
    # The focal point has no account: nobody's portal opens their report, staff's neither.
    Row("GET",    "coordination:annual-report",      {"pk": "@coord_focal_point", "year": 2024},
                  (LOGIN, 404, 404, 404, 404)),
    Row("POST",   "coordination:annual-report",      {"pk": "@coord_focal_point", "year": 2024},
                  (LOGIN, 404, 404, 404, 404), data={"progress": "Done."}),
    Row("GET",    "coordination:staff-reporting",    {},                         STAFF_PAGE),
    Row("GET",    "coordination-stats",              {},                         PUBLIC),
    Row("GET",    "coordination-topic-list",         {},                         PUBLIC),
    Row("POST",   "coordination-topic-list",         {},                         API_STAFF_CREATES,
                  data={"name": "Industry engagement", "status": "proposed"}),
    Row("GET",    "coordination-topic-detail",       {"pk": "@coord_topic"},     PUBLIC),
    Row("GET",    "coordination-focal-point-list",   {},                         PUBLIC),
    Row("POST",   "coordination-focal-point-list",   {},                         API_STAFF_CREATES,
                  data={"topic": "@coord_topic", "sector": "itu_t", "name": "", "vacant": True}),
    Row("GET",    "coordination-focal-point-detail", {"pk": "@coord_focal_point"}, PUBLIC),
    Row("GET",    "coordination-body-list",          {},                         PUBLIC),
    Row("POST",   "coordination-body-list",          {},                         API_STAFF_CREATES,
                  data={"acronym": "ISCG-X", "name": "Another group", "kind": "membership"}),
    Row("GET",    "coordination-body-detail",        {"pk": "@coord_body"},      PUBLIC),
    Row("GET",    "coordination-meeting-list",       {},                         PUBLIC),
    Row("POST",   "coordination-meeting-list",       {},                         API_STAFF_CREATES,
                  data={"body": "@coord_body", "held_on": "2024-05-02", "title": "Second"}),
    Row("GET",    "coordination-meeting-detail",     {"pk": "@coord_meeting"},   PUBLIC),
]

# Notifications: each person's e-mails, one-click unsubscribe and calendar feed (issue 20) -------
UNSUBSCRIBE = unsubscribe_token(email="nobody@example.org", topic="digest")
MATRIX += [
    Row("GET",    "notifications:preferences",       {},                         SIGNED_IN),
    Row("POST",   "notifications:preferences",       {},                         (LOGIN, 302, 302, 302, 302),
                  data={"receive": []}),
    # The signed token is the proof: no sign-in, for anyone holding the link.
    Row("GET",    "notifications:unsubscribe",       {"token": UNSUBSCRIBE},     PUBLIC),
    Row("POST",   "notifications:unsubscribe",       {"token": UNSUBSCRIBE},     PUBLIC),
    Row("POST",   "notifications:unsubscribe",       {"token": "forged"},        NOBODY),
    # The per-person secret token opens a feed without a session; a wrong one nothing.
    Row("GET",    "notifications:calendar",          {"token": "not-a-token"},   NOBODY),
]

# The router adds a ``.json``-style suffix route beside each API route: it must answer alike.
MATRIX += [replace(row, kwargs={**row.kwargs, "format": "json"}) for row in MATRIX
           if row.method == "GET" and row.is_api()
           and row.name not in ("partnerships-stats", "coordination-stats") and not row.name.startswith("/")]
# ... and beside each action that only posts (the report workflow's steps): it must refuse alike.
MATRIX += [replace(row, kwargs={**row.kwargs, "format": "json"}) for row in MATRIX
           if row.method == "POST" and row.name.startswith("reports-api-") and row.name != "reports-api-list"]

def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    """Every URL pattern as (full route, namespace, name), routes joined as ``resolve()`` does."""
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        route = prefix + (route[1:] if prefix and route.startswith("^") else route)
        if isinstance(pattern, URLPattern):
            yield route, namespace, pattern.name
        elif isinstance(pattern, URLResolver):
            yield from _patterns(pattern, route, pattern.namespace or namespace)


# HEAD answers as GET does, on every page and API route; OPTIONS is asked of every API list.
MATRIX += [replace(row, method="HEAD") for row in MATRIX
           if row.method == "GET" and not row.name.startswith("/")]
MATRIX += [replace(row, method="OPTIONS") for row in MATRIX
           if row.method == "GET" and row.is_api() and not row.kwargs and not row.name.startswith("/")]


# The admin: every page that names no object, for each role ----------------------------------------
# Django's admin gate lets in any ``is_staff`` user; each model page then asks for the model
# permission, which BDT staff hold through their group for the portal's own apps. Accounts, groups,
# API tokens and the periodic tasks are for superusers only (issue 15): BDT staff get 403 there.
# BDT staff manage accounts through a user admin that cannot grant more than they hold
# (alliance/admin.py); groups, tokens, second-factor devices and periodic tasks are superusers' only.
SUPERUSER_ONLY_MODELS = ("auth_group", "authtoken_token", "authtoken_tokenproxy", "alliance_apitoken",
                         "otp_", "django_otp_webauthn_", "django_celery_beat_")
GATE_OUT = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN)
STAFF_SECURE_GAP = "issue 15 finding 6: is_staff alone is BDT staff today (alliance.core.roles.is_bdt_staff)"
ADMIN_SPECIAL = {
    "index": (*GATE_OUT, 200, 200, 200),
    "login": (200, 200, 200, 200, 302, 302, 302),
    "logout": (302, 302, 302, 302, 405, 405, 405),             # logging out is a POST
    "password_change": (*GATE_OUT, 200, 200, 200),
    "password_change_done": (*GATE_OUT, 200, 200, 200),
    "jsi18n": (*GATE_OUT, 200, 200, 200),
    "autocomplete": (*GATE_OUT, 403, 403, 403),
    # Tokens are made on the staff member's own page (api-token), never in the admin.
    "alliance_apitoken_add": (*GATE_OUT, 403, 403, 403),
    # The reminders sent are a log written by the task: read, never added by hand.
    "coordination_remindersent_add": (*GATE_OUT, 403, 403, 403),
    # Expressions of interest come from the public form; staff decide them, never add them.
    "partnerships_expressionofinterest_add": (*GATE_OUT, 403, 403, 403),
    "notifications_remindersent_add": (*GATE_OUT, 403, 403, 403),
    # Opt-outs are made by the person (preferences, unsubscribe link), never by staff.
    "notifications_optout_add": (*GATE_OUT, 403, 403, 403),
    # Hosts propose changes of their centre in the portal; BDT decides, never adds one here.
    "centres_centrechangeproposal_add": (*GATE_OUT, 403, 403, 403),
}


def _admin_rows() -> list[Row]:
    rows = []
    for route, namespace, name in _patterns(get_resolver()):
        if namespace != "admin" or "<" in route or "(" in route or name is None:
            continue
        if name in ADMIN_SPECIAL:
            expect = ADMIN_SPECIAL[name]
        elif name.endswith("_process_import"):                    # the import form posts here
            expect = (*GATE_OUT, 405, 405, 405)
        elif name.startswith("axes_"):         # login attempts: BDT staff read them and lift lockouts
            expect = (*GATE_OUT, *((403, 403, 403) if name.endswith("_add") else (200, 403, 200)))
        elif name.startswith(SUPERUSER_ONLY_MODELS):
            expect = (*GATE_OUT, 403, 403, 200)
        else:
            expect = (*GATE_OUT, 200, 403, 200)
        rows.append(Row("GET", f"admin:{name}", {}, expect))
    rows.append(Row("GET", "admin:app_list", {"app_label": "centres"}, (*GATE_OUT, 200, 404, 200)))
    return rows


# URL patterns the matrix need not list, and why.
NOT_IN_MATRIX = {
    # The admin's pages of one object (change, history, delete of each model) sit behind the same
    # gate and model permission as the model's list, which has a row for every role;
    # tests/<app>/test_admin.py open them. The admin's catch-all and "view on site" redirect.
    "namespace": set(),
    "admin_object_routes": ("<path:object_id>", "<int:content_type_id>", "(?P<url>.*)$", "([^/]+)",
                            "<id>/password/", "<int:pk>/config/", "<int:pk>/qrcode/"),
    # Uploaded media, served by Django only with DEBUG (never in production, never in tests).
    "route": {"media/<path:path>"},
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once and rolled back after the module; each request is rolled back too."""
    settings = {"MEDIA_ROOT": tmp_path_factory.mktemp("authz-media"),
                "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
    with django_db_blocker.unblock(), override_settings(**settings), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def outcome(response) -> int | str:
    """The status, or which login page a redirect leads to."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login") + "?next="):
            return ADMIN_LOGIN
        if location.startswith(reverse("login") + "?next="):
            return LOGIN
    return response.status_code


def request(world: World, row: Row, role: str):
    client, path = world.client(role), row.path(world)
    with transaction.atomic():
        if row.method == "GET":
            response = client.get(path)
        elif row.method in ("HEAD", "OPTIONS"):
            response = client.generic(row.method, path)
        elif row.is_api():
            response = client.generic(row.method, path, json.dumps(row.payload(world)),
                                      content_type="application/json")
        else:
            response = client.post(path, row.payload(world))
        transaction.set_rollback(True)
    return response


MATRIX += _admin_rows()


def _cases():
    for row in MATRIX:
        for role in ROLES:
            yield pytest.param(row, role, id=f"{row}-{role}")


@pytest.mark.parametrize(("row", "role"), list(_cases()))
def test_each_role_gets_what_the_matrix_says(world, db, row, role):
    got = outcome(request(world, row, role))
    assert got == row.expected(role), f"{row} {row.path(world)} as {role}: got {got}"


def test_every_url_pattern_has_a_row(world, db):
    covered = {resolve(row.path(world)).route for row in MATRIX}
    missing = sorted(f"{route} ({namespace + ':' if namespace else ''}{name})"
                     for route, namespace, name in _patterns(get_resolver())
                     if route not in covered and namespace not in NOT_IN_MATRIX["namespace"]
                     and route not in NOT_IN_MATRIX["route"]
                     and not (namespace == "admin" and any(part in route for part in
                                                           NOT_IN_MATRIX["admin_object_routes"])))
    assert not missing, "URL patterns without a row in MATRIX:\n" + "\n".join(missing)


API_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _schema_operations() -> set[tuple[str, str]]:
    """(route, method) of every operation the OpenAPI schema documents, routes as ``resolve`` gives."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = set()
    for path, item in schema["paths"].items():
        sample = re.sub(r"\{[^}]+\}", "1", path)
        route = resolve(sample).route
        operations.update((route, method.upper()) for method in item if method.upper() in API_METHODS)
    return operations


def test_every_api_operation_has_a_row_for_its_method(world, db):
    """A new method on an API route (a read-only viewset made writable, a new action) cannot ship
    without rows saying who may call it."""
    covered = {(resolve(row.path(world)).route, row.method) for row in MATRIX if row.is_api()}
    missing = sorted(f"{method} {route}" for route, method in _schema_operations()
                     if (route, method) not in covered)
    assert not missing, "API operations without a row in MATRIX:\n" + "\n".join(missing)


def test_a_method_the_schema_does_not_document_is_refused_to_everyone(world, db):
    """Every API route answers a method it does not document with a refusal, whoever asks."""
    documented = _schema_operations()
    routes = {}
    for row in MATRIX:
        if row.is_api() and not row.name.startswith("/") and "format" not in row.kwargs:
            routes.setdefault(resolve(row.path(world)).route, row)
    wrong = []
    for route, row in sorted(routes.items()):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            if (route, method) in documented:
                continue
            probe = replace(row, method=method, data={"name": "x", "status": "implemented"})
            for role in ROLES:
                got = outcome(request(world, probe, role))
                if got not in (401, 403, 404, 405):
                    wrong.append(f"{method} {row.path(world)} as {role}: {got}")
    assert not wrong, "\n".join(wrong)


def test_each_role_is_who_the_matrix_says(world, db):
    """The matrix means something only if its roles are what they claim to be."""
    assert world.host_a.centre_host.centre == world.centre_a
    assert world.host_b.centre_host.centre == world.centre_b
    assert world.pledge_a.pledger.user == world.pledger != world.pledge_b.pledger.user
    assert world.staff.is_staff and not world.host_a.is_staff and not world.pledger.is_staff
    assert not hasattr(world.pledger, "centre_host")



# A 200 is not the whole answer: what a list or a detail holds is scoped too -------------------------


def _json(world: World, role: str, name: str, **kwargs) -> dict:
    response = world.client(role).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, (role, name, response.status_code)
    return response.json()


@pytest.mark.parametrize("name", ["centres-action-plan-list", "centres-progress-report-list"])
def test_a_hosts_api_lists_hold_only_its_own_centre(world, db, name):
    for role, centre in (("host_a", world.centre_a), ("host_b", world.centre_b)):
        assert {item["centre"] for item in _json(world, role, name)["results"]} == {centre.slug}
    assert {item["centre"] for item in _json(world, "staff", name)["results"]} >= {
        world.centre_a.slug, world.centre_b.slug}


@pytest.mark.parametrize(("page", "link", "objects"), [
    ("portal:reports", "portal:report", "report"),
    ("portal:documents", "portal:document-download", "document"),
    ("portal:agreement", "portal:agreement-download", "agreement"),
])
def test_the_portal_pages_link_only_the_hosts_own_objects(world, db, page, link, objects):
    html = world.client("host_a").get(reverse(page)).content.decode()
    own, other = getattr(world, f"{objects}_a"), getattr(world, f"{objects}_b")
    assert reverse(link, kwargs={"pk": own.pk}) in html
    assert reverse(link, kwargs={"pk": other.pk}) not in html


def test_a_pledger_lists_only_their_own_pledges(world, db):
    html = world.client("pledger").get(reverse("partnerships:my-pledges")).content.decode()
    assert world.pledge_a.title in html
    assert world.pledge_b.title not in html and world.pledge_submitted.title not in html


@pytest.mark.parametrize(("name", "obj", "staff_fields"), [
    ("centres-centre-detail", "centre_a", {"contact_phone", "removal_reason", "removal_note", "application"}),
    ("partner-detail", "partner", {"contact_name", "contact_email", "contact_phone", "relationship_notes"}),
])
def test_staff_only_fields_stay_with_staff(world, db, name, obj, staff_fields):
    pk = getattr(world, obj).pk
    for role in ROLES[:4]:
        assert not staff_fields & set(_json(world, role, name, pk=pk)), role
    assert staff_fields <= set(_json(world, "staff", name, pk=pk))


# Lifecycle: a host never changes its centre's status, nor anything of another centre --------------

LIFECYCLE_FIELDS = ("status", "selected_on", "design_finished_on", "operating_since", "removed_on",
                    "removal_reason", "removal_note", "name", "slug", "country", "regional_initiative_id",
                    "host_organisation", "is_academy_training_centre")


def lifecycle(centre: Centre) -> dict:
    centre.refresh_from_db()
    return {name: getattr(centre, name) for name in LIFECYCLE_FIELDS}


def test_the_profile_form_ignores_a_posted_lifecycle_status(world, db):
    before = lifecycle(world.centre_a)
    response = world.client("host_a").post(reverse("portal:profile"), {
        "description_en": "We accelerate start-ups.", "status": Centre.Status.OPERATING,
        "operating_since": "2020-01-01", "removed_on": "2020-01-01", "removal_reason": "no_agreement",
        "name": "Renamed by its host", "slug": "renamed", "is_academy_training_centre": "on",
    })
    assert response.status_code == 302
    assert lifecycle(world.centre_a) == before
    assert world.centre_a.description_en == "We accelerate start-ups."


@pytest.mark.parametrize("method", ["PATCH", "PUT", "POST", "DELETE"])
def test_the_api_refuses_a_host_writing_its_centre(world, db, method):
    before, centres = lifecycle(world.centre_a), Centre.objects.count()
    url = reverse("centres-centre-list") if method == "POST" else reverse(
        "centres-centre-detail", kwargs={"pk": world.centre_a.pk})
    response = world.client("host_a").generic(method, url, json.dumps({"status": Centre.Status.OPERATING}),
                                              content_type="application/json")
    assert response.status_code == 405
    assert lifecycle(world.centre_a) == before
    assert Centre.objects.count() == centres


def test_a_host_cannot_reach_its_centre_in_the_admin(world, db):
    before = lifecycle(world.centre_a)
    url = reverse("admin:centres_centre_change", kwargs={"object_id": world.centre_a.pk})
    response = world.client("host_a").post(url, {"status": Centre.Status.OPERATING, "name": "Mine"})
    assert outcome(response) == ADMIN_LOGIN
    assert lifecycle(world.centre_a) == before


def test_host_a_cannot_edit_centre_bs_activity(world, db):
    before = ActionPlanActivity.objects.filter(pk=world.activity_b.pk).values().get()
    url = reverse("portal:activity-edit", kwargs={"pk": world.activity_b.pk})
    response = world.client("host_a").post(url, {**ACTIVITY, "objective": world.objective.pk,
                                                  "title": "Taken over", "progress": "100"})
    assert response.status_code == 404
    assert ActionPlanActivity.objects.filter(pk=world.activity_b.pk).values().get() == before


def test_host_a_cannot_edit_or_submit_centre_bs_report(world, db):
    before = CentreProgressReport.objects.filter(pk=world.report_b.pk).values().get()
    client = world.client("host_a")
    edit = client.post(reverse("portal:report", kwargs={"pk": world.report_b.pk}),
                       {"report-period_start": "2020-01-01", "report-period_end": "2020-06-30",
                        "report-summary": "Rewritten by another host", "lines-TOTAL_FORMS": "0",
                        "lines-INITIAL_FORMS": "0"})
    submit = client.post(reverse("portal:report-submit", kwargs={"pk": world.report_b.pk}))
    assert (edit.status_code, submit.status_code) == (404, 404)
    assert CentreProgressReport.objects.filter(pk=world.report_b.pk).values().get() == before


def test_what_host_a_creates_lands_on_centre_a_whatever_it_posts(world, db):
    """A posted ``centre`` or ``plan`` field is no way into another centre."""
    client = world.client("host_a")
    client.post(reverse("portal:activity-add"), {**ACTIVITY, "objective": world.objective.pk,
                                                  "plan": world.plan_b.pk, "centre": world.centre_b.pk})
    client.post(reverse("portal:report-add"), {"period_start": "2020-01-01", "period_end": "2020-06-30",
                                               "summary": "First half", "centre": world.centre_b.pk})
    with open(world.document_a.file.path, "rb") as handle:
        client.post(reverse("portal:documents"),
                    {"title": "Plan", "file": handle, "centre": world.centre_b.pk})
    assert ActionPlanActivity.objects.filter(plan=world.plan_a, title="Hackathon").count() == 1
    assert CentreProgressReport.objects.filter(centre=world.centre_a, summary="First half").count() == 1
    assert CentreDocument.objects.filter(centre=world.centre_a, title="Plan").count() == 1
    assert not ActionPlanActivity.objects.filter(plan=world.plan_b, title="Hackathon").exists()
    assert not CentreProgressReport.objects.filter(centre=world.centre_b, summary="First half").exists()
    assert not CentreDocument.objects.filter(centre=world.centre_b, title="Plan").exists()


def test_submitting_host_as_action_plan_leaves_centre_bs_alone(world, db):
    ActionPlan.objects.filter(pk=world.plan_a.pk).update(status=ActionPlan.Status.DRAFT)
    plan_b = ActionPlan.objects.filter(pk=world.plan_b.pk).values().get()
    response = world.client("host_a").post(reverse("portal:action-plan-submit"))
    assert response.status_code == 302
    assert ActionPlan.objects.get(pk=world.plan_a.pk).status == ActionPlan.Status.SUBMITTED
    assert ActionPlan.objects.filter(pk=world.plan_b.pk).values().get() == plan_b


def test_a_pledger_cannot_report_on_another_pledgers_pledge(world, db):
    reports = world.pledge_b.progress_reports.count()
    response = world.client("pledger").post(
        reverse("partnerships:progress-report", kwargs={"pk": world.pledge_b.pk}), PLEDGE_PROGRESS)
    assert response.status_code == 404
    assert world.pledge_b.progress_reports.count() == reports

