"""The Word version of a TDAG report (python-docx), for ITU's document services.

It is built from the same rendered sections as the PDF (``document.render_sections``): the same
headings, paragraphs, lists and tables; a chart becomes its title and its text description (the
chart's ``<title>`` and ``<desc>``, which list every value). Arabic paragraphs, runs and tables
are marked right-to-left (``w:bidi``, ``w:rtl``, ``w:bidiVisual``).
"""

from __future__ import annotations

import io

import lxml.html
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .document import DOCUMENT_TITLES, frame_for, list_links, render_sections
from .models import TDAGReport

FONTS = {"ar": "Noto Sans Arabic", "zh-hans": "Noto Sans CJK SC"}


class _Writer:
    def __init__(self, language: str) -> None:
        self.document = Document()
        self.rtl = language in settings.LANGUAGES_BIDI
        font = FONTS.get(language, "Noto Sans")
        style = self.document.styles["Normal"]
        style.font.name = font
        style.font.size = Pt(10.5)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
        style.element.rPr.rFonts.set(qn("w:cs"), font)
        core = self.document.core_properties
        core.language = language

    def _direction(self, paragraph) -> None:
        if not self.rtl:
            return
        properties = paragraph._p.get_or_add_pPr()
        properties.append(OxmlElement("w:bidi"))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in paragraph.runs:
            run_properties = run._r.get_or_add_rPr()
            run_properties.append(OxmlElement("w:rtl"))

    def heading(self, text: str, level: int):
        paragraph = self.document.add_heading(text, level=level)
        self._direction(paragraph)
        return paragraph

    def paragraph(self, element=None, text: str | None = None, style: str | None = None, bold: bool = False):
        paragraph = self.document.add_paragraph(style=style)
        if text is not None:
            paragraph.add_run(text).bold = bold
        else:
            self._runs(paragraph, element)
        self._direction(paragraph)
        return paragraph

    def _runs(self, paragraph, element, bold: bool = False, italic: bool = False) -> None:
        """The element's text as runs, keeping emphasis; a link keeps its address after the text."""
        if element.text:
            run = paragraph.add_run(element.text)
            run.bold, run.italic = bold or None, italic or None
        for child in element:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br":
                paragraph.add_run().add_break()
            else:
                self._runs(
                    paragraph,
                    child,
                    bold=bold or child.tag in ("strong", "b", "th"),
                    italic=italic or child.tag in ("em", "i"),
                )
                href = child.get("href") if child.tag == "a" else None
                if href and href != child.text_content().strip():
                    paragraph.add_run(f" ({href})")
            if child.tail:
                run = paragraph.add_run(child.tail)
                run.bold, run.italic = bold or None, italic or None

    def table(self, element) -> None:
        caption = element.find("caption")
        if caption is not None:
            self.paragraph(text=caption.text_content().strip(), bold=True)
        rows = element.xpath(".//tr")
        if not rows:
            return
        width = max(sum(int(cell.get("colspan", 1)) for cell in row.xpath("./th|./td")) for row in rows)
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        if self.rtl:
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for row in rows:
            cells = table.add_row().cells
            header_row = row.getparent().tag == "thead"
            if header_row:
                # Repeated at the top of each page and read as the header by assistive technology.
                row_properties = table.rows[-1]._tr.get_or_add_trPr()
                row_properties.append(OxmlElement("w:tblHeader"))
            for index, cell in enumerate(row.xpath("./th|./td")[:width]):
                target = cells[index].paragraphs[0]
                self._runs(target, cell, bold=cell.tag == "th")
                self._direction(target)

    def figure(self, element) -> None:
        title = element.xpath(".//*[local-name()='title']")
        desc = element.xpath(".//*[local-name()='desc']")
        caption = element.find("figcaption")
        label = (
            caption.text_content() if caption is not None else title[0].text_content() if title else ""
        ).strip()
        if label:
            self.paragraph(text=f"{gettext('Figure')}: {label}", bold=True)
        if desc:
            self.paragraph(text=desc[0].text_content().strip())

    def block(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "p":
            self.paragraph(element)
        elif tag in ("h2", "h3", "h4"):
            self.heading(element.text_content().strip(), level={"h2": 1, "h3": 2}.get(tag, 3))
        elif tag in ("ul", "ol"):
            style = "List Number" if tag == "ol" else "List Bullet"
            for item in element.findall("li"):
                self.paragraph(item, style=style)
        elif tag == "table":
            self.table(element)
        elif tag in ("figure", "svg"):
            self.figure(element)
        elif tag in ("div", "section"):
            self.fragment_children(element)
        elif tag and element.text_content().strip():
            self.paragraph(element)

    def fragment_children(self, parent) -> None:
        if parent.text and parent.text.strip():
            self.paragraph(text=parent.text.strip())
        for child in parent:
            self.block(child)
            if child.tail and child.tail.strip():
                self.paragraph(text=child.tail.strip())

    def fragment(self, html: str) -> None:
        if not html.strip():
            return
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        self.fragment_children(root)


def build_docx(report: TDAGReport) -> bytes:
    """The report as a .docx file's bytes, in the report's language."""
    sections = render_sections(report)
    language = report.language
    with translation.override(language):
        writer = _Writer(language)
        title = str(DOCUMENT_TITLES.get(report.kind, report.get_kind_display()))
        writer.document.core_properties.title = f"{title} – {report.period_label}"
        frame = frame_for(report.kind)
        writer.document.core_properties.author = f"ITU {frame.issuer}"
        writer.paragraph(text=str(frame.body), bold=True)
        writer.paragraph(text=str(frame.issuer))
        symbol = report.symbol or f"{frame.symbol_prefix}/{report.kind.upper()}/{report.period_label}"
        when = report.published_at or timezone.now()
        writer.paragraph(text=f"{gettext('Document')} {symbol} – {date_format(when.date(), 'DATE_FORMAT')}")
        writer.paragraph(text=f"{gettext('Source')}: {frame.source}")
        writer.heading(title, level=0)
        for section in sections:
            writer.heading(f"{section.number} {section.title}".strip(), level=1)
            writer.fragment(section.html)
        writer.fragment(render_to_string("reports/report/annex.html", {"lists": list_links(report)}))
        stream = io.BytesIO()
        writer.document.save(stream)
        return stream.getvalue()
