"""The admin's CSV and XLSX exports, with spreadsheet formulas neutralised (CSV injection).

Visitors type the text of applications, service and expert requests, hosts their centre's
profile: a cell such as ``=HYPERLINK("https://evil.example", "Click")`` would run as a formula in
the spreadsheet of the staff member who opens the export. Every text cell that a spreadsheet
would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
prefixed with a single quote, as OWASP recommends; plain numbers (``-12.5``) stay numbers.

``settings.EXPORT_FORMATS`` offers only these two formats, so every admin that exports (with its
own resource or the default one) goes through them. Settings import this module: it imports
nothing of the apps (the readable resources and the admin mixins are in ``alliance.core.exports``).
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import tablib
from import_export.formats import base_formats

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise_cell(value):
    """The value, with a leading single quote if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.match(value):
        return f"'{value}"
    return value


def neutralise_dataset(dataset: tablib.Dataset) -> tablib.Dataset:
    """A copy of the dataset with every cell (and header) neutralised."""
    safe = tablib.Dataset(headers=[neutralise_cell(h) for h in dataset.headers or []] or None,
                          title=dataset.title)
    for row in dataset:
        safe.append([neutralise_cell(cell) for cell in row])
    return safe


class SafeCSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralise_dataset(dataset), **kwargs)


class SafeXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralise_dataset(dataset), **kwargs)


EXPORT_FORMATS = [SafeCSV, SafeXLSX]

# The admin exports dates and numbers as native cell types for the formats in this list (compared
# by exact type), as it does for the stock XLSX.
if SafeXLSX not in base_formats.BINARY_FORMATS:
    base_formats.BINARY_FORMATS.append(SafeXLSX)


# --- Tables too long for memory: written row by row ---------------------------------------------


@dataclass
class Table:
    """A table read once, row by row: the headers, and the rows as they come (e.g. from a
    ``QuerySet.iterator()``), so that a list of any length is written in bounded memory."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]


XLSX_SAMPLE_ROWS = 200  # rows read before the first is written, to size the columns
XLSX_MAX_WIDTH = 60
_XLSX_TITLE = re.compile(r"[\\/*?:\[\]]")
CSV_BOM = "\ufeff"  # UTF-8 with a byte order mark, so that Excel reads the accents and the Arabic right


def _safe_rows(rows: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
    for row in rows:
        yield [neutralise_cell("" if value is None else value) for value in row]


class _Line:
    """A file that hands back what the CSV writer writes: one formatted line at a time."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table) -> Iterator[str]:
    """The table as CSV text, line by line (for a streamed download), formulas neutralised."""
    writer = csv.writer(_Line())
    yield CSV_BOM + writer.writerow([neutralise_cell(str(header)) for header in table.headers])
    for row in _safe_rows(table.rows):
        yield writer.writerow(row)


def write_table(table: Table, *, csv_path: Path | None = None,
                xlsx_file: Path | BinaryIO | None = None) -> int:
    """Write the table once through as CSV and/or XLSX (openpyxl's write-only workbook: rows go
    to disk as they come), formulas neutralised as in ``SafeCSV`` / ``SafeXLSX``; the number of
    rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    headers = [neutralise_cell(str(header)) for header in table.headers]
    rows = _safe_rows(table.rows)
    sample = list(itertools.islice(rows, XLSX_SAMPLE_ROWS))
    sheet = None
    if xlsx_file is not None:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_XLSX_TITLE.sub("-", str(table.title))[:31] or "Sheet")
        sheet.freeze_panes = "A2"
        for index, header in enumerate(headers):
            longest = max([len(header), *(len(str(row[index])) for row in sample if index < len(row))])
            sheet.column_dimensions[get_column_letter(index + 1)].width = min(longest + 2, XLSX_MAX_WIDTH)
        bold, wrap = Font(bold=True), Alignment(wrap_text=True)

    def cell(value, *, header: bool = False):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not header and not (isinstance(value, str) and "\n" in value):
            return value
        styled = WriteOnlyCell(sheet, value=value)
        if header:
            styled.font = bold
        else:
            styled.alignment = wrap
        return styled

    count = 0
    with contextlib.ExitStack() as files:
        writer = None
        if csv_path is not None:  # "utf-8-sig": the byte order mark first
            writer = csv.writer(files.enter_context(open(csv_path, "w", encoding="utf-8-sig", newline="")))
            writer.writerow(headers)
        if sheet is not None:
            sheet.append([cell(header, header=True) for header in headers])
        for row in itertools.chain(sample, rows):
            if writer is not None:
                writer.writerow(row)
            if sheet is not None:
                sheet.append([cell(value) for value in row])
            count += 1
    if sheet is not None:
        workbook.save(xlsx_file)
    return count
