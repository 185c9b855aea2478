"""Drive pages with the keyboard only: Tab to a control, type, press Space or Enter.

No click and no programmatic focus: a control that Tab never reaches fails the journey.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page

SKIP_LINKS = "a.skip-link, a.skip-to-content-link"


def path(page: Page) -> str:
    """The page's path: a followed skip link leaves ``#content`` on the URL, even across a redirect."""
    return urlsplit(page.url).path


def is_focused(target: Locator) -> bool:
    return target.evaluate("el => el === document.activeElement")


# Which way a keyboard user goes: from the focus towards the target; on a freshly loaded page,
# from the top (through the skip link when the target is in <main>) or, if nearer, from the bottom.
ROUTE = """(el, skipLinks) => {
  const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden' && e.getClientRects().length);
  const active = document.activeElement;
  if (active && active !== document.body) {
    const before = active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING;
    return {key: before ? 'Shift+Tab' : 'Tab', skip: false};
  }
  const main = el.closest('main');
  const skip = !!(main && stops.length && stops[0].matches(skipLinks));
  const forward = skip ? 2 + stops.filter(s => main.contains(s)).indexOf(el) : 1 + stops.indexOf(el);
  const backward = stops.length - stops.indexOf(el);
  return forward <= backward ? {key: 'Tab', skip} : {key: 'Shift+Tab', skip: false};
}"""


def tab_to(page: Page, target: Locator | str, limit: int = 150) -> None:
    """Press Tab (or Shift+Tab) until ``target`` (a locator or a CSS selector) has the focus, as a
    keyboard user would; fail if it never does. A skip link, when the page offers one, is followed
    with Enter."""
    if isinstance(target, str):
        target = page.locator(target).first
    route = target.evaluate(ROUTE, SKIP_LINKS)
    if route["skip"]:
        page.keyboard.press("Tab")
        assert page.evaluate("s => document.activeElement.matches(s)", SKIP_LINKS), "no skip link first"
        page.keyboard.press("Enter")
    for _ in range(limit):
        page.keyboard.press(route["key"])
        if is_focused(target):
            return
    active = page.evaluate("document.activeElement.outerHTML.slice(0, 160)")
    raise AssertionError(f"{route['key']} never reached {target} in {limit} presses on {page.url}; "
                         f"the focus is on {active}")


def tab_and_type(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def tab_and_check(page, selector: str) -> None:
    """Tick a checkbox or choose a radio button with Space."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.is_checked(selector), selector


def tab_and_choose(page, selector: str, label: str) -> None:
    """Choose an option of a select by typing its first letters (the browser's type-ahead)."""
    tab_to(page, selector)
    page.keyboard.type(label)
    chosen = page.eval_on_selector(selector, "s => [...s.selectedOptions].map(o => o.text)")
    assert chosen == [label], (selector, chosen)


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def log_in(page, base_url: str, username: str, password: str, language: str = "en") -> None:
    page.goto(f"{base_url}/{language}/accounts/login/")
    tab_and_type(page, "#id_username", username)
    tab_and_type(page, "#id_password", password)
    tab_to(page, "main button[type=submit]")
    press_enter_and_wait(page)
    assert "/accounts/login/" not in page.url, page.inner_text("main")
    if "/accounts/second-factor/" in page.url and "/enrol/" not in page.url:
        # Staff: the code their authenticator app shows (the test gave them one: give_authenticator).
        from django.contrib.auth import get_user_model

        from .conftest import authenticator_code

        tab_and_type(page, "#id_code", authenticator_code(get_user_model().objects.get(username=username)))
        tab_to(page, "main button[type=submit]")
        press_enter_and_wait(page)
        assert "/accounts/second-factor/" not in page.url, page.inner_text("main")
