"""Journey 4: a member switches the public pages to Arabic, then Chinese, with the keyboard."""

import re

import pytest
from django.core.management import call_command

from .conftest import screenshot

# Text that stays in Latin script in every language: acronyms, the address, language names.
KEEP_LATIN = re.compile(
    r"\b(ITU(-D)?|BDT|TDAG|DT|RIA|SME|ICT|P2C|USD|English|[Ff]rançais|[Ee]spañol|"
    r"innovation-alliance@itu\.int|[\w.+-]+@[\w.-]+)\b"
)
# The interface, not the data: row headers (th in tbody) hold names such as a centre's.
CHROME = "header, nav, footer, h1, h2, label, button, caption, thead th, .skip-link"


def untranslated_chrome(page) -> list[str]:
    texts = page.eval_on_selector_all(
        CHROME, "els => els.map(e => e.innerText).filter(t => t && t.trim())"
    )
    leftovers = []
    for text in texts:
        stripped = KEEP_LATIN.sub("", text)
        if re.search(r"[A-Za-z]{4,}", stripped):
            leftovers.append(text.strip()[:80])
    return leftovers


def switch_language_with_keyboard(page, code: str) -> None:
    page.focus(f'.language-switcher a[hreflang="{code}"]')
    assert page.evaluate("document.activeElement.lang") == code
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_member_switches_to_arabic_then_chinese(live_server, page):
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url + "/en/centres/")
    switch_language_with_keyboard(page, "ar")
    assert page.url.endswith("/ar/centres/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    header = page.locator(".header-row").bounding_box()
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > header["x"] + header["width"] / 2, "brand starts on the right"
    assert untranslated_chrome(page) == []
    screenshot(page, "journey4-arabic-centres")

    switch_language_with_keyboard(page, "zh-hans")
    assert page.url.endswith("/zh-hans/centres/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert untranslated_chrome(page) == []
    screenshot(page, "journey4-chinese-centres")
