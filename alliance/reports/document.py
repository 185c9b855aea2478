"""Build the HTML of a report: its sections in order, each collected and formatted in the
report's language, inside the TDAG document frame (``templates/reports/report/document.html``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .models import ProgressReport
from .registry import ReportKind, Section, report_run, sections_for

# Sections shown before the numbered body, in the boxed front matter of a TDAG document.
FRONT_MATTER_KEYS = frozenset({"summary", "action_required", "references"})

DOCUMENT_TITLES: dict[str, Promise] = {
    ReportKind.ALLIANCE: _("Innovation and Entrepreneurship Alliance for Digital Development"),
    ReportKind.PARTNERSHIPS: _("Partnerships and resource mobilization in ITU-D"),
    ReportKind.P2C: _("Partner2Connect Digital Coalition"),
    ReportKind.COORDINATION: _("Coordination of efforts among the three Sectors of the Union and the General "
                               "Secretariat (Resolution 191)"),
}

# The report keeps figures and top-10 tables; the full lists are the CSV/XLSX exports of the
# administration, linked from the annex (staff only; those missing are left out).
DATA_EXPORTS: dict[str, list[tuple[Promise, str]]] = {
    ReportKind.ALLIANCE: [
        (_("Board members"), "admin:board_boardmember_export"),
        (_("Board recommendations and decisions"), "admin:board_recommendation_export"),
        (_("Acceleration Centres"), "admin:centres_centre_export"),
        (_("Playbooks"), "admin:dtlab_playbook_export"),
        (_("RIA project concepts"), "admin:dtlab_projectconcept_export"),
    ],
    ReportKind.PARTNERSHIPS: [
        (_("Partnership agreements"), "admin:partnerships_agreement_export"),
        (_("Partners"), "admin:partnerships_partner_export"),
    ],
    ReportKind.P2C: [
        (_("Pledges"), "admin:partnerships_pledge_export"),
        (_("Pledgers"), "admin:partnerships_pledger_export"),
    ],
}

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


def render_sections(report: ProgressReport,
                    on_section: Callable[[int, int], None] | None = None) -> list[RenderedSection]:
    """Collect and format every section of the report's kind; call ``on_section(done, total)``."""
    period = report.period
    sections = sections_for(report.kind)
    delay = section_delay()
    rendered: list[RenderedSection] = []
    number = 0
    with translation.override(report.language), report_run():
        for index, section in enumerate(sections, start=1):
            front = is_front_matter(section)
            if not front:
                number += 1
            context = {**section.collect(period), "period": period, "report": report}
            html = render_to_string(section.template, context)
            rendered.append(RenderedSection(
                key=section.key, title=str(section.title), number="" if front else str(number),
                front_matter=front, html=mark_safe(html),
            ))
            if delay:
                time.sleep(delay)
            if on_section:
                on_section(index, len(sections))
    return rendered


def portal_base_url() -> str:
    """Where the portal is served (``DJANGO_PORTAL_BASE_URL``, e.g. https://alliance.itu.int), for the
    links of the PDF and the e-mails, which live outside a request; empty gives site-relative links."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def data_exports(kind: str) -> list[tuple[str, str]]:
    """(label, URL) of the exports with the full lists, in the active language."""
    base = portal_base_url()
    links = []
    for label, url_name in DATA_EXPORTS.get(kind, []):
        try:
            links.append((str(label), base + reverse(url_name)))
        except NoReverseMatch:
            continue
    return links


def render_document(report: ProgressReport,
                    on_section: Callable[[int, int], None] | None = None) -> str:
    sections = render_sections(report, on_section)
    language = report.language
    with translation.override(language):
        context = {
            "report": report,
            "title": str(DOCUMENT_TITLES.get(report.kind, report.get_kind_display())),
            "language": language,
            "direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
            "language_name": translation.get_language_info(language)["name_local"],
            "font_family": FONT_FAMILIES.get(language, DEFAULT_FONT_FAMILY),
            "generated_on": timezone.localdate(),
            "front_matter": [s for s in sections if s.front_matter],
            "body": [s for s in sections if not s.front_matter],
            "exports": data_exports(report.kind),
        }
        return render_to_string("reports/report/document.html", context)
