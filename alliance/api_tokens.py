"""API tokens: their keys are stored only as SHA-256 digests, shown once at creation.

Apart from ``api.py`` because DRF imports its authentication classes while its views are still
loading: this module must not import ``rest_framework.views`` (nor viewsets).
"""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken

TOKEN_PREFIX_LENGTH = 8


def token_digest(key: str) -> str:
    """The SHA-256 digest stored for a key: keys are 256 random bits, so no salt or slow hash is
    needed (nothing to guess), and the digest is found again from the key alone."""
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user) -> str:
    """Give ``user`` a new token, replacing theirs; returns the key, which is stored nowhere."""
    key = secrets.token_hex(32)
    with transaction.atomic():
        ApiToken.objects.filter(user=user).delete()
        ApiToken.objects.create(user=user, prefix=key[:TOKEN_PREFIX_LENGTH], digest=token_digest(key))
    return key


def api_token_revoke(*, user) -> bool:
    """Delete ``user``'s token; False if they had none."""
    deleted, _rows = ApiToken.objects.filter(user=user).delete()
    return bool(deleted)


class HashedTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``: the key's digest is compared, in constant time, with the
    digests stored under the key's first characters. The key itself is never stored."""

    model = ApiToken

    def authenticate_credentials(self, key):
        digest = token_digest(key)
        for token in ApiToken.objects.select_related("user").filter(prefix=key[:TOKEN_PREFIX_LENGTH]):
            if hmac.compare_digest(token.digest, digest):
                if not token.user.is_active:
                    raise AuthenticationFailed(_("User inactive or deleted."))
                return token.user, token
        raise AuthenticationFailed(_("Invalid token."))
