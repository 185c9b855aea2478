"""The public pages on phones and in right-to-left: nothing wider than the screen, charts laid out
for Arabic, and the screenshots a reviewer looks at (artifacts/screenshots/)."""

import importlib.util

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from board.models import BoardMember
from centres.selectors import centres_public
from partnerships.models import PartnerKind

from .conftest import ROOT, screenshot
from .crawl import crawl

PHONE_WIDTHS = (320, 390)
OVERFLOW = "[document.scrollingElement.scrollWidth, innerWidth]"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_no_public_page_is_wider_than_a_phone_screen(live_server, page, language):
    call_command("load_demo", verbosity=0)
    paths = crawl(language, per_list=2, minimum=25)  # two items a list: a smaller site
    assert len(paths) >= 10, paths.keys()
    too_wide = {}
    for path in paths:
        page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 800})
        page.goto(live_server.url + path)
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scroll_width, inner_width = page.evaluate(OVERFLOW)
            if scroll_width > inner_width:
                too_wide[f"{path} at {width} px"] = scroll_width
    assert too_wide == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_directory_table_fits_a_phone_without_scrolling_inside_itself(live_server, page, language):
    """At 390 px the directory's rows are stacked, each cell after its column's name: the table
    neither scrolls sideways itself nor widens the page, in right-to-left as in left-to-right."""
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + f"/{language}/centres/")
    scroll_width, client_width = page.eval_on_selector(
        "#centres-results", "table => [table.scrollWidth, table.clientWidth]")
    assert scroll_width <= client_width
    assert page.evaluate(OVERFLOW)[0] <= 390
    # Stacked: a row's cells sit one under another, each labelled with its column's name.
    cells = _boxes(page, "#centres-results tbody tr:first-child td")
    assert all(above["bottom"] <= below["top"] + 1 for above, below in zip(cells, cells[1:], strict=False))
    label = page.eval_on_selector("#centres-results tbody td",
                                  "td => getComputedStyle(td, '::before').content")
    with translation.override(language):
        assert label == f'"{translation.gettext("Country")}"'
    # Still a table for assistive technology: its rows and column headers are announced.
    assert page.get_by_role("table").count() >= 1
    assert page.locator("#centres-results").get_by_role("columnheader").count() == 5
    screenshot(page, f"{language}-directory-stacked")


def _boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


def _overlap(a: dict, b: dict) -> bool:
    across = a["left"] < b["right"] and b["left"] < a["right"]
    return across and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_arabic_charts_keep_their_words_off_the_marks_and_inside_the_page(live_server, page, width):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/ar/partnerships/")
    charts = _boxes(page, "figure.chart")
    assert len(charts) >= 7
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= width
    for ring, legend in zip(_boxes(page, ".chart-ring"), _boxes(page, ".chart-legend"), strict=True):
        assert not _overlap(ring, legend)
    # Each value sits beside its bar, never on it; bars grow from the right.
    for row in page.query_selector_all(".chart-row"):
        bar = row.query_selector("svg.chart-bar").bounding_box()
        value = row.query_selector(".chart-value").bounding_box()
        assert value["x"] + value["width"] <= bar["x"] + 1
    with translation.override("ar"):
        kinds = [str(label) for _code, label in PartnerKind.choices]
    legend = page.eval_on_selector_all("#figures-kinds .chart-legend li", "els => els.map(e => e.innerText)")
    assert [text.split(":")[0].strip() for text in legend] == kinds


# The pages of the screenshots are the pages Lighthouse audits (bench/lighthouse.py).
_spec = importlib.util.spec_from_file_location("bench_lighthouse", ROOT / "bench" / "lighthouse.py")
lighthouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lighthouse)
PAGES = lighthouse.PAGES


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_screenshots_of_the_main_public_pages(live_server, page, language):
    """Desktop and 390 px screenshots for a person to look at; each page must fit the phone."""
    call_command("load_demo", verbosity=0)
    slug = centres_public().order_by("name").values_list("slug", flat=True).first()
    for name, pattern in PAGES.items():
        page.goto(live_server.url + pattern.format(language=language, slug=slug))
        assert page.title()
        screenshot(page, f"{language}-{name}")
    # The cards with images: Board members with their photos or initials, one member's page.
    member = BoardMember.objects.exclude(photo="").order_by("order").first()
    for name, path in (("board-members", reverse("board:member-list")),
                       ("board-member", reverse("board:member-detail", args=[member.slug]))):
        page.goto(live_server.url + f"/{language}" + path.removeprefix("/en"))
        # Lazy images load once scrolled to; each then has its size and its pixels.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("[...document.querySelectorAll('main img.picture')].every(e => e.complete)")
        images = page.eval_on_selector_all(
            "main img.picture", "els => els.map(e => [e.naturalWidth > 0, e.width, e.height])")
        assert images and all(loaded and width and height for loaded, width, height in images), images
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"{language}-{name}")
