from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from alliance.models import StrategicObjective
from alliance.templatetags.portal import usd, usd_millions

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load portal %}" + source).render(Context(context))


def test_localized_shows_the_active_languages_text():
    objective = StrategicObjective.objects.get(number=4)
    with translation.override("fr"):
        assert render('{% localized o "name" %}', o=objective) == "Expérimentation en matière de politiques"


def test_localized_falls_back_to_english_and_says_so():
    objective = StrategicObjective.objects.get(number=4)
    objective.description_ru = ""
    with translation.override("ru"):
        html = render('{% localized o "description" %}', o=objective)
    assert '<span lang="en" dir="ltr">Enables agile policy making' in html
    assert 'class="fallback-note"' in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_localized_escapes_stored_text_in_either_language(language):
    objective = StrategicObjective.objects.get(number=4)
    objective.description_en = '<script>alert("x")</script>'
    objective.description_ru = "" if language == "ru" else objective.description_ru
    with translation.override(language):
        html = render('{% localized o "description" %}', o=objective)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_localized_has_no_paragraphs_option_that_returned_stored_text_unescaped():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        render('{% localized o "description" paragraphs=True %}', o=None)


def test_usd_groups_digits_for_the_language():
    with translation.override("en"):
        assert usd(Decimal("19820000.00")) == "USD 19,820,000"
    with translation.override("fr"):
        assert usd(Decimal("19820000")) == "19\xa0820\xa0000 USD"


def test_usd_millions_rounds_to_one_decimal():
    with translation.override("en"):
        assert usd_millions(Decimal("33812345.67")) == "USD 33.8 million"
    assert usd_millions(None) == ""
