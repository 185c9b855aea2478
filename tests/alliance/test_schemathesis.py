"""Every operation of the OpenAPI schema, driven by schemathesis against the app in-process.

The app is called through WSGI (no server), on the test database with the demo data loaded, as a
BDT staff member with a token, against the schema staff see: writes included. Each operation is
its own test, so xdist spreads them over the workers. Checked: no server error, a status code the
schema documents, a content type and a body that conform to the schema.
"""

import json

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections, transaction
from django.test import RequestFactory, override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.request import Request
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.wsgi import application
from tests.factories import api_key_for

# The world's files live in its module-wide media folder (tests/conftest.py's media_root).
pytestmark = pytest.mark.module_media


def staff_schema() -> dict:
    """The schema as BDT staff fetch it (staff serializers show more fields than the public ones),
    generated without a database so that the operations are known when pytest collects."""
    request = Request(RequestFactory().get("/api/schema/"))
    # A superuser: staff serializers need the model permissions, which only a superuser holds
    # without a database.
    reader = get_user_model()(username="schema-reader", is_staff=True, is_superuser=True)
    request.user, request.auth = reader, None
    generated = SchemaGenerator().get_schema(request=request, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(staff_schema())
schema.app, schema.location = application, "/api/schema/"  # called in-process, as from_wsgi does

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def staff_token(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data and a staff token, loaded once per module and rolled back after it."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        call_command("load_demo", verbosity=0)
        user = get_user_model().objects.create_user(username="schemathesis", is_staff=True)
        user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
        yield api_key_for(user)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Called as a WSGI server would call it, the app closes "old" connections at each request's
    start and end; on PostgreSQL that closes the connection holding the test's transaction (the
    demo data). Django's test client disconnects the same receivers."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
# Derandomized: the same cases on every run, so a failure is reproducible and CI is stable.
@settings(max_examples=15, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_operation_conforms_to_the_schema(case, staff_token):
    case.call_and_validate(headers={"Authorization": f"Token {staff_token}"}, checks=CHECKS)
