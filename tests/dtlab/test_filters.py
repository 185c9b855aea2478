"""The playbooks' library page and the API filter through one definition of what they share
(dtlab.filters.PlaybookFilterSet): the same query finds the same playbooks on both."""

import pytest
from django.urls import reverse

from dtlab.filters import PlaybookAPIFilter, PlaybookFilter
from tests.factories import PlaybookDocumentFactory, PlaybookFactory

pytestmark = pytest.mark.django_db


def _page_and_api(client, **query) -> tuple[list[str], list[str]]:
    page = client.get(reverse("dtlab:playbook-list"), query)
    api = client.get("/api/v1/playbooks/", query)
    assert (page.status_code, api.status_code) == (200, 200)
    return ([playbook.slug for playbook in page.context["playbooks"]],
            [playbook["slug"] for playbook in api.json()["results"]])


@pytest.mark.parametrize("name", ["topic", "status", "language"])
def test_the_library_page_and_the_api_filter_with_the_same_filter(name):
    assert PlaybookFilter.base_filters[name] is PlaybookAPIFilter.base_filters[name]


def test_a_playbook_available_in_french_is_found_alike_on_the_page_and_in_the_api(client):
    french = PlaybookDocumentFactory(language="fr").version.playbook
    PlaybookDocumentFactory(language="en")
    assert _page_and_api(client, language="fr") == ([french.slug], [french.slug])


def test_text_in_another_language_is_found_by_the_pages_q_and_the_apis_search(client):
    found = PlaybookFactory(title_fr="Prospective stratégique")
    PlaybookFactory(title_en="Digital skills")
    page = client.get(reverse("dtlab:playbook-list"), {"q": "prospective"})
    api = client.get("/api/v1/playbooks/", {"search": "prospective"})
    assert [playbook.slug for playbook in page.context["playbooks"]] == [found.slug]
    assert [playbook["slug"] for playbook in api.json()["results"]] == [found.slug]
