"""Every form renders with the project's template (FORM_RENDERER): required fields are marked and
the mark explained, a form with errors opens with a summary linking each field, and each field's
error is tied to it (aria-describedby, aria-invalid)."""

import re

from django import forms
from django.urls import reverse


class _Form(forms.Form):
    name = forms.CharField(label="Name")
    nickname = forms.CharField(label="Nickname", required=False)
    colours = forms.MultipleChoiceField(label="Colours", choices=[("r", "Red"), ("g", "Green")],
                                        widget=forms.CheckboxSelectMultiple)


def test_any_form_renders_with_the_project_template():
    html = str(_Form())
    assert '<p class="required-note">Fields marked with * are required.</p>' in html
    assert re.search(r'<label for="id_name">Name<span class="required-mark" aria-hidden="true"> \*</span>'
                     r'</label>', html)
    assert '<label for="id_nickname">Nickname</label>' in html
    assert re.search(r'<input type="text" name="name"[^>]* required', html)
    assert "error-summary" not in html


def test_a_form_without_required_fields_explains_no_mark():
    class Optional(forms.Form):
        note = forms.CharField(required=False)

    assert "required-note" not in str(Optional())


def test_errors_are_summarised_at_the_top_with_a_link_to_each_field():
    form = _Form(data={"name": "", "colours": []})
    html = str(form)
    summary = re.search(r'<div class="error-summary form-errors" role="alert" tabindex="-1" autofocus'
                        r'[^>]*>(.*?)</div>', html, re.S)
    assert summary, html
    assert html.index("error-summary") < html.index('name="name"')
    links = re.findall(r'<a href="#([^"]+)">', summary.group(1))
    assert links == ["id_name", "id_colours_0"]  # a group of check boxes: its first box
    assert re.search(r'<input type="text" name="name"[^>]*aria-invalid="true"', html)
    assert re.search(r'<input type="text" name="name"[^>]*aria-describedby="id_name_error"', html)
    assert '<div class="errors" id="id_name_error">' in html


def test_a_public_form_sent_empty_opens_with_the_summary(client, db):
    response = client.post(reverse("centres:apply"), {})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary form-errors" role="alert"' in html
    assert '<a href="#id_organisation">' in html and '<a href="#id_objectives_0">' in html
    assert re.search(r'<input type="text" name="organisation"[^>]*required', html)
