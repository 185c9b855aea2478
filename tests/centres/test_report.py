"""The centres section of the TDAG report: figures, lifecycle, removals and trainings for a period."""

from datetime import date

from django.template.loader import render_to_string

from alliance.reports.registry import Period, ReportKind, sections_for
from centres import demo


def test_centres_section_is_registered_at_order_40():
    section = next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "centres")
    assert section.order == 40


def test_section_for_2024_tells_seed_000s_story(db):
    demo.load(log=lambda message: None)
    section = next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "centres")
    context = section.collect(Period(date(2024, 1, 1), date(2024, 12, 31)))
    first = context["calls"][0].figures
    assert (first.applications, first.countries, first.selected) == (44, 35, 17)
    assert (first.agreements_signed, first.design_finished, first.removed) == (10, 10, 3)
    assert len(context["removals"]) == 3 and context["not_signed"] == 4
    assert [t.title for t in context["trainings"]] == [
        "Strategic Foresight 201", "Ecosystem Initiatives Design 201", "I-CoDI workshop"]
    assert context["new_hosts"] == []
    html = render_to_string(section.template, context)
    assert "<h1" not in html and "<link" not in html and "<img" not in html
    assert "Strategic Foresight 201" in html and 'scope="col"' in html


def test_section_counts_only_what_had_happened_by_the_end_of_the_period(db):
    demo.load(log=lambda message: None)
    section = next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "centres")
    context = section.collect(Period(date(2023, 1, 1), date(2023, 12, 31)))
    first = context["calls"][0].figures
    assert (first.selected, first.agreements_signed, first.removed) == (17, 0, 0)
    assert context["trainings"] == [] and context["removals"] == []
    later = section.collect(Period(date(2025, 1, 1), date(2025, 3, 31)))
    assert {c.country.code for c in later["new_hosts"]} == {"ZA", "SA"}


def test_the_hosts_approved_in_the_period_are_one_item_each_their_names_isolated_in_arabic(db):
    """In an Arabic report a Latin host name written inside the sentence took its brackets and the
    "; " between hosts with it ("((United Arab Emirates"): each host is now an item of its own."""
    from django.utils import translation

    demo.load(log=lambda message: None)
    section = next(s for s in sections_for(ReportKind.ALLIANCE) if s.key == "centres")
    with translation.override("ar"):
        context = section.collect(Period(date(2025, 1, 1), date(2025, 3, 31)))
        html = render_to_string(section.template, context)
    items = html.split("<ul>", 1)[1].split("</ul>", 1)[0]
    assert items.count("<li><bdi>") == len(context["new_hosts"]) == 2
    assert "; " not in items
