"""Public API answers served whole from the cache to anonymous readers.

A page of 50 rows costs its serialization (translated fields, nested names) and its rendering on
every request; the data only changes when the topic's content version does
(``alliance.core.freshness``). Anonymous GETs of a viewset with this mixin go through the same
whole-page cache and conditional GET as the public pages (``freshness.public_etag``): keyed by
the version, host, full path, language and ``Accept`` header, so JSON and the browsable API are
cached apart. Authenticated requests (session or token) are always computed: staff see more
fields and drafts.
"""

from __future__ import annotations

from collections.abc import Callable

from alliance.core import freshness


class CachedAnonymousListAndDetailMixin:
    """For a viewset with ``freshness_topic``: its lists and details answered from the cache for
    anonymous readers."""

    freshness_topic: str

    @classmethod
    def as_view(cls, actions=None, **initkwargs) -> Callable:
        view = super().as_view(actions, **initkwargs)
        # functools.wraps keeps the view's attributes (csrf_exempt, cls, actions) for DRF and
        # the schema generator.
        return freshness.public_etag(cls.freshness_topic)(view)
