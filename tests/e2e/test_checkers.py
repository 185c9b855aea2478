"""The checkers the browser tests rely on fail loudly instead of passing on nothing checked."""

import json
import sys

import pytest
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path

from .crawl import CrawlFailed, crawl
from .vnu import CheckerFailed, vnu_command, vnu_errors

VALID = '<!doctype html><html lang="en"><head><title>t</title></head><body><p>ok</p></body></html>'


def fake_vnu(stderr: str, exit_code: int) -> list[str]:
    """A stand-in for ``java -jar vnu.jar`` that writes ``stderr`` and exits ``exit_code``."""
    code = f"import sys; sys.stderr.write({stderr!r}); sys.exit({exit_code})"
    return [sys.executable, "-c", code, "--"]


@pytest.fixture
def page(tmp_path):
    file = tmp_path / "page.html"
    file.write_text(VALID)
    return {str(file): "/en/page/"}


def test_vnu_check_fails_on_empty_output(page):
    with pytest.raises(CheckerFailed, match="unreadable vnu output"):
        vnu_errors(fake_vnu("", 0), page)


def test_vnu_check_fails_on_output_that_is_not_its_report(page):
    with pytest.raises(CheckerFailed, match="unreadable vnu output"):
        vnu_errors(fake_vnu("Error: Unable to access jarfile vnu.jar", 0), page)
    with pytest.raises(CheckerFailed, match="unreadable vnu output"):
        vnu_errors(fake_vnu('{"messages": []}', 0), page)  # no version: not from vnu


def test_vnu_check_fails_on_a_non_zero_exit_without_errors(page):
    report = json.dumps({"version": "26.9.27", "messages": []})
    with pytest.raises(CheckerFailed, match="exited 3"):
        vnu_errors(fake_vnu(report, 3), page)


def test_vnu_check_reports_errors_and_files_it_could_not_read(page):
    file = next(iter(page))
    report = json.dumps({"version": "26.9.27", "messages": [
        {"type": "error", "url": f"file:{file}", "lastLine": 3, "message": "Stray end tag"},
        {"type": "non-document-error", "url": f"file:{file}", "message": "IO error"},
        {"type": "info", "url": f"file:{file}", "message": "only a remark"}]})
    assert vnu_errors(fake_vnu(report, 1), page) == [("/en/page/", 3, "Stray end tag"),
                                                       ("/en/page/", None, "IO error")]


def test_vnu_check_refuses_to_check_nothing_or_missing_or_empty_files(tmp_path):
    report = json.dumps({"version": "26.9.27", "messages": []})
    with pytest.raises(CheckerFailed, match="no file"):
        vnu_errors(fake_vnu(report, 0), {})
    with pytest.raises(CheckerFailed, match="missing or empty"):
        vnu_errors(fake_vnu(report, 0), {str(tmp_path / "absent.html"): "/en/"})
    (tmp_path / "empty.html").write_text("")
    with pytest.raises(CheckerFailed, match="missing or empty"):
        vnu_errors(fake_vnu(report, 0), {str(tmp_path / "empty.html"): "/en/"})


def test_the_real_vnu_passes_a_valid_page_and_names_an_error(tmp_path, page, vnu_jar):
    bad = tmp_path / "bad.html"
    bad.write_text(VALID.replace("</p>", "</div>"))
    errors = vnu_errors(vnu_command(vnu_jar), {**page, str(bad): "/en/bad/"})
    assert [(label, message) for label, _, message in errors] == [("/en/bad/", "Stray end tag “div”.")]


# A tiny site for the crawler (this module is the URLconf of the tests below).
def _page(*links: str):
    body = "".join(f'<a href="{link}">{link}</a>' for link in links)
    return lambda request: HttpResponse(f"<!doctype html><title>t</title>{body}")


urlpatterns = [
    path("en/", _page("/en/a/", "/en/moved/", "/en/gone/", "/en/a/#top", "https://example.org/")),
    path("en/a/", _page("/en/")),
    path("en/moved/", lambda request: HttpResponseRedirect("/en/b/")),
    path("en/b/", _page()),
    path("en/gone/", lambda request: HttpResponse(status=410)),
    path("fr/", _page("/fr/a/", "/fr/moved/")),
    path("fr/a/", _page("/fr/")),
    path("fr/moved/", lambda request: HttpResponseRedirect("/fr/b/")),
    path("fr/b/", _page()),
]


@pytest.mark.urls(__name__)
def test_crawler_fails_on_a_page_that_answers_neither_200_nor_3xx(db):
    with pytest.raises(CrawlFailed, match=r"\{'/en/gone/': 410\}"):
        crawl("en", minimum=1)


@pytest.mark.urls(__name__)
def test_crawler_follows_redirects_and_fails_below_its_minimum(db, capsys):
    assert sorted(crawl("fr", minimum=3)) == ["/fr/", "/fr/a/", "/fr/b/"]
    assert "crawl /fr/: 4 links requested, 3 HTML pages, 0 failed" in capsys.readouterr().out
    with pytest.raises(CrawlFailed, match="only 3 pages found"):
        crawl("fr", minimum=4)
