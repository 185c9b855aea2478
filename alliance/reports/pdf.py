"""The one module that knows WeasyPrint: HTML in, a tagged PDF/UA-1 file out.

Title, language and author come from the HTML (``<title>``, ``<html lang>``,
``<meta name="author">``); bookmarks from the headings (WeasyPrint's default
``bookmark-level`` of h1-h6); page numbers and repeated table headers from the CSS of
``templates/reports/report/document.html``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from weasyprint import HTML

# WeasyPrint logs every layout step at INFO; keep the worker's log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


@dataclass(frozen=True)
class RenderedPdf:
    page_count: int


def write_pdf(*, html: str, target: Path, base_url: str | None = None) -> RenderedPdf:
    """Lay out ``html`` and write it to ``target`` (the caller moves it into place)."""
    document = HTML(string=html, base_url=base_url).render(**PDF_OPTIONS)
    page_count = len(document.pages)
    document.write_pdf(target, **PDF_OPTIONS)
    return RenderedPdf(page_count=page_count)
