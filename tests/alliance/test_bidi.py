"""Stored text embedded in a translated sentence is isolated (<bdi>), so that an English name in
an Arabic sentence keeps the sentence's full stop where it belongs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from board.models import Attendance
from partnerships.models import PledgeStatus
from tests.factories import (
    BoardMemberFactory,
    CentreFactory,
    MeetingFactory,
    PartnershipAgreementFactory,
    PledgeFactory,
)


def test_bdi_isolates_and_escapes_the_value():
    rendered = Template("{% load bidi %}[{{ name|bdi }}][{{ empty|bdi }}]").render(
        Context({"name": "R&D <Lab>", "empty": ""}))
    assert rendered == "[<bdi>R&amp;D &lt;Lab&gt;</bdi>][]"


def test_a_service_name_in_an_arabic_sentence_is_isolated():
    service = SimpleNamespace(name="Innovation Café", slug="innovation-cafe")
    with translation.override("ar"):
        html = render_to_string("dtlab/public/service_request_sent.html", {"service": service})
    assert "<bdi>Innovation Café</bdi>" in html



def _arabic_page(client, url_name: str, *args) -> str:
    from django.urls import reverse

    with translation.override("ar"):
        url = reverse(url_name, args=args)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_centre_names_and_texts_are_isolated_on_the_arabic_directory_and_centre_page(client):
    centre = CentreFactory(name="Kenya Innovation Hub", host_organisation="Ministry of ICT", city="Nairobi",
                           description="A hub for start-ups.")
    assert "<bdi>Kenya Innovation Hub</bdi>" in _arabic_page(client, "centres:index")
    page = _arabic_page(client, "centres:detail", centre.slug)
    assert "<h1><bdi>Kenya Innovation Hub</bdi></h1>" in page
    assert "<bdi>Ministry of ICT</bdi> (" in page and "<bdi>Nairobi</bdi>, " in page
    assert '<p dir="auto">A hub for start-ups.</p>' in page


@pytest.mark.django_db
def test_pledger_and_partner_names_are_isolated_on_the_arabic_partnership_pages(client):
    PledgeFactory(title="Schools online", pledger__organisation="Acme Telecom",
                  status=PledgeStatus.PUBLISHED)
    page = _arabic_page(client, "partnerships:pledges")
    assert "<bdi>Acme Telecom</bdi>" in page and "<bdi>Schools online</bdi>" in page
    PartnershipAgreementFactory(partner__name="Global Fund for Connectivity", signed_on=date(2024, 5, 1),
                                partner_contribution_usd=Decimal("250000"))
    from django.urls import reverse

    with translation.override("ar"):
        url = reverse("partnerships:index") + "?year=2024"
    assert "<bdi>Global Fund for Connectivity</bdi>" in client.get(url).content.decode()


@pytest.mark.django_db
def test_board_member_names_are_isolated_on_the_arabic_board_pages(client):
    member = BoardMemberFactory(full_name="Jane Doe", title="Chief Executive",
                                organisation="Example Networks")
    meeting = MeetingFactory()
    Attendance.objects.create(meeting=meeting, member=member, mode=Attendance.Mode.IN_PERSON)
    listed = _arabic_page(client, "board:member-list")
    assert "<bdi>Jane Doe</bdi>" in listed
    assert "<bdi>Chief Executive</bdi>, <bdi>Example Networks</bdi>" in listed
    assert "<h1><bdi>Jane Doe</bdi></h1>" in _arabic_page(client, "board:member-detail", member.slug)
    assert "<bdi>Jane Doe</bdi>" in _arabic_page(client, "board:meeting-detail", meeting.number)
