"""API tokens stored as digests (issue 15): the key is shown once and stored nowhere; a token
authenticates by its digest, compared in constant time; revoking deletes it; the tokens DRF stored
in clear before keep working after the migration, which deletes the clear keys."""

from __future__ import annotations

import importlib
from io import StringIO
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from alliance import api_tokens
from alliance.models import ApiToken
from tests.factories import api_key_for

pytestmark = pytest.mark.django_db

API = "/api/v1/applications/"
# Session authentication comes first: a refused token gets 403 rather than 401 (DRF's rule).
REFUSED = (401, 403)


def api(key: str) -> Client:
    return Client(headers={"Authorization": f"Token {key}"})


def test_the_database_never_holds_the_key(staff_client, staff_user):
    key = staff_client.post(reverse("api-token"), {"action": "create"}).context["new_key"]
    assert len(key) == 64
    everything = StringIO()
    call_command("dumpdata", stdout=everything)
    assert key not in everything.getvalue()
    token = ApiToken.objects.get(user=staff_user)
    assert token.digest == api_tokens.token_digest(key) and token.prefix == key[:8]


def test_a_token_authenticates_by_its_key(staff_user):
    key = api_key_for(staff_user)
    assert api(key).get(API).status_code == 200


def test_a_key_sharing_the_first_characters_of_a_token_is_refused(staff_user):
    key = api_key_for(staff_user)
    forged = key[:8] + ("0" if key[8] != "0" else "1") + key[9:]
    assert api(forged).get(API).status_code in REFUSED


def test_the_digests_are_compared_in_constant_time(staff_user):
    key = api_key_for(staff_user)
    digest = ApiToken.objects.get(user=staff_user).digest
    with mock.patch.object(api_tokens.hmac, "compare_digest", wraps=api_tokens.hmac.compare_digest) as same:
        assert api(key).get(API).status_code == 200
    same.assert_called_once_with(digest, api_tokens.token_digest(key))


def test_a_revoked_token_no_longer_authenticates(staff_client, staff_user):
    key = api_key_for(staff_user)
    staff_client.post(reverse("api-token"), {"action": "revoke"})
    assert not ApiToken.objects.filter(user=staff_user).exists()
    assert api(key).get(API).status_code in REFUSED


def test_the_token_of_a_deactivated_account_is_refused(staff_user):
    key = api_key_for(staff_user)
    staff_user.is_active = False
    staff_user.save()
    assert api(key).get(API).status_code in REFUSED


def test_a_token_stored_in_clear_keeps_working_after_the_migration_and_its_key_is_gone(staff_user):
    migration = importlib.import_module("alliance.migrations.0004_api_tokens_stored_as_hashes")
    clear = Token.objects.create(user=staff_user)
    migration.existing_keys_become_digests(apps, None)
    assert not Token.objects.exists()
    token = ApiToken.objects.get(user=staff_user)
    assert token.digest == api_tokens.token_digest(clear.key) and token.created == clear.created
    assert api(clear.key).get(API).status_code == 200
