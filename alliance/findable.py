"""What lets search engines and browsers find the site: robots.txt and /favicon.ico.
(sitemap.xml is django.contrib.sitemaps with alliance/sitemaps.py.)"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Pages for people with an account, and machine endpoints: not for search engines.
PRIVATE_PREFIXES = ("admin/", "staff/", "portal/", "accounts/")


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /api/", "Disallow: /i18n/"]
    for language, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{language}/{prefix}" for prefix in PRIVATE_PREFIXES]
    lines += ["Allow: /", "", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache
def _favicon() -> bytes:
    return (settings.BASE_DIR / "static" / "img" / "favicon.ico").read_bytes()


@require_safe
@cache_control(max_age=604800, public=True)
def favicon_ico(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links to; the pages link the SVG too."""
    return HttpResponse(_favicon(), content_type="image/x-icon")
