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

import re

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
