from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from alliance.reports.registry import Period, ReportKind, sections_for

YEAR_2024 = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


def render(kind: str, language: str) -> dict[str, str]:
    with translation.override(language):
        return {s.key: render_to_string(s.template, {**s.collect(YEAR_2024), "period": YEAR_2024})
                for s in sections_for(kind)}


def test_the_partnerships_report_follows_seed_002(demo):
    sections = render(ReportKind.PARTNERSHIPS, "en")
    assert list(sections) == ["summary", "action_required", "references", "background", "strategic_goal",
                              "results", "top_partners", "by_region", "by_priority", "trend", "impact",
                              "next_steps"]
    results = sections["results"]
    assert "signed 89 partnership agreements, 53 of which" in results
    assert "about USD 33.8 million, 92 % from BDT's partners and 8 % from ITU" in results
    assert "19 Member States, 7 ITU-D Sector Members, 3 Academia and 2 regional" in results
    assert "33 signed financial contributions totalling about USD 31.1 million" in results
    assert 'role="img"' in results and "<title" in results and "<desc" in results
    top = sections["top_partners"]
    assert "European Union, represented by the European Commission" in top
    assert "<td class=\"num\">19.82</td>" in top and "<td class=\"num\">0.37</td>" in top
    assert ">2020</th>" in sections["trend"] and ">2024</th>" in sections["trend"]
    assert "(illustrative)" in sections["impact"]


def test_report_figures_follow_the_language(demo):
    sections = render(ReportKind.PARTNERSHIPS, "ru")
    assert "<td class=\"num\">19,82</td>" in sections["top_partners"]
    assert "Европейский союз в лице Европейской комиссии" in sections["top_partners"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_p2c_report_has_pledges_progress_and_leads(demo, language):
    sections = render(ReportKind.P2C, language)
    assert list(sections) == ["summary", "action_required", "pledges", "progress", "governance"]
    assert "Declined" not in sections["pledges"]
    assert "(illustrative)" in sections["governance"]


def test_unpublished_pledges_stay_out_of_the_report(demo):
    from partnerships.models import Pledge

    hidden = Pledge.objects.exclude(status="published").values_list("title", flat=True)
    text = "".join(render(ReportKind.P2C, "en").values())
    assert hidden and not any(title in text for title in hidden)
