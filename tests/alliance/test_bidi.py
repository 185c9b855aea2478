"""Stored text embedded in a translated sentence is isolated (<bdi>), so that an English name in
an Arabic sentence keeps the sentence's full stop where it belongs."""

from __future__ import annotations

from types import SimpleNamespace

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation


def test_bdi_isolates_and_escapes_the_value():
    rendered = Template("{% load bidi %}[{{ name|bdi }}][{{ empty|bdi }}]").render(
        Context({"name": "R&D <Lab>", "empty": ""}))
    assert rendered == "[<bdi>R&amp;D &lt;Lab&gt;</bdi>][]"


def test_a_service_name_in_an_arabic_sentence_is_isolated():
    service = SimpleNamespace(name="Innovation Café", slug="innovation-cafe")
    with translation.override("ar"):
        html = render_to_string("dtlab/public/service_request_sent.html", {"service": service})
    assert "<bdi>Innovation Café</bdi>" in html

