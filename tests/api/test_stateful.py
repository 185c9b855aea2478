"""Stateful schemathesis: scenarios that chain the API's operations through the links inferred from
the schema (a created or listed object's id is read, updated, acted on and deleted), run as BDT
staff, as an anonymous visitor and as a centre host, each against the schema as that role fetches
it (serializers differ by role).

Checked on every step: no server error, a status code and content type the operation documents, a
body that conforms (successful writes included), and for the anonymous visitor and the host that
no write succeeds: neither may write through the API (hosts work in the portal's pages).

The app is called through WSGI in-process on the test database with the demo data, as in
tests/alliance/test_schemathesis.py (whose fixtures the connection handling follows).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.request import Request

from alliance.wsgi import application
from centres.models import Centre
from tests.alliance.test_schemathesis import CHECKS, _keep_the_test_connection  # noqa: F401
from tests.factories import CentreHostFactory, StaffFactory, api_key_for

# The world's files live in its module-wide media folder (tests/conftest.py's media_root).
pytestmark = pytest.mark.module_media

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Scenarios per role and steps per scenario: under a minute per role on two cores, derandomized so
# that CI runs the same scenarios every time. Staff get more: theirs are the writes that succeed.
# The ids the scenarios meet still differ between databases and orders of tests (PostgreSQL's
# sequences are not rolled back): 40 staff scenarios once gave a single successful write there.
SCENARIOS = {"staff": 60, "anonymous": 20, "host": 20}


def scenario_settings(role: str) -> settings:
    return settings(max_examples=SCENARIOS[role], stateful_step_count=6, deadline=None, database=None,
                    derandomize=True, suppress_health_check=list(HealthCheck))


def schema_for(user) -> dict:
    """The OpenAPI schema as ``user`` fetches it from /api/schema/."""
    request = Request(RequestFactory().get("/api/schema/"))
    request.user, request.auth = user, None
    generated = SchemaGenerator().get_schema(request=request, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


def no_write_succeeds(ctx, response, case) -> None:
    """Neither an anonymous visitor nor a centre host writes through the API."""
    if case.method.upper() not in SAFE_METHODS and 200 <= response.status_code < 300:
        raise AssertionError(f"{case.method.upper()} {case.formatted_path} answered {response.status_code}: "
                             f"this role may not write through the API")


@pytest.fixture(scope="module")
def accounts(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data, a staff member and a host of a demo centre, loaded once for the module and
    rolled back after it."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        call_command("load_demo", verbosity=0)
        staff = StaffFactory(username="stateful-staff")
        host = CentreHostFactory(centre=Centre.objects.order_by("pk").first()).user
        yield {"staff": staff, "host": host, "anonymous": AnonymousUser()}
        transaction.set_rollback(True)


def run_scenarios(role: str, user, checks: list) -> Counter:
    """Run the scenarios; return how many answers each (method, path, status) got."""
    schema = schemathesis.openapi.from_dict(schema_for(user))
    schema.app, schema.location = application, "/api/schema/"
    headers = {"Authorization": f"Token {api_key_for(user)}"} if user.pk else {}

    answers: Counter = Counter()

    class Scenarios(schema.as_state_machine()):
        # Each scenario starts from the same data: what the previous one created or deleted is
        # rolled back (a scenario seeing other data draws other steps, which Hypothesis refuses).
        def setup(self):
            self.savepoint = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)

        def after_call(self, response, case):
            answers[case.method.upper(), case.path, response.status_code] += 1

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=checks, headers=headers)

    Scenarios.run(settings=scenario_settings(role))
    return answers


def writes(answers: Counter, statuses: range) -> int:
    return sum(n for (method, _, status), n in answers.items()
               if method not in SAFE_METHODS and status in statuses)


@pytest.mark.django_db
def test_stateful_scenarios_as_staff_conform_to_the_schema(accounts):
    answers = run_scenarios("staff", accounts["staff"], CHECKS)
    # Not vacuous: writes succeeded (their answers validated against the schema) on objects the
    # scenarios created or listed.
    assert writes(answers, range(200, 300)) >= 3, answers


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "host"])
def test_stateful_scenarios_as_a_visitor_or_host_conform_and_write_nothing(accounts, role):
    answers = run_scenarios(role, accounts[role], [*CHECKS, no_write_succeeds])
    assert writes(answers, range(403, 404)) >= 5, answers  # writes were tried, and refused
