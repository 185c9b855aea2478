"""Build the HTML of a report: its sections in order, each collected and formatted in the
report's language, inside the TDAG document frame (``templates/reports/report/document.html``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from . import narrative as narrative_markup
from .models import TDAGReport
from .registry import ReportKind, Section, figures_for, narrative_sections_for, report_run, sections_for

# Sections shown before the numbered body, in the boxed front matter of a TDAG document.
FRONT_MATTER_KEYS = frozenset({"summary", "action_required", "references"})

DOCUMENT_TITLES: dict[str, Promise] = {
    ReportKind.ALLIANCE: _("Innovation and Entrepreneurship Alliance for Digital Development"),
    ReportKind.PARTNERSHIPS: _("Partnerships and resource mobilization in ITU-D"),
    ReportKind.P2C: _("Partner2Connect Digital Coalition"),
    ReportKind.COORDINATION: _("Coordination of efforts among the three Sectors of the Union and the General "
                               "Secretariat (Resolution 191)"),
}

@dataclass(frozen=True)
class Frame:
    """Who the document goes to and comes from, as its header states it."""

    body: Promise
    issuer: Promise
    source: Promise
    symbol_prefix: str


TDAG_FRAME = Frame(_("Telecommunication Development Advisory Group (TDAG)"),
                   _("Telecommunication Development Bureau (BDT)"),
                   _("Director, Telecommunication Development Bureau"), "TDAG")
# Seed 004: a report of the Secretary-General to the Council (coordination delegated to the Deputy).
DOCUMENT_FRAMES: dict[str, Frame] = {
    ReportKind.COORDINATION: Frame(_("ITU Council"), _("General Secretariat"),
                                   _("Report by the Secretary-General"), "C"),
}


def frame_for(kind: str) -> Frame:
    return DOCUMENT_FRAMES.get(kind, TDAG_FRAME)


FONT_FAMILIES = {
    "ar": '"Noto Sans Arabic", "Noto Sans", sans-serif',
    "zh-hans": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
}
DEFAULT_FONT_FAMILY = '"Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif'


@dataclass(frozen=True)
class RenderedSection:
    key: str
    title: str
    number: str
    front_matter: bool
    html: SafeString


def section_delay() -> float:
    """Seconds to wait after each section: REPORTS_TEST_SECTION_DELAY, for the worker tests only.

    The test that kills a worker mid-report needs a report that is slow enough to be caught
    running; nothing else sets it.
    """
    value = os.environ.get("REPORTS_TEST_SECTION_DELAY") or getattr(settings, "REPORTS_TEST_SECTION_DELAY", 0)
    return float(value or 0)


def is_front_matter(section: Section) -> bool:
    return section.key in FRONT_MATTER_KEYS


def narrative_marker(key: str) -> SafeString:
    """Stands for a section's narrative in the sections frozen at approval (see ``snapshot_take``)."""
    return mark_safe(f"<!--narrative:{key}-->")


def freeze_figures(figures: dict) -> dict:
    """Figures as JSON: Decimals keep their digits ({"decimal": "33.8"}), numbers stay numbers."""
    frozen = {}
    for name, value in figures.items():
        if isinstance(value, Decimal):
            frozen[name] = {"decimal": str(value)}
        elif isinstance(value, bool | int | float) or value is None:
            frozen[name] = value
        else:
            frozen[name] = str(value)
    return frozen


def thaw_figures(frozen: dict) -> dict:
    return {name: Decimal(value["decimal"]) if isinstance(value, dict) else value
            for name, value in frozen.items()}


def report_figures(report: TDAGReport) -> dict:
    """The figures a narrative may quote: frozen with the report once approved, else computed."""
    if report.snapshot and "figures" in report.snapshot:
        return thaw_figures(report.snapshot["figures"])
    return figures_for(report.kind, report.period)


def _render_section_html(section: Section, report: TDAGReport, narrative_html: SafeString,
                         period) -> str:
    context = {**section.collect(period), "period": period, "report": report, "narrative": narrative_html}
    return render_to_string(section.template, context)


def snapshot_sections(report: TDAGReport, language: str) -> dict[str, dict[str, str]]:
    """The computed sections in ``language``, each formatted twice: with a marker where a narrative
    goes ("written") and with the template's own text ("default"), so that any language version of
    the report, whatever parts its staff wrote, is put together from the same frozen figures."""
    period = report.period
    codes = {section.code for section in narrative_sections_for(report.kind)}
    frozen: dict[str, dict[str, str]] = {}
    with translation.override(language), report_run():
        for section in sections_for(report.kind):
            context = {**section.collect(period), "period": period, "report": report}
            frozen[section.key] = {
                "default": render_to_string(section.template, {**context, "narrative": ""})}
            if section.key in codes:
                frozen[section.key]["written"] = render_to_string(
                    section.template, {**context, "narrative": narrative_marker(section.key)})
    return frozen


def _frozen_html(frozen: dict[str, str], key: str, narrative_html: SafeString) -> str:
    if narrative_html and "written" in frozen:
        return frozen["written"].replace(narrative_marker(key), narrative_html)
    return frozen["default"]


def render_sections(report: TDAGReport,
                    on_section: Callable[[int, int], None] | None = None) -> list[RenderedSection]:
    """Collect and format every section of the report's kind; call ``on_section(done, total)``.

    A section's narrative is rendered from the report's Markdown with its figures filled in; a
    report approved earlier takes its sections from the snapshot, so later data changes nothing.
    A section left empty (a narrative part nobody wrote) is left out.
    """
    period = report.period
    sections = sections_for(report.kind)
    delay = section_delay()
    figures = report_figures(report)
    frozen = ((report.snapshot or {}).get("sections") or {}).get(report.language) or {}
    narrative = report.narrative or {}
    rendered: list[RenderedSection] = []
    number = 0
    with translation.override(report.language), report_run():
        for index, section in enumerate(sections, start=1):
            front = is_front_matter(section)
            narrative_html = narrative_markup.render(narrative.get(section.key, ""), figures, report.language)
            if section.key in frozen:
                html = _frozen_html(frozen[section.key], section.key, narrative_html)
            else:
                html = _render_section_html(section, report, narrative_html, period)
            if delay:
                time.sleep(delay)
            if on_section:
                on_section(index, len(sections))
            if not html.strip():
                continue
            if not front:
                number += 1
            rendered.append(RenderedSection(
                key=section.key, title=str(section.title), number="" if front else str(number),
                front_matter=front, html=mark_safe(html),
            ))
    return rendered


def portal_base_url() -> str:
    """Where the portal is served (``DJANGO_PORTAL_BASE_URL``, e.g. https://alliance.itu.int), for the
    links of the PDF and the e-mails, which live outside a request; empty gives site-relative links.
    The one rule is ``alliance.core.links.absolute_url``."""
    from alliance.core.links import absolute_url

    return absolute_url("")


def list_links(report: TDAGReport) -> list[dict[str, str]]:
    """The full lists published beside the report (``lists.py``): each list's title and the absolute
    public URLs of its CSV and XLSX files, in the active language (the PDF, the Word file)."""
    from .lists import lists_for

    base = portal_base_url()
    if report.pk is None:
        return []
    return [{"title": str(report_list.title),
             **{fmt: base + reverse("documents:list-file",
                                    kwargs={"pk": report.pk, "name": report_list.name, "fmt": fmt})
                for fmt in ("csv", "xlsx")}}
            for report_list in lists_for(report.kind)]


def render_document(report: TDAGReport,
                    on_section: Callable[[int, int], None] | None = None) -> str:
    sections = render_sections(report, on_section)
    language = report.language
    with translation.override(language):
        context = {
            "report": report,
            "title": str(DOCUMENT_TITLES.get(report.kind, report.get_kind_display())),
            "frame": frame_for(report.kind),
            "language": language,
            "direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
            "language_name": translation.get_language_info(language)["name_local"],
            "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
            "generated_on": timezone.localdate(),
            "front_matter": [s for s in sections if s.front_matter],
            "body": [s for s in sections if not s.front_matter],
            "lists": list_links(report),
        }
        return render_to_string("reports/report/document.html", context)


def render_preview(report: TDAGReport, narrative: dict) -> str:
    """The whole document with a narrative typed but not saved (the live preview while editing);
    a ValidationError, as saving would raise, when the narrative is not valid. Nothing is stored."""
    import copy

    cleaned = narrative_markup.validate(kind=report.kind, narrative=narrative,
                                        figure_names=set(report_figures(report)))
    draft = copy.copy(report)
    draft.narrative = {**(report.narrative or {}), **cleaned}
    return render_document(draft)
