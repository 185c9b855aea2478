"""Find the portal's public pages by following links from the home page."""

from collections import deque
from urllib.parse import urldefrag, urlparse

from django.test import Client

SKIP_PREFIXES = ("/admin/", "/api/", "/media/", "/static/", "/i18n/", "/healthz")


def is_public_page(path: str, language: str) -> bool:
    if not path.startswith(f"/{language}/"):
        return False
    rest = path[len(language) + 1:]
    return not rest.startswith(SKIP_PREFIXES) and "/download" not in rest


def crawl(language: str = "en", limit: int = 120, per_list: int = 8) -> dict[str, str]:
    """Return {path: html} for the public pages reachable from /<language>/ (at most ``limit``).

    Query strings are dropped, and of the pages under one parent (``/en/centres/<slug>/``)
    the first ``per_list`` are kept: a few detail pages of each kind are enough.
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
    per_parent: dict[str, int] = {}
    # The site search's results are reached through its form, not a link: start there too.
    queue = deque([f"/{language}/", f"/{language}/search/?q=ITU"])
    seen = set(queue)
    while queue and len(pages) < limit:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        parser = Links()
        parser.feed(html)
        for href in parser.hrefs:
            url = urlparse(urldefrag(href)[0])
            if url.netloc or url.scheme or not is_public_page(url.path, language):
                continue
            parent = url.path.rstrip("/").rsplit("/", 1)[0]
            if url.path in seen or per_parent.get(parent, 0) >= per_list:
                continue
            per_parent[parent] = per_parent.get(parent, 0) + 1
            seen.add(url.path)
            queue.append(url.path)
    return pages
