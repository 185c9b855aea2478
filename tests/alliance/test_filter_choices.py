"""A filter's empty choice says what it keeps ("All regions"), never "---------"."""

import pytest
from django.urls import reverse

from tests.factories import CentreFactory


@pytest.mark.parametrize(("url_name", "labels"), [
    ("centres:index", ["All regions", "All countries", "All objectives", "All stages"]),
    ("board:member-list", ["All roles", "All countries"]),
    ("board:meeting-list", ["All formats", "All countries"]),
    ("board:recommendation-list", ["All statuses", "All kinds"]),
    ("board:expert-list", ["All areas of expertise", "All countries"]),
    ("board:foresight-list", ["All statuses"]),
])
def test_public_filters_offer_all_instead_of_dashes(client, db, url_name, labels):
    CentreFactory()
    html = client.get(reverse(url_name)).content.decode()
    assert "---------" not in html
    for label in labels:
        assert f">{label}</option>" in html
