"""The directory names countries as the UN does and finds centres by a country's name in any
of the six languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import StagedCentreFactory


def test_the_directory_filter_and_the_centre_page_use_the_un_names(client, call):
    centre = StagedCentreFactory(application__call=call, status="operating", country="KR",
                                 name="Seoul Centre")
    for language, name in (("en", "Republic of Korea"), ("zh-hans", "大韩民国"), ("ar", "جمهورية كوريا")):
        with translation.override(language):
            directory = client.get(reverse("centres:index")).content.decode()
            detail = client.get(centre.get_absolute_url()).content.decode()
        assert f'<option value="KR">{name}</option>' in directory, language
        assert name in detail, language


@pytest.mark.parametrize("query", ["كوريا", "大韩民国", "Corée"])
def test_the_directory_search_finds_centres_by_country_name_in_any_language(client, call, query):
    StagedCentreFactory(application__call=call, status="operating", country="KR", name="Seoul Centre")
    StagedCentreFactory(application__call=call, status="operating", country="KE", name="Nairobi Centre")
    page = client.get(reverse("centres:index"), {"q": query}).content.decode()
    assert "Seoul Centre" in page and "Nairobi Centre" not in page
