"""The one module that knows WeasyPrint: HTML in, a tagged PDF/UA-1 file out.

Title, language and author come from the HTML (``<title>``, ``<html lang>``,
``<meta name="author">``); bookmarks from the headings (WeasyPrint's default
``bookmark-level`` of h1-h6); page numbers and repeated table headers from the CSS of
``templates/reports/report/document.html``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher

# WeasyPrint logs every layout step at INFO; keep the worker's log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


@dataclass(frozen=True)
class RenderedPdf:
    page_count: int


class LocalOnlyFetcher(URLFetcher):
    """Fetch ``data:`` URIs and files under the given folders only: a report never reaches the
    network or another file of the server, whatever a section's data contains."""

    def __init__(self, allowed_roots: Sequence[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"}, timeout=5)
        self._roots = [Path(root).resolve() for root in allowed_roots]

    def fetch(self, url, headers=None):
        if url.lower().startswith("file:"):
            path = Path(url2pathname(urlparse(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"A report may not read {path}")
        return super().fetch(url, headers)


def write_pdf(*, html: str, target: Path, base_url: str | None = None,
              allowed_roots: Sequence[Path] = ()) -> RenderedPdf:
    """Lay out ``html`` and write it to ``target`` (the caller moves it into place)."""
    fetcher = LocalOnlyFetcher(allowed_roots)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(**PDF_OPTIONS)
    page_count = len(document.pages)
    document.write_pdf(target, **PDF_OPTIONS)
    return RenderedPdf(page_count=page_count)
