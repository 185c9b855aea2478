"""Every write operation of the API, tried by an anonymous visitor and by a centre host: refused
(403, as the schema documents), never a success. Hosts work in the portal's pages; the API's
writes are BDT staff's. Derived from the schema: an operation that becomes writable (a read-only
viewset made a model viewset) is tried as soon as it is in the schema.
"""

import pytest
import schemathesis
from django.db import transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from alliance import reference_data
from alliance.wsgi import application
from tests.alliance.test_schemathesis import _keep_the_test_connection, staff_schema  # noqa: F401
from tests.factories import CentreHostFactory, api_key_for

from .test_stateful import SAFE_METHODS, no_write_succeeds

schema = schemathesis.openapi.from_dict(staff_schema()).include(
    method=["POST", "PUT", "PATCH", "DELETE"])
schema.app, schema.location = application, "/api/schema/"
assert all(operation.ok().method.upper() not in SAFE_METHODS for operation in schema.get_all_operations())


@pytest.fixture(scope="module")
def host_token(django_db_setup, django_db_blocker):
    """A centre host's token, made once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        reference_data.load()  # whatever a serialized-rollback test's flush left on this worker
        key = api_key_for(CentreHostFactory().user)
        # The key must open what hosts may read, or every refusal below would be the token's.
        from django.test import Client
        from django.urls import reverse

        opened = Client().get(reverse("centres-action-plan-list"), HTTP_AUTHORIZATION=f"Token {key}")
        assert opened.status_code == 200, opened.content
        yield key
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "host"])
@schema.parametrize()
@settings(max_examples=3, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_write_operation_succeeds_for_a_visitor_or_a_host(case, role, host_token):
    headers = {"Authorization": f"Token {host_token}"} if role == "host" else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error, status_code_conformance,
                                                    content_type_conformance, no_write_succeeds])
