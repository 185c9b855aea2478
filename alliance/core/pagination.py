"""Page numbers that stay fast on deep pages and large tables.

The API contract keeps DRF's page-number pages (``count``, ``next``, ``previous``, ``results``,
``?page=N``). What costs on 200,000 rows is the ``COUNT(*)`` on every request and ``OFFSET``, which
makes the database read and discard every row before the page. Here both are cached under the
content version of the view's topic (``alliance.core.freshness``): the count, and for page N the sort key
of the last row of page N-1 (the anchor), found once with one ``OFFSET`` query on the sort columns.
Page N is then read by keyset (rows after the anchor in the list's order, ``LIMIT``), which an
index on the sort columns serves directly. Any write to the topic bumps the version, so a cached
count or anchor never outlives the data it was read from.

A view opts in with ``pagination_class = VersionedPageNumberPagination``, ``freshness_topic`` and
``keyset_ordering`` (the queryset's exact ``order_by``, ending with a unique column); without a
keyset ordering only the count is cached.
"""

from __future__ import annotations

import hashlib
from functools import cached_property, partial
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Q, QuerySet
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from alliance.core import freshness
from alliance.core.roles import is_bdt_staff, staff_permissions_scope


def _after(ordering: tuple[str, ...], anchor: tuple[Any, ...], *, nulls_largest: bool) -> Q:
    """Rows that come after ``anchor`` in ``ordering`` ("-field" descending), NULLs placed where
    the database sorts them (``nulls_largest``: PostgreSQL yes, SQLite no)."""
    result: Q | None = None
    equal = Q()
    for term, value in zip(ordering, anchor, strict=True):
        descending, field = term.startswith("-"), term.lstrip("-")
        nulls_last = nulls_largest != descending
        if value is None:
            beyond = None if nulls_last else Q(**{f"{field}__isnull": False})
        else:
            beyond = Q(**{f"{field}__{'lt' if descending else 'gt'}": value})
            if nulls_last:
                beyond |= Q(**{f"{field}__isnull": True})
        if beyond is not None:
            result = equal & beyond if result is None else result | (equal & beyond)
        equal &= Q(**{f"{field}__isnull": True}) if value is None else Q(**{field: value})
    if result is None:
        return Q(pk__in=[])
    term, value = ordering[0], anchor[0]
    descending = term.startswith("-")
    if value is not None and nulls_largest == descending:
        # A bound on the first column the index can seek to; the OR is then only a filter.
        result = Q(**{f"{term.lstrip('-')}__{'lte' if descending else 'gte'}": value}) & result
    return result


class VersionedPaginator(Paginator):
    def __init__(self, object_list: QuerySet, per_page: int, *, cache_key: str | None,
                 keyset_ordering: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cache_key = cache_key
        ordering = tuple(object_list.query.order_by) if isinstance(object_list, QuerySet) else ()
        self.keyset_ordering = keyset_ordering if keyset_ordering and ordering == keyset_ordering else ()

    @cached_property
    def count(self) -> int:
        if self.cache_key is None:
            return Paginator.count.func(self)
        key = f"{self.cache_key}:count"
        value = cache.get(key)
        if value is None:
            value = Paginator.count.func(self)
            cache.set(key, value, freshness.TIMEOUT)
        return value

    def _anchor(self, number: int, bottom: int) -> tuple[Any, ...] | None:
        key = f"{self.cache_key}:anchor:{number}"
        anchor = cache.get(key)
        if anchor is None:
            fields = [term.lstrip("-") for term in self.keyset_ordering]
            rows = list(self.object_list.values_list(*fields)[bottom - 1:bottom])
            if not rows:
                return None
            anchor = tuple(rows[0])
            cache.set(key, anchor, freshness.TIMEOUT)
        return anchor

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom == 0 or self.cache_key is None or not self.keyset_ordering:
            return super().page(number)
        anchor = self._anchor(number, bottom)
        if anchor is None:
            return super().page(number)
        nulls_largest = connections[self.object_list.db].features.nulls_order_largest
        after = _after(self.keyset_ordering, anchor, nulls_largest=nulls_largest)
        return self._get_page(self.object_list.filter(after)[:self.per_page], number, self)


def page_cache_key(topic: str, request: Any, *, page_param: str = "page") -> str | None:
    """Where a list's count and anchors are cached: the topic's version, the path, who asks (the
    lists scope by user) and the query string without the page number. None without a cache."""
    current = freshness.versions(topic)
    if current is None:
        return None
    params = request.query_params if hasattr(request, "query_params") else request.GET
    query = sorted((k, v) for k, v in params.lists() if k != page_param)
    user = request.user
    scope = (staff_permissions_scope(user) if is_bdt_staff(user)
             else f"user{user.pk}" if user.is_authenticated else "anon")
    digest = hashlib.sha256(repr((request.path, scope, query)).encode()).hexdigest()[:24]
    return f"page:{topic}:{current[topic]}:{digest}"


class VersionedPageNumberPagination(PageNumberPagination):
    """DRF page numbers with the count and the deep pages' anchors cached per content version."""

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list | None:
        topic = getattr(view, "freshness_topic", "")
        cache_key = page_cache_key(topic, request, page_param=self.page_query_param) if topic else None
        ordering = tuple(getattr(view, "keyset_ordering", ()))
        self.django_paginator_class = partial(VersionedPaginator, cache_key=cache_key,
                                              keyset_ordering=ordering)
        return super().paginate_queryset(queryset, request, view)


class VersionedPaginationMixin:
    """For a Django list view: pages from ``VersionedPaginator``, configured like the API's
    (``freshness_topic``, ``keyset_ordering``: the queryset's exact order, ending with a unique column)."""

    freshness_topic: str
    keyset_ordering: tuple[str, ...]

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return VersionedPaginator(queryset, per_page, orphans=orphans,
                                  allow_empty_first_page=allow_empty_first_page,
                                  cache_key=page_cache_key(self.freshness_topic, self.request),
                                  keyset_ordering=self.keyset_ordering)


class VersionedAdminPaginationMixin:
    """For a ModelAdmin of a table that grows to millions of rows (agreements, pledges, centres,
    applications): the change list counts its filtered rows once per content version of the app
    (``page_cache_key``: the filters, the search and who asks are in the key), never counts the
    whole table a second time (``show_full_result_count``), and reads deep pages by keyset while
    the list keeps the model's default order (when that order is total, ending with a unique
    column, the change list uses it as it is, and only then does the paginator take it)."""

    show_full_result_count = False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        topic = self.model._meta.app_label
        cache_key = page_cache_key(topic, request, page_param="p") if topic in freshness.TOPICS else None
        return VersionedPaginator(queryset, per_page, orphans=orphans,
                                  allow_empty_first_page=allow_empty_first_page,
                                  cache_key=cache_key, keyset_ordering=tuple(self.model._meta.ordering))
