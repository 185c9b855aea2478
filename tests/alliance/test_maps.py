"""The maps of the public pages: the centres by country on the directory, the year's agreements by
ITU region on the partnerships page; inline SVG drawn from the data, named and described for
assistive technology, with a table of the same figures."""

from __future__ import annotations

import datetime
import gzip
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.core import maps
from alliance.countries import ITU_REGIONS
from centres.models import Centre
from partnerships.models import AgreementRegion
from tests.factories import CentreFactory, PartnershipAgreementFactory

pytestmark = pytest.mark.django_db


def _svg(page: str, map_id: str) -> ET.Element:
    found = re.search(rf'<figure class="map" id="{map_id}">(<svg.*?</svg>)', page, re.S)
    assert found, f"no map {map_id} on the page"
    return ET.fromstring(found.group(1))


def _directory(client, language: str = "en") -> str:
    with translation.override(language):
        url = reverse("centres:index")
    return client.get(url).content.decode()


def test_the_centres_map_marks_each_country_that_has_a_centre(client):
    CentreFactory(country="KE")
    CentreFactory(country="KE", status=Centre.Status.OPERATING)
    CentreFactory(country="BR")
    CentreFactory(country="FR", status=Centre.Status.REMOVED)
    svg = _svg(_directory(client), "centres-map")
    marks = {circle.get("data-country"): circle.findtext("title") for circle in svg.iter("circle")}
    assert marks == {"KE": "Kenya: 2 centres", "BR": "Brazil: 1 centre"}
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "centres-map-title"
    assert svg.find("title").get("id") == "centres-map-title"
    description = svg.find("desc")
    assert description.get("id") == svg.get("aria-describedby")
    assert description.text == "Acceleration Centres in 2 countries: Brazil: 1 centre; Kenya: 2 centres."


def test_a_country_with_more_centres_gets_a_larger_mark(client):
    CentreFactory(country="KE")
    CentreFactory(country="KE")
    CentreFactory(country="KE")
    CentreFactory(country="BR")
    marks = _svg(_directory(client), "centres-map").iter("circle")
    radius = {c.get("data-country"): float(c.get("r")) for c in marks}
    assert radius["KE"] > radius["BR"]


def test_the_centres_map_has_a_table_of_the_same_counts_linked_from_it(client):
    CentreFactory(country="KE")
    CentreFactory(country="KE")
    CentreFactory(country="GH")
    page = _directory(client)
    table = re.search(r'<table id="centres-by-country">.*?</table>', page, re.S).group(0)
    rows = re.findall(r'<th scope="row">(.*?)</th><td class="num">(\d+)</td>', table)
    assert rows == [("Ghana", "1"), ("Kenya", "2")]
    assert 'href="#centres-by-country"' in page


def test_no_centre_gives_an_empty_state_and_no_map(client):
    CentreFactory(country="KE", status=Centre.Status.REMOVED)
    page = _directory(client)
    assert "No centre is on the map yet." in page
    assert 'id="centres-map"' not in page and 'id="centres-by-country"' not in page


def test_a_new_centre_shows_on_the_cached_map_at_once(client):
    CentreFactory(country="KE")
    _directory(client)
    CentreFactory(country="GH")
    marks = {c.get("data-country") for c in _svg(_directory(client), "centres-map").iter("circle")}
    assert marks == {"KE", "GH"}


def test_the_arabic_directory_draws_the_map_with_arabic_names(client):
    CentreFactory(country="KE")
    assert "Kenya" in _directory(client, "en")  # the English map is cached first
    page = _directory(client, "ar")
    svg = _svg(page, "centres-map")
    assert [c.get("data-country") for c in svg.iter("circle")] == ["KE"]
    assert "كينيا" in svg.find("desc").text


def test_a_map_is_not_mirrored_in_a_right_to_left_language():
    drawn = {"map_id": "m", "title": "t", "countries": [("KE", 1)], "table_id": "x", "table_label": "x"}
    with translation.override("ar"):
        arabic = maps.centres_map(**drawn)
    with translation.override("en"):
        english = maps.centres_map(**drawn)
    position = re.compile(r'cx="[^"]+" cy="[^"]+"')
    assert position.findall(str(arabic)) == position.findall(str(english))


def test_a_country_without_a_known_point_is_named_but_not_marked():
    with translation.override("en"):
        html = str(maps.centres_map(map_id="m", title="t", countries=[("KE", 1), ("BV", 1)],
                                    table_id="x", table_label="x"))
    assert 'data-country="KE"' in html and 'data-country="BV"' not in html
    assert "Bouvet Island: 1 centre" in html


def test_the_partnerships_map_writes_each_regions_agreements_on_it(client):
    for region, n in ((AgreementRegion.AFRICA, 3), (AgreementRegion.EUROPE, 1), (AgreementRegion.GLOBAL, 2)):
        for _ in range(n):
            PartnershipAgreementFactory(region=region, signed_on=datetime.date(2024, 5, 1))
    PartnershipAgreementFactory(region=AgreementRegion.CIS, signed_on=datetime.date(2023, 5, 1))
    page = client.get(reverse("partnerships:index") + "?year=2024").content.decode()
    svg = _svg(page, "regions-map")
    numbers = {group.get("data-region-label"): group.findtext("text") for group in svg.iter("g")
               if group.get("data-region-label")}
    assert numbers == {"africa": "3", "europe": "1", "americas": "0", "arab_states": "0",
                       "asia_pacific": "0", "cis": "0"}
    assert svg.find("title").text == "Map of the agreements signed in 2024 by ITU region"
    assert "Africa: 3 agreements" in svg.find("desc").text
    caption = re.search(r'<figcaption class="map-caption">(.*?)</figcaption>', page, re.S).group(1)
    assert "Global: 2 agreements." in caption and 'href="#regions-table"' in caption
    assert '<table id="regions-table">' in page


def _fills(html: str) -> dict[str, str]:
    """country code -> the fill of the region group its outline is drawn in."""
    svg = ET.fromstring(re.search(r"(<svg.*?</svg>)", html, re.S).group(1))
    return {path.get("data-country"): group.get("fill") for group in svg.iter("g") if group.get("fill")
            for path in group.iter("path")}


def test_each_country_is_filled_with_its_regions_share_of_the_agreements():
    regions = [("africa", "Africa", 8), ("americas", "Americas", 6), ("arab_states", "Arab States", 4),
               ("asia_pacific", "Asia-Pacific", 1), ("cis", "CIS", 0), ("europe", "Europe", 3),
               ("global", "Global", 5)]
    with translation.override("en"):
        html = str(maps.agreements_map(map_id="m", title="t", table_id="x", table_label="x",
                                       region_of=ITU_REGIONS, regions=regions))
    fills = _fills(html)
    darkest, dark, light, lightest = reversed(maps.SHADES)
    assert fills["KE"] == fills["NG"] == darkest          # Africa: the largest share
    assert fills["BR"] == fills["US"] == dark              # Americas: 6 of 8
    assert fills["EG"] == fills["SA"] == light             # Arab States: 4 of 8 (Egypt is an Arab State)
    assert fills["FR"] == fills["TR"] == light             # Europe: 3 of 8
    assert fills["IN"] == fills["AU"] == lightest          # Asia-Pacific: 1 of 8
    assert fills["RU"] == fills["KZ"] == maps.EMPTY_FILL   # CIS: no agreement
    assert fills["GL"] == maps.LAND_FILL                   # a territory of no region: unshaded
    # The figures are in the description, every one of them, and written on the map.
    desc = ET.fromstring(re.search(r"(<svg.*?</svg>)", html, re.S).group(1)).find("desc").text
    for _code, label, count in regions:
        assert f"{label}: {count} agreement" in desc
    assert re.findall(r'data-region-label="(\w+)">.*?<text [^>]*>(\d+)</text>', html) == [
        (code, str(count)) for code, _label, count in regions if code != "global"]


def test_with_no_agreement_every_region_has_the_empty_fill():
    regions = [(code, code, 0) for code in maps.REGION_POINTS]
    with translation.override("en"):
        fills = _fills(str(maps.agreements_map(map_id="m", title="t", table_id="x", table_label="x",
                                                      region_of=ITU_REGIONS,
                                               regions=regions)))
    assert {fills[code] for code in ("KE", "BR", "EG", "IN", "RU", "FR")} == {maps.EMPTY_FILL}


def test_the_shades_stand_out_from_the_sea_and_go_from_light_to_dark():
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    contrasts = [1.05 / (luminance(shade) + 0.05) for shade in maps.SHADES]
    assert min(contrasts) >= 3 and contrasts == sorted(contrasts)
    assert [maps.shade(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [
        maps.EMPTY_FILL, *maps.SHADES[:1] * 2, *maps.SHADES[1:2] * 2, maps.SHADES[2], maps.SHADES[3]]


def test_every_itu_member_state_belongs_to_one_region_and_is_drawn():
    from alliance.core.world_outline import COUNTRY_SHAPES
    from alliance.countries import ITU_MEMBER_STATE_CODES

    assert set(ITU_MEMBER_STATE_CODES) <= set(ITU_REGIONS)
    assert set(ITU_REGIONS.values()) == set(maps.REGION_POINTS)
    # Every Member State large enough to be drawn at 1:110m has its outline.
    assert len(set(ITU_REGIONS) & set(COUNTRY_SHAPES)) >= 160


def test_the_map_of_regions_is_not_mirrored_in_arabic():
    drawn = {"map_id": "m", "title": "t", "table_id": "x", "table_label": "x", "region_of": ITU_REGIONS,
             "regions": [("africa", "Africa", 2), ("europe", "Europe", 1)]}
    with translation.override("ar"):
        arabic = str(maps.agreements_map(**drawn))
    with translation.override("en"):
        english = str(maps.agreements_map(**drawn))
    geometry = re.compile(r' (?:d|cx|cy)="[^"]+"')
    assert geometry.findall(arabic) == geometry.findall(english)
    assert "transform" not in arabic and "scale(-1" not in arabic


def test_the_world_outline_stays_small_when_compressed():
    """Every public page must stay under 60 KB compressed (speed issue): the land costs a few."""
    path = maps.land_path()
    assert len(gzip.compress(path.encode())) < 4_000
    assert path.count("M") > 40


def test_the_projection_keeps_every_country_point_inside_the_drawing():
    from alliance.core.world_outline import COUNTRY_POINTS

    for lon, lat in COUNTRY_POINTS.values():
        x, y = maps.project(lon, max(min(lat, maps.NORTH), maps.SOUTH))
        assert 0 <= x <= maps.WIDTH and 0 <= y <= maps.HEIGHT


def test_every_itu_member_state_has_a_point_on_the_map():
    from alliance.core.world_outline import COUNTRY_POINTS
    from alliance.countries import ITU_MEMBER_STATE_CODES

    assert set(ITU_MEMBER_STATE_CODES) <= set(COUNTRY_POINTS)


def test_a_region_drawn_nowhere_ends_its_sentence_with_the_languages_full_stop():
    regions = [("africa", "Africa", 3), ("global", "Global", 2)]
    with translation.override("zh-hans"):
        html = str(maps.agreements_map(map_id="m", title="t", table_id="x", table_label="x",
                                       region_of=ITU_REGIONS, regions=regions))
    assert "Global：2 项协议。" in html and "协议." not in html
    with translation.override("en"):
        html = str(maps.agreements_map(map_id="m", title="t", table_id="x", table_label="x",
                                       region_of=ITU_REGIONS, regions=regions))
    assert "Global: 2 agreements." in html


SEPARATOR = ("between the items of a list", "; ")


@pytest.fixture
def list_separators():
    """The separators of the catalogues (ours come with the branch's translations; until they are
    compiled in, the same entries are put in the loaded catalogue, as the .po files hold them)."""
    from django.utils.translation import trans_real

    for language, separator in (("zh-hans", "；"), ("ar", "؛ ")):
        catalog = trans_real.translation(language)._catalog
        key = "\x04".join(SEPARATOR)
        if key not in catalog:
            catalog[key] = separator


@pytest.mark.parametrize(("language", "separator"), [("en", "; "), ("zh-hans", "；"), ("ar", "؛ ")])
def test_the_maps_join_their_phrases_with_the_languages_separator(list_separators, language, separator):
    with translation.override(language):
        regions = str(maps.agreements_map(map_id="m", title="t", table_id="x", table_label="x",
                                                      region_of=ITU_REGIONS, regions=[
            ("africa", "Africa", 3), ("europe", "Europe", 1)]))
        centres = str(maps.centres_map(map_id="c", title="t", countries=[("KE", 1), ("BR", 2)],
                                       table_id="x", table_label="x"))
        phrases = [maps._agreements_phrase("Africa", 3), maps._agreements_phrase("Europe", 1)]
    for html in (regions, centres):
        desc = ET.fromstring(re.search(r"(<svg.*?</svg>)", html, re.S).group(1)).find("desc").text
        assert desc.count(separator) == 1, desc
        if language != "en":
            assert "; " not in desc
    assert separator.join(phrases) in regions
