"""Countries are named as the United Nations name them, in the six languages, and the fields
that mean a Member State offer the Member States only."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from alliance.countries import (
    BENEFICIARY_CODES,
    ITU_MEMBER_STATE_CODES,
    MEMBER_STATES,
    codes_named,
    member_states,
)
from board.forms import ExpertRequestForm
from centres.forms import ApplicationForm
from partnerships.forms import PledgeForm

UN_ENGLISH_NAMES = {
    "KR": "Republic of Korea",
    "KP": "Democratic People's Republic of Korea",
    "RU": "Russian Federation",
    "TR": "Türkiye",
    "IR": "Iran (Islamic Republic of)",
    "BO": "Bolivia (Plurinational State of)",
    "VE": "Venezuela (Bolivarian Republic of)",
    "TZ": "United Republic of Tanzania",
    "VN": "Viet Nam",
    "LA": "Lao People's Democratic Republic",
    "SY": "Syrian Arab Republic",
    "MD": "Republic of Moldova",
    "GB": "United Kingdom of Great Britain and Northern Ireland",
    "US": "United States of America",
    "CI": "Côte d'Ivoire",
    "NR": "Nauru",
    "FM": "Micronesia (Federated States of)",
    "NL": "Netherlands (Kingdom of the)",
    "CZ": "Czechia",
    "SZ": "Eswatini",
    "MK": "North Macedonia",
    "CV": "Cabo Verde",
    "BN": "Brunei Darussalam",
    "CD": "Democratic Republic of the Congo",
    "VA": "Holy See",
    "PS": "State of Palestine",
    "HK": "China, Hong Kong Special Administrative Region",
}

# One Member State in each language, as UNTERM writes it.
UN_NAMES_BY_LANGUAGE = {
    "ar": {"KR": "جمهورية كوريا", "RU": "الاتحاد الروسي", "EG": "مصر"},
    "zh-hans": {"KR": "大韩民国", "RU": "俄罗斯联邦", "GB": "大不列颠及北爱尔兰联合王国"},
    "fr": {"KR": "République de Corée", "BO": "Bolivie (État plurinational de)", "TR": "Türkiye"},
    "ru": {"KR": "Республика Корея", "VE": "Венесуэла (Боливарианская Республика)",
           "MD": "Республика Молдова"},
    "es": {"KR": "República de Corea", "TZ": "República Unida de Tanzanía",
           "IR": "Irán (República Islámica del)"},
}


def test_countries_carry_their_un_english_names():
    for code, name in UN_ENGLISH_NAMES.items():
        assert countries.name(code) == name, code


@pytest.mark.parametrize("language", list(UN_NAMES_BY_LANGUAGE))
def test_countries_carry_their_un_names_in_each_language(language):
    with translation.override(language):
        for code, name in UN_NAMES_BY_LANGUAGE[language].items():
            assert countries.name(code) == name, code


def test_every_un_member_state_has_a_name_in_each_of_the_six_languages():
    assert len(MEMBER_STATES) == 193
    for code, names in MEMBER_STATES.items():
        assert len(names) == 6 and all(name.strip() and "(the)" not in name for name in names), code
    # The ISO short forms django-countries ships are gone.
    assert not {"South Korea", "North Korea", "Russia", "Turkey", "Taiwan", "Vietnam"} & {
        name for _code, name in countries}


def test_member_state_choices_are_the_194_itu_member_states_without_territories():
    codes = {code for code, _name in member_states}
    assert codes == set(ITU_MEMBER_STATE_CODES) and len(codes) == 194
    assert "VA" in codes  # the Vatican City State is an ITU Member State
    assert not {"TW", "HK", "MO", "PR", "PS", "AQ", "GL"} & codes
    assert set(BENEFICIARY_CODES) == codes | {"PS"}


def test_the_apply_form_offers_no_territory_and_refuses_one(client, db):
    page = client.get(reverse("centres:apply")).content.decode()
    offered = set(re.findall(r'<option value="([A-Z]{2})"', page))
    assert offered == set(ITU_MEMBER_STATE_CODES)
    assert '<option value="KR">Republic of Korea</option>' in page
    form = ApplicationForm(data={"country": "TW"})
    assert "country" in form.errors
    form = ApplicationForm(data={"country": "KR"})
    assert "country" not in form.errors


def test_the_pledge_form_targets_member_states_and_palestine_but_a_pledger_may_be_anywhere(db):
    form = PledgeForm()
    assert {code for code, _name in form.fields["target_countries"].choices} == set(BENEFICIARY_CODES)
    assert "HK" in {code for code, _name in form.fields["country"].choices}


def test_forms_name_countries_in_the_visitors_language_not_the_language_of_the_import(db):
    with translation.override("zh-hans"):
        assert ("KR", "大韩民国") in list(ExpertRequestForm().fields["country"].choices)
        assert ("KR", "大韩民国") in list(PledgeForm().fields["country"].choices)
        assert ("KR", "大韩民国") in list(ApplicationForm().fields["country"].choices)


def test_a_country_is_found_by_its_name_in_any_language():
    assert codes_named("كوريا") == {"KR", "KP"}
    assert codes_named("大韩民国") == {"KR"}
    assert "KR" in codes_named("corée")
    assert codes_named("  ") == set()


@pytest.mark.django_db
def test_the_demo_data_stores_member_states_where_a_field_means_one():
    from board.models import Meeting
    from centres.models import Application, Centre
    from dtlab.models import ProjectConcept, RIACohort
    from partnerships.models import Pledge

    call_command("load_demo", verbosity=0)
    itu = set(ITU_MEMBER_STATE_CODES)
    stored = {
        "application": {a.country.code for a in Application.objects.all()},
        "centre": {c.country.code for c in Centre.objects.all()},
        "meeting": {m.country.code for m in Meeting.objects.all()},
        "cohort": {c.country.code for c in RIACohort.objects.all()}
        | {p.code for c in RIACohort.objects.all() for p in c.participating_countries},
        "concept": {p.lead_country.code for p in ProjectConcept.objects.all()},
    }
    for field, codes in stored.items():
        assert codes and codes <= itu, (field, codes - itu)
    targets = {c.code for p in Pledge.objects.all() for c in p.target_countries}
    assert targets <= set(BENEFICIARY_CODES)


@pytest.mark.parametrize(("url", "field"), [
    ("admin:centres_centre_add", "country"), ("admin:centres_application_add", "country"),
    ("admin:board_meeting_add", "country"), ("admin:dtlab_riacohort_add", "participating_countries"),
    ("admin:dtlab_projectconcept_add", "lead_country"),
])
def test_the_administration_offers_member_states_where_a_field_means_one(admin_client, url, field):
    form = admin_client.get(reverse(url)).context["adminform"].form
    assert {code for code, _name in form.fields[field].choices if code} == set(ITU_MEMBER_STATE_CODES)


def test_the_administration_offers_every_country_where_a_field_does_not_mean_a_member_state(admin_client):
    form = admin_client.get(reverse("admin:board_expert_add")).context["adminform"].form
    assert "HK" in {code for code, _name in form.fields["country"].choices}
