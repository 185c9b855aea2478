"""Freshness of what the public pages show: one content version per topic (an app), kept in the
cache and bumped whenever a row of that app is saved, deleted or re-linked.

Cached figures, counts and page fragments put the version in their keys, so a change shows at once
and no stale entry ever has to be found and deleted (the old ones simply expire). The ETag of the
public pages is made of the same versions (``public_etag``). Reference data (regions, regional
initiatives, strategic objectives, ITU-D priorities) bumps every topic: every app shows it.

Writes that bypass signals (``QuerySet.update``, ``bulk_create``, raw SQL such as the bench data
generator) must call ``bump`` themselves; entries also expire after ``TIMEOUT`` as a safety net.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from functools import cache as memoize
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language
from django.views.decorators.http import condition

from .cache import REDIS_DOWN

logger = logging.getLogger(__name__)

TOPICS = ("centres", "partnerships", "board", "dtlab", "news")
#: Reference data shown by every app.
SHARED_MODELS = frozenset({"alliance.region", "alliance.regionalinitiative", "alliance.strategicobjective",
                           "alliance.priority"})
#: How long a cached entry lives at most, even when no write bumps its version.
TIMEOUT = 6 * 60 * 60
T = TypeVar("T")


def _database() -> str:
    """The database's name: test databases of parallel runs never share entries in a shared Redis."""
    return str(connections["default"].settings_dict["NAME"])


def _version_key(topic: str) -> str:
    return f"freshness:{_database()}:{topic}"


def topics_of(model: type) -> tuple[str, ...]:
    if model._meta.label_lower in SHARED_MODELS:
        return TOPICS
    app = model._meta.app_label
    return (app,) if app in TOPICS else ()


_request = threading.local()


def _request_started(**kwargs: Any) -> None:
    _request.versions = {}


def _request_finished(**kwargs: Any) -> None:
    _request.versions = None


# Versions read during a request are read once; outside requests (tasks, shells) always afresh.
request_started.connect(_request_started, dispatch_uid="alliance.freshness.request_started")
request_finished.connect(_request_finished, dispatch_uid="alliance.freshness.request_finished")


def versions(*topics: str) -> dict[str, int] | None:
    """The current version of each topic; None while the cache is unavailable. Within a request
    each topic's version is read from the cache once (the ETag, the paginator and the fragments
    all ask for it)."""
    memo: dict[str, int] | None = getattr(_request, "versions", None)
    if memo is not None and all(topic in memo for topic in topics):
        return {topic: memo[topic] for topic in topics}
    current = _read_versions(topics)
    if memo is not None and current is not None:
        memo.update(current)
    return current


def _read_versions(topics: tuple[str, ...]) -> dict[str, int] | None:
    keys = {_version_key(topic): topic for topic in topics}
    found = cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        # Never 0 or 1: after an eviction a version must not come back to a value it had before.
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
        if value is None:
            return None
        found[key] = value
    return {keys[key]: value for key, value in found.items()}


def bump(*topics: str) -> None:
    memo = getattr(_request, "versions", None)
    for topic in topics:
        if memo is not None:
            memo.pop(topic, None)
        key = _version_key(topic)
        try:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, time.time_ns(), timeout=None)
        except REDIS_DOWN as exc:
            logger.warning("cache unavailable, version of %s not bumped: %s", topic, exc)


def _data_changed(sender: type, *, using: str = "default", action: str = "", **kwargs: Any) -> None:
    if action and action not in ("post_add", "post_remove", "post_clear"):
        return
    topics = topics_of(sender)
    if not topics:
        return
    bump(*topics)
    if connections[using].in_atomic_block:
        # Again at commit: a reader that cached the old rows meanwhile, under the new version,
        # must not be believed.
        transaction.on_commit(lambda: bump(*topics), using=using)


def connect_receivers() -> None:
    """Called from the apps' ``ready()``; connecting twice is harmless (one dispatch_uid)."""
    signals = {"post_save": post_save, "post_delete": post_delete, "m2m_changed": m2m_changed}
    for name, signal in signals.items():
        signal.connect(_data_changed, dispatch_uid=f"alliance.freshness.{name}", weak=False)


def cached(topic: str, name: str, compute: Callable[[], T], *, timeout: int = TIMEOUT) -> T:
    """``compute()``, cached under the topic's current version; computed afresh without a cache."""
    current = versions(topic)
    if current is None:
        return compute()
    key = f"{_database()}:{topic}:{current[topic]}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def fragment_key(*topics: str) -> str:
    """A key for ``{% cache %}``: the topics' versions and the code's; add the language and the
    query string in the tag."""
    current = versions(*topics) or {topic: time.time_ns() for topic in topics}
    return "-".join([_database(), code_token(), *(str(current[topic]) for topic in topics)])


RELEASE_FOLDERS = ("templates", "locale", "alliance", "centres", "partnerships", "board", "dtlab")
RELEASE_SUFFIXES = frozenset({".html", ".mo", ".py", ".txt"})


@memoize
def code_token() -> str:
    """The release: changes when templates, catalogs or Python code of the portal change.

    ``ALLIANCE_RELEASE`` names it (e.g. the git commit, set by the deployment); otherwise a hash
    of the code's contents, computed once per process. Never file modification times: every
    machine of a release must give the same ETags and cache keys, whenever its copy was made.
    """
    return os.environ.get("ALLIANCE_RELEASE", "").strip() or code_digest(Path(settings.BASE_DIR))


def code_digest(base: Path) -> str:
    digest = hashlib.sha256()
    for folder in RELEASE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in RELEASE_SUFFIXES and path.is_file():
                digest.update(path.relative_to(base).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def _anonymous_etag(topics: tuple[str, ...]) -> Callable[..., str | None]:
    def etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
        if request.method not in ("GET", "HEAD"):
            return None
        # A session may carry messages or a login: such requests are always rendered.
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        if request.user.is_authenticated:
            return None
        current = versions(*topics)
        if current is None:
            return None
        parts = [_database(), code_token(), get_language() or "", request.get_full_path(),
                 # The page's forms carry the CSRF token of this cookie.
                 request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
                 *(f"{topic}={current[topic]}" for topic in topics)]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    return etag


def public_etag(*topics: str) -> Callable:
    """Conditional GET for an anonymous visitor: the ETag changes with the topics' versions, the
    language, the URL and the CSRF cookie, so a repeated GET answers 304 without rendering."""
    return condition(etag_func=_anonymous_etag(topics))
