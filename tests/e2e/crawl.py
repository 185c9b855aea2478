"""Find the portal's public pages by following links from the home page.

Strict: a link that answers anything but 200 or a redirect fails the crawl (a broken link is a
finding, not a page to leave out), and a crawl that found fewer pages than expected fails too, so
that the checks run over it (axe, vnu) cannot pass by checking nothing.
"""

from collections import deque
from urllib.parse import urldefrag, urlparse

from django.test import Client
from django.urls import Resolver404, resolve

SKIP_PREFIXES = ("/admin/", "/api/", "/media/", "/static/", "/i18n/", "/healthz")
# The demo data gives 63 pages per language within the limits below (November 2026); far fewer
# means the crawl lost its way (a home page without links, a demo that did not load).
MINIMUM_PAGES = 50


class CrawlFailed(AssertionError):
    pass


def is_public_page(path: str, language: str) -> bool:
    if not path.startswith(f"/{language}/"):
        return False
    rest = path[len(language) + 1:]
    return not rest.startswith(SKIP_PREFIXES) and "/download" not in rest


def crawl(language: str = "en", limit: int = 120, per_list: int = 8,
          minimum: int = MINIMUM_PAGES) -> dict[str, str]:
    """Return {path: html} for the public pages reachable from /<language>/ (at most ``limit``).

    Query strings are dropped, and of the pages under one parent (``/en/centres/<slug>/``)
    the first ``per_list`` are kept: a few detail pages of each kind are enough. A redirect is
    followed when it stays on the public pages. Raises ``CrawlFailed`` naming every page that
    answered neither 200 nor 3xx, or when fewer than ``minimum`` HTML pages were found.
    """
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag == "a":
                self.hrefs.extend(value for name, value in attrs if name == "href" and value)

    client = Client()
    pages: dict[str, str] = {}
    failures: dict[str, int] = {}
    requested = 0
    per_parent: dict[str, int] = {}
    # The site search's results are reached through its form, not a link: start there too.
    queue = deque([f"/{language}/"])
    try:
        resolve(f"/{language}/search/")
        queue.append(f"/{language}/search/?q=ITU")
    except Resolver404:  # a site without the search (the checkers' own small URL conf)
        pass
    seen = set(queue)

    def follow(href: str, counted: bool = True) -> None:
        url = urlparse(urldefrag(href)[0])
        if url.netloc or url.scheme or not is_public_page(url.path, language) or url.path in seen:
            return
        parent = url.path.rstrip("/").rsplit("/", 1)[0]
        if counted:
            if per_parent.get(parent, 0) >= per_list:
                return
            per_parent[parent] = per_parent.get(parent, 0) + 1
        seen.add(url.path)
        queue.append(url.path)

    while queue and len(pages) < limit:
        path = queue.popleft()
        response = client.get(path)
        requested += 1
        if 300 <= response.status_code < 400:
            follow(response["Location"], counted=False)
            continue
        if response.status_code != 200:
            failures[path] = response.status_code
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        parser = Links()
        parser.feed(html)
        for href in parser.hrefs:
            follow(href)
    print(f"crawl /{language}/: {requested} links requested, {len(pages)} HTML pages, "
          f"{len(failures)} failed")
    if failures:
        raise CrawlFailed(f"pages answering neither 200 nor 3xx: {failures}")
    if len(pages) < minimum:
        raise CrawlFailed(f"only {len(pages)} pages found from /{language}/ (at least {minimum} expected): "
                          f"{sorted(pages)}")
    return pages
