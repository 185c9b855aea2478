"""Public API lists served from the cache to anonymous readers.

A page of 50 rows costs its serialization (translated fields, nested names) on every request; the
data only changes when the topic's content version does (``alliance.freshness``). The page's data
(before rendering, so JSON and the browsable API share it) is cached per version, host, full path
and language. Authenticated requests (session or token) are always computed: staff see more
fields and drafts.
"""

from __future__ import annotations

import hashlib

from django.utils.translation import get_language
from rest_framework.request import Request
from rest_framework.response import Response

from alliance import freshness


class CachedAnonymousListMixin:
    """For a viewset with ``freshness_topic``: its list answered from the cache for anonymous readers."""

    freshness_topic: str

    def list(self, request: Request, *args, **kwargs) -> Response:
        compute = super().list
        if request.user.is_authenticated or request.auth is not None:
            return compute(request, *args, **kwargs)
        where = f"{request.get_host()}|{request.get_full_path()}|{get_language()}"
        key = "api-list:" + hashlib.sha256(where.encode()).hexdigest()[:32]
        data = freshness.cached(self.freshness_topic, key,
                                lambda: compute(request, *args, **kwargs).data)
        return Response(data)
