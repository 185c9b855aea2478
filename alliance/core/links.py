"""Absolute links, for what is read away from the site: e-mails, PDFs, spreadsheets, calendars.

These are built outside a request (in a worker, a command, a scheduled task), so the portal's own
address comes from ``settings.PORTAL_BASE_URL`` (``DJANGO_PORTAL_BASE_URL``, e.g.
https://alliance.itu.int). Every such link goes through ``absolute_url``.
"""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (a site path such as ``reverse(...)`` gives, starting with "/") behind the portal's
    address: ``settings.PORTAL_BASE_URL`` + ``path``; never the address a request came to (its
    Host header is the visitor's to choose). A URL that is already absolute is returned as it is.
    Without ``PORTAL_BASE_URL`` (local development) the link stays site-relative.
    """
    if path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + path
