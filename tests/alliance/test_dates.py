"""One way of writing a date per language, from the locale, everywhere."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone, translation

DAY = datetime.date(2024, 10, 28)
MOMENT = datetime.datetime(2024, 10, 28, 14, 5, tzinfo=datetime.UTC)

EXPECTED = {
    "en": ("28 October 2024", "28 October 2024, 14:05"),
    "fr": ("28 octobre 2024", "28 octobre 2024, 14:05"),
    "es": ("28 de octubre de 2024", "28 de octubre de 2024, 14:05"),
    "ru": ("28 октября 2024 г.", "28 октября 2024 г., 14:05"),
    "ar": ("28 أكتوبر 2024", "28 أكتوبر 2024، 14:05"),
    "zh-hans": ("2024年10月28日", "2024年10月28日 14:05"),
}

# What a template may pass to |date: a format named by the locale; "Y-m-d" only for a machine
# (the datetime attribute of <time>).
NAMED_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT",
                 "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"}


def test_every_language_has_its_formats():
    assert sorted(EXPECTED) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize("language", list(EXPECTED))
def test_a_date_is_written_one_way_per_language_whatever_the_template_asks(language):
    date_text, datetime_text = EXPECTED[language]
    template = Template('{{ day }}|{{ day|date }}|{{ day|date:"DATE_FORMAT" }}'
                        '|{{ day|date:"SHORT_DATE_FORMAT" }}#{{ moment }}|{{ moment|date:"DATETIME_FORMAT" }}'
                        '|{{ moment|date:"SHORT_DATETIME_FORMAT" }}')
    with translation.override(language):
        dates, datetimes = template.render(Context({"day": DAY, "moment": MOMENT})).split("#")
    assert set(dates.split("|")) == {date_text}
    assert set(datetimes.split("|")) == {datetime_text}


@pytest.mark.parametrize("language", ["zh-hans", "ar", "ru"])
def test_a_page_writes_meeting_dates_in_the_locales_format(language):
    meeting = {"start_date": DAY, "end_date": DAY + datetime.timedelta(days=1)}
    with translation.override(language):
        html = render_to_string("board/public/_meeting_dates.html", {"meeting": meeting})
        expected_end = Template("{{ d }}").render(Context({"d": meeting["end_date"]}))
    assert EXPECTED[language][0] in html and expected_end in html
    assert "十月" not in html


def test_no_template_hard_codes_a_date_format():
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*"):
        if not path.is_file() or path.suffix not in {".html", ".txt", ".xml", ".svg"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = re.sub(r'datetime="[^"]*"', "", line)
            for argument in re.findall(r"\|date:\s*[\"']([^\"']*)[\"']", line):
                if argument not in NAMED_FORMATS:
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{number}: {argument}")
    assert not offenders, offenders


@pytest.mark.parametrize("language", ["zh-hans", "ar", "en"])
def test_a_centres_progress_report_is_named_with_the_locales_dates(language):
    from centres.models import CentreProgressReport

    report = CentreProgressReport(period_start=DAY, period_end=DAY + datetime.timedelta(days=1))
    with translation.override(language):
        name = str(report)
        end = Template("{{ d }}").render(Context({"d": report.period_end}))
    assert EXPECTED[language][0] in name and end in name
    assert "2024-10-28" not in name


@pytest.mark.parametrize("language", ["zh-hans", "ar"])
def test_a_centres_agreement_document_and_message_are_named_with_the_locales_dates(language):
    from centres.models import (
        Centre,
        CentreDocument,
        CentreDocumentVersion,
        CentreMessage,
        CooperationAgreement,
    )

    centre = Centre(name="Hub")
    agreement = CooperationAgreement(centre=centre, starts_on=DAY, ends_on=DAY)
    version = CentreDocumentVersion(document=CentreDocument(centre=centre, title="Plan"), uploaded_at=MOMENT)
    message = CentreMessage(centre=centre, sent_at=MOMENT)
    with translation.override(language), timezone.override("UTC"):
        names = [agreement.__str__().split(", ", 1)[-1], version.__str__(), message.__str__()]
        moment = Template("{{ m }}").render(Context({"m": MOMENT}))
    assert EXPECTED[language][0] in names[0]
    assert all(moment in name for name in names[1:]), names
    assert not any("2024-10-28" in name for name in names), names


def test_a_pledges_progress_report_is_named_with_the_locales_date():
    from partnerships.models import Pledge, PledgeProgressReport

    report = PledgeProgressReport(pledge=Pledge(title="Schools online"), reported_on=DAY)
    with translation.override("zh-hans"):
        assert str(report).endswith("2024年10月28日")
