"""Page weight of a first visit (issue 22): every public page with what it makes the browser fetch
(stylesheets, scripts, images, icons) under 60 KB compressed, and nothing render-blocking beyond
one stylesheet. Computed from the demo's pages in-process: the HTML as the proxy compresses it
(gzip), static files as whitenoise serves them (gzip), images as they are (already compressed)."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client

from board.models import BoardMember
from centres.models import Centre
from dtlab.models import Playbook

pytestmark = pytest.mark.django_db

LIMIT = 60 * 1024
COMPRESSIBLE = (".css", ".js", ".svg", ".ico", ".html", ".txt")


class Resources(HTMLParser):
    """What a browser fetches for the page, and what blocks its first rendering."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: set[str] = set()
        self.blocking: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "link" and attributes.get("href"):
            rel = (attributes.get("rel") or "").split()
            if "stylesheet" in rel:
                self.fetched.add(attributes["href"])
                if attributes.get("media", "all") in ("all", "screen"):
                    self.blocking.append(attributes["href"])
            elif "icon" in rel:
                self.fetched.add(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.fetched.add(attributes["src"])
            deferred = "defer" in attributes or "async" in attributes or attributes.get("type") == "module"
            if self.in_head and not deferred:
                self.blocking.append(attributes["src"])
        elif tag == "img" and attributes.get("src"):
            self.fetched.add(attributes["src"])


def transferred(url: str) -> int:
    """Bytes on the wire for one of the page's resources."""
    path = url.split("?")[0]
    if path.startswith("/static/"):
        found = finders.find(path.removeprefix("/static/"))
        assert found, f"{url} is not a static file"
        content = Path(found).read_bytes()
    elif path.startswith("/media/"):
        with default_storage.open(path.removeprefix("/media/")) as handle:
            content = handle.read()
    elif path == "/favicon.ico":
        content = Client().get(path).content
    else:
        raise AssertionError(f"{url}: a resource from elsewhere")
    return len(gzip.compress(content)) if path.endswith(COMPRESSIBLE) else len(content)


def first_visit(client: Client, path: str) -> tuple[int, int, list[str]]:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content
    resources = Resources()
    resources.feed(html.decode())
    html_bytes = len(gzip.compress(html))
    return html_bytes, html_bytes + sum(transferred(url) for url in resources.fetched), resources.blocking


@pytest.fixture
def pages(db) -> list[str]:
    call_command("load_demo", verbosity=0)
    centre = Centre.objects.exclude(logo="").exclude(status=Centre.Status.REMOVED).order_by("pk").first()
    member = BoardMember.objects.exclude(photo="").order_by("pk").first()
    playbook = Playbook.objects.filter(status=Playbook.Status.PUBLISHED).order_by("pk").first()
    return ["/en/", "/en/centres/", f"/en/centres/{centre.slug}/", "/en/centres/figures/",
            "/en/partnerships/", "/en/partnerships/partner2connect/", "/en/board/",
            f"/en/board/members/{member.slug}/", "/en/dtlab/playbooks/",
            f"/en/dtlab/playbooks/{playbook.slug}/", "/en/documents/", "/en/news/",
            "/ar/centres/", "/zh-hans/partnerships/"]


def test_every_public_page_weighs_under_60_kb_on_a_first_visit_and_blocks_on_one_stylesheet(pages):
    client = Client()
    weights = {}
    for path in pages:
        html_bytes, total, blocking = first_visit(client, path)
        weights[path] = (html_bytes, total)
        assert len(blocking) == 1, (path, blocking)
        assert re.search(r"/static/css/portal\.[\w.]*css$", blocking[0]), (path, blocking)
    heavy = {path: total for path, (_html, total) in weights.items() if total >= LIMIT}
    assert heavy == {}, weights


def test_the_weight_counts_each_resource_the_page_asks_for(pages):
    """The measure itself: a page that asked for an image would weigh the image's bytes more."""
    client = Client()
    _html, before, _blocking = first_visit(client, "/en/centres/")
    resources = Resources()
    resources.feed('<html><head><link rel="stylesheet" href="/static/css/portal.css">'
                   '<script src="/static/js/passkeys.js"></script></head><body>'
                   '<img src="/static/img/apple-touch-icon.png"></body></html>')
    assert resources.blocking == ["/static/css/portal.css", "/static/js/passkeys.js"]
    icon = Path(finders.find("img/apple-touch-icon.png")).stat().st_size
    assert transferred("/static/img/apple-touch-icon.png") == icon
    assert before > 0
