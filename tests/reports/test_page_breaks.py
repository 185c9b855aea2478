"""PDF page breaks: headings stay with what follows, table rows and list items stay whole, and the
closing rule never stands alone on the last page (checked by eye on rendered pages; here, that the
document keeps asking for it)."""

import re
from datetime import date

import pytest

from alliance.reports.document import render_document
from alliance.reports.models import TDAGReport

pytestmark = pytest.mark.django_db


def _rules(css: str, selector: str) -> str:
    return " ".join(body for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
                    if selector in [s.strip() for s in selectors.split(",")])


@pytest.fixture
def css():
    report = TDAGReport(kind="alliance", language="en", period_start=date(2024, 1, 1),
                            period_end=date(2024, 12, 31))
    style = re.search(r"<style>(.*?)</style>", render_document(report), re.S).group(1)
    return re.sub(r"/\*.*?\*/", "", style, flags=re.S)


@pytest.mark.parametrize("selector", ["h1", "h2", "h3", ".front-matter h2", "caption"])
def test_headings_and_captions_stay_with_what_follows(css, selector):
    assert "break-after: avoid" in _rules(css, selector)


@pytest.mark.parametrize("selector", ["tr", "li", "figure"])
def test_rows_items_and_figures_are_not_split(css, selector):
    assert "break-inside: avoid" in _rules(css, selector)


def test_the_closing_rule_stays_on_the_page_of_the_last_words(css):
    assert "break-before: avoid" in _rules(css, ".end")


def test_a_sections_first_paragraph_follows_its_heading(css):
    assert "break-before: avoid" in _rules(css, "section > h2 + p")
