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

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from functools import cache as memoize
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import condition

from .cache import REDIS_DOWN

logger = logging.getLogger(__name__)

#: One topic per app whose rows public pages show, and "documents": the published TDAG documents
#: (``alliance.reports.freshness`` bumps it only when what /documents/ shows changes, not when a
#: report is requested or its generation progresses).
TOPICS = ("centres", "partnerships", "board", "dtlab", "news", "documents")
DOCUMENTS = "documents"
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
request_started.connect(_request_started, dispatch_uid="alliance.core.freshness.request_started")
request_finished.connect(_request_finished, dispatch_uid="alliance.core.freshness.request_finished")


#: Versions read from the cache are believed for this long by the whole process (all threads),
#: so that a cached page costs one cache read, not two. A write in this process forgets them at
#: once (``bump``); a write on another machine shows here within this time.
PROCESS_SECONDS = 1.0
_process_versions: dict[str, tuple[int, float]] = {}


def versions(*topics: str) -> dict[str, int] | None:
    """The current version of each topic; None while the cache is unavailable. Within a request
    each topic's version is read from the cache once (the ETag, the paginator and the fragments
    all ask for it), and the process holds what it read for ``PROCESS_SECONDS``."""
    memo: dict[str, int] | None = getattr(_request, "versions", None)
    if memo is not None and all(topic in memo for topic in topics):
        return {topic: memo[topic] for topic in topics}
    database = _database()
    now = time.monotonic()
    held = {topic: _process_versions.get(f"{database}:{topic}") for topic in topics}
    if all(entry is not None and entry[1] > now for entry in held.values()):
        current = {topic: entry[0] for topic, entry in held.items()}
    else:
        current = _read_versions(topics)
        if current is not None:
            for topic, value in current.items():
                _process_versions[f"{database}:{topic}"] = (value, now + PROCESS_SECONDS)
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
    database = _database()
    for topic in topics:
        if memo is not None:
            memo.pop(topic, None)
        _process_versions.pop(f"{database}:{topic}", None)
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
    if topics:
        bump_now_and_at_commit(*topics, using=using)


def bump_now_and_at_commit(*topics: str, using: str = "default") -> None:
    """Bump now and, inside a transaction, again at commit: a reader that cached the old rows
    meanwhile, under the new version, must not be believed."""
    bump(*topics)
    if connections[using].in_atomic_block:
        transaction.on_commit(lambda: bump(*topics), using=using)


def connect_receivers() -> None:
    """Called from the apps' ``ready()``; connecting twice is harmless (one dispatch_uid)."""
    signals = {"post_save": post_save, "post_delete": post_delete, "m2m_changed": m2m_changed}
    for name, signal in signals.items():
        signal.connect(_data_changed, dispatch_uid=f"alliance.core.freshness.{name}", weak=False)


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


def _anonymous_parts(request: HttpRequest, topics: tuple[str, ...]) -> list[str] | None:
    """What an anonymous visitor's page depends on, or None when the request is not one whose page
    may be shared: not a GET or HEAD, a session or messages cookie (a login, messages to show), an
    Authorization header, a signed-in user, or the cache unavailable (no versions to key on)."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    if request.user.is_authenticated:
        return None
    current = versions(*topics)
    if current is None:
        return None
    return [_database(), code_token(), get_language() or "", request.get_full_path(),
            *(f"{topic}={current[topic]}" for topic in topics)]


def _anonymous_etag(topics: tuple[str, ...]) -> Callable[..., str | None]:
    def etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
        parts = _anonymous_parts(request, topics)
        if parts is None:
            return None
        # A page with a form carries the CSRF token of this cookie.
        parts.append(request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""))
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    return etag


#: Response headers kept with a cached page; the middleware adds the rest on every answer.
PAGE_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary", "Allow")


def _page_key(request: HttpRequest, topics: tuple[str, ...]) -> str | None:
    parts = _anonymous_parts(request, topics)
    if parts is None:
        return None
    # Absolute links (og:url, hreflang alternates) name the host; the API answers per Accept; the
    # home page and the centre pages show what is next from today.
    parts += [request.scheme, request.get_host(), request.META.get("HTTP_ACCEPT", ""),
              timezone.localdate().isoformat()]
    return "whole-page:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A page another visitor may receive: a complete 200 that set no cookie and used no CSRF
    token and no session."""
    session = getattr(request, "session", None)
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (session is not None and session.modified)
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", ""))


def _whole_page_cache(topics: tuple[str, ...]) -> Callable[[Callable], Callable]:
    """Anonymous visitors' pages cached whole, under the topics' versions, the language, the URL
    and the day: a repeat answer costs one cache read and no rendering or query."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            key = _page_key(request, topics)
            if key is None:
                return view(request, *args, **kwargs)
            try:
                hit = cache.get(key)
            except REDIS_DOWN:
                hit = None
            if hit is not None:
                status, headers, content = hit
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                return response
            response = view(request, *args, **kwargs)
            if request.method != "GET":
                return response

            def store(rendered: HttpResponseBase) -> None:
                if not _shareable(request, rendered):
                    return
                headers = [(name, rendered[name]) for name in PAGE_HEADERS if rendered.has_header(name)]
                with contextlib.suppress(*REDIS_DOWN):
                    cache.set(key, (rendered.status_code, headers, rendered.content), TIMEOUT)

            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.add_post_render_callback(store)
            else:
                store(response)
            return response

        return cached_view

    return decorator


def public_etag(*topics: str) -> Callable:
    """A public page for anonymous visitors: conditional GET (the ETag changes with the topics'
    versions, the language, the URL and the CSRF cookie, so a repeated GET answers 304 before
    anything is rendered), and the page itself cached whole (``_whole_page_cache``)."""
    conditional = condition(etag_func=_anonymous_etag(topics))
    page_cache = _whole_page_cache(topics)

    def decorator(view: Callable) -> Callable:
        return conditional(page_cache(view))

    return decorator
