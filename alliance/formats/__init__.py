"""Date formats, one per language, used everywhere a person reads a date: pages, e-mails, PDFs.

``settings.FORMAT_MODULE_PATH`` points here; Django looks up ``<language>/formats.py`` first, then
its own locale formats for what is not set here. Templates write ``{{ value|date }}`` or
``{{ value|date:"DATE_FORMAT" }}`` (never a pattern such as ``"j F Y"``); Python uses
``django.utils.formats.date_format``. Machine-readable dates (CSV, XLSX, the API, ``datetime``
attributes) stay ISO 8601.

The short formats are the long ones: a reader meets one way of writing a date per language.
"""
