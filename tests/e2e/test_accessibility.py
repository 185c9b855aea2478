import pytest
from django.core.management import call_command

from .crawl import crawl

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source: str) -> list[tuple[str, str, list]]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]][:3])
            for v in result["violations"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_have_no_wcag_21_aa_violations(live_server, page, axe_source, language):
    call_command("load_demo", verbosity=0)
    paths = crawl(language)
    assert len(paths) >= 7, paths.keys()
    failures = {}
    for path in paths:
        page.goto(live_server.url + path)
        violations = axe_violations(page, axe_source)
        if violations:
            failures[path] = violations
    assert failures == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_is_the_first_stop_and_focus_is_visible(live_server, page):
    page.goto(live_server.url + "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
