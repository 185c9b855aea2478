"""Drive pages with the keyboard only: Tab to a control, type, press Space or Enter.

No click and no programmatic focus: a control that Tab never reaches fails the journey.
"""


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the control matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    active = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{selector} not reached after {limit} presses of Tab (focus on {active})")


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
