"""Posting an admin change form as a browser would: the page's own values, with the test's changes."""

from django import forms

MULTIPLE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


def _value(value):
    if hasattr(value, "pk"):
        return value.pk
    return "" if value is None else value


def _add(data: dict, form) -> None:
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        value = form[name].value()
        key = form.add_prefix(name)
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):  # the admin's date and time boxes
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, (subwidget, part) in enumerate(zip(widget.widgets, parts, strict=True)):
                data[f"{key}_{index}"] = subwidget.format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple) or isinstance(field, MULTIPLE):
            data[key] = [_value(item) for item in value or ()]
        else:
            data[key] = _value(value)


def admin_form_data(response, **changes) -> dict:
    """The data an admin add or change page would post untouched (main form and the inlines' saved
    rows, no extra rows), updated with ``changes``."""
    data: dict = {}
    _add(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[management.add_prefix(name)] = management[name].value()
        data[management.add_prefix("TOTAL_FORMS")] = len(formset.initial_forms)
        for form in formset.initial_forms:
            _add(data, form)
    data.update(changes)
    return data
