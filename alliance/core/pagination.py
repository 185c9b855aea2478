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
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.text import smart_split, unescape_string_literal
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


def _date_hierarchy_cached(queryset: QuerySet, key: str) -> None:
    """The date hierarchy above a change list asks its queryset for the first and last dates
    (``aggregate``) and the years, months or days that have rows (``dates``): the years are a
    ``DISTINCT date_trunc`` over every row (356 ms at 2,000,000 agreements). Both answers are kept
    with the list's count, per content version; the queryset's clones (the page itself) are not
    affected."""
    aggregate, dates = queryset.aggregate, queryset.dates

    def remembered(name: str, compute: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            asked = repr((args, sorted(kwargs.items()))).encode()
            entry = f"{key}:{name}:{hashlib.sha256(asked).hexdigest()[:16]}"
            value = cache.get(entry)
            if value is None:
                value = compute(*args, **kwargs)
                value = list(value) if name == "dates" else value
                cache.set(entry, value, freshness.TIMEOUT)
            return value
        return call

    queryset.aggregate = remembered("aggregate", aggregate)
    queryset.dates = remembered("dates", dates)


#: Above this many related rows matching a search word, the admin's search joins as Django's does.
RELATED_SEARCH_LIMIT = 1000


SearchPlan = tuple[list[str], dict[str, tuple[type, list[str]]]]


def _search_plan(model: type, fields: list[str]) -> SearchPlan | None:
    """The search fields as the list's own fields and, per foreign key, the related model's
    fields; None when a field is not a plain ``icontains`` of either kind."""
    local: list[str] = []
    related: dict[str, tuple[type, list[str]]] = {}
    for name in fields:
        if name[:1] in "^=@":
            return None
        head, _, rest = name.partition("__")
        try:
            field = model._meta.get_field(head)
        except FieldDoesNotExist:
            return None
        if not rest and not field.is_relation:
            local.append(name)
        elif rest and field.many_to_one and "__" not in rest:
            related.setdefault(head, (field.related_model, []))[1].append(rest)
        else:
            return None
    return (local, related) if related else None


def _search_words(search_term: str) -> list[str]:
    """The words of a search as Django's admin splits them (quoted phrases kept whole)."""
    words = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        words.append(bit)
    return words


class VersionedAdminPaginationMixin:
    """For a ModelAdmin of a table that grows to millions of rows (agreements, pledges, centres,
    applications): the change list counts its filtered rows once per content version of the app
    (``page_cache_key``: the filters, the search and who asks are in the key), never counts the
    whole table a second time (``show_full_result_count``), and reads deep pages by keyset while
    the list keeps the model's default order (when that order is total, ending with a unique
    column, the change list uses it as it is, and only then does the paginator take it)."""

    show_full_result_count = False
    #: Django's 100 rows per page cost their rendering (a checkbox widget and a dozen cells per
    #: row: most of an admin list's time once its queries are indexed); 50, like the API's pages.
    list_per_page = 50

    def _cache_key(self, request) -> str | None:
        topic = self.model._meta.app_label
        return page_cache_key(topic, request, page_param="p") if topic in freshness.TOPICS else None

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        cache_key = self._cache_key(request)
        if self.date_hierarchy and cache_key is not None:
            _date_hierarchy_cached(changelist.queryset, f"{cache_key}:dates")
        return changelist

    def get_search_results(self, request, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """Django's search (every word in one of the fields, ``icontains``), with the fields of a
        related row (``partner__name``) asked of the related table first: the words become
        ``partner_id IN (ids)``, so the condition stays on the list's own table and PostgreSQL
        combines its indexes (the trigram indexes of partnerships' migration 0009) instead of
        joining and scanning millions of rows (15 s at 2,000,000 agreements). A word matching more
        than ``RELATED_SEARCH_LIMIT`` related rows, and fields with a search prefix (^ = @) or
        over two relations, keep Django's own search."""
        plan = _search_plan(self.model, list(self.get_search_fields(request)))
        if not search_term or plan is None:
            return super().get_search_results(request, queryset, search_term)
        local, related = plan
        for word in _search_words(search_term):
            condition = Q.create([(f"{field}__icontains", word) for field in local], connector=Q.OR)
            for relation, (model, fields) in related.items():
                matches = model._default_manager.filter(
                    Q.create([(f"{field}__icontains", word) for field in fields], connector=Q.OR))
                ids = list(matches.values_list("pk", flat=True)[:RELATED_SEARCH_LIMIT + 1])
                if len(ids) > RELATED_SEARCH_LIMIT:
                    return super().get_search_results(request, queryset, search_term)
                condition |= Q(**{f"{relation}__in": ids})
            queryset = queryset.filter(condition)
        return queryset, False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        cache_key = self._cache_key(request)
        return VersionedPaginator(queryset, per_page, orphans=orphans,
                                  allow_empty_first_page=allow_empty_first_page,
                                  cache_key=cache_key, keyset_ordering=tuple(self.model._meta.ordering))
