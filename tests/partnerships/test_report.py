import re
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
    # The chart's words are HTML text in a figure; its marks' <title> is the PDF's alternative text.
    assert '<figure class="chart' in results and "<figcaption" in results and "<title" in results
    top = sections["top_partners"]
    assert "European Union, represented by the European Commission" in top
    assert "<td class=\"num\">19.82</td>" in top and "<td class=\"num\">0.37</td>" in top
    assert ">2020</th>" in sections["trend"] and ">2024</th>" in sections["trend"]
    assert "(illustrative)" in sections["impact"]


SEED_002_TOP_10_RU = [
    ("Европейский союз в лице Европейской комиссии", "19,82"),
    ("Детский фонд Организации Объединенных Наций", "1,82"),
    ("Управление Организации Объединенных Наций по снижению риска бедствий", "1,75"),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit GmbH", "1,09"),
    ("Всемирная метеорологическая организация", "0,96"),
    ("Министерство инфраструктуры, транспорта, регионального развития, связи и искусств, Австралия", "0,65"),
    ("Министерство иностранных дел, по делам Содружества и развития, Соединенное Королевство", "0,56"),
    ("Министерство информационно-коммуникационных технологий, Колумбия", "0,43"),
    ("EYGS LPP", "0,41"),
    ("Министерство науки и ИКТ, Республика Корея", "0,37"),
]


def test_the_russian_report_has_the_top_10_table_of_seed_002_word_for_word(demo):
    """Seed 002 is in Russian: its table's names and amounts ("19,82 млн") come out as written."""
    top = render(ReportKind.PARTNERSHIPS, "ru")["top_partners"]
    rows = re.findall(r'<tr><th scope="row"><bdi>(.*?)</bdi></th><td class="num">(.*?)</td></tr>', top)
    assert rows == SEED_002_TOP_10_RU


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_p2c_report_has_pledges_progress_and_leads(demo, language):
    sections = render(ReportKind.P2C, language)
    assert list(sections) == ["summary", "action_required", "references", "background", "governance",
                              "roundtable", "pledges", "progress", "next_steps"]
    assert "Declined" not in sections["pledges"]
    assert "(illustrative)" in sections["governance"]


def test_unpublished_pledges_stay_out_of_the_report(demo):
    from partnerships.models import Pledge

    hidden = Pledge.objects.exclude(status="published").values_list("title", flat=True)
    text = "".join(render(ReportKind.P2C, "en").values())
    assert hidden and not any(title in text for title in hidden)
