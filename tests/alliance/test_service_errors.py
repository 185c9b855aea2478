"""A service's ValidationError, with field errors or a plain message, shown by a form and by the API."""

from django import forms
from django.core.exceptions import ValidationError

from alliance.api import as_api_error
from alliance.core.admin_forms import add_service_error


class NameForm(forms.Form):
    name = forms.CharField()


def _form() -> NameForm:
    form = NameForm({"name": "Ada"})
    assert form.is_valid()
    return form


def test_a_form_shows_a_field_error_on_its_field_and_an_unknown_field_above_the_form():
    form = _form()
    add_service_error(form, ValidationError({"name": "Taken.", "email": "Unknown address."}))
    assert form.errors == {"name": ["Taken."], "__all__": ["Unknown address."]}


def test_a_form_shows_a_plain_message_above_the_form():
    form = _form()
    add_service_error(form, ValidationError("Too late: the call is closed."))
    assert form.errors == {"__all__": ["Too late: the call is closed."]}


def test_a_form_shows_a_message_with_parameters_filled_in():
    form = _form()
    add_service_error(form, ValidationError("A request that is %(current)s cannot move.",
                                            params={"current": "completed"}))
    assert form.non_field_errors() == ["A request that is completed cannot move."]


def test_the_api_answers_field_errors_by_field():
    assert as_api_error(ValidationError({"name": "Taken."})).detail == {"name": ["Taken."]}


def test_the_api_answers_a_plain_message_as_a_non_field_error():
    detail = as_api_error(ValidationError(["First.", "Second."])).detail
    assert detail == {"non_field_errors": ["First.", "Second."]}
