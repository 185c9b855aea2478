"""Report kinds and the sections the apps register for them.

A kind is an ordered list of sections. Each app declares its sections in its ``report.py``::

    @section(kind=ReportKind.PARTNERSHIPS, key="top_partners", order=40,
             title=_("Top 10 financial partners"), template="partnerships/report/top.html")
    def top_partners(period: Period) -> dict:
        return {"rows": selectors.top_financial_partners(year=period.start.year)}

``collect(period)`` gathers the figures through the app's selectors; the template formats
them. Adding a section touches only the app's ``report.py``.

A kind also declares the parts staff write for each report (its narrative) and the figures a
narrative may quote by placeholder (``{agreements}``)::

    narrative_sections(kind=ReportKind.PARTNERSHIPS, sections=[("summary", _("Summary")), ...])

    @figures(kind=ReportKind.PARTNERSHIPS)
    def partnership_figures(period: Period) -> dict:
        return {"agreements": 89, ...}

A kind that declares no narrative sections gets ``summary`` and ``next_steps``; a section's
template receives the rendered narrative of the section with its key as ``narrative``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ALLIANCE = "alliance", _("Innovation and Entrepreneurship Alliance progress report")
    PARTNERSHIPS = "partnerships", _("Partnerships and resource mobilization")
    P2C = "p2c", _("Partner2Connect Digital Coalition")
    COORDINATION = "coordination", _("Inter-sectoral coordination (report to Council)")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)


Collector = Callable[[Period], Mapping[str, Any]]


@dataclass(frozen=True)
class Section:
    kind: str
    key: str
    title: str | Promise
    template: str
    order: int
    collect: Collector


_sections: dict[str, dict[str, Section]] = defaultdict(dict)


def section(*, kind: str, key: str, title: str | Promise, template: str, order: int):
    """Register the decorated collector as a section of a report kind."""

    def decorator(collect: Collector) -> Collector:
        _sections[kind][key] = Section(
            kind=kind, key=key, title=title, template=template, order=order, collect=collect
        )
        return collect

    return decorator


def sections_for(kind: str) -> list[Section]:
    return sorted(_sections[kind].values(), key=lambda s: (s.order, s.key))


@dataclass(frozen=True)
class NarrativeSection:
    code: str
    title: str | Promise


DEFAULT_NARRATIVE_SECTIONS = (
    NarrativeSection("summary", _("Summary")),
    NarrativeSection("next_steps", _("Next steps")),
)

_narratives: dict[str, tuple[NarrativeSection, ...]] = {}


def narrative_sections(*, kind: str, sections: Sequence[tuple[str, str | Promise]]) -> None:
    """Declare the parts of a kind that staff write per report, in the document's order."""
    codes = [code for code, _title in sections]
    if len(set(codes)) != len(codes):
        raise ValueError(f"Narrative sections of {kind} repeat a code: {codes}")
    _narratives[kind] = tuple(NarrativeSection(code, title) for code, title in sections)


def narrative_sections_for(kind: str) -> tuple[NarrativeSection, ...]:
    return _narratives.get(kind, DEFAULT_NARRATIVE_SECTIONS)


FigureCollector = Callable[[Period], Mapping[str, Any]]
_figures: dict[str, list[FigureCollector]] = defaultdict(list)


def figures(*, kind: str):
    """Register the decorated function as a source of the figures a narrative may quote."""

    def decorator(collect: FigureCollector) -> FigureCollector:
        if collect not in _figures[kind]:
            _figures[kind].append(collect)
        return collect

    return decorator


def figures_for(kind: str, period: Period) -> dict[str, Any]:
    """The named figures of a kind for a period (numbers, Decimals), by placeholder name."""
    values: dict[str, Any] = {}
    for collect in _figures[kind]:
        values.update(collect(period))
    return values


_run_cache: ContextVar[dict | None] = ContextVar("report_run_cache", default=None)


@contextmanager
def report_run() -> Iterator[None]:
    """The span of one report's generation; ``per_report`` helpers are computed once inside it."""
    token = _run_cache.set({})
    try:
        yield
    finally:
        _run_cache.reset(token)


def per_report(function: Callable) -> Callable:
    """Compute a helper once per report when several sections share it (e.g. a year's figures)::

        @per_report
        def stats(year: int) -> dict:
            return selectors.partnership_stats(year=year)

    Outside a report run it is a plain call. Arguments must be hashable.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        cache = _run_cache.get()
        if cache is None:
            return function(*args, **kwargs)
        key = (function.__module__, function.__qualname__, args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = function(*args, **kwargs)
        return cache[key]

    return wrapper
